from __future__ import annotations

from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.appointments.models import Booking, BookingStatus, Slot
from palm_customs.core.models import AuditEvent
from tests.appointments.flows import (
    CANCEL,
    LATE,
    MY_BOOKINGS,
    RELEASE,
    book,
    call,
    create_site,
    create_slot,
    person,
)
from tests.declarations.flows import traveller


async def test_cancelling_frees_the_seat_for_someone_else(app: Starlette) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site, capacity=1)
    first, second = await person(app, 1), await person(app, 2)
    booking_id = (await book(first, slot))["booking"]["id"]
    # when
    cancelled = await call(first, CANCEL, id=booking_id)
    retaken = await book(second, slot)
    # then
    assert cancelled["booking"]["status"] == "CANCELLED"
    assert retaken["__typename"] == "BookingSuccess"
    assert (await Slot.get(id=slot.id)).booked == 1
    for c in (first, second):
        await c.aclose()


async def test_cancelling_after_the_cut_off_is_refused(client: httpx.AsyncClient) -> None:
    # given a booking starting in one hour (the cut-off is two hours before)
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(hours=1))
    await traveller(client)
    booking_id = (await book(client, slot))["booking"]["id"]
    # when
    result = await call(client, CANCEL, id=booking_id)
    # then
    assert result["code"] == "CUT_OFF_PASSED"
    assert "less than 2 hours" in result["message"]
    assert (await Booking.get(id=booking_id)).status is BookingStatus.CONFIRMED
    assert (await Slot.get(id=slot.id)).booked == 1


async def test_cant_come_releases_the_seat_even_after_the_cut_off(
    client: httpx.AsyncClient,
) -> None:
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(hours=1))
    await traveller(client)
    booking_id = (await book(client, slot))["booking"]["id"]
    result = await call(client, RELEASE, id=booking_id)
    assert result["booking"]["status"] == "RELEASED"
    assert (await Slot.get(id=slot.id)).booked == 0
    assert (await Booking.get(id=booking_id)).active_seat is None


async def test_cancelling_twice_is_refused_without_freeing_a_second_seat(app: Starlette) -> None:
    site = await create_site()
    slot = await create_slot(site, capacity=2)
    first, second = await person(app, 1), await person(app, 2)
    mine = (await book(first, slot))["booking"]["id"]
    await book(second, slot)
    await call(first, CANCEL, id=mine)
    again = await call(first, CANCEL, id=mine)
    assert again["code"] == "NOT_ACTIVE"
    assert (await Slot.get(id=slot.id)).booked == 1
    for c in (first, second):
        await c.aclose()


async def test_nobody_can_cancel_someone_elses_booking(app: Starlette) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site)
    owner, other = await person(app, 1), await person(app, 2)
    booking_id = (await book(owner, slot))["booking"]["id"]
    # when
    results = [
        await call(other, CANCEL, id=booking_id),
        await call(other, RELEASE, id=booking_id),
        await call(other, LATE, id=booking_id, m=10),
    ]
    # then
    assert [r["code"] for r in results] == ["NOT_FOUND"] * 3
    assert (await Booking.get(id=booking_id)).status is BookingStatus.CONFIRMED
    refused = await AuditEvent.filter(operation="bookingCancel").values_list("outcome", flat=True)
    assert refused == ["not_found"]
    for c in (owner, other):
        await c.aclose()


async def test_running_late_is_recorded_for_the_window(client: httpx.AsyncClient) -> None:
    site = await create_site()
    slot = await create_slot(site)
    await traveller(client)
    booking_id = (await book(client, slot))["booking"]["id"]
    result = await call(client, LATE, id=booking_id, m=20)
    refused = await call(client, LATE, id=booking_id, m=500)
    assert result["booking"]["lateMinutes"] == 20
    assert refused["errors"] == [{"field": "minutes", "code": "OUT_OF_RANGE"}]


async def test_my_bookings_lists_upcoming_ones_and_with_the_past_every_one(
    client: httpx.AsyncClient,
) -> None:
    site = await create_site()
    await traveller(client)
    kept = (await book(client, await create_slot(site, starts_in=timedelta(days=3))))["booking"]
    gone = (await book(client, await create_slot(site, starts_in=timedelta(days=2))))["booking"]
    await call(client, CANCEL, id=gone["id"])
    upcoming = await call(client, MY_BOOKINGS, past=False)
    everything = await call(client, MY_BOOKINGS, past=True)
    assert [b["id"] for b in upcoming] == [kept["id"]]
    assert {b["id"] for b in everything} == {kept["id"], gone["id"]}
