"""The second factor cannot be taken over with the password alone (issue #11, high).

The attack this answers: the owner signs in with password + recovery code; someone holding only
the password signs in too, reads the new authenticator secret, confirms it and owns the second
factor. Rules: a password alone gives an enrolment-only session; only the session that created
the account, or that proved a recovery code, holds (and may confirm) a new secret; confirming
never raises a session above what it proved; the owner hears of every change.
"""

from __future__ import annotations

import uuid

import httpx
import pyotp
import pytest

from palm_customs.core import clock
from palm_customs.core.jobs import Job
from palm_customs.identity.models import Account, Session
from palm_customs.notifications.models import Notification, NotificationType, PushSubscription
from tests.conftest import ORIGIN, graphql
from tests.factories import make_person_input
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import create_account, step_up
from tests.identity.test_passwords import CONFIRM, CREATE, PASSWORD, SIGN_IN

NAME = "person1@example.cn"
PENDING = "{ pendingTotp { secret uri } }"
INBOX = "{ myNotifications(first: 20) { nodes { type title body } } }"


@pytest.fixture
def auth() -> SoftAuthenticator:
    return SoftAuthenticator(origin=ORIGIN)


async def _owner_with_confirmed_app(client: httpx.AsyncClient) -> tuple[str, list[str]]:
    created = await graphql(client, CREATE, {"input": make_person_input(n=1), "password": PASSWORD})
    secret = created["data"]["accountCreateWithPassword"]["totpSecret"]  # type: ignore[index]
    confirmed = await graphql(client, CONFIRM, {"code": pyotp.TOTP(secret).at(clock.now())})
    codes: list[str] = confirmed["data"]["totpConfirm"]["recoveryCodes"]  # type: ignore[index]
    return secret, codes


async def _add_push_device(client: httpx.AsyncClient) -> None:
    account = await Account.get(sign_in_name=NAME)
    await PushSubscription.create(
        id=uuid.uuid4(),
        account_id=account.id,
        endpoint=f"https://fcm.googleapis.com/fcm/send/{uuid.uuid4()}",
        p256dh="BN" + "A" * 85,
        auth="A" * 22,
        device="phone",
        categories=[],  # opted into nothing: security notices come anyway
    )


async def test_a_password_alone_cannot_read_or_confirm_the_secret_a_recovery_session_holds(
    client: httpx.AsyncClient,
) -> None:
    # given the owner recovers with a recovery code in one browser …
    _, codes = await _owner_with_confirmed_app(client)
    client.cookies.clear()
    owner = await graphql(
        client, SIGN_IN, {"name": NAME, "password": PASSWORD, "recovery": codes[0]}
    )
    assert owner["data"]["signInWithPassword"]["me"]["needsTotpConfirmation"] is True  # type: ignore[index]
    owner_cookies = dict(client.cookies)
    owner_secret = (await graphql(client, PENDING))["data"]["pendingTotp"]["secret"]  # type: ignore[index]
    # when someone with the password alone signs in from another browser
    client.cookies.clear()
    attacker = await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD})
    # then they get no session at all (the account has a second factor) …
    assert attacker["data"]["signInWithPassword"]["code"] == "TOTP_INVALID"  # type: ignore[index]
    # … and even with a session of their own, no secret to read or confirm
    pending = await graphql(client, PENDING)
    assert pending["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    stolen = await graphql(client, CONFIRM, {"code": pyotp.TOTP(owner_secret).at(clock.now())})
    assert stolen["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    # and the owner still confirms their new app in their own session
    client.cookies.clear()
    client.cookies.update(owner_cookies)
    mine = await graphql(client, CONFIRM, {"code": pyotp.TOTP(owner_secret).at(clock.now())})
    assert mine["data"]["totpConfirm"]["__typename"] == "TotpConfirmed"  # type: ignore[index]


async def test_a_recovery_sign_in_keeps_the_current_authenticator_app_until_replaced(
    client: httpx.AsyncClient,
) -> None:
    # given
    secret, codes = await _owner_with_confirmed_app(client)
    client.cookies.clear()
    # when the owner uses a recovery code and does not finish replacing the app
    await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD, "recovery": codes[1]})
    client.cookies.clear()
    # then the account is not left with the password as its only factor
    alone = await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD})
    assert alone["data"]["signInWithPassword"]["code"] == "TOTP_INVALID"  # type: ignore[index]
    code = pyotp.TOTP(secret).at(clock.now(), counter_offset=1)
    again = await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD, "totp": code})
    assert again["data"]["signInWithPassword"]["me"]["assuranceLevel"] == 2  # type: ignore[index]


async def test_a_password_only_session_of_an_unconfirmed_account_is_enrolment_only(
    client: httpx.AsyncClient,
) -> None:
    # given an account whose creator never confirmed the app, and whose session was lost
    created = await graphql(client, CREATE, {"input": make_person_input(n=1), "password": PASSWORD})
    creator_secret = created["data"]["accountCreateWithPassword"]["totpSecret"]  # type: ignore[index]
    client.cookies.clear()
    # when the password alone signs in
    signed = await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD})
    # then: an enrolment-only session, with no secret to read or confirm and no personal data
    me = signed["data"]["signInWithPassword"]["me"]  # type: ignore[index]
    assert me == {"assuranceLevel": 0, "signInMethod": "PASSWORD", "needsTotpConfirmation": False}
    assert (await graphql(client, PENDING))["data"]["pendingTotp"] is None  # type: ignore[index]
    profile = await graphql(client, "{ me { person { fullName } memberships { id } } }")
    assert profile["data"]["me"] == {"person": None, "memberships": []}  # type: ignore[index]
    confirm = await graphql(client, CONFIRM, {"code": pyotp.TOTP(creator_secret).at(clock.now())})
    assert confirm["data"]["totpConfirm"]["code"] == "TOTP_NOT_PENDING"  # type: ignore[index]
    inbox = await graphql(client, INBOX)
    assert inbox["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    # and it can still sign itself out
    out = await graphql(client, "mutation { signOut { __typename } }")
    assert out["data"]["signOut"]["__typename"] == "IdentityDone"  # type: ignore[index]


async def test_confirming_from_a_recovery_session_stays_level_1_and_ends_other_sessions(
    client: httpx.AsyncClient,
) -> None:
    # given a second signed-in device
    secret, codes = await _owner_with_confirmed_app(client)
    client.cookies.clear()
    code = pyotp.TOTP(secret).at(clock.now(), counter_offset=1)
    await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD, "totp": code})
    others = [s.id for s in await Session.filter(ended_at=None)]
    assert len(others) == 2
    client.cookies.clear()
    await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD, "recovery": codes[2]})
    new_secret = (await graphql(client, PENDING))["data"]["pendingTotp"]["secret"]  # type: ignore[index]
    # when
    done = await graphql(client, CONFIRM, {"code": pyotp.TOTP(new_secret).at(clock.now())})
    # then
    confirmed = done["data"]["totpConfirm"]  # type: ignore[index]
    assert confirmed["me"] == {"assuranceLevel": 1, "signInMethod": "RECOVERY"}
    assert len(confirmed["recoveryCodes"]) == 10
    ended = {s.ended_reason for s in await Session.filter(id__in=others)}
    assert ended == {"second_factor"}
    # the old app no longer works, the new one does
    client.cookies.clear()
    old = pyotp.TOTP(secret).at(clock.now(), counter_offset=2)
    refused = await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD, "totp": old})
    assert refused["data"]["signInWithPassword"]["code"] == "TOTP_INVALID"  # type: ignore[index]


async def test_the_owner_is_told_in_the_inbox_and_by_push_when_the_second_factor_changes(
    client: httpx.AsyncClient,
) -> None:
    # given a device that opted into no push category
    _, codes = await _owner_with_confirmed_app(client)
    await _add_push_device(client)
    client.cookies.clear()
    # when a recovery code is used and a new app confirmed
    await graphql(client, SIGN_IN, {"name": NAME, "password": PASSWORD, "recovery": codes[4]})
    new_secret = (await graphql(client, PENDING))["data"]["pendingTotp"]["secret"]  # type: ignore[index]
    await graphql(client, CONFIRM, {"code": pyotp.TOTP(new_secret).at(clock.now())})
    # then both changes are in the inbox, worded in the person's language, and pushed
    notices = await Notification.filter(type=NotificationType.ACCOUNT_SECURITY).order_by(
        "created_at"
    )
    subjects = sorted(n.subject.split(":")[1] for n in notices)
    assert subjects == [
        "authenticator_app_set",
        "authenticator_app_set",  # the first confirmation, at sign-up
        "recovery_code_used",
    ]
    used = next(n for n in notices if "recovery_code_used" in n.subject)
    assert "9" in used.body
    pushes = await Job.filter(kind="push.deliver").count()
    assert pushes == 2  # the device was added after sign-up: the two later notices


async def test_the_owner_is_told_when_a_passkey_is_added_or_removed(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    # given
    await create_account(client, auth)
    await step_up(client, auth)
    second = SoftAuthenticator(origin=ORIGIN)
    started = await graphql(
        client,
        "mutation { passkeyAddStart { __typename ... on PasskeyCeremony { challengeId optionsJson } } }",
    )
    ceremony = started["data"]["passkeyAddStart"]  # type: ignore[index]
    # when
    added = await graphql(
        client,
        "mutation($c: ID!, $j: String!) { passkeyAddFinish(challengeId: $c, credentialJson: $j, "
        'name: "Spare key") { __typename } }',
        {"c": ceremony["challengeId"], "j": second.create(ceremony["optionsJson"])},
    )
    assert added["data"]["passkeyAddFinish"]["__typename"] == "IdentityDone", added  # type: ignore[index]
    # then
    titles = [n.body for n in await Notification.filter(type=NotificationType.ACCOUNT_SECURITY)]
    assert len(titles) == 1
    assert "Spare key" in titles[0]
