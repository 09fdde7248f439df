from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from palm_customs.payments.models import RefundReason


class Migration(migrations.Migration):
    dependencies = [("palm", "0083_fair_verification")]

    initial = False

    operations = [
        ops.AlterField(
            model_name="PaymentRefund",
            name="reason",
            field=fields.CharEnumField(
                description="ASSESSED_LOWER: assessed_lower\nDUPLICATE: duplicate\nAPPLICATION_CLOSED: application_closed",
                enum_type=RefundReason,
                max_length=20,
            ),
        ),
    ]
