from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import Passkey, Session
from tests.conftest import ORIGIN, graphql
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import create_account, me, sign_in, step_up

PASSKEY_ADD_START = """
mutation { passkeyAddStart { __typename ... on PasskeyCeremony { challengeId optionsJson } } }
"""
PASSKEY_ADD_FINISH = """
mutation($c: ID!, $j: String!) {
  passkeyAddFinish(challengeId: $c, credentialJson: $j, name: "Security key") {
    __typename ... on WebAuthnError { code } ... on AccountError { code }
  }
}
"""
PASSKEY_REVOKE = """
mutation($id: ID!) { passkeyRevoke(passkeyId: $id) { __typename ... on AccountError { code message } } }
"""
PASSKEY_RENAME = """
mutation($id: ID!, $n: String!) {
  passkeyRename(passkeyId: $id, name: $n) { __typename ... on AccountError { code } }
}
"""
MY_SESSIONS = "{ mySessions { id current signInMethod } }"
SESSION_END = (
    "mutation($id: ID!) { sessionEnd(sessionId: $id) { __typename ... on AccountError { code } } }"
)
SIGN_OUT = "mutation { signOut { __typename } }"
SIGN_OUT_EVERYWHERE = "mutation { signOutEverywhere { __typename } }"


@pytest.fixture
def auth() -> SoftAuthenticator:
    return SoftAuthenticator(origin=ORIGIN)


async def _signed_in_at_level_2(client: httpx.AsyncClient, auth: SoftAuthenticator) -> None:
    await create_account(client, auth)
    client.cookies.clear()
    assert (await sign_in(client, auth))["me"]["assuranceLevel"] == 2


async def test_a_level_3_action_at_level_2_asks_for_step_up_then_proceeds(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given
    await _signed_in_at_level_2(client, auth)
    # when
    refused = await graphql(client, PASSKEY_ADD_START)
    stepped = await step_up(client, auth)
    allowed = await graphql(client, PASSKEY_ADD_START)
    # then
    error = refused["errors"][0]  # type: ignore[index]
    assert error["extensions"] == {"code": "STEP_UP_REQUIRED", "requiredLevel": 3}
    assert stepped["__typename"] == "StepUpSuccess"
    assert allowed["data"]["passkeyAddStart"]["__typename"] == "PasskeyCeremony"  # type: ignore[index]
    assert (
        await AuditEvent.filter(operation="passkeyAddStart", outcome="STEP_UP_REQUIRED").count()
        == 1
    )
    assert (await me(client))["assuranceLevel"] == 3  # type: ignore[index]


async def test_step_up_rotates_the_session_token(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    await _signed_in_at_level_2(client, auth)
    before = client.cookies.get("palm_session")
    await step_up(client, auth)
    after = client.cookies.get("palm_session")
    assert after
    assert after != before
    client.cookies.set("palm_session", before or "")
    assert await me(client) is None


async def test_step_up_lapses_after_five_minutes(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given
    await _signed_in_at_level_2(client, auth)
    await step_up(client, auth)
    # when
    await Session.filter(ended_at=None).update(step_up_at=clock.now() - timedelta(minutes=6))
    # then
    assert (await me(client))["assuranceLevel"] == 2  # type: ignore[index]
    refused = await graphql(client, PASSKEY_ADD_START)
    assert refused["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]


async def test_a_step_up_with_someone_elses_passkey_is_refused(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given person 2 exists; person 1 is signed in
    other = SoftAuthenticator(origin=ORIGIN)
    await create_account(client, other, n=2)
    client.cookies.clear()
    await _signed_in_at_level_2(client, auth)
    # when
    result = await step_up(client, other)
    # then
    assert result["code"] == "CREDENTIAL_NOT_YOURS"
    assert (await me(client))["assuranceLevel"] == 2  # type: ignore[index]


async def test_anonymous_callers_are_asked_to_sign_in(client: httpx.AsyncClient) -> None:
    body = await graphql(client, MY_SESSIONS)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    assert body["data"] is None


async def test_an_idle_session_expires(client: httpx.AsyncClient, auth: SoftAuthenticator) -> None:
    # given
    await _signed_in_at_level_2(client, auth)
    # when 31 minutes pass without a request
    await Session.filter(ended_at=None).update(last_seen_at=clock.now() - timedelta(minutes=31))
    # then
    assert await me(client) is None
    assert await Session.filter(ended_reason="idle").count() == 1


async def test_a_session_expires_at_its_absolute_limit_even_when_busy(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    await _signed_in_at_level_2(client, auth)
    await Session.filter(ended_at=None).update(expires_at=clock.now() - timedelta(seconds=1))
    assert await me(client) is None
    assert await Session.filter(ended_reason="absolute").count() == 1


async def test_sign_out_ends_only_this_session(
    client: httpx.AsyncClient, auth: SoftAuthenticator, app: object
) -> None:
    # given two devices
    await _signed_in_at_level_2(client, auth)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as other:
        await sign_in(other, auth)
        # when
        await graphql(client, SIGN_OUT)
        # then
        assert await me(client) is None
        assert await me(other) is not None


async def test_sign_out_everywhere_ends_every_session(
    client: httpx.AsyncClient, auth: SoftAuthenticator, app: object
) -> None:
    await _signed_in_at_level_2(client, auth)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as other:
        await sign_in(other, auth)
        await graphql(other, SIGN_OUT_EVERYWHERE)
        assert await me(client) is None
        assert await me(other) is None


async def test_a_person_ends_another_device_but_not_someone_elses(
    client: httpx.AsyncClient, auth: SoftAuthenticator, app: object
) -> None:
    # given person 1 on two devices, person 2 on a third
    await _signed_in_at_level_2(client, auth)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with (
        httpx.AsyncClient(
            transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
        ) as phone,
        httpx.AsyncClient(
            transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
        ) as stranger,
    ):
        await sign_in(phone, auth)
        await create_account(stranger, SoftAuthenticator(origin=ORIGIN), n=2)
        strangers = (await graphql(stranger, MY_SESSIONS))["data"]["mySessions"]  # type: ignore[index]
        mine = (await graphql(client, MY_SESSIONS))["data"]["mySessions"]  # type: ignore[index]
        other_device = next(s["id"] for s in mine if not s["current"])
        # when
        ended = await graphql(client, SESSION_END, {"id": other_device})
        foreign = await graphql(client, SESSION_END, {"id": strangers[0]["id"]})
        # then
        assert ended["data"]["sessionEnd"]["__typename"] == "IdentityDone"  # type: ignore[index]
        assert await me(phone) is None
        assert foreign["data"]["sessionEnd"]["code"] == "NOT_FOUND"  # type: ignore[index]
        assert await me(stranger) is not None


async def test_adding_renaming_and_revoking_passkeys(
    client: httpx.AsyncClient, auth: SoftAuthenticator, app: object
) -> None:
    # given a fresh account (its registration counts as step-up)
    await create_account(client, auth)
    key = SoftAuthenticator(origin=ORIGIN)
    started = await graphql(client, PASSKEY_ADD_START)
    ceremony = started["data"]["passkeyAddStart"]  # type: ignore[index]
    added = await graphql(
        client,
        PASSKEY_ADD_FINISH,
        {"c": ceremony["challengeId"], "j": key.create(ceremony["optionsJson"])},
    )
    assert added["data"]["passkeyAddFinish"]["__typename"] == "IdentityDone"  # type: ignore[index]
    assert await Passkey.all().count() == 2
    # the security key signs in as well as the phone
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as laptop:
        assert (await sign_in(laptop, key))["__typename"] == "SignInSuccess"
        phone_key = await Passkey.get(name="Test phone")
        # when renamed and revoked
        renamed = await graphql(client, PASSKEY_RENAME, {"id": str(phone_key.id), "n": "Old phone"})
        revoked = await graphql(client, PASSKEY_REVOKE, {"id": str(phone_key.id)})
        # then
        assert renamed["data"]["passkeyRename"]["__typename"] == "IdentityDone"  # type: ignore[index]
        assert revoked["data"]["passkeyRevoke"]["__typename"] == "IdentityDone"  # type: ignore[index]
        assert await Passkey.all().count() == 1
        assert await me(laptop) is None  # every other session ended
        assert await me(client) is not None  # this one got a new token
        # the last passkey cannot go
        last = await Passkey.get()
        refused = await graphql(client, PASSKEY_REVOKE, {"id": str(last.id)})
        assert refused["data"]["passkeyRevoke"]["code"] == "LAST_SIGN_IN_METHOD"  # type: ignore[index]
        assert await Passkey.all().count() == 1


async def test_nobody_renames_another_persons_passkey(
    client: httpx.AsyncClient, auth: SoftAuthenticator, app: object
) -> None:
    await create_account(client, auth)
    victim_key = await Passkey.get()
    client.cookies.clear()
    await create_account(client, SoftAuthenticator(origin=ORIGIN), n=2)
    result = await graphql(client, PASSKEY_RENAME, {"id": str(victim_key.id), "n": "pwned"})
    assert result["data"]["passkeyRename"]["code"] == "NOT_FOUND"  # type: ignore[index]
    assert (await Passkey.get(id=victim_key.id)).name == "Test phone"
