from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.core.jobs import JobStatus
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Job',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharField(max_length=60)),
                ('payload', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=JobStatus.PENDING, description='PENDING: pending\nRUNNING: running\nDONE: done\nFAILED: failed', enum_type=JobStatus, max_length=10)),
                ('attempts', fields.IntField(default=0)),
                ('max_attempts', fields.IntField(default=8)),
                ('run_after', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('locked_by', fields.CharField(null=True, max_length=80)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.CharField(null=True, max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'job', 'app': 'palm', 'indexes': [Index(fields=['status', 'run_after'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
