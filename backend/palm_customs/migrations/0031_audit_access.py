from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0030_audit_transparency_log')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AuditAccess',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('event_id', fields.BigIntField(db_index=True)),
                ('target', fields.CharField(db_index=True, max_length=130)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'audit_access', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'Which records an officer\'s audited event touched: an index for "who looked at my data".'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='AuditEvent',
            name='indexed',
            field=fields.BooleanField(default=False, db_default=False),
        ),
    ]
