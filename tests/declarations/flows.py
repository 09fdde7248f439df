"""Helpers for declaration tests: a signed-in traveller, an enrolled inspector, inputs."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
from tortoise.transactions import in_transaction

from palm_customs.catalogue.demo import seed_ports
from palm_customs.core import clock
from palm_customs.identity import services as identity
from tests.conftest import ORIGIN, graphql
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import SIGN_IN_RESULT, create_account

DECLARATION_FIELDS = """
  id number version status portCode travelNumber validFrom validUntil credential submittedAt
  travellers { key fullName documentNumber consentStatement }
  articles { key categoryCode quantity unitValue currency }
  estimate { dutyCny channel reasons ruleSetVersion ratesDate
             lines { articleKey category valueCny taxableCny rate dutyCny rule } }
  outcome { kind dutyAssessed reason }
"""
SUBMIT = (
    "mutation($input: DeclarationInput!, $key: String!, $draft: ID) {"
    " declarationSubmit(input: $input, idempotencyKey: $key, draftId: $draft) {"
    " __typename ... on DeclarationSubmitSuccess { replayed declaration {"
    + DECLARATION_FIELDS
    + "} } ... on ValidationError { errors { field code message } }"
    " ... on DeclarationError { code message } } }"
)
AMEND = (
    "mutation($id: ID!, $input: DeclarationInput!, $key: String!) {"
    " declarationAmend(declarationId: $id, input: $input, idempotencyKey: $key) {"
    " __typename ... on DeclarationSubmitSuccess { replayed declaration {"
    + DECLARATION_FIELDS
    + "} } ... on ValidationError { errors { field code } } ... on DeclarationError { code } } }"
)
VERIFY = """
query($c: String!) {
  declarationVerification(credential: $c) {
    valid problem message superseded latestVersion declaration { number version status }
  }
}
"""
RECORD = """
mutation($input: OutcomeInput!, $key: String!) {
  inspectionOutcomeRecord(input: $input, idempotencyKey: $key) {
    __typename
    ... on OutcomeRecorded { replayed outcome { kind dutyAssessed } }
    ... on ValidationError { errors { field code } }
    ... on DeclarationError { code message }
  }
}
"""
ENROL_START = """
mutation($b: String!, $code: String!) {
  officerEnrolStart(badgeNumber: $b, code: $code) { ... on PasskeyCeremony { challengeId optionsJson } }
}
"""
ENROL_FINISH = (
    "mutation($c: ID!, $j: String!) { officerEnrolFinish(challengeId: $c, credentialJson: $j, "
    'passkeyName: "Tablet") {' + SIGN_IN_RESULT + "} }"
)


def article(key: str = "a1", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": key,
        "traveller": 0,
        "categoryCode": "cameras",
        "description": "相机 Camera",
        "quantity": 1,
        "unitValue": "6000.00",
        "currency": "CNY",
        "indivisible": True,
    }
    data.update(overrides)
    return data


def trip(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "direction": "ARRIVING",
        "portCode": "PVG",
        "travelMode": "FLIGHT",
        "travelNumber": "mu 588",
        "scheduledAt": (clock.now() + timedelta(hours=6)).isoformat(),
        "companions": [],
        "articles": [article()],
        "cash": [],
        "restrictedYes": [],
    }
    data.update(overrides)
    return data


def key() -> str:
    return uuid.uuid4().hex


async def traveller(client: httpx.AsyncClient, n: int = 1) -> SoftAuthenticator:
    await seed_ports()
    auth = SoftAuthenticator(origin=ORIGIN)
    created = await create_account(client, auth, n=n)
    assert created["__typename"] == "SignInSuccess", created
    return auth


async def inspector(
    client: httpx.AsyncClient, badge: str = "T3001", roles: tuple[str, ...] = ("inspector",)
) -> SoftAuthenticator:
    async with in_transaction() as connection:
        created = await identity.create_officer(
            connection,
            badge_number=badge,
            full_name="李检",
            unit="浦东机场",
            roles=list(roles),
            posts=["PVG"],  # the port the test declarations cross at
        )
    auth = SoftAuthenticator(origin=ORIGIN)
    started = await graphql(client, ENROL_START, {"b": badge, "code": created.enrolment_code})
    ceremony = started["data"]["officerEnrolStart"]  # type: ignore[index]
    finished = await graphql(
        client,
        ENROL_FINISH,
        {"c": ceremony["challengeId"], "j": auth.create(ceremony["optionsJson"])},
    )
    assert finished["data"]["officerEnrolFinish"]["__typename"] == "SignInSuccess"  # type: ignore[index]
    return auth


async def submit(
    client: httpx.AsyncClient, data: dict[str, Any], idempotency: str | None = None, **kw: Any
) -> dict[str, Any]:
    body = await graphql(client, SUBMIT, {"input": data, "key": idempotency or key(), **kw})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["declarationSubmit"]  # type: ignore[index]
    return result
