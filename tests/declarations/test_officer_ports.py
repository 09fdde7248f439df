"""Officers read and act only at the ports where they serve (issue #11): an inspector at one
port could read any declaration, at any port, and its photos."""

from __future__ import annotations

from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import Officer
from tests.appointments.flows import client_for
from tests.conftest import graphql
from tests.declarations.flows import RECORD, VERIFY, inspector, key, submit, traveller, trip

BY_NUMBER = "query($n: String!) { declarationByNumber(number: $n) { number portCode } }"


async def test_an_inspector_at_another_port_neither_reads_nor_records_and_is_audited(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given a declaration crossing at PVG, and an inspector serving only at SHA
    await traveller(client)
    number = (await submit(client, trip()))["declaration"]["number"]
    elsewhere = client_for(app)
    await inspector(elsewhere, "T4001")
    await Officer.filter(badge_number="T4001").update(unit="虹桥机场", posts=["SHA"])
    # when
    read = await graphql(elsewhere, BY_NUMBER, {"n": number})
    outcome = {
        "number": number,
        "version": 1,
        "kind": "RELEASED",
        "observedAt": (clock.now() - timedelta(minutes=5)).isoformat(),
    }
    recorded = await graphql(elsewhere, RECORD, {"input": outcome, "key": key()})
    # then
    assert read["data"]["declarationByNumber"] is None  # type: ignore[index]
    assert recorded["data"]["inspectionOutcomeRecord"]["code"] == "NOT_FOUND"  # type: ignore[index]
    refused = await AuditEvent.get(operation="declarationByNumber")
    assert (refused.outcome, f"declaration:{number}" in refused.target_ids) == ("OTHER_PORT", True)
    assert await AuditEvent.filter(
        operation="inspectionOutcomeRecord", outcome="not_found"
    ).exists()
    # and an officer serving at both ports does both
    await Officer.filter(badge_number="T4001").update(posts=["SHA", "PVG"])
    again = await graphql(elsewhere, BY_NUMBER, {"n": number})
    assert again["data"]["declarationByNumber"] == {"number": number, "portCode": "PVG"}  # type: ignore[index]
    done = await graphql(elsewhere, RECORD, {"input": outcome, "key": key()})
    assert done["data"]["inspectionOutcomeRecord"]["__typename"] == "OutcomeRecorded"  # type: ignore[index]
    await elsewhere.aclose()


async def test_an_inspector_at_another_port_checking_a_code_online_learns_nothing_more(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given a declaration crossing at PVG, and an inspector serving only at SHA
    await traveller(client)
    credential = (await submit(client, trip()))["declaration"]["credential"]
    elsewhere = client_for(app)
    await inspector(elsewhere, "T4002")
    await Officer.filter(badge_number="T4002").update(unit="虹桥机场", posts=["SHA"])
    # when
    checked = await graphql(elsewhere, VERIFY, {"c": credential}, language="en")
    # then neither the declaration nor its status, and the look is audited
    answer = checked["data"]["declarationVerification"]  # type: ignore[index]
    assert answer["declaration"] is None, answer
    assert (answer["valid"], answer["problem"], answer["latestVersion"]) == (
        False,
        "NOT_FOUND",
        None,
    )
    assert answer["message"]
    refused = await AuditEvent.get(operation="declarationVerification")
    assert refused.outcome == "OTHER_PORT"
    # and an officer serving at both ports checks it
    await Officer.filter(badge_number="T4002").update(posts=["SHA", "PVG"])
    again = await graphql(elsewhere, VERIFY, {"c": credential})
    assert again["data"]["declarationVerification"]["valid"] is True  # type: ignore[index]
    assert again["data"]["declarationVerification"]["declaration"]["number"]  # type: ignore[index]
    await elsewhere.aclose()
