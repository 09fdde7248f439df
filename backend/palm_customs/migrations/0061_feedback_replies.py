from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.notifications.models import NotificationType
from palm_customs.support.models import FeedbackKind, FeedbackStatus
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0060_knowledge')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='Feedback',
            options={'table': 'feedback', 'app': 'palm', 'indexes': [Index(fields=['status', 'due_date'])], 'pk_attr': 'id', 'table_description': 'Feedback, a complaint, a suggestion or a report (监督举报), signed or anonymous, with a'},
        ),
        ops.AddField(
            model_name='Feedback',
            name='account_id',
            field=fields.UUIDField(null=True, db_index=True),
        ),
        ops.AddField(
            model_name='Feedback',
            name='due_date',
            field=fields.DateField(null=True),
        ),
        ops.AddField(
            model_name='Feedback',
            name='escalated_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Feedback',
            name='kind',
            field=fields.CharEnumField(default=FeedbackKind.FEEDBACK, description='FEEDBACK: feedback\nCOMPLAINT: complaint\nSUGGESTION: suggestion\nREPORT: report', db_default='feedback', enum_type=FeedbackKind, max_length=12),
        ),
        ops.AddField(
            model_name='Feedback',
            name='public_message',
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddField(
            model_name='Feedback',
            name='public_reply',
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddField(
            model_name='Feedback',
            name='publication_consent',
            field=fields.BooleanField(null=True),
        ),
        ops.AddField(
            model_name='Feedback',
            name='published_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Feedback',
            name='published_by',
            field=fields.CharField(null=True, max_length=80),
        ),
        ops.AddField(
            model_name='Feedback',
            name='reference',
            field=fields.CharField(null=True, unique=True, max_length=20),
        ),
        ops.AddField(
            model_name='Feedback',
            name='replies',
            field=fields.JSONField(default=list, db_default='[]', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='Feedback',
            name='status',
            field=fields.CharEnumField(default=FeedbackStatus.RECEIVED, description='RECEIVED: received\nESCALATED: escalated\nANSWERED: answered\nPUBLISHED: published', db_default='received', enum_type=FeedbackStatus, max_length=12),
        ),
        ops.AddField(
            model_name='Feedback',
            name='tracking_hash',
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.AddIndex(
            model_name='Feedback',
            index=Index(fields=['status', 'due_date']),
        ),
        ops.AlterField(
            model_name='Notification',
            name='type',
            field=fields.CharEnumField(description='DECLARATION_RECEIVED: declaration_received\nDECLARATION_OUTCOME: declaration_outcome\nPREREVIEW_RESULT: prereview_result\nAPPOINTMENT_REMINDER: appointment_reminder\nAPPOINTMENT_OFFER: appointment_offer\nPOLICY_NOTICE: policy_notice\nWORK_QUEUE: work_queue\nFEEDBACK_REPLY: feedback_reply', enum_type=NotificationType, max_length=30),
        ),
    ]
