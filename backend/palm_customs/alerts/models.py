from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class AlertKind(StrEnum):
    # At least `threshold` matching events by one account within `window_minutes`.
    WINDOW_COUNT = "window_count"
    # A matching event outside the working calendar's hours (weekends, holidays, evenings).
    OUTSIDE_HOURS = "outside_hours"


class AlertRule(Model):
    """One anomaly rule, kept as data: administrators change thresholds and switch rules on and
    off (with step-up, audited), and the evaluator reads them at each run."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=40, unique=True)
    kind = fields.CharEnumField(AlertKind, max_length=20)
    enabled = fields.BooleanField(default=True)
    threshold = fields.IntField(default=1)
    window_minutes = fields.IntField(default=60)
    # Which events count: outcomes among `outcomes` (any when empty), none of
    # `exclude_outcomes`, operations among `operations` (any when empty).
    outcomes = fields.JSONField[list[str]](default=list)
    exclude_outcomes = fields.JSONField[list[str]](default=list)
    operations = fields.JSONField[list[str]](default=list)
    # Working hours (local time of `timezone`) on the working calendar's working days.
    hours_start = fields.CharField(max_length=5, default="08:30")
    hours_end = fields.CharField(max_length=5, default="17:30")
    timezone = fields.CharField(max_length=40, default="Asia/Shanghai")
    updated_at = fields.DatetimeField(null=True)
    updated_by = fields.CharField(max_length=80, default="")

    class Meta:
        table = "alert_rule"


class Alert(Model):
    """An anomaly raised by a rule over sealed audit events, for supervisors to acknowledge."""

    id = fields.BigIntField(primary_key=True)
    rule: fields.ForeignKeyRelation[AlertRule] = fields.ForeignKeyField(
        "palm.AlertRule", related_name="alerts", on_delete=fields.CASCADE
    )
    rule_id: int
    # The account the events are by ("account:<uuid>"), and its officer unit ("" if none).
    actor = fields.CharField(max_length=80, db_index=True)
    unit = fields.CharField(max_length=80, default="", db_index=True)
    event_count = fields.IntField()
    first_seq = fields.BigIntField()
    last_seq = fields.BigIntField()
    first_at = fields.DatetimeField()
    last_at = fields.DatetimeField()
    raised_at = fields.DatetimeField(db_index=True)
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by = fields.CharField(max_length=80, default="")
    note = fields.CharField(max_length=200, default="")

    class Meta:
        table = "alert"
        unique_together = (("rule", "actor", "last_seq"),)


class AlertCursor(Model):
    """How far the evaluator has read the sealed log (one row)."""

    id = fields.IntField(primary_key=True)
    seq = fields.BigIntField(default=0)

    class Meta:
        table = "alert_cursor"
