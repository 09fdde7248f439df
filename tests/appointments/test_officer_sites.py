"""Window clerks and supervisors act only at the site they work at (their unit names it)."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from starlette.applications import Starlette

from palm_customs.appointments.models import Booking, BookingStatus, SiteClosure, Slot
from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from tests.appointments.flows import (
    CALL_NEXT,
    CHECK_IN,
    CLOSURE,
    OUTCOME,
    SITE_DAY,
    book,
    call,
    clerk,
    create_site,
    create_slot,
    key,
    person,
)


async def test_an_officer_of_another_site_can_neither_see_nor_act_on_its_bookings(
    app: Starlette,
) -> None:
    # given a booking today at site A, and a clerk and a supervisor who work at site B
    site_a = await create_site(code="TEST-A")
    await create_site(code="TEST-B", latitude=31.3, longitude=121.5)
    slot = await create_slot(site_a, starts_in=timedelta(minutes=30), capacity=2)
    phone = await person(app, 1)
    booking = (await book(phone, slot))["booking"]
    stranger = await clerk(app, "W2001", site_code="TEST-B")
    boss = await clerk(app, "S2001", roles=("supervisor",), site_code="TEST-B")
    today = clock.today(ZoneInfo(site_a.timezone)).isoformat()

    # when the clerk of site B checks the person in, by QR and by number
    by_qr = await call(stranger, CHECK_IN, key=key(), credential=booking["credential"])
    by_number = await call(stranger, CHECK_IN, key=key(), number=booking["number"])
    # then both are refused, naming the clerk's own site, and the booking is unchanged
    for refused in (by_qr, by_number):
        assert refused["__typename"] == "AppointmentError", refused
        assert refused["code"] == "OTHER_SITE"
        assert "Test hall TEST-B" in refused["message"]
    row = await Booking.get(id=booking["id"])
    assert (row.status, row.queue_number) == (BookingStatus.CONFIRMED, None)

    # and they cannot call site A's queue, record its outcomes or read its day
    called = await call(stranger, CALL_NEXT, site=str(site_a.id), window=1)
    assert called["code"] == "OTHER_SITE"
    outcome = await call(stranger, OUTCOME, id=booking["id"], outcome="NO_SHOW")
    assert outcome["code"] == "OTHER_SITE"
    assert await call(stranger, SITE_DAY, site=str(site_a.id), date=today) is None

    # and site B's supervisor cannot close site A
    start = clock.now() + timedelta(hours=1)
    closure = await call(
        boss,
        CLOSURE,
        input={
            "siteId": str(site_a.id),
            "startsAt": start.isoformat(),
            "endsAt": (start + timedelta(hours=2)).isoformat(),
            "reason": "Power cut",
            "reasonZhHans": "停电",
            "reasonZhHant": "停電",
        },
    )
    assert closure["code"] == "OTHER_SITE"
    assert await SiteClosure.all().count() == 0
    assert (await Slot.get(id=slot.id)).status.value == "open"

    # and every refusal is audited as one
    refusals = await AuditEvent.filter(outcome="other_site").values_list("operation", flat=True)
    assert sorted(refusals) == sorted(
        [
            "bookingCheckIn",
            "bookingCheckIn",
            "queueCallNext",
            "bookingOutcomeRecord",
            "siteDay",
            "siteClosureAdd",
        ]
    )

    # when the clerk of site A checks them in, it works
    own = await clerk(app, "W2002", site_code="TEST-A")
    done = await call(own, CHECK_IN, key=key(), credential=booking["credential"])
    assert done["__typename"] == "CheckInSuccess", done
    day = await call(own, SITE_DAY, site=str(site_a.id), date=today)
    assert [b["number"] for b in day["bookings"]] == [booking["number"]]
    for c in (phone, stranger, boss, own):
        await c.aclose()
