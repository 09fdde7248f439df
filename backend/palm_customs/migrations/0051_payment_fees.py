"""Item fees (issue #16): a payment may pay an application's fee (basis `fee`, subject
`application`). Only the enum descriptions change: the columns are already wide enough."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from palm_customs.payments.models import Basis, SubjectKind
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [("palm", "0032_audit_alerts")]

    initial = False

    operations = [
        ops.AlterField(
            model_name="PaymentIntent",
            name="basis",
            field=fields.CharEnumField(
                description="ESTIMATE: estimate\nASSESSMENT: assessment\nFEE: fee",
                enum_type=Basis,
                max_length=12,
            ),
        ),
        ops.AlterField(
            model_name="PaymentIntent",
            name="subject_kind",
            field=fields.CharEnumField(
                description="DECLARATION: declaration\nAPPLICATION: application",
                enum_type=SubjectKind,
                max_length=20,
            ),
        ),
    ]
