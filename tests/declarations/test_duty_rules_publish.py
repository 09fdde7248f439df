from __future__ import annotations

import json

import httpx

from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from palm_customs.declarations.models import DutyRuleSet
from palm_customs.declarations.rules import seed_rule_set
from tests.conftest import graphql
from tests.declarations.flows import article, inspector, submit, traveller, trip

PUBLISH = """
mutation($rules: String, $rates: String) {
  dutyRulesPublish(ruleSetJson: $rules, ratesJson: $rates) {
    __typename ... on DutyRulesPublished { version ratesDate }
    ... on ValidationError { errors { field code } }
  }
}
"""


def _new_rules() -> dict[str, object]:
    data = seed_rule_set().to_dict()
    data["version"] = "test-2026-12"
    data["effective_from"] = clock.today().isoformat()
    for allowance in data["allowances"]:  # type: ignore[attr-defined]
        if allowance["residency"] == "resident":
            allowance["amount_cny"] = "8000.00"
    return data


async def test_an_administrator_publishes_rules_that_apply_at_once_without_a_release(
    client: httpx.AsyncClient,
) -> None:
    # given
    await inspector(client, badge="A3001", roles=("administrator",))
    # when
    body = await graphql(client, PUBLISH, {"rules": json.dumps(_new_rules())})
    # then
    assert body["data"]["dutyRulesPublish"]["version"] == "test-2026-12"  # type: ignore[index]
    rules = (await graphql(client, "{ dutyRules { version } }"))["data"]["dutyRules"]  # type: ignore[index]
    assert rules["version"] == "test-2026-12"
    assert await AuditEvent.filter(operation="dutyRulesPublish", outcome="OK").count() == 1
    # and a declaration made now uses them: a 6,000 handbag is no longer above the allowance
    client.cookies.clear()
    await traveller(client)
    declaration = (await submit(client, trip(articles=[article(categoryCode="bags")])))[
        "declaration"
    ]
    assert declaration["estimate"]["ruleSetVersion"] == "test-2026-12"
    assert declaration["estimate"]["dutyCny"] == "0.00"


async def test_malformed_rules_and_non_administrators_are_refused(
    client: httpx.AsyncClient,
) -> None:
    await traveller(client)
    forbidden = await graphql(client, PUBLISH, {"rules": json.dumps(_new_rules())})
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    client.cookies.clear()
    await inspector(client, badge="A3002", roles=("administrator",))
    broken = await graphql(client, PUBLISH, {"rules": '{"version": "x"}', "rates": "not json"})
    fields = {(e["field"], e["code"]) for e in broken["data"]["dutyRulesPublish"]["errors"]}  # type: ignore[index]
    assert fields in ({("ruleSetJson", "INVALID_FORMAT")}, {("ratesJson", "INVALID_FORMAT")})
    assert await DutyRuleSet.filter(version="x").count() == 0
