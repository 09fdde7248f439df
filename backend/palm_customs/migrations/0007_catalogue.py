from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.catalogue.models import HandlingMode, ServiceCategory
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0006_notifications')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DataElement',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=40)),
                ('names', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('definition', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('format', fields.CharField(max_length=20)),
                ('rule', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'data_element', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A data-dictionary entry that application forms reference (code, name, format, rule).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MaterialType',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=40)),
                ('names', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('accepted_formats', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('max_bytes', fields.IntField()),
                ('original_on_site', fields.BooleanField(default=False)),
                ('reusable', fields.BooleanField(default=True)),
                ('requires_validity', fields.BooleanField(default=False)),
            ],
            options={'table': 'material_type', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A kind of document an item asks for (a passport, a business licence, an invoice…).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ServiceItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=40)),
                ('version', fields.IntField(default=1)),
                ('category', fields.CharEnumField(description='GOODS_CLEARANCE: goods_clearance\nPASSENGER_ARTICLES: passenger_articles\nTAX: tax\nPROCESSING_TRADE: processing_trade\nENTERPRISE_MANAGEMENT: enterprise_management\nKNOWLEDGE: knowledge', enum_type=ServiceCategory, max_length=24)),
                ('handling_mode', fields.CharEnumField(description='FULLY_ONLINE: fully_online\nPREREVIEW_THEN_ONSITE: prereview_then_onsite\nONSITE_ONLY: onsite_only', enum_type=HandlingMode, max_length=24)),
                ('data', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('search_text', fields.TextField(unique=False)),
                ('published', fields.BooleanField(default=True)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'service_item', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A service in the public catalogue. Every edit is a new version, frozen into applications.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ServiceItemVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(max_length=40)),
                ('version', fields.IntField()),
                ('data', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('published_by', fields.CharField(max_length=80)),
            ],
            options={'table': 'service_item_version', 'app': 'palm', 'unique_together': (('code', 'version'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
