from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields


async def unseal_the_old_chain(apps: Any, schema_editor: Any) -> None:
    """Events of the old hash chain carry no MAC (empty): the sealer's first run, and only
    that one, seals them (in id order) into the first signed tree head."""
    await schema_editor.client.execute_query("UPDATE audit_event SET seq = NULL, mac = ''")


class Migration(migrations.Migration):
    dependencies = [('palm', '0020_job_delivery')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='AuditEvent',
            options={'table': 'audit_event', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'One event of the audit log (core/audit.py): a mutation, refused or not, or a read of'},
        ),
        ops.RemoveField(model_name='AuditEvent', name='hash'),
        ops.RemoveField(model_name='AuditEvent', name='prev_hash'),
        ops.AlterField(
            model_name='AuditEvent',
            name='seq',
            field=fields.BigIntField(null=True, unique=True),
        ),
        ops.AddField(
            model_name='AuditEvent',
            name='mac',
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.RunPython(unseal_the_old_chain, ops.RunPython.noop),
        ops.AlterField(
            model_name='AuditEvent',
            name='mac',
            field=fields.CharField(max_length=64),
        ),
    ]
