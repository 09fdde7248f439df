from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.applications.models import ApplicationStatus, ReviewStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0007_catalogue')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Application',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=20)),
                ('applicant', fields.ForeignKeyField('palm.Account', source_field='applicant_id', db_constraint=True, to_field='id', related_name='applications', on_delete=OnDelete.RESTRICT)),
                ('enterprise_id', fields.UUIDField(null=True)),
                ('item_code', fields.CharField(max_length=40)),
                ('item_version', fields.IntField()),
                ('item_snapshot', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(description='IN_REVIEW: in_review\nCORRECTIONS_REQUIRED: corrections_required\nPASSED: passed\nREJECTED: rejected\nWITHDRAWN: withdrawn', enum_type=ApplicationStatus, max_length=24)),
                ('revision', fields.IntField(default=1)),
                ('form_data', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('materials', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('idempotency_key', fields.CharField(max_length=64)),
                ('submitted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('due_date', fields.DateField()),
                ('paused_since', fields.DateField(null=True)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('rating', fields.SmallIntField(null=True)),
                ('rating_comment', fields.CharField(default='', max_length=500)),
            ],
            options={'table': 'application', 'app': 'palm', 'unique_together': (('applicant', 'idempotency_key'),), 'pk_attr': 'id', 'table_description': 'An application under a frozen version of a service item, pre-reviewed online.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ApplicationEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('palm.Application', source_field='application_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('kind', fields.CharField(max_length=40)),
                ('actor', fields.CharField(max_length=80)),
                ('detail', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'application_event', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CorrectionList',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('palm.Application', source_field='application_id', db_constraint=True, to_field='id', related_name='corrections', on_delete=OnDelete.CASCADE)),
                ('review_id', fields.UUIDField()),
                ('revision', fields.IntField()),
                ('items', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'correction_list', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'The one complete list of corrections a review sent for a revision.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Holiday',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('day', fields.DateField(unique=True)),
                ('name', fields.CharField(max_length=60)),
                ('working', fields.BooleanField(default=False)),
            ],
            options={'table': 'holiday', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A public holiday, or (working=True) a weekend day made a working day.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Review',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('palm.Application', source_field='application_id', db_constraint=True, to_field='id', related_name='reviews', on_delete=OnDelete.CASCADE)),
                ('revision', fields.IntField()),
                ('level', fields.SmallIntField()),
                ('department', fields.CharField(max_length=40)),
                ('status', fields.CharEnumField(default=ReviewStatus.PENDING, description='PENDING: pending\nCLAIMED: claimed\nPASSED: passed\nCORRECTIONS: corrections\nREJECTED: rejected\nCANCELLED: cancelled', enum_type=ReviewStatus, max_length=12)),
                ('reviewer_id', fields.UUIDField(null=True)),
                ('claimed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('draft', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'review', 'app': 'palm', 'indexes': [Index(fields=['department', 'status'])], 'pk_attr': 'id', 'table_description': "One department's review of one revision at one level. Parallel reviews are rows side by"},
            bases=['Model'],
        ),
    ]
