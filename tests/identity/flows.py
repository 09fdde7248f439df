"""GraphQL documents and helpers for identity tests (the person data is made by
tests/factories.py)."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import graphql
from tests.factories import make_person_input
from tests.factories import resident_id as resident_id  # re-exported: older imports
from tests.identity.authenticator import SoftAuthenticator

ACCOUNT_CREATE_START = """
mutation($input: PersonInput!) {
  accountCreateStart(input: $input) {
    __typename
    ... on PasskeyCeremony { challengeId optionsJson }
    ... on ValidationError { errors { field code message } }
    ... on AccountError { code message field }
  }
}
"""
SIGN_IN_RESULT = """
    __typename
    ... on SignInSuccess { me { accountId kind assuranceLevel stepUpValidUntil signInMethod
                                person { fullName documentNumberMasked } officer { badgeNumber roles } } }
    ... on WebAuthnError { code message }
    ... on SignInError { code message }
    ... on TooManyAttempts { retryAfterSeconds message }
    ... on ValidationError { errors { field code } }
    ... on AccountError { code message }
"""
ACCOUNT_CREATE_FINISH = (
    "mutation($c: ID!, $j: String!, $n: String!) { accountCreateFinish(challengeId: $c, "
    "credentialJson: $j, passkeyName: $n) {" + SIGN_IN_RESULT + "} }"
)
SIGN_IN_START = """
mutation($name: String) {
  signInStart(signInName: $name) {
    __typename ... on PasskeyCeremony { challengeId optionsJson }
  }
}
"""
SIGN_IN_FINISH = (
    "mutation($c: ID!, $j: String!) { signInFinish(challengeId: $c, credentialJson: $j) {"
    + SIGN_IN_RESULT
    + "} }"
)
STEP_UP_START = """
mutation { stepUpStart { __typename ... on PasskeyCeremony { challengeId optionsJson }
                         ... on AccountError { code } } }
"""
STEP_UP_FINISH = """
mutation($c: ID!, $j: String!) {
  stepUpFinish(challengeId: $c, credentialJson: $j) {
    __typename ... on StepUpSuccess { validUntil } ... on WebAuthnError { code message }
    ... on AccountError { code }
  }
}
"""
ME = """
{ me { accountId kind assuranceLevel signInMethod hasPasskey needsTotpConfirmation
       person { fullName documentNumberMasked isResident }
       memberships { id role status enterprise { id name uscc } } } }
"""


def person(n: int = 1, **overrides: Any) -> dict[str, Any]:
    """`tests.factories.make_person_input(n=n)`, for the modules that still call it so."""
    return make_person_input(n=n, **overrides)


async def create_account(
    client: httpx.AsyncClient, auth: SoftAuthenticator, *, n: int = 1, **create_kwargs: Any
) -> dict[str, Any]:
    started = await graphql(client, ACCOUNT_CREATE_START, {"input": person(n)})
    ceremony = started["data"]["accountCreateStart"]  # type: ignore[index]
    assert ceremony["__typename"] == "PasskeyCeremony", ceremony
    credential = auth.create(ceremony["optionsJson"], **create_kwargs)
    finished = await graphql(
        client,
        ACCOUNT_CREATE_FINISH,
        {"c": ceremony["challengeId"], "j": credential, "n": "Test phone"},
    )
    assert finished.get("data"), finished
    result: dict[str, Any] = finished["data"]["accountCreateFinish"]  # type: ignore[index]
    return result


async def sign_in(
    client: httpx.AsyncClient,
    auth: SoftAuthenticator,
    *,
    name: str | None = None,
    **get_kwargs: Any,
) -> dict[str, Any]:
    started = await graphql(client, SIGN_IN_START, {"name": name})
    ceremony = started["data"]["signInStart"]  # type: ignore[index]
    credential = auth.get(ceremony["optionsJson"], **get_kwargs)
    finished = await graphql(
        client, SIGN_IN_FINISH, {"c": ceremony["challengeId"], "j": credential}
    )
    result: dict[str, Any] = finished["data"]["signInFinish"]  # type: ignore[index]
    return result


async def step_up(
    client: httpx.AsyncClient, auth: SoftAuthenticator, **get_kwargs: Any
) -> dict[str, Any]:
    started = await graphql(client, STEP_UP_START)
    ceremony = started["data"]["stepUpStart"]  # type: ignore[index]
    credential = auth.get(ceremony["optionsJson"], **get_kwargs)
    finished = await graphql(
        client, STEP_UP_FINISH, {"c": ceremony["challengeId"], "j": credential}
    )
    result: dict[str, Any] = finished["data"]["stepUpFinish"]  # type: ignore[index]
    return result


async def me(client: httpx.AsyncClient) -> dict[str, Any] | None:
    body = await graphql(client, ME)
    assert "errors" not in body, body
    value: dict[str, Any] | None = body["data"]["me"]  # type: ignore[index]
    return value
