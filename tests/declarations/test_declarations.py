from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from starlette.applications import Starlette

from palm_customs.core import clock, signing
from palm_customs.core.models import AuditEvent
from palm_customs.declarations.models import Declaration, DeclarationStatus
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import (
    AMEND,
    RECORD,
    SUBMIT,
    VERIFY,
    article,
    inspector,
    key,
    submit,
    traveller,
    trip,
)
from tests.identity.flows import resident_id


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def test_a_traveller_submits_and_gets_a_signed_code_with_the_servers_estimate(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    # when: a resident brings a 6,000 camera (indivisible, above the 5,000 allowance)
    result = await submit(client, trip())
    # then: taxed in full at 13 % = 780.00, declare channel
    assert result["__typename"] == "DeclarationSubmitSuccess", result
    declaration = result["declaration"]
    assert declaration["estimate"]["dutyCny"] == "780.00"
    assert declaration["estimate"]["channel"] == "DECLARE"
    assert declaration["estimate"]["lines"][0]["rule"] == "taxed_within_allowance"
    assert declaration["travelNumber"] == "MU 588"
    assert declaration["travellers"][0]["fullName"] == "王小明1"
    verified = await signing.verify(declaration["credential"], now=clock.now())
    assert verified.claims["n"] == declaration["number"]
    assert verified.claims["v"] == 1
    assert verified.claims["duty"] == "780.00"
    assert declaration["credential"].startswith("PC1:")


async def test_resubmitting_with_the_same_key_returns_the_first_declaration(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    idempotency = key()
    # when: the outbox retries, even concurrently
    first = await submit(client, trip(), idempotency)
    again = await asyncio.gather(*(submit(client, trip(), idempotency) for _ in range(3)))
    # then
    assert first["replayed"] is False
    assert {r["declaration"]["id"] for r in again} == {first["declaration"]["id"]}
    assert all(r["replayed"] for r in again)
    assert await Declaration.all().count() == 1


async def test_other_peoples_declarations_are_invisible(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    await traveller(client)
    mine = (await submit(client, trip()))["declaration"]
    async with _client(app) as other:
        await traveller(other, n=2)
        seen = await graphql(
            other, "query($id: ID!) { declaration(id: $id) { number } }", {"id": mine["id"]}
        )
        listed = await graphql(other, "{ myDeclarations { nodes { number } } }")
    assert seen["data"] == {"declaration": None}
    assert listed["data"]["myDeclarations"]["nodes"] == []  # type: ignore[index]
    own = await graphql(client, "{ myDeclarations { nodes { number } } }")
    assert own["data"]["myDeclarations"]["nodes"] == [{"number": mine["number"]}]  # type: ignore[index]


async def test_submitting_needs_a_signed_in_person_at_level_2(client: httpx.AsyncClient) -> None:
    anonymous = await graphql(client, SUBMIT, {"input": trip(), "key": key()})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    assert (
        await AuditEvent.filter(operation="declarationSubmit", outcome="UNAUTHENTICATED").count()
        == 1
    )


@pytest.mark.parametrize(
    ("change", "path", "code"),
    [
        ({"articles": [article(quantity=-1)]}, "input.articles.0.quantity", "OUT_OF_RANGE"),
        ({"articles": [article(unitValue="1e12")]}, "input.articles.0.unitValue", "OUT_OF_RANGE"),
        ({"articles": [article(unitValue="abc")]}, "input.articles.0.unitValue", "INVALID_FORMAT"),
        ({"articles": [article(currency="XYZ")]}, "input.articles.0.currency", "INVALID_CHOICE"),
        (
            {"articles": [article(categoryCode="spaceship")]},
            "input.articles.0.categoryCode",
            "INVALID_CHOICE",
        ),
        (
            {"scheduledAt": (clock.now() + timedelta(days=5)).isoformat()},
            "input.scheduledAt",
            "OUT_OF_RANGE",
        ),
        (
            {"scheduledAt": (clock.now() - timedelta(days=2)).isoformat()},
            "input.scheduledAt",
            "OUT_OF_RANGE",
        ),
        ({"portCode": "NOWHERE"}, "input.portCode", "INVALID_CHOICE"),
        (
            {"articles": [article(key=f"k{i}") for i in range(101)]},
            "input.articles",
            "OUT_OF_RANGE",
        ),
        ({"restrictedYes": ["unicorns"]}, "input.restrictedYes", "INVALID_CHOICE"),
        (
            {
                "companions": [
                    {
                        "fullName": "王小红",
                        "dateOfBirth": "2015-06-01",
                        "isResident": True,
                        "documentType": "RESIDENT_ID",
                        "documentNumber": resident_id(__import__("datetime").date(2015, 6, 1), 2)[
                            :-1
                        ]
                        + "0",
                        "consentStatement": "我是她的母亲，为她申报。",
                    }
                ]
            },
            "input.companions.0.documentNumber",
            "CHECK_DIGIT",
        ),
        (
            {
                "companions": [
                    {
                        "fullName": f"同行{i}",
                        "dateOfBirth": "1990-01-01",
                        "isResident": True,
                        "documentType": "PASSPORT",
                        "documentNumber": f"E{i:08d}",
                        "consentStatement": "同行家属，已同意由我申报。",
                    }
                    for i in range(21)
                ]
            },
            "input.companions",
            "OUT_OF_RANGE",
        ),
    ],
)
async def test_bad_input_gets_a_typed_error_naming_the_field_and_saves_nothing(
    client: httpx.AsyncClient, change: dict[str, object], path: str, code: str
) -> None:
    # given
    await traveller(client)
    # when
    body = await graphql(client, SUBMIT, {"input": trip(**change), "key": key()}, language="zh-CN")
    # then
    result = body["data"]["declarationSubmit"]  # type: ignore[index]
    assert result["__typename"] == "ValidationError", result
    assert (path, code) in [(e["field"], e["code"]) for e in result["errors"]]
    assert all(e["message"] for e in result["errors"])
    assert await Declaration.all().count() == 0


async def test_every_problem_is_reported_at_once(client: httpx.AsyncClient) -> None:
    await traveller(client)
    body = await graphql(
        client,
        SUBMIT,
        {
            "input": trip(
                portCode="X", travelNumber="!", articles=[article(quantity=0, currency="ZZZ")]
            ),
            "key": key(),
        },
    )
    fields = {e["field"] for e in body["data"]["declarationSubmit"]["errors"]}  # type: ignore[index]
    assert fields >= {
        "input.portCode",
        "input.travelNumber",
        "input.articles.0.quantity",
        "input.articles.0.currency",
    }


async def test_amending_issues_a_new_version_and_the_old_code_verifies_as_superseded(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given
    await traveller(client)
    first = (await submit(client, trip()))["declaration"]
    # when
    amended = await graphql(
        client,
        AMEND,
        {
            "id": first["id"],
            "input": trip(articles=[article(categoryCode="bags", unitValue="4000.00")]),
            "key": key(),
        },
    )
    # then
    second = amended["data"]["declarationAmend"]["declaration"]  # type: ignore[index]
    assert second["number"] == first["number"]
    assert second["version"] == 2
    assert second["estimate"]["dutyCny"] == "0.00"
    assert (await Declaration.get(id=first["id"])).status is DeclarationStatus.SUPERSEDED
    async with _client(app) as officer:
        await inspector(officer)
        old = await graphql(officer, VERIFY, {"c": first["credential"]})
        new = await graphql(officer, VERIFY, {"c": second["credential"]})
    assert old["data"]["declarationVerification"]["superseded"] is True  # type: ignore[index]
    assert old["data"]["declarationVerification"]["latestVersion"] == 2  # type: ignore[index]
    assert new["data"]["declarationVerification"]["valid"] is True  # type: ignore[index]
    assert new["data"]["declarationVerification"]["superseded"] is False  # type: ignore[index]


async def test_a_tampered_or_foreign_code_is_refused_by_the_officer(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    await traveller(client)
    credential = (await submit(client, trip()))["declaration"]["credential"]
    middle = len(credential) // 2
    flipped = (
        credential[:middle] + ("A" if credential[middle] != "A" else "B") + credential[middle + 1 :]
    )
    async with _client(app) as officer:
        await inspector(officer)
        tampered = await graphql(officer, VERIFY, {"c": flipped})
        foreign = await graphql(officer, VERIFY, {"c": "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH"})
    assert tampered["data"]["declarationVerification"]["valid"] is False  # type: ignore[index]
    assert tampered["data"]["declarationVerification"]["problem"] in (
        "CREDENTIAL_TAMPERED",
        "CREDENTIAL_MALFORMED",
    )  # type: ignore[index]
    assert foreign["data"]["declarationVerification"]["problem"] == "CREDENTIAL_MALFORMED"  # type: ignore[index]


async def test_travellers_cannot_verify_codes(client: httpx.AsyncClient) -> None:
    await traveller(client)
    body = await graphql(client, VERIFY, {"c": "PC1:x"})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]


async def test_an_officer_records_an_outcome_once_even_if_the_tablet_resends_it(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given
    await traveller(client)
    declaration = (await submit(client, trip()))["declaration"]
    outcome = {
        "number": declaration["number"],
        "version": 1,
        "kind": "DUTY_ASSESSED",
        "dutyAssessed": "780.00",
        "observedAt": (clock.now() - timedelta(minutes=20)).isoformat(),
    }
    idempotency = key()
    async with _client(app) as officer:
        await inspector(officer)
        # when the offline queue sends it twice, and another officer tries a second outcome
        first = await graphql(officer, RECORD, {"input": outcome, "key": idempotency})
        resent = await graphql(officer, RECORD, {"input": outcome, "key": idempotency})
        other = await graphql(
            officer, RECORD, {"input": {**outcome, "kind": "RELEASED"}, "key": key()}
        )
        missing_duty = await graphql(
            officer, RECORD, {"input": {**outcome, "dutyAssessed": None}, "key": key()}
        )
    # then
    assert first["data"]["inspectionOutcomeRecord"]["replayed"] is False  # type: ignore[index]
    assert resent["data"]["inspectionOutcomeRecord"]["replayed"] is True  # type: ignore[index]
    assert other["data"]["inspectionOutcomeRecord"]["code"] == "OUTCOME_CONFLICT"  # type: ignore[index]
    assert (
        missing_duty["data"]["inspectionOutcomeRecord"]["errors"][0]["field"]
        == "input.dutyAssessed"
    )  # type: ignore[index]
    # and the traveller sees it; the declaration can no longer be amended
    seen = await graphql(
        client,
        "query($id: ID!) { declaration(id: $id) { status outcome { kind dutyAssessed } } }",
        {"id": declaration["id"]},
    )
    assert seen["data"]["declaration"] == {
        "status": "CLEARED",
        "outcome": {"kind": "DUTY_ASSESSED", "dutyAssessed": "780.00"},
    }
    amend = await graphql(client, AMEND, {"id": declaration["id"], "input": trip(), "key": key()})
    assert amend["data"]["declarationAmend"]["code"] in ("ALREADY_USED", "SUPERSEDED")  # type: ignore[index]


async def test_travellers_cannot_record_outcomes(client: httpx.AsyncClient) -> None:
    await traveller(client)
    body = await graphql(
        client,
        RECORD,
        {
            "input": {
                "number": "D1",
                "version": 1,
                "kind": "RELEASED",
                "observedAt": clock.now().isoformat(),
            },
            "key": key(),
        },
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
