from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.declarations.models import DeclarationStatus, Direction, OutcomeKind, TravelMode
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0004_signing_keys')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Declaration',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('number', fields.CharField(max_length=20)),
                ('version', fields.IntField()),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='declarations', on_delete=OnDelete.RESTRICT)),
                ('status', fields.CharEnumField(description='SUBMITTED: submitted\nSUPERSEDED: superseded\nCLEARED: cleared', enum_type=DeclarationStatus, max_length=12)),
                ('idempotency_key', fields.CharField(max_length=64)),
                ('draft_id', fields.UUIDField(null=True)),
                ('direction', fields.CharEnumField(description='ARRIVING: arriving\nDEPARTING: departing', enum_type=Direction, max_length=10)),
                ('port_code', fields.CharField(max_length=12)),
                ('travel_mode', fields.CharEnumField(description='FLIGHT: flight\nTRAIN: train\nVESSEL: vessel\nVEHICLE: vehicle', enum_type=TravelMode, max_length=8)),
                ('travel_number', fields.CharField(max_length=20)),
                ('scheduled_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('valid_from', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('valid_until', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('travellers', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('articles', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('cash', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('restricted_yes', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('estimate', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('total_duty', fields.DecimalField(max_digits=14, decimal_places=2)),
                ('channel', fields.CharField(max_length=20)),
                ('rule_version', fields.CharField(max_length=40)),
                ('rates_date', fields.DateField()),
                ('credential', fields.TextField(unique=False)),
                ('credential_kid', fields.CharField(max_length=40)),
                ('submitted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'declaration', 'app': 'palm', 'unique_together': (('number', 'version'), ('account', 'idempotency_key')), 'pk_attr': 'id', 'table_description': "One submitted version of a traveller's declaration: immutable once written."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='DeclarationDraft',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='declaration_drafts', on_delete=OnDelete.CASCADE)),
                ('version', fields.IntField()),
                ('data', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('device', fields.CharField(max_length=120)),
            ],
            options={'table': 'declaration_draft', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A draft synced from a device, so it can be finished on another (optimistic versions).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='DutyRuleSet',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('version', fields.CharField(unique=True, max_length=40)),
                ('effective_from', fields.DateField()),
                ('source', fields.CharField(max_length=300)),
                ('data', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('published_by', fields.CharField(max_length=80)),
            ],
            options={'table': 'duty_rule_set', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A published version of the duty rules (allowances, categories, limits, thresholds).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ExchangeRateTable',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('effective_date', fields.DateField(unique=True)),
                ('source', fields.CharField(max_length=300)),
                ('rates', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'exchange_rate_table', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='InspectionOutcome',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('declaration', fields.ForeignKeyField('palm.Declaration', source_field='declaration_id', db_constraint=True, to_field='id', related_name='outcomes', on_delete=OnDelete.RESTRICT)),
                ('officer', fields.ForeignKeyField('palm.Account', source_field='officer_id', db_constraint=True, to_field='id', related_name='inspection_outcomes', on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharEnumField(description='RELEASED: released\nINSPECTED_NO_DISCREPANCY: inspected_no_discrepancy\nDUTY_ASSESSED: duty_assessed\nARTICLES_RETAINED: articles_retained', enum_type=OutcomeKind, max_length=30)),
                ('duty_assessed', fields.DecimalField(null=True, max_digits=14, decimal_places=2)),
                ('reason', fields.CharField(default='', max_length=500)),
                ('receipt_number', fields.CharField(default='', max_length=40)),
                ('idempotency_key', fields.CharField(unique=True, max_length=64)),
                ('recorded_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('observed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'inspection_outcome', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
