from datetime import datetime, timedelta
from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops
from palm_customs.core.jobs import JobStatus
from tortoise import fields
from tortoise.indexes import Index


async def give_jobs_a_retry_budget(apps: Any, schema_editor: Any) -> None:
    """Jobs retried by count before get a 24-hour budget from when they were due; finished
    ones are past theirs."""
    client = schema_editor.client
    await client.execute_query("UPDATE job SET give_up_at = run_after")
    if client.capabilities.dialect == "postgres":
        await client.execute_query(
            "UPDATE job SET give_up_at = run_after + interval '24 hours'"
            " WHERE status IN ('pending', 'running')"
        )
        return
    rows = await client.execute_query_dict(
        "SELECT id, run_after FROM job WHERE status IN ('pending', 'running')"
    )
    for row in rows:
        due = row["run_after"]
        due = datetime.fromisoformat(due) if isinstance(due, str) else due
        await client.execute_query(
            "UPDATE job SET give_up_at = ? WHERE id = ?", [due + timedelta(hours=24), row["id"]]
        )

class Migration(migrations.Migration):
    dependencies = [('palm', '0013_window_seats')]

    initial = False

    operations = [
        ops.CreateModel(
            name='JobWorker',
            fields=[
                ('name', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=80)),
                ('host', fields.CharField(max_length=64)),
                ('pid', fields.IntField()),
                ('lock_key', fields.IntField(unique=True)),
                ('started_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('beat_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('stopped_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('running', fields.IntField(default=0)),
            ],
            options={'table': 'job_worker', 'app': 'palm', 'pk_attr': 'name', 'table_description': "A worker's liveness record."},
            bases=['Model'],
        ),
        ops.RemoveField(
            model_name='Job',
            name='max_attempts',
        ),
        ops.AddField(
            model_name='Job',
            name='reclaims',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AlterField(
            model_name='Job',
            name='status',
            field=fields.CharEnumField(default=JobStatus.PENDING, description='PENDING: pending\nRUNNING: running\nDONE: done\nFAILED: failed\nDISCARDED: discarded', enum_type=JobStatus, max_length=10),
        ),
        ops.AddField(
            model_name='Job',
            name='give_up_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.RunPython(give_jobs_a_retry_budget, ops.RunPython.noop),
        ops.AlterField(
            model_name='Job',
            name='give_up_at',
            field=fields.DatetimeField(auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Job',
            name='handed_over_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddIndex(
            model_name='Job',
            index=Index(fields=['status', 'finished_at']),
        ),
    ]
