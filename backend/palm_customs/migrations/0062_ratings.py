from tortoise import migrations
from tortoise.migrations import operations as ops
from palm_customs.ratings.models import RatedKind
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0061_feedback_replies')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Rating',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account_id', fields.UUIDField()),
                ('kind', fields.CharEnumField(description='APPOINTMENT: appointment\nDECLARATION: declaration', enum_type=RatedKind, max_length=12)),
                ('subject_id', fields.CharField(max_length=40)),
                ('site_code', fields.CharField(max_length=20)),
                ('item_code', fields.CharField(null=True, max_length=40)),
                ('window_number', fields.IntField(null=True)),
                ('stars', fields.SmallIntField()),
                ('window_stars', fields.SmallIntField(null=True)),
                ('comment', fields.CharField(default='', max_length=500)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'rating', 'app': 'palm', 'unique_together': (('account_id', 'kind', 'subject_id'),), 'indexes': [Index(fields=['site_code', 'kind']), Index(fields=['item_code'])], 'pk_attr': 'id', 'table_description': "A person's rating of one completed thing (and of the window that served an"},
            bases=['Model'],
        ),
    ]
