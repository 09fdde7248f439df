from __future__ import annotations

import json
import uuid

import httpx
from starlette.applications import Starlette

from palm_customs.declarations.models import DeclarationDraft
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import article, submit, traveller, trip

SAVE = """
mutation($id: ID!, $base: Int!, $data: String!) {
  declarationDraftSave(draftId: $id, baseVersion: $base, dataJson: $data, device: "phone") {
    __typename
    ... on DeclarationDraftSaved { draft { version dataJson } }
    ... on DraftConflictError { serverVersion serverDataJson message }
    ... on DeclarationError { code }
    ... on ValidationError { errors { field code } }
  }
}
"""
ESTIMATE = """
query($travellers: [EstimateTravellerInput!]!, $articles: [ArticleInput!]!) {
  dutyEstimate(travellers: $travellers, articles: $articles) {
    __typename
    ... on DutyEstimate { dutyCny channel reasons lines { rule dutyCny } }
    ... on ValidationError { errors { field code } }
  }
}
"""


async def _save(client: httpx.AsyncClient, draft_id: str, base: int, data: object) -> dict:  # type: ignore[type-arg]
    body = await graphql(client, SAVE, {"id": draft_id, "base": base, "data": json.dumps(data)})
    return body["data"]["declarationDraftSave"]  # type: ignore[index,no-any-return]


async def test_a_draft_syncs_across_devices_and_a_stale_edit_is_a_conflict(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    draft_id = str(uuid.uuid4())
    # when the phone saves twice, then the laptop saves from the first version
    first = await _save(client, draft_id, 0, {"step": "trip", "travelNumber": "MU588"})
    second = await _save(client, draft_id, 1, {"step": "articles", "travelNumber": "MU588"})
    stale = await _save(client, draft_id, 1, {"step": "trip", "travelNumber": "CA181"})
    # then
    assert first["draft"]["version"] == 1
    assert second["draft"]["version"] == 2
    assert stale["__typename"] == "DraftConflictError"
    assert stale["serverVersion"] == 2
    assert json.loads(stale["serverDataJson"])["step"] == "articles"
    stored = await DeclarationDraft.get(id=draft_id)
    assert stored.data["travelNumber"] == "MU588"  # never silently overwritten
    listed = await graphql(client, "{ myDeclarationDrafts { id version } }")
    assert listed["data"]["myDeclarationDrafts"] == [{"id": draft_id, "version": 2}]  # type: ignore[index]


async def test_nobody_writes_into_someone_elses_draft(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    await traveller(client)
    draft_id = str(uuid.uuid4())
    await _save(client, draft_id, 0, {"mine": True})
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as other:
        await traveller(other, n=2)
        result = await _save(other, draft_id, 1, {"mine": False})
    assert result["code"] == "NOT_FOUND"
    assert (await DeclarationDraft.get(id=draft_id)).data == {"mine": True}


async def test_an_oversized_or_malformed_draft_is_refused(client: httpx.AsyncClient) -> None:
    await traveller(client)
    big = await _save(client, str(uuid.uuid4()), 0, {"notes": "x" * 70_000})
    body = await graphql(client, SAVE, {"id": str(uuid.uuid4()), "base": 0, "data": "[not json"})
    assert big["code"] == "DRAFT_TOO_LARGE"
    assert body["data"]["declarationDraftSave"]["errors"][0]["field"] == "dataJson"  # type: ignore[index]
    assert await DeclarationDraft.all().count() == 0


async def test_submitting_from_a_draft_removes_the_draft(client: httpx.AsyncClient) -> None:
    await traveller(client)
    draft_id = str(uuid.uuid4())
    await _save(client, draft_id, 0, {"step": "review"})
    result = await submit(client, trip(), draft=draft_id)
    assert result["__typename"] == "DeclarationSubmitSuccess"
    assert await DeclarationDraft.filter(id=draft_id).count() == 0


async def test_anyone_gets_the_live_estimate_without_anything_stored(
    client: httpx.AsyncClient,
) -> None:
    # when: a resident with a 6,000 camera and a non-resident companion with a 1,500 bag
    body = await graphql(
        client,
        ESTIMATE,
        {
            "travellers": [
                {"isResident": True, "dateOfBirth": "1980-01-01"},
                {"isResident": False, "dateOfBirth": "1985-01-01"},
            ],
            "articles": [
                article(),
                article(
                    "a2", traveller=1, categoryCode="bags", unitValue="1500.00", indivisible=False
                ),
            ],
        },
    )
    # then
    estimate = body["data"]["dutyEstimate"]  # type: ignore[index]
    assert estimate["dutyCny"] == "780.00"
    assert [line["dutyCny"] for line in estimate["lines"]] == ["780.00", "0.00"]


async def test_the_live_estimate_refuses_bad_lines(client: httpx.AsyncClient) -> None:
    body = await graphql(
        client,
        ESTIMATE,
        {
            "travellers": [{"isResident": True, "dateOfBirth": "1980-01-01"}],
            "articles": [article(quantity=-3, traveller=4)],
        },
    )
    errors = body["data"]["dutyEstimate"]["errors"]  # type: ignore[index]
    assert {(e["field"], e["code"]) for e in errors} >= {
        ("articles.0.quantity", "OUT_OF_RANGE"),
        ("articles.0.traveller", "INVALID_CHOICE"),
    }


async def test_the_rules_for_offline_estimates_are_public(client: httpx.AsyncClient) -> None:
    body = await graphql(
        client,
        "{ dutyRules { version ratesDate ruleSetJson ratesJson categories { code rate name { en } } checklist { code question { zhHans } guidance { en } } } }",
    )
    rules = body["data"]["dutyRules"]  # type: ignore[index]
    assert json.loads(rules["ruleSetJson"])["version"] == rules["version"]
    assert json.loads(rules["ratesJson"])["rates"]["CNY"] == "1"
    assert {c["rate"] for c in rules["categories"]} >= {"0.13", "0.2", "0.5"} or len(
        rules["categories"]
    ) >= 12
    assert len(rules["checklist"]) >= 8
