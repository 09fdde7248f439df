"""Anomaly alerts: the evaluator over sealed audit events, and what supervisors and
administrators do with alerts and rules.

The evaluator runs after each seal (the worker's and the embedded drainer's sealer loop), reads
the events numbered since its cursor, applies every enabled rule and raises alerts; the cursor
and the alerts commit together, under a row lock on the cursor, so two workers never raise the
same alert. Times come from the events (the project's clock when they happened) and the working
calendar (applications' holiday table), never the machine's clock or time zone.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from palm_customs.alerts.errors import AlertErrorCode, AlertProblem
from palm_customs.alerts.models import Alert, AlertCursor, AlertKind, AlertRule
from palm_customs.alerts.rules import DEFAULT_RULES
from palm_customs.applications.models import Holiday
from palm_customs.applications.workdays import is_working_day
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator
from palm_customs.core.models import AuditEvent
from palm_customs.core.principal import Principal, Role
from palm_customs.identity.models import Officer

logger = logging.getLogger(__name__)
BATCH = 5000
ACCOUNT_PREFIX = "account:"


async def ensure_rules() -> None:
    """Seed the default rules that are missing (never changes one that exists)."""
    existing = {str(c) for c in await AlertRule.all().values_list("code", flat=True)}
    for code, fields in DEFAULT_RULES.items():
        if code not in existing:
            with contextlib.suppress(IntegrityError):  # another process seeded it meanwhile
                await AlertRule.create(code=code, **fields)


def _matches(rule: AlertRule, event: AuditEvent) -> bool:
    if not event.actor.startswith(ACCOUNT_PREFIX):
        return False
    if rule.outcomes and event.outcome not in rule.outcomes:
        return False
    if event.outcome in rule.exclude_outcomes:
        return False
    return not rule.operations or event.operation in rule.operations


@dataclass
class _Calendar:
    holidays: set[date]
    extra_workdays: set[date]

    @classmethod
    async def load(cls) -> _Calendar:
        rows = await Holiday.all().values_list("day", "working")
        return cls(
            holidays={d for d, working in rows if not working},
            extra_workdays={d for d, working in rows if working},
        )

    def outside_hours(self, rule: AlertRule, moment: datetime) -> bool:
        try:
            zone = ZoneInfo(rule.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("Asia/Shanghai")
        local = moment.astimezone(zone)
        if not is_working_day(
            local.date(), holidays=self.holidays, extra_workdays=self.extra_workdays
        ):
            return True
        return not _hhmm(rule.hours_start) <= local.time() < _hhmm(rule.hours_end)


def _hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


class _Units:
    """The officer unit of each account ("" when it is not an officer's)."""

    def __init__(self) -> None:
        self.known: dict[str, str] = {}

    async def of(self, actor: str) -> str:
        if actor not in self.known:
            unit = ""
            try:
                account_id = uuid.UUID(actor.removeprefix(ACCOUNT_PREFIX))
            except ValueError:
                account_id = None
            if account_id is not None:
                officer = await Officer.get_or_none(account_id=account_id).only("unit")
                unit = officer.unit if officer else ""
            self.known[actor] = unit
        return self.known[actor]


async def _raise(
    connection: BaseDBAsyncClient,
    rule: AlertRule,
    units: _Units,
    events: list[AuditEvent],
) -> bool:
    first, last = events[0], events[-1]
    assert first.seq is not None
    assert last.seq is not None
    if await Alert.filter(rule_id=rule.id, actor=last.actor, last_seq=last.seq).exists():
        return False
    await Alert.create(
        using_db=connection,
        rule_id=rule.id,
        actor=last.actor,
        unit=await units.of(last.actor),
        event_count=len(events),
        first_seq=first.seq,
        last_seq=last.seq,
        first_at=first.occurred_at,
        last_at=last.occurred_at,
        raised_at=clock.now(),
    )
    return True


async def _window_count(
    connection: BaseDBAsyncClient,
    rule: AlertRule,
    new: list[AuditEvent],
    units: _Units,
    upto: int,
) -> int:
    window = timedelta(minutes=rule.window_minutes)
    by_actor: dict[str, list[AuditEvent]] = defaultdict(list)
    for event in new:
        if _matches(rule, event):
            by_actor[event.actor].append(event)
    raised = 0
    for actor, mine in by_actor.items():
        previous = await Alert.filter(rule_id=rule.id, actor=actor).order_by("-last_seq").first()
        after = previous.last_seq if previous else 0
        query = AuditEvent.filter(
            actor=actor,
            seq__gt=after,
            seq__lte=upto,
            occurred_at__gte=min(e.occurred_at for e in mine) - window,
            occurred_at__lte=max(e.occurred_at for e in mine),
        )
        if rule.outcomes:
            query = query.filter(outcome__in=rule.outcomes)
        history = [e for e in await query.order_by("occurred_at", "seq") if _matches(rule, e)]
        fresh = {e.seq for e in mine}
        left = 0
        for right, event in enumerate(history):
            while event.occurred_at - history[left].occurred_at > window:
                left += 1
            if right - left + 1 >= rule.threshold and event.seq in fresh:
                if await _raise(connection, rule, units, history[left : right + 1]):
                    raised += 1
                left = right + 1
    return raised


async def _outside_hours(
    connection: BaseDBAsyncClient,
    rule: AlertRule,
    new: list[AuditEvent],
    units: _Units,
    calendar: _Calendar,
) -> int:
    raised = 0
    for event in new:
        if _matches(rule, event) and calendar.outside_hours(rule, event.occurred_at):
            raised += await _raise(connection, rule, units, [event])
    return raised


async def evaluate(*, batch: int = BATCH) -> int:
    """Apply every enabled rule to the events sealed since the last run; alerts raised."""
    await ensure_rules()
    raised = 0
    async with in_transaction() as connection:
        cursor = await AlertCursor.select_for_update().using_db(connection).get_or_none(id=1)
        if cursor is None:
            cursor = await AlertCursor.create(id=1, seq=0, using_db=connection)
        new = (
            await AuditEvent.filter(seq__gt=cursor.seq)
            .using_db(connection)
            .order_by("seq")
            .limit(batch)
        )
        if not new:
            return 0
        upto = new[-1].seq
        assert upto is not None
        rules = await AlertRule.filter(enabled=True).using_db(connection).order_by("id")
        units = _Units()
        calendar = await _Calendar.load()
        for rule in rules:
            if rule.kind is AlertKind.WINDOW_COUNT:
                raised += await _window_count(connection, rule, new, units, upto)
            else:
                raised += await _outside_hours(connection, rule, new, units, calendar)
        cursor.seq = upto
        await cursor.save(using_db=connection, update_fields=["seq"])
    if raised:
        logger.warning("audit: %s anomaly alerts raised", raised)
    return raised


async def evaluate_all() -> int:
    """Evaluate until the cursor reaches the sealed tip (the sealer's after-seal step)."""
    total = 0
    while True:
        before = await AlertCursor.get_or_none(id=1)
        total += await evaluate()
        after = await AlertCursor.get_or_none(id=1)
        if after is None or (before is not None and before.seq == after.seq):
            return total


# --- supervisors and administrators ----------------------------------------------------------


async def _unit_of(principal: Principal) -> str | None:
    """None: every alert (administrators); otherwise the supervisor's unit."""
    if Role.ADMINISTRATOR in principal.roles:
        return None
    officer = await Officer.get_or_none(account_id=principal.account_id).only("unit")
    return officer.unit if officer else "\x00no unit"


async def visible(principal: Principal, *, open_only: bool, first: int) -> list[Alert]:
    """Alerts about officers of the supervisor's unit, and about accounts that are no officer's
    (people, enterprises); administrators see all. Newest first."""
    await ensure_rules()
    query = Alert.all().prefetch_related("rule")
    unit = await _unit_of(principal)
    if unit is not None:
        query = query.filter(unit__in=[unit, ""])
    if open_only:
        query = query.filter(acknowledged_at__isnull=True)
    return list(await query.order_by("-raised_at", "-id").limit(first))


async def acknowledge(
    connection: BaseDBAsyncClient, principal: Principal, alert_id: int, note: str
) -> Alert:
    check = Validator()
    clean = check.text("note", note, required=False, max_len=200)
    check.raise_if_any()
    alert = await Alert.select_for_update().using_db(connection).get_or_none(id=alert_id)
    unit = await _unit_of(principal)
    if alert is None or (unit is not None and alert.unit not in (unit, "")):
        raise AlertProblem(AlertErrorCode.NOT_FOUND)
    if alert.acknowledged_at is not None:
        raise AlertProblem(AlertErrorCode.ALREADY_ACKNOWLEDGED)
    alert.acknowledged_at = clock.now()
    alert.acknowledged_by = principal.actor
    alert.note = clean
    await alert.save(
        using_db=connection, update_fields=["acknowledged_at", "acknowledged_by", "note"]
    )
    await alert.fetch_related("rule", using_db=connection)
    return alert


async def rules() -> list[AlertRule]:
    await ensure_rules()
    return list(await AlertRule.all().order_by("id"))


def _hhmm_ok(text: str) -> bool:
    parts = text.split(":")
    return (
        len(parts) == 2
        and all(p.isdigit() and len(p) == 2 for p in parts)
        and int(parts[0]) < 24
        and int(parts[1]) < 60
    )


async def update_rule(
    connection: BaseDBAsyncClient,
    principal: Principal,
    code: str,
    changes: dict[str, Any],
) -> AlertRule:
    """Change a rule's switch, threshold, window or working hours (the rest is fixed)."""
    check = Validator()
    if changes.get("threshold") is not None:
        check.int_range("threshold", changes["threshold"], low=1, high=10_000)
    if changes.get("window_minutes") is not None:
        check.int_range("windowMinutes", changes["window_minutes"], low=1, high=7 * 24 * 60)
    for name, path in (("hours_start", "hoursStart"), ("hours_end", "hoursEnd")):
        if changes.get(name) is not None and not _hhmm_ok(changes[name]):
            check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_FORMAT))
    check.raise_if_any()
    rule = await AlertRule.select_for_update().using_db(connection).get_or_none(code=code[:40])
    if rule is None:
        raise AlertProblem(AlertErrorCode.NOT_FOUND)
    for name, value in changes.items():
        if value is not None:
            setattr(rule, name, value)
    if _hhmm(rule.hours_start) >= _hhmm(rule.hours_end):
        raise ValidationFailed(
            [
                FieldProblem(
                    "hoursEnd",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": rule.hours_start, "high": "23:59"},
                )
            ]
        )
    rule.updated_at = clock.now()
    rule.updated_by = principal.actor
    await rule.save(using_db=connection)
    return rule


async def counts() -> dict[str, tuple[int, int]]:
    """Rule code -> (alerts raised, still open), for /metrics."""
    codes = dict(await AlertRule.all().values_list("id", "code"))
    found = {code: (0, 0) for code in codes.values()}
    total = await Alert.annotate(n=Count("id")).group_by("rule_id").values("rule_id", "n")
    still_open = (
        await Alert.filter(acknowledged_at__isnull=True)
        .annotate(n=Count("id"))
        .group_by("rule_id")
        .values("rule_id", "n")
    )
    opened = {row["rule_id"]: int(row["n"]) for row in still_open}
    for row in total:
        code = codes.get(row["rule_id"])
        if code is not None:
            found[code] = (int(row["n"]), opened.get(row["rule_id"], 0))
    return found
