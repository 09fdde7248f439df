"""Supervisors see their unit's anomaly alerts and acknowledge them; administrators change rules
with step-up; every change is audited; alerts are counted in /metrics."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from tortoise.transactions import in_transaction

from palm_customs.alerts import services
from palm_customs.alerts.models import Alert
from palm_customs.core import audit, clock
from palm_customs.core.models import AuditEvent
from palm_customs.identity import services as identity
from palm_customs.identity.models import Officer, Session
from palm_customs.settings import Settings
from tests.alerts.test_rules import MONDAY, event
from tests.conftest import ORIGIN, graphql, make_settings
from tests.core.test_metrics import TOKEN, value
from tests.declarations.flows import inspector

ALERTS = """
query($open: Boolean!) { auditAlerts(openOnly: $open) {
  id ruleCode title who unit eventCount acknowledgedAt note } }
"""
ACK = """
mutation($id: ID!, $note: String!) { auditAlertAcknowledge(id: $id, note: $note) {
  __typename
  ... on AuditAlertAcknowledged { alert { id acknowledgedAt note } }
  ... on AuditAlertError { code message }
  ... on ValidationError { errors { field message } } } }
"""
RULE_UPDATE = """
mutation($input: AuditAlertRuleUpdateInput!) { auditAlertRuleUpdate(input: $input) {
  __typename
  ... on AuditAlertRuleSaved { rule { code threshold enabled } }
  ... on AuditAlertError { code message }
  ... on ValidationError { errors { field message } } } }
"""


@pytest.fixture
def settings(migrated: str, var_dir: Path, tmp_path: Path) -> Settings:
    return make_settings(
        migrated, var_dir, AUDIT_CHECKPOINT_DIR=str(tmp_path / "audit-log"), METRICS_TOKEN=TOKEN
    )


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


@pytest.fixture
async def alerts(app: Starlette) -> tuple[Alert, Alert]:
    """An after-hours decision by an officer of 浦东机场 and one by an officer of 罗湖口岸."""
    found = []
    for badge, unit in (("Q2001", "浦东机场"), ("Q2002", "罗湖口岸")):
        async with in_transaction() as connection:
            created = await identity.create_officer(
                connection, badge_number=badge, full_name="赵审", unit=unit, roles=["reviewer"]
            )
        await event(
            f"account:{created.officer.account_id}",
            MONDAY.replace(hour=22),
            operation="reviewDecide",
        )
    await audit.seal()
    await services.evaluate_all()
    for unit in ("浦东机场", "罗湖口岸"):
        found.append(await Alert.get(unit=unit).prefetch_related("rule"))
    return found[0], found[1]


async def test_a_supervisor_sees_and_acknowledges_only_their_units_alerts(
    app: Starlette, alerts: tuple[Alert, Alert]
) -> None:
    mine, theirs = alerts
    async with _client(app) as supervisor:
        await inspector(supervisor, badge="S3001", roles=("supervisor",))
        listed = (await graphql(supervisor, ALERTS, {"open": True}, language="zh-Hans"))["data"]
        [shown] = listed["auditAlerts"]  # type: ignore[index]
        assert shown["id"] == str(mine.id)
        assert shown["who"] == "赵审 (Q2001)"
        assert shown["title"] == "在工作时间以外作出决定"
        # when acknowledging it, and the other unit's
        done = await graphql(supervisor, ACK, {"id": str(mine.id), "note": "已核实，加班审批"})
        other = await graphql(supervisor, ACK, {"id": str(theirs.id), "note": ""}, language="en")
        again = await graphql(supervisor, ACK, {"id": str(mine.id), "note": ""}, language="zh-Hant")
        # then
        acked = done["data"]["auditAlertAcknowledge"]  # type: ignore[index]
        assert acked["alert"]["note"] == "已核实，加班审批"
        assert other["data"]["auditAlertAcknowledge"] == {  # type: ignore[index]
            "__typename": "AuditAlertError",
            "code": "NOT_FOUND",
            "message": "We could not find that alert.",
        }
        assert again["data"]["auditAlertAcknowledge"]["message"] == "這條預警已有人確認。"  # type: ignore[index]
        assert (await Alert.get(id=theirs.id)).acknowledged_at is None
        assert (await graphql(supervisor, ALERTS, {"open": True}))["data"] == {"auditAlerts": []}
        closed = await graphql(supervisor, ALERTS, {"open": False})
        assert [a["id"] for a in closed["data"]["auditAlerts"]] == [str(mine.id)]  # type: ignore[index]
        # and each attempt is in the audit log, refusals included
        outcomes = await AuditEvent.filter(operation="auditAlertAcknowledge").values_list(
            "outcome", flat=True
        )
        assert sorted(outcomes) == ["OK", "already_acknowledged", "not_found"]


async def test_an_inspector_cannot_see_alerts(app: Starlette, alerts: tuple[Alert, Alert]) -> None:
    async with _client(app) as officer:
        await inspector(officer, badge="I3001", roles=("inspector",))
        refused = await graphql(officer, ALERTS, {"open": True})
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]


async def test_only_a_stepped_up_administrator_changes_a_rule(app: Starlette) -> None:
    async with _client(app) as admin, _client(app) as supervisor:
        await inspector(supervisor, badge="S3002", roles=("supervisor",))
        forbidden = await graphql(
            supervisor, RULE_UPDATE, {"input": {"code": "refusals", "threshold": 5}}
        )
        assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
        # an administrator just enrolled has stepped up
        await inspector(admin, badge="A3001", roles=("administrator",))
        bad = await graphql(
            admin,
            RULE_UPDATE,
            {"input": {"code": "refusals", "threshold": 0, "hoursStart": "25:00"}},
            language="zh-Hans",
        )
        errors = bad["data"]["auditAlertRuleUpdate"]["errors"]  # type: ignore[index]
        assert {e["field"] for e in errors} == {"threshold", "hoursStart"}
        assert all("阈值" in e["message"] or "上班时间" in e["message"] for e in errors)
        unknown = await graphql(admin, RULE_UPDATE, {"input": {"code": "nope", "enabled": False}})
        assert unknown["data"]["auditAlertRuleUpdate"]["code"] == "NOT_FOUND"  # type: ignore[index]
        saved = await graphql(admin, RULE_UPDATE, {"input": {"code": "refusals", "threshold": 5}})
        assert saved["data"]["auditAlertRuleUpdate"] == {  # type: ignore[index]
            "__typename": "AuditAlertRuleSaved",
            "rule": {"code": "refusals", "threshold": 5, "enabled": True},
        }
        assert await AuditEvent.filter(
            operation="auditAlertRuleUpdate", outcome="OK", target_ids=["alert_rule:refusals"]
        ).exists()
        # when the step-up lapses
        officer = await Officer.get(badge_number="A3001")
        await Session.filter(account_id=officer.account_id, ended_at=None).update(
            step_up_at=clock.now() - timedelta(minutes=6)
        )
        lapsed = await graphql(admin, RULE_UPDATE, {"input": {"code": "refusals", "threshold": 9}})
        assert lapsed["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]


async def test_alerts_and_sealer_lag_are_counted_in_metrics(
    app: Starlette, client: httpx.AsyncClient, alerts: tuple[Alert, Alert]
) -> None:
    headers = {"authorization": f"Bearer {TOKEN}"}
    text = (await client.get("/metrics", headers=headers)).text
    assert value(text, "palm_audit_alerts", rule="after_hours_decisions") == 2
    assert value(text, "palm_audit_alerts_open", rule="after_hours_decisions") == 2
    assert value(text, "palm_audit_alerts", rule="refusals") == 0
    # everything is sealed: no lag
    assert value(text, "palm_audit_unsealed_events") == 0
    assert value(text, "palm_audit_oldest_unsealed_seconds") == 0
    # when three events wait for the sealer, the oldest for 90 seconds of the project's clock
    for n in range(3):
        await event("account:x", clock.now() - timedelta(seconds=90 - n))
    text = (await client.get("/metrics", headers=headers)).text
    assert value(text, "palm_audit_unsealed_events") == 3
    assert 90 <= value(text, "palm_audit_oldest_unsealed_seconds") < 120
    await audit.seal()
    text = (await client.get("/metrics", headers=headers)).text
    assert value(text, "palm_audit_unsealed_events") == 0
