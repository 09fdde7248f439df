"""A closure cancels bookings; each person gets the earliest free time held for them first."""

from __future__ import annotations

from datetime import datetime, timedelta

from starlette.applications import Starlette

from palm_customs.appointments import services
from palm_customs.appointments.models import Booking, BookingStatus, Slot, WindowSeat
from palm_customs.core import clock, jobs
from palm_customs.notifications.models import Notification
from tests.appointments.flows import (
    BOOKING,
    CLOSURE,
    CONFIRM_OFFER,
    ITEM,
    book,
    call,
    clerk,
    create_site,
    create_slot,
    person,
)

ONE_WINDOW = ((1, (ITEM,)),)


async def _close(app: Starlette, site_id: int, days: tuple[int, int]) -> None:
    supervisor = await clerk(app, "S3001", roles=("supervisor",))
    now = clock.now()
    closed = await call(
        supervisor,
        CLOSURE,
        input={
            "siteId": str(site_id),
            "startsAt": (now + timedelta(days=days[0])).isoformat(),
            "endsAt": (now + timedelta(days=days[1])).isoformat(),
            "reason": "Typhoon warning",
            "reasonZhHans": "台风预警",
            "reasonZhHant": "颱風預警",
        },
    )
    assert closed["cancelledBookings"] == 1, closed
    await supervisor.aclose()


async def test_a_closure_holds_the_earliest_free_time_for_the_person_before_anyone_else(
    app: Starlette,
) -> None:
    # given one window; a booking on day 2, day 4 already taken, day 5 free
    site = await create_site(windows=ONE_WINDOW)
    early = await create_slot(site, starts_in=timedelta(days=2))
    taken = await create_slot(site, starts_in=timedelta(days=4))
    free = await create_slot(site, starts_in=timedelta(days=5))
    me, someone, latecomer = await person(app, 1), await person(app, 2), await person(app, 3)
    mine = (await book(me, early))["booking"]
    assert (await book(someone, taken))["__typename"] == "BookingSuccess"
    # when the site closes over day 2, and the jobs run
    await _close(app, site.id, (1, 3))
    await jobs.drain_once(worker="test")
    # then the earliest free time (day 5) is held for them, as an offer after a closure
    held = await Booking.get(status=BookingStatus.OFFERED)
    assert (held.account_id, held.slot_id, held.replaces_id) == (
        (await Booking.get(id=mine["id"])).account_id,
        free.id,
        (await Booking.get(id=mine["id"])).id,
    )
    seen = await call(me, BOOKING, id=str(held.id))
    assert seen["offerAfterClosure"] is True
    expires = datetime.fromisoformat(seen["offerExpiresAt"].replace("Z", "+00:00"))
    assert timedelta(hours=23) < expires - clock.now() <= timedelta(hours=24)
    assert await WindowSeat.filter(booking_id=held.id).count() == 1
    note = await Notification.get(title__contains="held for you")
    assert mine["number"] in note.body
    assert "until" in note.body
    # and nobody else can take that time meanwhile
    assert (await book(latecomer, free))["code"] == "SLOT_FULL"
    # and running the job again holds nothing more
    assert await services.hold_rebooking(mine["id"]) is None
    assert await Booking.filter(status=BookingStatus.OFFERED).count() == 1
    # when they confirm it, it is their booking, signed
    confirmed = await call(me, CONFIRM_OFFER, id=str(held.id))
    assert confirmed["booking"]["status"] == "CONFIRMED", confirmed
    assert confirmed["booking"]["credential"].startswith("PC1:")
    assert confirmed["booking"]["offerAfterClosure"] is False
    for c in (me, someone, latecomer):
        await c.aclose()


async def test_a_held_time_nobody_confirms_goes_back_on_sale_with_word(app: Starlette) -> None:
    # given a time held after a closure
    site = await create_site(windows=ONE_WINDOW)
    early = await create_slot(site, starts_in=timedelta(days=2))
    free = await create_slot(site, starts_in=timedelta(days=5))
    me = await person(app, 1)
    mine = (await book(me, early))["booking"]
    await _close(app, site.id, (1, 3))
    held = await services.hold_rebooking(mine["id"])
    assert held is not None
    assert held.slot_id == free.id
    # when the hold lapses
    await services.expire_offer(str(held.id), now=clock.now() + timedelta(hours=25))
    # then the time is on sale again and the person is told the hold was released
    assert (await Booking.get(id=held.id)).status is BookingStatus.LAPSED
    assert (await Slot.get(id=free.id)).booked == 0
    assert await WindowSeat.filter(booking_id__not_isnull=True).count() == 0
    assert await Notification.filter(title__contains="released").count() == 1
    await me.aclose()


async def test_with_no_free_time_nothing_is_held(app: Starlette) -> None:
    site = await create_site(windows=ONE_WINDOW)
    early = await create_slot(site, starts_in=timedelta(days=2))
    me = await person(app, 1)
    mine = (await book(me, early))["booking"]
    await _close(app, site.id, (1, 3))
    assert await services.hold_rebooking(mine["id"]) is None
    assert await Booking.filter(status=BookingStatus.OFFERED).count() == 0
    await me.aclose()
