"""Each default anomaly rule firing and not firing, over real sealed audit events, at moments
set on the project's clock (never the machine's), on the working calendar."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from tortoise.transactions import in_transaction

from palm_customs.alerts import services
from palm_customs.alerts.models import Alert, AlertRule
from palm_customs.applications.models import Holiday
from palm_customs.core import audit, clock
from palm_customs.identity import services as identity
from palm_customs.settings import Settings
from tests.conftest import make_settings

SHANGHAI = ZoneInfo("Asia/Shanghai")
# A Monday (a working day) in the project's calendar, 10:00 in Shanghai.
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def settings(migrated: str, var_dir: Path, tmp_path: Path) -> Settings:
    return make_settings(migrated, var_dir, AUDIT_CHECKPOINT_DIR=str(tmp_path / "audit-log"))


def account() -> str:
    return f"account:{uuid.uuid4()}"


async def event(
    actor: str, at: datetime, *, outcome: str = "OK", operation: str = "declarationByNumber"
) -> None:
    with clock.travel(at):
        async with in_transaction() as connection:
            await audit.append(
                connection,
                audit.AuditRecord(
                    actor=actor,
                    operation=operation,
                    target_ids=("declaration:1",),
                    outcome=outcome,
                    request_id=uuid.uuid4().hex,
                    ip="127.0.0.1",
                    user_agent="pytest",
                ),
            )


async def evaluate() -> list[Alert]:
    await audit.seal()
    await services.evaluate_all()
    return list(await Alert.all().prefetch_related("rule").order_by("id"))


async def test_many_declarations_opened_outside_ones_ports_within_the_hour_raise_one_alert(
    db: None,
) -> None:
    officer, other = account(), account()
    # given four looks at other ports' declarations within the hour, and one by someone else
    for minute in (0, 10, 20, 30):
        await event(officer, MONDAY + timedelta(minutes=minute), outcome="OTHER_PORT")
    await event(other, MONDAY + timedelta(minutes=31), outcome="OTHER_PORT")
    # then four are not enough
    assert await evaluate() == []
    # when the fifth comes within the hour
    await event(officer, MONDAY + timedelta(minutes=50), outcome="OTHER_PORT")
    alerts = await evaluate()
    # then one alert names the officer and the five events
    assert [(a.rule.code, a.actor, a.event_count) for a in alerts] == [
        ("other_port_reads", officer, 5)
    ]
    # and evaluating again raises nothing more
    assert await services.evaluate_all() == 0


async def test_looks_at_other_ports_spread_over_more_than_the_window_do_not_fire(
    db: None,
) -> None:
    officer = account()
    for hour in range(6):
        await event(officer, MONDAY + timedelta(minutes=61 * hour), outcome="OTHER_PORT")
    # reads at the officer's own ports never count
    for minute in range(10):
        await event(officer, MONDAY + timedelta(minutes=minute), outcome="READ")
    assert await evaluate() == []


async def test_many_refused_operations_from_one_account_fire_and_fewer_do_not(db: None) -> None:
    prober, steady = account(), account()
    for n in range(19):
        await event(steady, MONDAY + timedelta(seconds=20 * n), outcome="not_found")
        await event(steady, MONDAY + timedelta(seconds=20 * n + 1), outcome="OK")
    for n in range(20):
        await event(prober, MONDAY + timedelta(seconds=20 * n), outcome="validation_failed")
    alerts = await evaluate()
    assert [(a.rule.code, a.actor, a.event_count) for a in alerts] == [("refusals", prober, 20)]


async def test_a_decision_outside_working_hours_fires_and_one_inside_does_not(db: None) -> None:
    inside, evening, saturday, holiday, make_up = (account() for _ in range(5))
    await Holiday.create(day=date(2026, 12, 8), name="测试假日", working=False)
    await Holiday.create(day=date(2026, 12, 12), name="调休", working=True)
    await event(inside, MONDAY, operation="reviewDecide")
    await event(evening, MONDAY.replace(hour=21), operation="reviewDecide")
    await event(saturday, datetime(2026, 12, 5, 10, tzinfo=SHANGHAI), operation="reviewDecide")
    await event(holiday, MONDAY + timedelta(days=1), operation="inspectionOutcomeRecord")
    await event(make_up, datetime(2026, 12, 12, 10, tzinfo=SHANGHAI), operation="reviewDecide")
    # a refused decision and an evening read are no decisions taken
    await event(inside, MONDAY.replace(hour=22), operation="reviewDecide", outcome="conflict")
    await event(inside, MONDAY.replace(hour=22), operation="declarationByNumber")
    alerts = await evaluate()
    assert {a.actor for a in alerts} == {evening, saturday, holiday}
    assert {a.rule.code for a in alerts} == {"after_hours_decisions"}


async def test_rules_are_data_a_disabled_rule_is_silent_and_a_new_threshold_applies(
    db: None,
) -> None:
    await services.ensure_rules()
    await AlertRule.filter(code="after_hours_decisions").update(enabled=False)
    await AlertRule.filter(code="other_port_reads").update(threshold=2)
    officer = account()
    await event(officer, MONDAY.replace(hour=23), operation="reviewDecide")
    await event(officer, MONDAY, outcome="OTHER_PORT")
    await event(officer, MONDAY + timedelta(minutes=1), outcome="OTHER_PORT")
    alerts = await evaluate()
    assert [(a.rule.code, a.event_count) for a in alerts] == [("other_port_reads", 2)]


async def test_an_alert_carries_the_officers_unit(db: None) -> None:
    async with in_transaction() as connection:
        created = await identity.create_officer(
            connection, badge_number="Q1001", full_name="王查", unit="罗湖口岸", roles=["inspector"]
        )
    actor = f"account:{created.officer.account_id}"
    await event(actor, MONDAY.replace(hour=20), operation="inspectionOutcomeRecord")
    [alert] = await evaluate()
    assert alert.unit == "罗湖口岸"
