"""A password + authenticator-app account can reach level 3 (issue #11): to add a first
passkey or delete the account; before, step-up answered NO_PASSKEY and it was stuck."""

from __future__ import annotations

import httpx
import pyotp

from palm_customs.core import clock
from tests.conftest import ORIGIN, graphql
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.test_second_factor import NAME, _owner_with_confirmed_app

STEP_UP = """
mutation($p: String!, $c: String!) {
  stepUpWithPassword(password: $p, totpCode: $c) {
    __typename ... on StepUpSuccess { validUntil } ... on SignInError { code }
    ... on AccountError { code } ... on TooManyAttempts { retryAfterSeconds }
  }
}
"""
ADD_START = """
mutation { passkeyAddStart { __typename ... on PasskeyCeremony { challengeId optionsJson } } }
"""
ADD_FINISH = """
mutation($c: ID!, $j: String!) {
  passkeyAddFinish(challengeId: $c, credentialJson: $j, name: "My phone") { __typename }
}
"""
PASSWORD = "correct horse battery staple 42"


async def test_a_password_account_steps_up_with_password_and_code_and_adds_a_first_passkey(
    client: httpx.AsyncClient,
) -> None:
    # given a password account signed in at level 2
    secret, _ = await _owner_with_confirmed_app(client)
    assert (await graphql(client, ADD_START))["errors"][0]["extensions"]["code"] == (  # type: ignore[index]
        "STEP_UP_REQUIRED"
    )
    # when
    code = pyotp.TOTP(secret).at(clock.now(), counter_offset=1)
    stepped = await graphql(client, STEP_UP, {"p": PASSWORD, "c": code})
    # then
    assert stepped["data"]["stepUpWithPassword"]["__typename"] == "StepUpSuccess", stepped  # type: ignore[index]
    started = await graphql(client, ADD_START)
    ceremony = started["data"]["passkeyAddStart"]  # type: ignore[index]
    auth = SoftAuthenticator(origin=ORIGIN)
    added = await graphql(
        client,
        ADD_FINISH,
        {"c": ceremony["challengeId"], "j": auth.create(ceremony["optionsJson"])},
    )
    assert added["data"]["passkeyAddFinish"]["__typename"] == "IdentityDone", added  # type: ignore[index]
    # and the same code cannot be used again
    again = await graphql(client, STEP_UP, {"p": PASSWORD, "c": code})
    assert again["data"]["stepUpWithPassword"]["__typename"] == "AccountError"  # type: ignore[index]


async def test_a_wrong_password_or_code_does_not_step_up(client: httpx.AsyncClient) -> None:
    secret, _ = await _owner_with_confirmed_app(client)
    code = pyotp.TOTP(secret).at(clock.now(), counter_offset=1)
    wrong_password = await graphql(client, STEP_UP, {"p": "not the password", "c": code})
    wrong_code = await graphql(client, STEP_UP, {"p": PASSWORD, "c": "000000"})
    assert wrong_password["data"]["stepUpWithPassword"]["code"] == "INVALID_CREDENTIALS"  # type: ignore[index]
    assert wrong_code["data"]["stepUpWithPassword"]["code"] == "TOTP_INVALID"  # type: ignore[index]
    assert (await graphql(client, ADD_START))["errors"][0]["extensions"]["code"] == (  # type: ignore[index]
        "STEP_UP_REQUIRED"
    )
    assert NAME
