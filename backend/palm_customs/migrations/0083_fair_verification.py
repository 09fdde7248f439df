from tortoise import migrations
from tortoise.migrations import operations as ops
from palm_customs.identity.models import IdentityLevel, VerificationMethod
from tortoise.fields.db_defaults import SqlDefault
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0051_payment_fees')]

    initial = False

    operations = [
        ops.CreateModel(
            name='IdentityVerification',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account_id', fields.UUIDField(db_index=True)),
                ('document_key', fields.CharField(max_length=64)),
                ('method', fields.CharEnumField(description='OFFICER: officer\nPROVIDER: provider', enum_type=VerificationMethod, max_length=10)),
                ('verified_by', fields.CharField(max_length=80)),
                ('reference', fields.CharField(max_length=80)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_verification', 'app': 'palm', 'pk_attr': 'id', 'table_description': "One real check of a person's identity document: who or what checked it, when, and"},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='FairnessRule',
            name='verified_only',
            field=fields.BooleanField(default=False, db_default=SqlDefault('false')),
        ),
        ops.AddField(
            model_name='Person',
            name='identity_level',
            field=fields.CharEnumField(default=IdentityLevel.CHECKED, description='CHECKED: checked\nVERIFIED: verified', db_default=SqlDefault("'checked'"), enum_type=IdentityLevel, max_length=10),
        ),
    ]
