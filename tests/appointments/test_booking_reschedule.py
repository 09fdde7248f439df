from __future__ import annotations

from datetime import timedelta

from starlette.applications import Starlette

from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    ServiceWindow,
    Slot,
    WindowSeat,
)
from tests.appointments.flows import (
    OTHER_ITEM,
    RESCHEDULE,
    book,
    call,
    create_application,
    create_site,
    create_slot,
    key,
    person,
)


async def test_rescheduling_moves_the_booking_and_frees_the_old_seat(app: Starlette) -> None:
    # given
    site = await create_site()
    old = await create_slot(site, starts_in=timedelta(days=3), capacity=1)
    new = await create_slot(site, starts_in=timedelta(days=2), capacity=1)
    me = await person(app, 1)
    application = await create_application()
    booking_id = (await book(me, old, application_id=application))["booking"]["id"]
    # when
    result = await call(me, RESCHEDULE, id=booking_id, slot=str(new.id), key=key())
    # then
    assert result["__typename"] == "BookingSuccess"
    moved = result["booking"]
    assert moved["applicationId"] == application
    assert (await Booking.get(id=booking_id)).status is BookingStatus.RESCHEDULED
    assert (await Booking.get(id=moved["id"])).replaces_id is not None
    assert [(await Slot.get(id=s.id)).booked for s in (old, new)] == [0, 1]
    await me.aclose()


async def test_a_failed_reschedule_keeps_the_current_booking(app: Starlette) -> None:
    # given the wanted slot is full
    site = await create_site()
    mine = await create_slot(site, starts_in=timedelta(days=3), capacity=1)
    full = await create_slot(site, starts_in=timedelta(days=2), capacity=1)
    me, other = await person(app, 1), await person(app, 2)
    application = await create_application()
    booking_id = (await book(me, mine, application_id=application))["booking"]["id"]
    await book(other, full)
    # when
    result = await call(me, RESCHEDULE, id=booking_id, slot=str(full.id), key=key())
    # then nothing was half-done: the booking, its seat and its application are intact
    assert result["__typename"] == "SlotFullError"
    kept = await Booking.get(id=booking_id)
    assert kept.status is BookingStatus.CONFIRMED
    assert (kept.active_seat, kept.active_application) == (2, application)  # window 2's time
    assert (await WindowSeat.get(booking_id=kept.id)).window_id == (
        await ServiceWindow.get(site_id=site.id, number=2)
    ).id
    assert [(await Slot.get(id=s.id)).booked for s in (mine, full)] == [1, 1]
    assert await Booking.filter(account_id=kept.account_id).count() == 1
    for c in (me, other):
        await c.aclose()


async def test_rescheduling_to_another_item_or_the_same_slot_is_refused(app: Starlette) -> None:
    site = await create_site()
    mine = await create_slot(site)
    other_item = await create_slot(site, item_code=OTHER_ITEM, starts_in=timedelta(days=4))
    me = await person(app, 1)
    booking_id = (await book(me, mine))["booking"]["id"]
    wrong = await call(me, RESCHEDULE, id=booking_id, slot=str(other_item.id), key=key())
    same = await call(me, RESCHEDULE, id=booking_id, slot=str(mine.id), key=key())
    assert (wrong["code"], same["code"]) == ("WRONG_ITEM", "SAME_SLOT")
    assert (await Booking.get(id=booking_id)).status is BookingStatus.CONFIRMED
    await me.aclose()


async def test_someone_elses_booking_cannot_be_rescheduled(app: Starlette) -> None:
    site = await create_site()
    slot, target = await create_slot(site), await create_slot(site, starts_in=timedelta(days=4))
    owner, other = await person(app, 1), await person(app, 2)
    booking_id = (await book(owner, slot))["booking"]["id"]
    result = await call(other, RESCHEDULE, id=booking_id, slot=str(target.id), key=key())
    assert result["code"] == "NOT_FOUND"
    assert (await Slot.get(id=target.id)).booked == 0
    for c in (owner, other):
        await c.aclose()


async def test_rescheduling_after_the_cut_off_is_refused(app: Starlette) -> None:
    site = await create_site()
    soon = await create_slot(site, starts_in=timedelta(hours=1))
    later = await create_slot(site, starts_in=timedelta(days=2))
    me = await person(app, 1)
    booking_id = (await book(me, soon))["booking"]["id"]
    result = await call(me, RESCHEDULE, id=booking_id, slot=str(later.id), key=key())
    assert result["code"] == "CUT_OFF_PASSED"
    await me.aclose()
