from __future__ import annotations

import httpx
import pyotp
import pytest

from palm_customs.core import clock
from palm_customs.identity import passwords
from palm_customs.identity.models import PasswordCredential, RecoveryCode, Session
from tests.conftest import graphql
from tests.factories import make_person_input
from tests.identity.flows import me

CREATE = """
mutation($input: PersonInput!, $password: String!) {
  accountCreateWithPassword(input: $input, password: $password) {
    __typename
    ... on PasswordAccountCreated { totpSecret totpUri me { assuranceLevel needsTotpConfirmation } }
    ... on ValidationError { errors { field code message } }
    ... on AccountError { code }
  }
}
"""
CONFIRM = """
mutation($code: String!) {
  totpConfirm(code: $code) {
    __typename
    ... on TotpConfirmed { recoveryCodes me { assuranceLevel signInMethod } }
    ... on SignInError { code }
    ... on AccountError { code }
  }
}
"""
SIGN_IN = """
mutation($name: String!, $password: String!, $totp: String, $recovery: String) {
  signInWithPassword(signInName: $name, password: $password, totpCode: $totp, recoveryCode: $recovery) {
    __typename
    ... on SignInSuccess { me { assuranceLevel signInMethod needsTotpConfirmation } }
    ... on SignInError { code message }
    ... on TooManyAttempts { retryAfterSeconds message }
  }
}
"""
REGISTER_ENTERPRISE = """
mutation { enterpriseRegister(name: "上海示例贸易有限公司", uscc: "91350100M000100Y43") { __typename } }
"""
PASSWORD = "correct horse battery staple 42"


async def _create_and_confirm(client: httpx.AsyncClient) -> tuple[str, list[str]]:
    created = await graphql(client, CREATE, {"input": make_person_input(n=1), "password": PASSWORD})
    result = created["data"]["accountCreateWithPassword"]  # type: ignore[index]
    assert result["__typename"] == "PasswordAccountCreated", result
    secret = result["totpSecret"]
    confirmed = await graphql(client, CONFIRM, {"code": pyotp.TOTP(secret).at(clock.now())})
    codes: list[str] = confirmed["data"]["totpConfirm"]["recoveryCodes"]  # type: ignore[index]
    return secret, codes


async def test_a_password_account_is_enrolment_only_until_the_authenticator_is_confirmed(
    client: httpx.AsyncClient,
) -> None:
    # when
    created = await graphql(client, CREATE, {"input": make_person_input(n=1), "password": PASSWORD})
    # then
    result = created["data"]["accountCreateWithPassword"]  # type: ignore[index]
    assert result["me"] == {"assuranceLevel": 0, "needsTotpConfirmation": True}
    assert result["totpUri"].startswith("otpauth://totp/Palm%20Customs:")
    refused = await graphql(client, REGISTER_ENTERPRISE)
    assert refused["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED", "requiredLevel": 2}  # type: ignore[index]
    own_records = await graphql(client, "{ myDeclarations(first: 5) { nodes { id } } }")
    assert own_records["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    # and the stored secret is encrypted, the password hashed with argon2id
    stored = await PasswordCredential.get()
    session = await Session.get()
    assert stored.totp_secret_encrypted is None
    assert result["totpSecret"] not in (session.pending_totp_encrypted or "")
    assert stored.password_hash.startswith("$argon2id$")


async def test_confirming_the_authenticator_reaches_level_2_and_shows_ten_recovery_codes(
    client: httpx.AsyncClient,
) -> None:
    # when
    _, codes = await _create_and_confirm(client)
    # then
    assert len(codes) == len(set(codes)) == 10
    assert (await me(client))["assuranceLevel"] == 2  # type: ignore[index]
    stored = {r.code_hash for r in await RecoveryCode.all()}
    assert passwords.recovery_code_digest(codes[0]) in stored
    assert codes[0] not in stored


async def test_a_wrong_code_does_not_confirm(client: httpx.AsyncClient) -> None:
    await graphql(client, CREATE, {"input": make_person_input(n=1), "password": PASSWORD})
    result = await graphql(client, CONFIRM, {"code": "000000"})
    assert result["data"]["totpConfirm"]["code"] == "TOTP_INVALID"  # type: ignore[index]
    assert (await me(client))["assuranceLevel"] == 0  # type: ignore[index]


async def test_password_and_code_sign_in_at_level_2_and_a_code_works_once(
    client: httpx.AsyncClient,
) -> None:
    # given
    secret, _ = await _create_and_confirm(client)
    client.cookies.clear()
    # the code used to confirm cannot be used again; wait for the next step's code
    code = pyotp.TOTP(secret).at(clock.now(), counter_offset=1)
    # when
    first = await graphql(
        client, SIGN_IN, {"name": "person1@example.cn", "password": PASSWORD, "totp": code}
    )
    client.cookies.clear()
    replay = await graphql(
        client, SIGN_IN, {"name": "person1@example.cn", "password": PASSWORD, "totp": code}
    )
    # then
    assert first["data"]["signInWithPassword"]["me"]["assuranceLevel"] == 2  # type: ignore[index]
    assert replay["data"]["signInWithPassword"]["code"] == "TOTP_INVALID"  # type: ignore[index]


async def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(
    client: httpx.AsyncClient,
) -> None:
    await _create_and_confirm(client)
    client.cookies.clear()
    wrong = await graphql(
        client, SIGN_IN, {"name": "person1@example.cn", "password": "nope nope nope"}
    )
    unknown = await graphql(client, SIGN_IN, {"name": "who@example.cn", "password": PASSWORD})
    assert wrong["data"]["signInWithPassword"] == unknown["data"]["signInWithPassword"]  # type: ignore[index]
    assert wrong["data"]["signInWithPassword"]["code"] == "INVALID_CREDENTIALS"  # type: ignore[index]


async def test_a_recovery_code_gives_level_1_once_and_the_second_factor_must_be_replaced(
    client: httpx.AsyncClient,
) -> None:
    # given
    _, codes = await _create_and_confirm(client)
    client.cookies.clear()
    # when
    recovered = await graphql(
        client, SIGN_IN, {"name": "person1@example.cn", "password": PASSWORD, "recovery": codes[3]}
    )
    # then: level 1, and a new authenticator secret is waiting
    me_now = recovered["data"]["signInWithPassword"]["me"]  # type: ignore[index]
    assert me_now == {
        "assuranceLevel": 1,
        "signInMethod": "RECOVERY",
        "needsTotpConfirmation": True,
    }
    pending = await graphql(client, "{ pendingTotp { secret } }")
    new_secret = pending["data"]["pendingTotp"]["secret"]  # type: ignore[index]
    confirmed = await graphql(client, CONFIRM, {"code": pyotp.TOTP(new_secret).at(clock.now())})
    # confirming from a recovery session does not lift it to level 2 …
    assert confirmed["data"]["totpConfirm"]["me"]["assuranceLevel"] == 1  # type: ignore[index]
    # … a sign-in with the new second factor does
    client.cookies.clear()
    code = pyotp.TOTP(new_secret).at(clock.now(), counter_offset=1)
    again = await graphql(
        client, SIGN_IN, {"name": "person1@example.cn", "password": PASSWORD, "totp": code}
    )
    assert again["data"]["signInWithPassword"]["me"]["assuranceLevel"] == 2  # type: ignore[index]
    # and the used recovery code is spent
    client.cookies.clear()
    reused = await graphql(
        client, SIGN_IN, {"name": "person1@example.cn", "password": PASSWORD, "recovery": codes[3]}
    )
    assert reused["data"]["signInWithPassword"]["code"] == "RECOVERY_CODE_INVALID"  # type: ignore[index]


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short pw 1", "TOO_SHORT"),
        ("password1234", "COMMON_PASSWORD"),
        ("iloveyou2024!!", "COMMON_PASSWORD"),
        ("王小明1 is my name", "COMMON_PASSWORD"),
    ],
)
async def test_weak_passwords_are_refused_with_every_other_problem_listed(
    client: httpx.AsyncClient, password: str, code: str
) -> None:
    body = await graphql(
        client, CREATE, {"input": make_person_input(n=1, nationality="C"), "password": password}
    )
    errors = body["data"]["accountCreateWithPassword"]["errors"]  # type: ignore[index]
    assert ("input.password", code) in [(e["field"], e["code"]) for e in errors]
    assert ("input.nationality", "INVALID_FORMAT") in [(e["field"], e["code"]) for e in errors]
    assert await PasswordCredential.all().count() == 0


async def test_repeated_failures_slow_down_then_lock_the_account(client: httpx.AsyncClient) -> None:
    # given
    await _create_and_confirm(client)
    client.cookies.clear()
    answers = []
    # when
    for _ in range(4):
        body = await graphql(
            client, SIGN_IN, {"name": "person1@example.cn", "password": "wrong wrong wrong"}
        )
        answers.append(body["data"]["signInWithPassword"])  # type: ignore[index]
    # then: three plain refusals, then a wait is imposed (even for the right password)
    assert [a["__typename"] for a in answers[:3]] == ["SignInError"] * 3
    assert answers[3]["__typename"] == "TooManyAttempts"
    assert answers[3]["retryAfterSeconds"] >= 1
    right = await graphql(client, SIGN_IN, {"name": "person1@example.cn", "password": PASSWORD})
    assert right["data"]["signInWithPassword"]["__typename"] == "TooManyAttempts"  # type: ignore[index]
