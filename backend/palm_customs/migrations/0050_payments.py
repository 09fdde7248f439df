from tortoise import migrations
from tortoise.migrations import operations as ops
from palm_customs.notifications.models import NotificationType
from palm_customs.payments.models import Basis, IntentState, RefundReason, RefundState, SubjectKind
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0031_audit_access')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PaymentIntent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=32)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='payment_intents', on_delete=OnDelete.RESTRICT)),
                ('subject_kind', fields.CharEnumField(description='DECLARATION: declaration', enum_type=SubjectKind, max_length=20)),
                ('subject_ref', fields.CharField(db_index=True, max_length=40)),
                ('assessment_ref', fields.CharField(max_length=100)),
                ('basis', fields.CharEnumField(description='ESTIMATE: estimate\nASSESSMENT: assessment', enum_type=Basis, max_length=12)),
                ('amount_fen', fields.BigIntField()),
                ('currency', fields.CharField(default='CNY', max_length=3)),
                ('state', fields.CharEnumField(description='CREATED: created\nPENDING: pending\nSUCCEEDED: succeeded\nFAILED: failed\nEXPIRED: expired\nREFUNDED: refunded', enum_type=IntentState, max_length=10)),
                ('idempotency_key', fields.CharField(max_length=64)),
                ('provider', fields.CharField(max_length=20)),
                ('code_url', fields.CharField(default='', max_length=300)),
                ('provider_transaction_id', fields.CharField(null=True, max_length=64)),
                ('open_slot', fields.CharField(null=True, unique=True, max_length=100)),
                ('success_slot', fields.CharField(null=True, unique=True, max_length=100)),
                ('refunded_fen', fields.BigIntField(default=0)),
                ('receipt_credential', fields.TextField(default='', unique=False)),
                ('failure', fields.CharField(default='', max_length=60)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('succeeded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'payment_intent', 'app': 'palm', 'unique_together': (('account', 'idempotency_key'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PaymentRefund',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=64)),
                ('intent', fields.ForeignKeyField('palm.PaymentIntent', source_field='intent_id', db_constraint=True, to_field='id', related_name='refunds', on_delete=OnDelete.RESTRICT)),
                ('amount_fen', fields.BigIntField()),
                ('reason', fields.CharEnumField(description='ASSESSED_LOWER: assessed_lower\nDUPLICATE: duplicate', enum_type=RefundReason, max_length=20)),
                ('state', fields.CharEnumField(description='PENDING: pending\nSUCCEEDED: succeeded\nFAILED: failed', enum_type=RefundState, max_length=10)),
                ('provider_refund_id', fields.CharField(null=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('settled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'payment_refund', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ProviderNotification',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('provider', fields.CharField(max_length=20)),
                ('event_id', fields.CharField(max_length=64)),
                ('event_type', fields.CharField(max_length=40)),
                ('order_number', fields.CharField(default='', max_length=64)),
                ('outcome', fields.CharField(max_length=30)),
                ('received_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'payment_notification', 'app': 'palm', 'unique_together': (('provider', 'event_id'),), 'pk_attr': 'id', 'table_description': 'Each notification the provider sent us, by its id: a replay finds its row.'},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='Notification',
            name='type',
            field=fields.CharEnumField(description='DECLARATION_RECEIVED: declaration_received\nDECLARATION_OUTCOME: declaration_outcome\nPREREVIEW_RESULT: prereview_result\nAPPOINTMENT_REMINDER: appointment_reminder\nAPPOINTMENT_OFFER: appointment_offer\nPOLICY_NOTICE: policy_notice\nWORK_QUEUE: work_queue\nPAYMENT: payment', enum_type=NotificationType, max_length=30),
        ),
    ]
