"""Fair booking (issue #20): a verification level that means a real check gates the scarcest
items, and sign-ups are limited per device as well as per network."""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette

from palm_customs.app import create_app
from palm_customs.appointments.models import Booking, Draw, DrawEntry, FairnessRule
from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import IdentityLevel, IdentityVerification, Officer, Person
from palm_customs.identity.verification_standin import VerificationStandIn
from palm_customs.settings import Settings
from tests.appointments.flows import (
    ITEM,
    book,
    call,
    clerk,
    create_site,
    create_slot,
    key,
    person,
)
from tests.appointments.test_fair_booking import rule
from tests.conftest import ORIGIN, _empty_tables, graphql, make_settings, redis_url
from tests.identity.flows import person as person_input
from tests.liveserver import free_port

KEY = "standin-shared-key-0123456789abcdef"
VERIFY_AT_WINDOW = (
    "mutation($b: ID!, $n: String!) { identityVerifyAtWindow(bookingId: $b, documentNumber: $n)"
    " { __typename ... on IdentityVerified { level method }"
    " ... on AccountError { accountCode: code message field }"
    " ... on AppointmentError { code } } }"
)
VERIFY_ONLINE = (
    "mutation { identityVerifyOnline { __typename ... on IdentityVerified { level method }"
    " ... on AccountError { code message } ... on TooManyAttempts { retryAfterSeconds } } }"
)
DRAW_CREATE = "mutation($input: DrawCreateInput!) { drawCreate(input: $input) { __typename } }"
MY_IDENTITY = "query { myIdentity { level method verifiedAt onlineAvailable } }"
BOOK = (
    "mutation($slot: ID!, $item: String!, $key: String!) {"
    " bookingCreate(slotId: $slot, itemCode: $item, idempotencyKey: $key) {"
    " __typename ... on AppointmentError { code message field } } }"
)
ENTER = (
    "mutation($d: ID!) { drawEnter(drawId: $d) { __typename"
    " ... on AppointmentError { code message } } }"
)


@pytest.fixture(scope="module")
def standin_server() -> Iterator[tuple[VerificationStandIn, str]]:
    standin = VerificationStandIn(KEY.encode())
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            standin.app(), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the stand-in did not start"
        time.sleep(0.05)
    try:
        yield standin, f"http://127.0.0.1:{port}/verify"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def standin(standin_server: tuple[VerificationStandIn, str]) -> Iterator[VerificationStandIn]:
    standin, _ = standin_server
    yield standin
    standin.state.register.clear()
    standin.state.forge = False
    standin.state.down = False


@pytest.fixture
def settings(
    migrated: str, var_dir: Path, standin_server: tuple[VerificationStandIn, str]
) -> Settings:
    return make_settings(
        migrated,
        var_dir,
        IDENTITY_VERIFICATION_URL=standin_server[1],
        IDENTITY_VERIFICATION_KEY=KEY,
        IDENTITY_VERIFICATION_TIMEOUT_SECONDS="2",
    )


async def _scarce_item() -> None:
    await rule(ITEM)
    await FairnessRule.filter(item_code=ITEM).update(verified_only=True)


async def test_a_person_whose_document_only_has_valid_check_digits_cannot_book_the_scarcest(
    app: Starlette,
) -> None:
    # given an item only verified people may book, and a person who merely registered
    await _scarce_item()
    site = await create_site()
    slot = await create_slot(site)
    me = await person(app, 1)
    assert (await call(me, MY_IDENTITY))["level"] == "CHECKED"
    # when they book it, in Chinese
    body = await graphql(
        me, BOOK, {"slot": str(slot.id), "item": ITEM, "key": key()}, language="zh-Hans"
    )
    refusal = body["data"]["bookingCreate"]  # type: ignore[index]
    # then the refusal names the rule and what to do, in their language, and nothing is held
    assert refusal["code"] == "IDENTITY_NOT_VERIFIED"
    assert "核验" in refusal["message"]
    assert "窗口" in refusal["message"]
    assert await Booking.all().count() == 0
    # and a draw of the item refuses them the same way
    draw = await Draw.create(
        site_id=site.id,
        item_code=ITEM,
        slots_from=clock.now() + timedelta(days=3),
        slots_to=clock.now() + timedelta(days=4),
        closes_at=clock.now() + timedelta(days=1),
        created_by="test",
        created_at=clock.now(),
    )
    entered = await call(me, ENTER, d=str(draw.id))
    assert entered["code"] == "IDENTITY_NOT_VERIFIED"
    assert "real check" in entered["message"]
    assert await DrawEntry.all().count() == 0
    await me.aclose()


async def test_an_officer_who_saw_the_document_verifies_it_at_the_window(
    app: Starlette,
) -> None:
    # given a person with a booking of an ordinary item at site A, and clerks at A and at B
    await _scarce_item()
    site = await create_site()
    ordinary = await create_slot(site, item_code="CUSTOMS_ENQUIRY")
    me = await person(app, 1)
    booking = await book(me, ordinary, item_code="CUSTOMS_ENQUIRY")
    booking_id = booking["booking"]["id"]
    at_a = await clerk(app, "W1001")
    at_b = await clerk(app, "W2002", site_code="TEST-B")
    document = person_input(1)["documentNumber"]
    # when the clerk at another site tries, it is refused and nothing changes
    other = await call(at_b, VERIFY_AT_WINDOW, b=booking_id, n=document)
    assert other == {"__typename": "AppointmentError", "code": "OTHER_SITE"}
    # when the clerk types a number that is not the registered document's
    wrong = await call(at_a, VERIFY_AT_WINDOW, b=booking_id, n=document[:-2] + "00")
    assert wrong["accountCode"] == "DOCUMENT_MISMATCH"
    assert wrong["field"] == "documentNumber"
    assert (await Person.get()).identity_level is IdentityLevel.CHECKED
    # when they type the document's number as printed (spaces and all)
    right = await call(at_a, VERIFY_AT_WINDOW, b=booking_id, n=f" {document[:6]} {document[6:]}")
    # then the person is verified, with who and which booking kept, and the act is audited
    assert right == {"__typename": "IdentityVerified", "level": "VERIFIED", "method": "OFFICER"}
    kept = await IdentityVerification.get()
    assert kept.reference == f"booking:{booking['booking']['number']}"
    officer = await Officer.get(badge_number="W1001")
    assert kept.verified_by == f"account:{officer.account_id}"
    outcomes = sorted(
        await AuditEvent.filter(operation="identityVerifyAtWindow").values_list(
            "outcome", flat=True
        )
    )
    assert outcomes == ["OK", "document_mismatch", "other_site"]
    status = await call(me, MY_IDENTITY)
    assert status["level"] == "VERIFIED"
    assert status["method"] == "OFFICER"
    # and they may now book the scarcest item
    scarce = await create_slot(site, starts_in=timedelta(days=3))
    assert (await book(me, scarce))["__typename"] == "BookingSuccess"
    # and deleting their account removes the record of the check (it names the document)
    deleted = await call(me, "mutation { accountDelete { __typename } }")
    assert deleted["__typename"] == "IdentityDone", deleted
    assert await IdentityVerification.all().count() == 0
    for client in (me, at_a, at_b):
        await client.aclose()


async def test_window_verification_needs_a_fresh_step_up(app: Starlette) -> None:
    # given a clerk whose sign-in is older than the step-up window
    site = await create_site()
    me = await person(app, 1)
    slot = await create_slot(site, item_code="CUSTOMS_ENQUIRY")
    booking = await book(me, slot, item_code="CUSTOMS_ENQUIRY")
    at_a = await clerk(app, "W1001")
    with clock.travel(clock.now() + timedelta(minutes=10)):
        body = await graphql(
            at_a,
            VERIFY_AT_WINDOW,
            {"b": booking["booking"]["id"], "n": person_input(1)["documentNumber"]},
        )
    # then it is refused as needing step-up
    assert body["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]
    assert await IdentityVerification.all().count() == 0
    for client in (me, at_a):
        await client.aclose()


async def test_the_real_name_service_verifies_a_person_it_matches(
    app: Starlette, standin: VerificationStandIn
) -> None:
    # given the service knows person 1 but not person 2
    data = person_input(1)
    standin.state.register.add((data["documentNumber"], data["fullName"], data["dateOfBirth"]))
    me = await person(app, 1)
    stranger = await person(app, 2)
    assert (await call(me, MY_IDENTITY))["onlineAvailable"] is True
    # when both ask it
    matched = await call(me, VERIFY_ONLINE)
    unmatched = await graphql(stranger, VERIFY_ONLINE, language="zh-Hant")
    # then the known person is verified and the other is told why in their language
    assert matched == {"__typename": "IdentityVerified", "level": "VERIFIED", "method": "PROVIDER"}
    refusal = unmatched["data"]["identityVerifyOnline"]  # type: ignore[index]
    assert refusal["code"] == "VERIFICATION_NO_MATCH"
    assert "窗口" in refusal["message"]
    levels = {p.full_name: p.identity_level for p in await Person.all()}
    assert levels == {data["fullName"]: IdentityLevel.VERIFIED, "王小明2": IdentityLevel.CHECKED}
    # and asking again once verified is refused without asking the service
    asked = standin.state.requests
    again = await call(me, VERIFY_ONLINE)
    assert again["code"] == "ALREADY_VERIFIED"
    assert standin.state.requests == asked
    for client in (me, stranger):
        await client.aclose()


async def test_a_forged_or_missing_answer_from_the_service_never_verifies(
    app: Starlette, standin: VerificationStandIn
) -> None:
    # given the service would match person 1, but its answer is signed with another key
    data = person_input(1)
    standin.state.register.add((data["documentNumber"], data["fullName"], data["dateOfBirth"]))
    me = await person(app, 1)
    standin.state.forge = True
    forged = await call(me, VERIFY_ONLINE)
    # when the service is down
    standin.state.forge = False
    standin.state.down = True
    down = await call(me, VERIFY_ONLINE)
    # then neither verifies
    assert forged["code"] == "VERIFICATION_UNAVAILABLE"
    assert down["code"] == "VERIFICATION_UNAVAILABLE"
    assert (await Person.get()).identity_level is IdentityLevel.CHECKED
    assert await IdentityVerification.all().count() == 0
    # and the daily share of questions runs out (five a day), then it says when
    standin.state.down = False
    standin.state.register.clear()
    answers = [await call(me, VERIFY_ONLINE) for _ in range(4)]
    assert [a["__typename"] for a in answers] == ["AccountError"] * 3 + ["TooManyAttempts"]
    assert answers[-1]["retryAfterSeconds"] > 23 * 3600
    await me.aclose()


async def test_without_a_configured_service_only_officers_verify(settings: Settings) -> None:
    application = create_app(dataclasses.replace(settings, identity_verification_url=None))
    async with application.router.lifespan_context(application):
        try:
            me = await person(application, 1)
            assert (await call(me, MY_IDENTITY))["onlineAvailable"] is False
            refusal = await call(me, VERIFY_ONLINE)
            assert refusal["code"] == "VERIFICATION_UNAVAILABLE"
            await me.aclose()
        finally:
            await _empty_tables()


def _client(app: Starlette, *, address: str, device: str | None) -> httpx.AsyncClient:
    headers = {"origin": ORIGIN} | ({"x-palm-device": device} if device else {})
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=(address, 40000)),
        base_url=ORIGIN,
        headers=headers,
    )


async def _sign_up(app: Starlette, n: int, *, address: str, device: str | None) -> str:
    from tests.identity.authenticator import SoftAuthenticator
    from tests.identity.flows import ACCOUNT_CREATE_FINISH, ACCOUNT_CREATE_START

    async with _client(app, address=address, device=device) as client:
        started = await graphql(client, ACCOUNT_CREATE_START, {"input": person_input(n)})
        ceremony: Any = started["data"]["accountCreateStart"]  # type: ignore[index]
        if ceremony["__typename"] != "PasskeyCeremony":
            return str(ceremony["__typename"])
        auth = SoftAuthenticator(origin=ORIGIN)
        finished = await graphql(
            client,
            ACCOUNT_CREATE_FINISH,
            {"c": ceremony["challengeId"], "j": auth.create(ceremony["optionsJson"]), "n": "P"},
        )
        return str(finished["data"]["accountCreateFinish"]["__typename"])  # type: ignore[index]


# The test networks (documentation ranges, never on the wire: the clients are in-process).
TEST_NETWORKS = ("198.51.*", "203.0.113.*", "192.0.2.*")


async def _forget_test_networks() -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url())
    try:
        for network in TEST_NETWORKS:
            async for key in client.scan_iter(match=f"palm:*:signup:net:{network}"):
                await client.delete(key)
    finally:
        await client.aclose()


@pytest.fixture(params=["database", "redis"])
async def limited(request: pytest.FixtureRequest, settings: Settings) -> AsyncIterator[Starlette]:
    """An app letting a network create three accounts an hour and a device two, counting in
    the database or in Redis (as with REDIS_URL set)."""
    redis = request.param == "redis"
    if redis:
        await _forget_test_networks()
    application = create_app(
        dataclasses.replace(
            settings,
            sign_up_network_limit=3,
            sign_up_device_limit=2,
            redis_url=redis_url() if redis else None,
        )
    )
    async with application.router.lifespan_context(application):
        try:
            yield application
        finally:
            await _empty_tables()
            if redis:
                await _forget_test_networks()


# Device ids unique to this run (Redis outlives a run; the ids are hashed into its keys).
RUN = uuid.uuid4().hex[:12]
DEVICE = f"dev-{RUN}-phone"


async def test_one_device_on_changing_networks_creates_its_share_then_waits(
    limited: Starlette,
) -> None:
    # when one device signs up from three different networks (TEST-NET addresses, in-process)
    results = [
        await _sign_up(limited, n, address=f"198.51.{n}.7", device=DEVICE) for n in (1, 2, 3)
    ]
    # then the third is refused: the device has made its two accounts this hour
    assert results == ["SignInSuccess", "SignInSuccess", "TooManyAttempts"]
    assert await Person.all().count() == 2
    # and another device on a fresh network still may
    assert await _sign_up(limited, 4, address="198.51.9.7", device=f"dev-{RUN}-other") == (
        "SignInSuccess"
    )


async def test_many_devices_on_one_network_share_the_networks_limit(limited: Starlette) -> None:
    # when four devices sign up from one network (/24)
    results = [
        await _sign_up(limited, n, address=f"203.0.113.{n}", device=f"dev-{RUN}-{n:04d}")
        for n in (1, 2, 3, 4)
    ]
    # then the network's three pass and the fourth device waits
    assert results == ["SignInSuccess"] * 3 + ["TooManyAttempts"]
    # and a client without a device id is still held by its network
    assert await _sign_up(limited, 5, address="203.0.113.99", device=None) == "TooManyAttempts"
    assert await Person.all().count() == 3


async def test_a_malformed_device_id_counts_as_none(limited: Starlette) -> None:
    # a device id that is too short is ignored: only the network counts, and it allows three
    results = [
        await _sign_up(limited, n, address=f"192.0.2.{n}", device="short") for n in (1, 2, 3)
    ]
    assert results == ["SignInSuccess"] * 3


async def test_an_administrator_chooses_a_draw_with_a_fresh_step_up_and_clerks_cannot(
    app: Starlette,
) -> None:
    # given an administrator and a window clerk of site A
    site = await create_site()
    admin = await clerk(app, "A1001", roles=("administrator",))
    at_window = await clerk(app, "W1001")
    now = clock.now()
    draw_input = {
        "siteId": str(site.id),
        "itemCode": ITEM,
        "slotsFrom": (now + timedelta(days=1)).isoformat(),
        "slotsTo": (now + timedelta(days=3)).isoformat(),
        "closesAt": (now + timedelta(hours=1)).isoformat(),
    }
    # when the clerk tries, it is forbidden; when the administrator's proof is stale, step-up
    refused_clerk = await graphql(at_window, DRAW_CREATE, {"input": draw_input})
    with clock.travel(now + timedelta(minutes=10)):
        stale = await graphql(admin, DRAW_CREATE, {"input": draw_input})
    assert refused_clerk["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert stale["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]
    assert await Draw.all().count() == 0
    # when the administrator chooses a draw with a fresh proof
    created = await call(admin, DRAW_CREATE, input=draw_input)
    # then the draw exists, and the act is audited with the draw
    assert created["__typename"] == "DrawCreated"
    draw = await Draw.get()
    events = await AuditEvent.filter(operation="drawCreate", outcome="OK")
    assert len(events) == 1
    assert f"draw:{draw.id}" in events[0].target_ids
    for client in (admin, at_window):
        await client.aclose()
