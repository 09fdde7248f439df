from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.catalogue.models import PortKindValue
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('seq', fields.BigIntField(unique=True)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('actor', fields.CharField(max_length=80)),
                ('operation', fields.CharField(max_length=80)),
                ('target_ids', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('outcome', fields.CharField(max_length=60)),
                ('request_id', fields.CharField(max_length=64)),
                ('ip', fields.CharField(max_length=64)),
                ('user_agent', fields.CharField(max_length=300)),
                ('prev_hash', fields.CharField(unique=True, max_length=64)),
                ('hash', fields.CharField(unique=True, max_length=64)),
            ],
            options={'table': 'audit_event', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'One append-only, hash-chained record of a mutation (successful or refused).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Feedback',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('message', fields.TextField(unique=False)),
                ('page', fields.CharField(max_length=200)),
                ('language', fields.CharField(max_length=8)),
            ],
            options={'table': 'feedback', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'What a person tells us about the app (anonymous until identity lands).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Port',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=12)),
                ('kind', fields.CharEnumField(description='AIRPORT: airport\nSEAPORT: seaport\nLAND: land\nRAIL: rail', enum_type=PortKindValue, max_length=10)),
                ('name_zh_hans', fields.CharField(max_length=120)),
                ('name_zh_hant', fields.CharField(max_length=120)),
                ('name_en', fields.CharField(max_length=160)),
                ('city_zh_hans', fields.CharField(max_length=60)),
                ('city_zh_hant', fields.CharField(max_length=60)),
                ('city_en', fields.CharField(max_length=80)),
            ],
            options={'table': 'port', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A customs port of entry or exit (airport, seaport, land or rail crossing).'},
            bases=['Model'],
        ),
    ]
