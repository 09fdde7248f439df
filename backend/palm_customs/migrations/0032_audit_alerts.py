from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.alerts.models import AlertKind
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0082_align_merged_models')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AlertCursor',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('seq', fields.BigIntField(default=0)),
            ],
            options={'table': 'alert_cursor', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'How far the evaluator has read the sealed log (one row).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AlertRule',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=40)),
                ('kind', fields.CharEnumField(description='WINDOW_COUNT: window_count\nOUTSIDE_HOURS: outside_hours', enum_type=AlertKind, max_length=20)),
                ('enabled', fields.BooleanField(default=True)),
                ('threshold', fields.IntField(default=1)),
                ('window_minutes', fields.IntField(default=60)),
                ('outcomes', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('exclude_outcomes', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('operations', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('hours_start', fields.CharField(default='08:30', max_length=5)),
                ('hours_end', fields.CharField(default='17:30', max_length=5)),
                ('timezone', fields.CharField(default='Asia/Shanghai', max_length=40)),
                ('updated_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('updated_by', fields.CharField(default='', max_length=80)),
            ],
            options={'table': 'alert_rule', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'One anomaly rule, kept as data: administrators change thresholds and switch rules on and'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Alert',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('rule', fields.ForeignKeyField('palm.AlertRule', source_field='rule_id', db_constraint=True, to_field='id', related_name='alerts', on_delete=OnDelete.CASCADE)),
                ('actor', fields.CharField(db_index=True, max_length=80)),
                ('unit', fields.CharField(default='', db_index=True, max_length=80)),
                ('event_count', fields.IntField()),
                ('first_seq', fields.BigIntField()),
                ('last_seq', fields.BigIntField()),
                ('first_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('raised_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('acknowledged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('acknowledged_by', fields.CharField(default='', max_length=80)),
                ('note', fields.CharField(default='', max_length=200)),
            ],
            options={'table': 'alert', 'app': 'palm', 'unique_together': (('rule', 'actor', 'last_seq'),), 'pk_attr': 'id', 'table_description': 'An anomaly raised by a rule over sealed audit events, for supervisors to acknowledge.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='AuditEvent',
            name='mac_kid',
            field=fields.CharField(default='', db_default='', max_length=16),
        ),
    ]
