"""A person sees which officer unit opened or changed their records, with a proof from the log."""

from __future__ import annotations

import json
from typing import Any

import httpx
from starlette.applications import Starlette

from palm_customs.core import audit
from palm_customs.core.audit_heads import HeadError
from palm_customs.core.models import AuditAccess
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import VERIFY, inspector, submit, traveller, trip

BY_NUMBER = "query($n: String!) { declarationByNumber(number: $n) { number } }"
ACCESS = """
{ myDataAccess { eventId kind recordId label operation outcome officerUnit occurredAt sealed } }
"""
PROOF = "query($e: ID!) { myDataAccessProof(eventId: $e) }"


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def _accesses(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    body = await graphql(client, ACCESS)
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["myDataAccess"]  # type: ignore[index]
    return found


async def test_a_traveller_sees_the_officer_unit_that_opened_their_declaration_with_a_proof(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given a traveller's declaration, and an officer who looks it up at the channel
    await traveller(client)
    declaration = (await submit(client, trip()))["declaration"]
    before = await _accesses(client)
    async with _client(app) as officer:
        await inspector(officer)
        looked = await graphql(officer, BY_NUMBER, {"n": declaration["number"]})
    assert looked["data"]["declarationByNumber"]["number"] == declaration["number"]  # type: ignore[index]
    # when
    unsealed = await _accesses(client)
    await audit.seal()
    sealed = await _accesses(client)
    proof = await graphql(client, PROOF, {"e": sealed[0]["eventId"]})
    # then
    assert before == []
    assert [
        (a["kind"], a["label"], a["operation"], a["outcome"], a["officerUnit"]) for a in sealed
    ] == [("DECLARATION", declaration["number"], "declarationByNumber", "READ", "浦东机场")]
    assert unsealed[0]["sealed"] is False
    assert sealed[0]["sealed"] is True
    document = json.loads(proof["data"]["myDataAccessProof"])  # type: ignore[index]
    assert audit.check_proof(document, audit.trust()).startswith("event at position")
    assert json.loads(document["leaf"])["operation"] == "declarationByNumber"


async def test_a_proof_is_given_only_for_events_about_your_own_records(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given an officer opened someone else's declaration
    await traveller(client)
    declaration = (await submit(client, trip()))["declaration"]
    async with _client(app) as officer:
        await inspector(officer)
        await graphql(officer, BY_NUMBER, {"n": declaration["number"]})
    await audit.seal()
    event_id = (await AuditAccess.get(target__startswith="declaration:")).event_id
    # when another traveller asks for it, and for nonsense
    async with _client(app) as other:
        await traveller(other, n=2)
        foreign = await graphql(other, PROOF, {"e": str(event_id)})
        nonsense = await graphql(other, PROOF, {"e": "9" * 40})
        listed = await _accesses(other)
    # then
    assert foreign["data"] == {"myDataAccessProof": None}
    assert nonsense["data"] == {"myDataAccessProof": None}
    assert listed == []


async def test_a_person_reading_their_own_declaration_is_not_listed(
    client: httpx.AsyncClient,
) -> None:
    await traveller(client)
    mine = (await submit(client, trip()))["declaration"]
    await graphql(client, "query($id: ID!) { declaration(id: $id) { number } }", {"id": mine["id"]})
    assert await _accesses(client) == []
    assert await AuditAccess.all().count() == 0


async def test_a_forged_proof_does_not_check(client: httpx.AsyncClient, app: Starlette) -> None:
    await traveller(client)
    declaration = (await submit(client, trip()))["declaration"]
    async with _client(app) as officer:
        await inspector(officer)
        await graphql(officer, BY_NUMBER, {"n": declaration["number"]})
    await audit.seal()
    event_id = (await _accesses(client))[0]["eventId"]
    document = json.loads(
        (await graphql(client, PROOF, {"e": event_id}))["data"]["myDataAccessProof"]
    )  # type: ignore[index]
    document["head"]["size"] += 1
    try:
        audit.check_proof(document, audit.trust())
        refused = False
    except (HeadError, ValueError):
        refused = True
    assert refused


async def test_hiding_an_access_from_its_owner_is_named_by_audit_verify(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given an officer's look-up, sealed
    await traveller(client)
    declaration = (await submit(client, trip()))["declaration"]
    async with _client(app) as officer:
        await inspector(officer)
        await graphql(officer, BY_NUMBER, {"n": declaration["number"]})
    await audit.seal()
    intact = await audit.verify()
    row = await AuditAccess.get(target__startswith="declaration:")
    # when someone deletes it from the index so that the traveller does not see it
    await row.delete()
    hidden = await _accesses(client)
    report = await audit.verify()
    # then
    assert intact.breaks == []
    assert hidden == []
    assert [b.event_id for b in report.breaks] == [row.event_id]
    assert "hidden from its owner's view" in report.breaks[0].reason


async def test_an_officer_checking_a_code_online_is_listed_as_an_opening(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given
    await traveller(client)
    declaration = (await submit(client, trip()))["declaration"]
    # when an officer checks the traveller's code online
    async with _client(app) as officer:
        await inspector(officer)
        checked = await graphql(officer, VERIFY, {"c": declaration["credential"]})
    # then
    assert checked["data"]["declarationVerification"]["valid"] is True  # type: ignore[index]
    listed = await _accesses(client)
    assert [(a["operation"], a["outcome"], a["officerUnit"]) for a in listed] == [
        ("declarationVerification", "READ", "浦东机场")
    ]
