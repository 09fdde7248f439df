from tortoise import migrations
from tortoise.migrations import operations as ops
from palm_customs.notifications.models import NotificationType
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [("palm", "0015_officer_posts")]

    initial = False

    operations = [
        ops.AlterField(
            model_name="Notification",
            name="type",
            field=fields.CharEnumField(
                description="DECLARATION_RECEIVED: declaration_received\nDECLARATION_OUTCOME: declaration_outcome\nPREREVIEW_RESULT: prereview_result\nAPPOINTMENT_REMINDER: appointment_reminder\nAPPOINTMENT_OFFER: appointment_offer\nPOLICY_NOTICE: policy_notice\nWORK_QUEUE: work_queue\nPAYMENT: payment\nFEEDBACK_REPLY: feedback_reply\nACCOUNT_SECURITY: account_security",
                enum_type=NotificationType,
                max_length=30,
            ),
        ),
    ]
