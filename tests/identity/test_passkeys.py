from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from palm_customs.core import clock
from palm_customs.core.audit import seal, verify
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import Account, Challenge, Passkey, Session
from tests.conftest import ORIGIN, graphql
from tests.factories import make_person_input
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import (
    ACCOUNT_CREATE_FINISH,
    ACCOUNT_CREATE_START,
    SIGN_IN_FINISH,
    SIGN_IN_START,
    create_account,
    me,
    sign_in,
)


@pytest.fixture
def auth() -> SoftAuthenticator:
    return SoftAuthenticator(origin=ORIGIN)


async def test_a_person_creates_an_account_with_a_passkey_and_is_signed_in_at_level_2(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # when
    result = await create_account(client, auth)
    # then
    assert result["__typename"] == "SignInSuccess", result
    assert result["me"]["kind"] == "PERSON"
    assert result["me"]["assuranceLevel"] == 3  # a user-verified registration is fresh proof
    assert result["me"]["person"]["documentNumberMasked"].startswith("11")
    assert "*" in result["me"]["person"]["documentNumberMasked"]
    current = await me(client)
    assert current is not None
    assert current["hasPasskey"] is True
    assert await Passkey.all().count() == 1


async def test_signing_in_again_needs_no_username(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given
    created = await create_account(client, auth)
    client.cookies.clear()
    assert await me(client) is None
    # when
    result = await sign_in(client, auth)
    # then
    assert result["__typename"] == "SignInSuccess", result
    assert result["me"]["accountId"] == created["me"]["accountId"]
    assert result["me"]["assuranceLevel"] == 2
    assert result["me"]["signInMethod"] == "PASSKEY"
    passkey = await Passkey.get()
    assert passkey.sign_count == auth.sign_count == 2
    assert passkey.last_used_at is not None


async def test_username_first_sign_in_binds_the_challenge_to_that_account(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given two accounts, each with its own passkey
    await create_account(client, auth)
    client.cookies.clear()
    other = SoftAuthenticator(origin=ORIGIN)
    await create_account(client, other, n=2)
    client.cookies.clear()
    # when the first one's name is given and the second one's passkey answers
    result = await sign_in(client, other, name="Person1@Example.cn")
    # then it is refused; the first one's own passkey signs in
    assert result["__typename"] == "WebAuthnError", result
    assert (await sign_in(client, auth, name="Person1@Example.cn"))["__typename"] == (
        "SignInSuccess"
    )
    # (no credentials are listed, for any name: tests/identity/test_sign_in_enumeration.py)
    import json

    started = await graphql(client, SIGN_IN_START, {"name": "Person1@Example.cn"})
    options = json.loads(started["data"]["signInStart"]["optionsJson"])  # type: ignore[index]
    assert options["userVerification"] == "required"
    assert options["rpId"] == "localhost"


async def test_registration_requires_a_resident_key_and_user_verification(
    client: httpx.AsyncClient,
) -> None:
    import json

    started = await graphql(client, ACCOUNT_CREATE_START, {"input": make_person_input(n=1)})
    options = json.loads(started["data"]["accountCreateStart"]["optionsJson"])  # type: ignore[index]
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert len(options["challenge"]) >= 22  # ≥ 16 random bytes, base64url
    assert options["rp"]["id"] == "localhost"


async def _start_create(client: httpx.AsyncClient, n: int = 1) -> dict[str, str]:
    started = await graphql(client, ACCOUNT_CREATE_START, {"input": make_person_input(n=n)})
    ceremony: dict[str, str] = started["data"]["accountCreateStart"]  # type: ignore[index]
    return ceremony


async def _finish_create(
    client: httpx.AsyncClient, challenge_id: str, credential: str
) -> dict[str, object]:
    body = await graphql(
        client, ACCOUNT_CREATE_FINISH, {"c": challenge_id, "j": credential, "n": "phone"}
    )
    result: dict[str, object] = body["data"]["accountCreateFinish"]  # type: ignore[index]
    return result


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        ({"origin": "https://evil.example"}, "VERIFICATION_FAILED"),
        ({"rp_id": "evil.example"}, "VERIFICATION_FAILED"),
        ({"cross_origin": True}, "CROSS_ORIGIN"),
        ({"user_verified": False}, "USER_NOT_VERIFIED"),
    ],
)
async def test_a_tampered_registration_is_refused_and_creates_nothing(
    client: httpx.AsyncClient, auth: SoftAuthenticator, tamper: dict[str, object], code: str
) -> None:
    # given
    ceremony = await _start_create(client)
    # when
    result = await _finish_create(
        client,
        ceremony["challengeId"],
        auth.create(ceremony["optionsJson"], **tamper),  # type: ignore[arg-type]
    )
    # then
    assert result == {"__typename": "WebAuthnError", "code": code, "message": result["message"]}
    assert await Account.all().count() == 0
    assert (
        await AuditEvent.filter(operation="accountCreateFinish", outcome=code.lower()).count() == 1
    )


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        ({"origin": "https://evil.example"}, "VERIFICATION_FAILED"),
        ({"rp_id": "evil.example"}, "VERIFICATION_FAILED"),
        ({"cross_origin": True}, "CROSS_ORIGIN"),
        ({"user_verified": False}, "USER_NOT_VERIFIED"),
    ],
)
async def test_a_tampered_assertion_is_refused_with_no_session(
    client: httpx.AsyncClient, auth: SoftAuthenticator, tamper: dict[str, object], code: str
) -> None:
    # given
    await create_account(client, auth)
    client.cookies.clear()
    sessions_before = await Session.all().count()
    # when
    result = await sign_in(client, auth, **tamper)
    # then
    assert result["__typename"] == "WebAuthnError"
    assert result["code"] == code
    assert await Session.all().count() == sessions_before
    assert await me(client) is None


async def test_a_replayed_challenge_is_refused(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given a sign-in that succeeded
    await create_account(client, auth)
    client.cookies.clear()
    started = await graphql(client, SIGN_IN_START, {"name": None})
    ceremony = started["data"]["signInStart"]  # type: ignore[index]
    credential = auth.get(ceremony["optionsJson"])
    first = await graphql(client, SIGN_IN_FINISH, {"c": ceremony["challengeId"], "j": credential})
    assert first["data"]["signInFinish"]["__typename"] == "SignInSuccess"  # type: ignore[index]
    # when the same answer is sent again
    second = await graphql(client, SIGN_IN_FINISH, {"c": ceremony["challengeId"], "j": credential})
    # then
    assert second["data"]["signInFinish"]["code"] == "CHALLENGE_INVALID"  # type: ignore[index]


async def test_a_failed_attempt_still_burns_the_challenge(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given
    await create_account(client, auth)
    client.cookies.clear()
    started = await graphql(client, SIGN_IN_START, {"name": None})
    ceremony = started["data"]["signInStart"]  # type: ignore[index]
    bad = auth.get(ceremony["optionsJson"], user_verified=False)
    await graphql(client, SIGN_IN_FINISH, {"c": ceremony["challengeId"], "j": bad})
    # when a good answer follows on the same challenge
    good = auth.get(ceremony["optionsJson"])
    result = await graphql(client, SIGN_IN_FINISH, {"c": ceremony["challengeId"], "j": good})
    # then
    assert result["data"]["signInFinish"]["code"] == "CHALLENGE_INVALID"  # type: ignore[index]


async def test_an_expired_challenge_is_refused(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given
    await create_account(client, auth)
    client.cookies.clear()
    started = await graphql(client, SIGN_IN_START, {"name": None})
    ceremony = started["data"]["signInStart"]  # type: ignore[index]
    await Challenge.filter(id=ceremony["challengeId"]).update(
        expires_at=clock.now() - timedelta(seconds=1)
    )
    # when
    result = await graphql(
        client,
        SIGN_IN_FINISH,
        {"c": ceremony["challengeId"], "j": auth.get(ceremony["optionsJson"])},
    )
    # then
    assert result["data"]["signInFinish"]["code"] == "CHALLENGE_INVALID"  # type: ignore[index]


async def test_another_accounts_credential_is_refused_for_a_named_sign_in(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given two accounts
    await create_account(client, auth, n=1)
    other = SoftAuthenticator(origin=ORIGIN)
    client.cookies.clear()
    await create_account(client, other, n=2)
    client.cookies.clear()
    # when person1 is named but person2's passkey answers
    result = await sign_in(client, other, name="person1@example.cn")
    # then
    assert result["__typename"] == "WebAuthnError"
    assert result["code"] == "CREDENTIAL_NOT_YOURS"


async def test_an_unknown_credential_is_refused(client: httpx.AsyncClient) -> None:
    stranger = SoftAuthenticator(origin=ORIGIN)
    stranger.user_handle = b"nobody"
    result = await sign_in(client, stranger)
    assert result["code"] == "CREDENTIAL_UNKNOWN"


async def test_a_sign_count_that_goes_backwards_is_refused_and_audited(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given the counter reached 5
    await create_account(client, auth)
    client.cookies.clear()
    assert (await sign_in(client, auth, sign_count=5))["__typename"] == "SignInSuccess"
    client.cookies.clear()
    # when a clone answers with 3
    result = await sign_in(client, auth, sign_count=3)
    # then
    assert result["code"] == "SIGN_COUNT_REGRESSION"
    event = await AuditEvent.get(operation="signInFinish", outcome="sign_count_regression")
    account = await Account.get()
    assert f"account:{account.id}" in event.target_ids
    assert (await Passkey.get()).sign_count == 5


async def test_synced_passkeys_that_always_count_zero_are_accepted(
    client: httpx.AsyncClient,
) -> None:
    # given
    synced = SoftAuthenticator(origin=ORIGIN, counts=False, backed_up=True)
    await create_account(client, synced)
    client.cookies.clear()
    # when / then: twice, both 0/0
    assert (await sign_in(client, synced))["__typename"] == "SignInSuccess"
    client.cookies.clear()
    assert (await sign_in(client, synced))["__typename"] == "SignInSuccess"


async def test_sign_in_rotates_the_session_token_against_fixation(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given a token the browser held before signing in
    await create_account(client, auth)
    before = client.cookies.get("palm_session")
    assert before
    # when
    await sign_in(client, auth)
    after = client.cookies.get("palm_session")
    # then
    assert after
    assert after != before
    client.cookies.set("palm_session", before)
    assert await me(client) is None
    old = await Session.filter(ended_reason="replaced").count()
    assert old == 1


async def test_the_session_cookie_is_httponly_and_samesite_lax(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # when
    started = await _start_create(client)
    response = await client.post(
        "/graphql",
        json={
            "query": ACCOUNT_CREATE_FINISH,
            "variables": {
                "c": started["challengeId"],
                "j": auth.create(started["optionsJson"]),
                "n": "p",
            },
        },
    )
    # then
    cookie = response.headers["set-cookie"]
    assert "palm_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "samesite=lax" in cookie.lower()
    assert "Path=/" in cookie
    token = cookie.split("palm_session=")[1].split(";")[0]
    assert len(token) >= 22  # ≥ 128 bits
    assert await Session.filter(token_hash=token).count() == 0  # only the digest is stored


async def test_audit_events_never_hold_tokens_or_credentials(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given
    await create_account(client, auth)
    token = client.cookies.get("palm_session")
    await sign_in(client, auth)
    # when
    events = await AuditEvent.all()
    # then
    text = " ".join(f"{e.actor} {e.target_ids} {e.outcome} {e.user_agent}" for e in events)
    assert token is not None
    assert token not in text
    assert "clientDataJSON" not in text
    assert {e.operation for e in events} >= {
        "accountCreateStart",
        "accountCreateFinish",
        "signInFinish",
    }
    await seal()
    assert (await verify()).breaks == []


async def test_the_account_remembers_the_language_the_person_uses(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given an account created from an English browser
    from tests.identity.flows import ACCOUNT_CREATE_START as START

    started = await graphql(client, START, {"input": make_person_input(n=1)}, language="en-GB")
    ceremony = started["data"]["accountCreateStart"]  # type: ignore[index]
    await graphql(
        client,
        ACCOUNT_CREATE_FINISH,
        {"c": ceremony["challengeId"], "j": auth.create(ceremony["optionsJson"]), "n": "phone"},
        language="en-GB",
    )
    assert (await Account.get()).language == "en"
    # when the person later signs in with the app in traditional Chinese
    client.cookies.clear()
    started = await graphql(client, SIGN_IN_START, {"name": None}, language="zh-HK")
    ceremony = started["data"]["signInStart"]  # type: ignore[index]
    await graphql(
        client,
        SIGN_IN_FINISH,
        {"c": ceremony["challengeId"], "j": auth.get(ceremony["optionsJson"])},
        language="zh-HK",
    )
    # then
    assert (await Account.get()).language == "zh-Hant"
