from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0011_declaration_photos')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ApplicationDraft',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='application_drafts', on_delete=OnDelete.CASCADE)),
                ('enterprise_id', fields.UUIDField(null=True)),
                ('item_code', fields.CharField(max_length=40)),
                ('version', fields.IntField()),
                ('data', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('device', fields.CharField(max_length=120)),
            ],
            options={'table': 'application_draft', 'app': 'palm', 'unique_together': (('account', 'item_code'),), 'pk_attr': 'id', 'table_description': 'An application being filled in, synced from a device so it can be finished on another.'},
            bases=['Model'],
        ),
    ]
