from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.notifications.models import NotificationType, Urgency
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0005_declarations')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Notification',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('recipient', fields.ForeignKeyField('palm.Account', source_field='recipient_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('type', fields.CharEnumField(description='DECLARATION_RECEIVED: declaration_received\nDECLARATION_OUTCOME: declaration_outcome\nPREREVIEW_RESULT: prereview_result\nAPPOINTMENT_REMINDER: appointment_reminder\nAPPOINTMENT_OFFER: appointment_offer\nPOLICY_NOTICE: policy_notice\nWORK_QUEUE: work_queue', enum_type=NotificationType, max_length=30)),
                ('subject', fields.CharField(max_length=80)),
                ('subject_version', fields.IntField(default=1)),
                ('topic', fields.CharField(max_length=32)),
                ('title', fields.CharField(max_length=120)),
                ('body', fields.CharField(max_length=400)),
                ('link', fields.CharField(max_length=200)),
                ('language', fields.CharField(max_length=8)),
                ('urgency', fields.CharEnumField(default=Urgency.NORMAL, description='VERY_LOW: very-low\nLOW: low\nNORMAL: normal\nHIGH: high', enum_type=Urgency, max_length=10)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('read_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('superseded_by_id', fields.UUIDField(null=True)),
            ],
            options={'table': 'notification', 'app': 'palm', 'indexes': [Index(fields=['recipient_id', 'created_at']), Index(fields=['recipient_id', 'read_at'])], 'pk_attr': 'id', 'table_description': "One message in a recipient's inbox, worded in their language when it was created."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='NotificationSettings',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.OneToOneField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='notification_settings', on_delete=OnDelete.CASCADE)),
                ('quiet_start_minute', fields.SmallIntField(null=True)),
                ('quiet_end_minute', fields.SmallIntField(null=True)),
                ('timezone', fields.CharField(default='Asia/Shanghai', max_length=40)),
                ('policy_categories', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'notification_settings', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PolicyNotice',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('category', fields.CharField(max_length=30)),
                ('title_zh_hans', fields.CharField(max_length=80)),
                ('title_zh_hant', fields.CharField(max_length=80)),
                ('title_en', fields.CharField(max_length=120)),
                ('body_zh_hans', fields.CharField(max_length=300)),
                ('body_zh_hant', fields.CharField(max_length=300)),
                ('body_en', fields.CharField(max_length=400)),
                ('link', fields.CharField(max_length=200)),
                ('published_by_id', fields.UUIDField()),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('recipients', fields.IntField(default=0)),
                ('fanout_cursor', fields.CharField(default='', max_length=40)),
                ('fanned_out_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'policy_notice', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PushSubscription',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='push_subscriptions', on_delete=OnDelete.CASCADE)),
                ('session_id', fields.UUIDField(null=True)),
                ('endpoint', fields.CharField(unique=True, max_length=800)),
                ('p256dh', fields.CharField(max_length=120)),
                ('auth', fields.CharField(max_length=40)),
                ('device', fields.CharField(max_length=80)),
                ('categories', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_success_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'push_subscription', 'app': 'palm', 'pk_attr': 'id', 'table_description': "A device's Web Push endpoint (one per browser install), and what it wants pushed."},
            bases=['Model'],
        ),
    ]
