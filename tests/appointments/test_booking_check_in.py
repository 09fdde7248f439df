from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import httpx
from cryptography.hazmat.primitives.asymmetric import ec
from starlette.applications import Starlette

from palm_customs.appointments.models import Booking, BookingStatus, Site, Slot
from palm_customs.core import clock, signing
from palm_customs.core.models import AuditEvent
from palm_customs.settings import Settings
from tests.appointments.flows import (
    CALL_NEXT,
    CHECK_IN,
    ITEM,
    OTHER_ITEM,
    OUTCOME,
    SITE_DAY,
    book,
    call,
    clerk,
    create_application,
    create_site,
    create_slot,
    key,
    person,
)
from tests.conftest import graphql

SOON = timedelta(minutes=30)


async def _booked_today(
    app: Starlette, n: int, site: Site, **kw: object
) -> tuple[httpx.AsyncClient, dict]:  # type: ignore[type-arg]
    item = str(kw.get("item_code", ITEM))
    slot = await Slot.filter(site_id=site.id, item_code=item).first() or await create_slot(
        site, starts_in=SOON, capacity=5, item_code=item
    )
    client = await person(app, n)
    booking = (await book(client, slot, item_code=slot.item_code))["booking"]
    return client, booking


async def test_a_clerk_checks_a_person_in_by_qr_and_a_resend_changes_nothing(
    app: Starlette,
) -> None:
    # given
    site = await create_site()
    me, booking = await _booked_today(app, 1, site)
    officer = await clerk(app)
    idempotency = key()
    # when the tablet sends, then (offline retry) sends again
    first = await call(officer, CHECK_IN, key=idempotency, credential=booking["credential"])
    again = await call(officer, CHECK_IN, key=idempotency, credential=booking["credential"])
    # then
    assert first["__typename"] == "CheckInSuccess", first
    assert (first["queueNumber"], first["replayed"]) == (1, False)
    assert (again["queueNumber"], again["replayed"]) == (1, True)
    assert first["booking"]["personName"] == "王小明1"
    row = await Booking.get(id=booking["id"])
    assert row.status is BookingStatus.CHECKED_IN
    outcomes = await AuditEvent.filter(operation="bookingCheckIn").values_list("outcome", flat=True)
    assert outcomes == ["OK", "OK"]
    for c in (me, officer):
        await c.aclose()


async def test_queue_numbers_follow_the_order_of_arrival_by_qr_or_number(app: Starlette) -> None:
    site = await create_site()
    first_person, first = await _booked_today(app, 1, site)
    second_person, second = await _booked_today(app, 2, site)
    officer = await clerk(app)
    a = await call(officer, CHECK_IN, key=key(), number=second["number"].lower())
    b = await call(officer, CHECK_IN, key=key(), credential=first["credential"])
    twice = await call(officer, CHECK_IN, key=key(), number=first["number"])
    assert (a["queueNumber"], b["queueNumber"]) == (1, 2)
    assert twice["code"] == "ALREADY_CHECKED_IN"
    assert "queue number 2" in twice["message"]
    for c in (first_person, second_person, officer):
        await c.aclose()


async def test_a_forged_or_altered_qr_is_refused(app: Starlette, settings: Settings) -> None:
    # given a real booking QR, one altered, and one signed by another key under the real kid
    site = await create_site()
    me, booking = await _booked_today(app, 1, site)
    officer = await clerk(app)
    real = booking["credential"]
    altered = real[:40] + ("A" if real[40] != "A" else "B") + real[41:]
    now = clock.now()
    kid = (await signing.active_key(settings=settings)).kid
    forged = signing.encode_credential(
        private_key=ec.generate_private_key(ec.SECP256R1()),
        kid=kid,
        credential_type="booking",
        claims={"b": booking["number"]},
        issued_at=now,
        expires_at=now + timedelta(days=1),
    )
    declaration = (
        await signing.issue(
            settings=settings,
            credential_type="declaration",
            claims={"b": booking["number"]},
            issued_at=now,
            expires_at=now + timedelta(days=1),
        )
    ).text
    # when
    codes = [
        (await call(officer, CHECK_IN, key=key(), credential=text))["code"]
        for text in (forged, altered, declaration, "hello")
    ]
    # then
    assert codes[0] == "CREDENTIAL_TAMPERED"
    assert codes[1] in {"CREDENTIAL_TAMPERED", "CREDENTIAL_MALFORMED"}
    assert codes[2:] == ["CREDENTIAL_MALFORMED", "CREDENTIAL_MALFORMED"]
    assert (await Booking.get(id=booking["id"])).status is BookingStatus.CONFIRMED
    for c in (me, officer):
        await c.aclose()


async def test_check_in_is_on_the_day_only(app: Starlette) -> None:
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(days=2))
    me = await person(app, 1)
    booking = (await book(me, slot))["booking"]
    officer = await clerk(app)
    result = await call(officer, CHECK_IN, key=key(), number=booking["number"])
    assert result["code"] == "NOT_TODAY"
    for c in (me, officer):
        await c.aclose()


async def test_people_cannot_check_in_or_call_the_queue(app: Starlette) -> None:
    site = await create_site()
    me, booking = await _booked_today(app, 1, site)
    for query, variables in (
        (CHECK_IN, {"key": key(), "number": booking["number"]}),
        (CALL_NEXT, {"site": str(site.id), "window": 1}),
        (
            SITE_DAY,
            {"site": str(site.id), "date": clock.today(ZoneInfo(site.timezone)).isoformat()},
        ),
    ):
        body = await graphql(me, query, variables)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert (await Booking.get(id=booking["id"])).status is BookingStatus.CONFIRMED
    await me.aclose()


async def test_calling_next_takes_the_lowest_queue_number_this_window_handles(
    app: Starlette,
) -> None:
    # given window 1 handles both items and window 2 only the first
    site = await create_site()
    enquiry_person, enquiry = await _booked_today(app, 1, site, item_code=OTHER_ITEM)
    relic_person, relic = await _booked_today(app, 2, site)
    officer = await clerk(app)
    await call(officer, CHECK_IN, key=key(), number=enquiry["number"])
    await call(officer, CHECK_IN, key=key(), number=relic["number"])
    # when
    at_two = await call(officer, CALL_NEXT, site=str(site.id), window=2)
    at_one = await call(officer, CALL_NEXT, site=str(site.id), window=1)
    empty = await call(officer, CALL_NEXT, site=str(site.id), window=1)
    missing = await call(officer, CALL_NEXT, site=str(site.id), window=9)
    # then
    assert (at_two["booking"]["number"], at_two["windowNumber"]) == (relic["number"], 2)
    assert at_one["booking"]["number"] == enquiry["number"]
    assert at_one["booking"]["status"] == "CALLED"
    assert (empty["code"], missing["code"]) == ("QUEUE_EMPTY", "WINDOW_NOT_FOUND")
    # and each person called also gets an urgent notification naming the window
    from palm_customs.notifications.models import Notification, Urgency

    urgent = await Notification.filter(urgency=Urgency.HIGH).values_list("title", flat=True)
    assert sorted(urgent) == ["Your turn: window 1", "Your turn: window 2"]
    for c in (enquiry_person, relic_person, officer):
        await c.aclose()


async def test_served_after_the_call_and_no_show_only_after_the_grace_period(
    app: Starlette,
) -> None:
    # given
    site = await create_site()
    served_person, served = await _booked_today(app, 1, site)
    absent_person, absent = await _booked_today(app, 2, site)
    officer = await clerk(app)
    await call(officer, CHECK_IN, key=key(), number=served["number"])
    await call(officer, CALL_NEXT, site=str(site.id), window=1)
    # when
    done = await call(officer, OUTCOME, id=served["id"], outcome="SERVED")
    too_early = await call(officer, OUTCOME, id=absent["id"], outcome="NO_SHOW")
    past = clock.now() - timedelta(minutes=20)
    await Booking.filter(id=absent["id"]).update(
        starts_at=past, ends_at=past + timedelta(minutes=15)
    )
    no_show = await call(officer, OUTCOME, id=absent["id"], outcome="NO_SHOW")
    not_called = await call(officer, OUTCOME, id=absent["id"], outcome="SERVED")
    # then
    assert done["booking"]["status"] == "SERVED"
    assert too_early["code"] == "TOO_EARLY"
    assert no_show["booking"]["status"] == "NO_SHOW"
    assert not_called["code"] == "NOT_CHECKED_IN"
    assert (await Booking.get(id=absent["id"])).active_application is None
    for c in (served_person, absent_person, officer):
        await c.aclose()


async def test_the_day_view_shows_who_comes_when_for_what(app: Starlette) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site, starts_in=SOON, capacity=3)
    me = await person(app, 1)
    application = await create_application()
    booking = (await book(me, slot, application_id=application))["booking"]
    officer = await clerk(app, roles=("supervisor",))
    local_day = slot.starts_at.astimezone(__import__("zoneinfo").ZoneInfo(site.timezone)).date()
    # when
    view = await call(officer, SITE_DAY, site=str(site.id), date=local_day.isoformat())
    # then
    assert view["site"]["code"] == site.code
    assert [w["number"] for w in view["windows"]] == [1, 2]
    assert view["bookings"] == [
        {
            "number": booking["number"],
            "status": "CONFIRMED",
            "itemCode": "CULTURAL_RELIC_EXIT",
            "personName": "王小明1",
            "applicationId": application,
            "queueNumber": None,
            "windowNumber": None,
            "startsAt": booking["startsAt"],
        }
    ]
    assert (await Slot.get(id=slot.id)).booked == 1
    for c in (me, officer):
        await c.aclose()
