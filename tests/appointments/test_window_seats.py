"""A window serving several items is one seat at a time, whichever item is booked (issue #6)."""

from __future__ import annotations

import asyncio
import importlib
import uuid
from datetime import datetime, timedelta
from types import SimpleNamespace

import httpx
from starlette.applications import Starlette
from tortoise import connections

from palm_customs.appointments import services
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    ServiceWindow,
    Site,
    Slot,
    SlotTemplate,
    WindowSeat,
)
from palm_customs.core import clock
from palm_customs.identity.models import Account
from tests.appointments.flows import (
    AVAILABILITY,
    CALL_NEXT,
    CANCEL,
    CHECK_IN,
    CLOSURE,
    ITEM,
    OTHER_ITEM,
    RESCHEDULE,
    WAITLIST_JOIN,
    book,
    call,
    clerk,
    create_site,
    create_slot,
    key,
    person,
)
from tests.declarations.flows import traveller

SHARED = ((1, (ITEM, OTHER_ITEM)),)  # one window serving both items


def _at(days: float) -> datetime:
    return (clock.now() + timedelta(days=days)).replace(second=0, microsecond=0)


async def _pair(site: Site, at: datetime) -> tuple[Slot, Slot]:
    """A slot of each item at one time."""
    return (
        await create_slot(site, item_code=ITEM, at=at),
        await create_slot(site, item_code=OTHER_ITEM, at=at),
    )


async def _seats_left(client: httpx.AsyncClient, item: str, site: Site) -> dict[datetime, int]:
    found = await call(client, AVAILABILITY, item=item, site=site.code, per=20, sites=1)
    return {
        datetime.fromisoformat(s["startsAt"].replace("Z", "+00:00")): s["seatsLeft"]
        for entry in found
        for s in entry["slots"]
    }


async def test_two_items_of_one_window_at_one_time_seat_one_person(app: Starlette) -> None:
    # given window 1 is the only window and serves both items, with a slot of each at 10:00
    site = await create_site(windows=SHARED)
    relic, enquiry = await _pair(site, _at(2))
    later = await create_slot(site, item_code=OTHER_ITEM, at=_at(3))
    first, second = await person(app, 1), await person(app, 2)
    # when one books the first item, then the other the second item at the same time
    won = await book(first, relic, item_code=ITEM)
    lost = await book(second, enquiry, item_code=OTHER_ITEM)
    # then the second gets SlotFull with the next free time of their item
    assert won["__typename"] == "BookingSuccess", won
    assert (lost["__typename"], lost["code"]) == ("SlotFullError", "SLOT_FULL")
    assert [a["id"] for a in lost["alternatives"]] == [str(later.id)]
    assert await Booking.filter(status=BookingStatus.CONFIRMED).count() == 1
    # and both slots show the window taken
    assert [(s.capacity, s.booked) for s in await Slot.filter(id__in=[relic.id, enquiry.id])] == [
        (1, 1),
        (1, 1),
    ]
    seat = await WindowSeat.get(booking_id=won["booking"]["id"])
    assert (seat.starts_at, seat.window_id) == (
        relic.starts_at,
        (await ServiceWindow.get(site_id=site.id, number=1)).id,
    )
    for c in (first, second):
        await c.aclose()


async def test_racing_for_two_items_of_one_window_seats_exactly_one(app: Starlette) -> None:
    # given one window serving both items, a slot of each at one time
    site = await create_site(windows=SHARED)
    relic, enquiry = await _pair(site, _at(2))
    people = [await person(app, n) for n in range(1, 13)]
    # when twelve people book at once, half for each item
    results = await asyncio.gather(
        *(
            book(p, relic, item_code=ITEM) if n % 2 else book(p, enquiry, item_code=OTHER_ITEM)
            for n, p in enumerate(people)
        )
    )
    # then exactly one wins: the window's time is given once
    kinds = [r["__typename"] for r in results]
    assert (kinds.count("BookingSuccess"), kinds.count("SlotFullError")) == (1, 11)
    assert await Booking.all().count() == 1
    assert await WindowSeat.filter(booking_id__not_isnull=True).count() == 1
    assert sorted(s.booked for s in await Slot.all()) == [1, 1]
    for p in people:
        await p.aclose()


async def test_availability_shows_the_windows_shared_between_items(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given window 1 serves both items, window 2 only the first
    site = await create_site()
    at = _at(2)
    relic, enquiry = await _pair(site, at)
    when = at
    assert (relic.capacity, enquiry.capacity) == (2, 1)
    assert await _seats_left(client, ITEM, site) == {when: 2}
    assert await _seats_left(client, OTHER_ITEM, site) == {when: 1}
    first, second = await person(app, 1), await person(app, 2)
    # when someone books the first item: it goes to window 2, leaving window 1 for both
    one = await book(first, relic, item_code=ITEM)
    # then
    assert one["booking"]["id"]
    assert (await Booking.get(id=one["booking"]["id"])).seat == 2
    assert await _seats_left(client, ITEM, site) == {when: 1}
    assert await _seats_left(client, OTHER_ITEM, site) == {when: 1}
    # when someone books the second item, window 1 is taken
    two = await book(second, enquiry, item_code=OTHER_ITEM)
    # then neither item has a seat left at that time
    assert two["__typename"] == "BookingSuccess", two
    assert await _seats_left(client, ITEM, site) == {}
    assert await _seats_left(client, OTHER_ITEM, site) == {}
    third = await person(app, 3)
    assert (await book(third, relic, item_code=ITEM))["code"] == "SLOT_FULL"
    for c in (first, second, third):
        await c.aclose()


async def test_cancelling_gives_the_window_back_to_every_item_it_serves(app: Starlette) -> None:
    # given the shared window is taken for the first item
    site = await create_site(windows=SHARED)
    relic, enquiry = await _pair(site, _at(2))
    first, second = await person(app, 1), await person(app, 2)
    booking_id = (await book(first, relic, item_code=ITEM))["booking"]["id"]
    assert (await book(second, enquiry, item_code=OTHER_ITEM))["code"] == "SLOT_FULL"
    # when it is cancelled
    await call(first, CANCEL, id=booking_id)
    # then the other item can have the window
    retaken = await book(second, enquiry, item_code=OTHER_ITEM)
    assert retaken["__typename"] == "BookingSuccess", retaken
    assert await WindowSeat.get_or_none(booking_id=booking_id) is None
    assert [(s.item_code, s.booked) for s in await Slot.all().order_by("id")] == [
        (ITEM, 1),
        (OTHER_ITEM, 1),
    ]
    for c in (first, second):
        await c.aclose()


async def test_rescheduling_moves_the_window_time(app: Starlette) -> None:
    # given the shared window is taken at 1 for the first item
    site = await create_site(windows=SHARED)
    early_relic, early_enquiry = await _pair(site, _at(2))
    late_relic, late_enquiry = await _pair(site, _at(3))
    me, other = await person(app, 1), await person(app, 2)
    booking_id = (await book(me, early_relic, item_code=ITEM))["booking"]["id"]
    # when it moves to the later time
    moved = await call(me, RESCHEDULE, id=booking_id, slot=str(late_relic.id), key=key())
    # then the earlier time is free for the other item, the later one is taken for both
    assert moved["__typename"] == "BookingSuccess", moved
    late = await book(other, late_enquiry, item_code=OTHER_ITEM)
    early = await book(other, early_enquiry, item_code=OTHER_ITEM)
    assert (late["code"], early["__typename"]) == ("SLOT_FULL", "BookingSuccess")
    counts = {s.id: s.booked for s in await Slot.all()}
    assert counts == {early_relic.id: 1, early_enquiry.id: 1, late_relic.id: 1, late_enquiry.id: 1}
    assert await WindowSeat.filter(booking_id__not_isnull=True).count() == 2
    for c in (me, other):
        await c.aclose()


async def test_a_waitlist_offer_holds_the_window_until_it_lapses(app: Starlette) -> None:
    # given the shared window is taken and someone waits for an earlier time of the same item
    site = await create_site(windows=SHARED)
    relic, enquiry = await _pair(site, _at(2))
    holder, waiter, other = await person(app, 1), await person(app, 2), await person(app, 3)
    held_id = (await book(holder, relic, item_code=ITEM))["booking"]["id"]
    await call(
        waiter,
        WAITLIST_JOIN,
        input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _at(5).isoformat()},
    )
    # when the holder cancels
    await call(holder, CANCEL, id=held_id)
    # then the window's time passes to the offer: the other item is still full
    offer = await Booking.get(status=BookingStatus.OFFERED)
    assert (await WindowSeat.get(booking_id=offer.id)).starts_at == relic.starts_at
    assert (await book(other, enquiry, item_code=OTHER_ITEM))["code"] == "SLOT_FULL"
    # when the offer lapses with nobody else waiting
    await services.expire_offer(str(offer.id), now=clock.now() + timedelta(minutes=16))
    # then the window is free for the other item
    assert await WindowSeat.filter(booking_id__not_isnull=True).count() == 0
    assert [s.booked for s in await Slot.all()] == [0, 0]
    assert (await book(other, enquiry, item_code=OTHER_ITEM))["__typename"] == "BookingSuccess"
    for c in (holder, waiter, other):
        await c.aclose()


async def test_a_freed_window_time_is_offered_to_whoever_waits_longest_for_any_of_its_items(
    app: Starlette,
) -> None:
    # given the shared window is taken for the relic item, and two people wait for an earlier
    # time: first one for the enquiry (the window's other item), then one for the relic item
    site = await create_site(windows=SHARED)
    relic, enquiry = await _pair(site, _at(2))
    holder, first, second = await person(app, 1), await person(app, 2), await person(app, 3)
    held_id = (await book(holder, relic, item_code=ITEM))["booking"]["id"]
    for waiter, item in ((first, OTHER_ITEM), (second, ITEM)):
        joined = await call(
            waiter,
            WAITLIST_JOIN,
            input={"itemCode": item, "siteId": str(site.id), "earlierThan": _at(5).isoformat()},
        )
        assert joined["__typename"] == "WaitlistJoined", joined
    # when the holder cancels
    await call(holder, CANCEL, id=held_id)
    # then the longest-waiting person is offered the window's time for the item they wait for
    offer = await Booking.get(status=BookingStatus.OFFERED)
    first_account = await Account.get(person__full_name="王小明2")
    assert (offer.account_id, offer.item_code, offer.slot_id) == (
        first_account.id,
        OTHER_ITEM,
        enquiry.id,
    )
    assert (await WindowSeat.get(booking_id=offer.id)).starts_at == relic.starts_at
    # and the window stays taken for both items while it is offered
    assert [(await Slot.get(id=s.id)).booked for s in (relic, enquiry)] == [1, 1]
    # when that offer lapses, the next in line (for the relic item) is offered the same time
    await services.expire_offer(str(offer.id), now=clock.now() + timedelta(minutes=16))
    second_offer = await Booking.get(status=BookingStatus.OFFERED)
    assert (second_offer.item_code, second_offer.slot_id) == (ITEM, relic.id)
    assert await WindowSeat.filter(booking_id__not_isnull=True).count() == 1
    for c in (holder, first, second):
        await c.aclose()


async def test_a_closure_gives_back_the_window_times_it_cancels(app: Starlette) -> None:
    site = await create_site(windows=SHARED)
    relic, _ = await _pair(site, _at(2))
    me = await person(app, 1)
    booking_id = (await book(me, relic, item_code=ITEM))["booking"]["id"]
    supervisor = await clerk(app, "S2001", roles=("supervisor",))
    now = clock.now()
    result = await call(
        supervisor,
        CLOSURE,
        input={
            "siteId": str(site.id),
            "startsAt": (now + timedelta(days=1)).isoformat(),
            "endsAt": (now + timedelta(days=3)).isoformat(),
            "reason": "Typhoon warning",
            "reasonZhHans": "台风预警",
            "reasonZhHant": "颱風預警",
        },
    )
    assert result["cancelledBookings"] == 1
    assert await WindowSeat.get_or_none(booking_id=booking_id) is None
    assert await WindowSeat.filter(booking_id__not_isnull=True).count() == 0
    for c in (me, supervisor):
        await c.aclose()


async def test_a_window_calls_the_people_booked_at_it_first(app: Starlette) -> None:
    # given two people booked today for the first item: one at window 2, one at window 1
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(minutes=30))
    at_two, at_one = await person(app, 1), await person(app, 2)
    two = (await book(at_two, slot))["booking"]
    one = (await book(at_one, slot))["booking"]
    assert [(await Booking.get(id=b["id"])).seat for b in (two, one)] == [2, 1]
    officer = await clerk(app)
    # and the one booked at window 2 arrived first
    await call(officer, CHECK_IN, key=key(), number=two["number"])
    await call(officer, CHECK_IN, key=key(), number=one["number"])
    # when window 1 calls
    called = await call(officer, CALL_NEXT, site=str(site.id), window=1)
    # then it calls the person whose time is at window 1, then (nobody else of its own) the other
    assert called["booking"]["number"] == one["number"]
    helped = await call(officer, CALL_NEXT, site=str(site.id), window=1)
    assert (helped["booking"]["number"], helped["windowNumber"]) == (two["number"], 1)
    for c in (at_two, at_one, officer):
        await c.aclose()


async def test_templates_of_one_window_with_different_lengths_are_refused(db: None) -> None:
    # given window 1 serves two items cut in 15 and 30 minutes, window 2 a third item alone
    site = await create_site(
        windows=((1, (ITEM, OTHER_ITEM)), (2, ("PETS_ENTRY",))),
        timezone="Asia/Shanghai",
        hours={str(d): [["09:00", "10:00"]] for d in range(1, 8)},
    )
    await SlotTemplate.filter(site_id=site.id, item_code=OTHER_ITEM).update(slot_minutes=30)
    await SlotTemplate.filter(site_id=site.id, item_code="PETS_ENTRY").update(slot_minutes=30)
    # when
    result = await services.generate_slots(days=3)
    # then the window's two items get no slots (they would overlap off one grid), the third does
    assert sorted(result.refused) == [(site.code, ITEM), (site.code, OTHER_ITEM)]
    assert set(await Slot.all().values_list("item_code", flat=True)) == {"PETS_ENTRY"}
    # when the lengths agree again
    await SlotTemplate.filter(site_id=site.id, item_code=OTHER_ITEM).update(slot_minutes=15)
    again = await services.generate_slots(days=3)
    # then both are cut on one grid: every start of one is a start of the other
    assert again.refused == []
    starts = {
        code: set(await Slot.filter(item_code=code).values_list("starts_at", flat=True))
        for code in (ITEM, OTHER_ITEM)
    }
    assert starts[ITEM] == starts[OTHER_ITEM] != set()


async def test_generated_slots_of_a_shared_window_are_booked_once(app: Starlette) -> None:
    # given generated slots: window 1 serves both items
    site = await create_site(
        windows=SHARED,
        timezone="Asia/Shanghai",
        hours={str(d): [["09:00", "10:00"]] for d in range(1, 8)},
    )
    await services.generate_slots(days=3)
    relic = await Slot.filter(site_id=site.id, item_code=ITEM).order_by("-starts_at").first()
    assert relic is not None
    enquiry = await Slot.get(site_id=site.id, item_code=OTHER_ITEM, starts_at=relic.starts_at)
    first, second = await person(app, 1), await person(app, 2)
    # when / then
    assert (await book(first, enquiry, item_code=OTHER_ITEM))["__typename"] == "BookingSuccess"
    assert (await book(second, relic, item_code=ITEM))["code"] == "SLOT_FULL"
    for c in (first, second):
        await c.aclose()


async def test_the_migration_gives_existing_bookings_their_window_times(
    client: httpx.AsyncClient,
) -> None:
    # given bookings made before window seats: one window serving both items, two windows
    # for the first; at one time three bookings held seats 1, 2 (first item), 1 (second item)
    site = await create_site(windows=((1, (ITEM, OTHER_ITEM)), (2, (ITEM,))))
    at = _at(2)
    relic = await create_slot(site, item_code=ITEM, at=at)
    enquiry = await create_slot(site, item_code=OTHER_ITEM, at=at)
    await traveller(client)
    account = await Account.filter(kind="person").first()
    assert account is not None
    legacy = []
    for n, (slot, seat) in enumerate(((relic, 1), (relic, 2), (enquiry, 1))):
        legacy.append(
            await Booking.create(
                id=uuid.uuid4(),
                number=f"BLEGACY{n}",
                account_id=account.id,
                slot_id=slot.id,
                site_id=site.id,
                item_code=slot.item_code,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                seat=seat,
                active_seat=seat,
                status=BookingStatus.CONFIRMED,
                created_at=clock.now() + timedelta(seconds=n),
            )
        )
    await Slot.filter(id=relic.id).update(booked=2)
    await Slot.filter(id=enquiry.id).update(booked=1)
    migration = importlib.import_module("palm_customs.migrations.0013_window_seats")
    # when
    await migration.give_existing_bookings_their_window_seats(
        None, SimpleNamespace(client=connections.get("default"))
    )
    # then the first two keep their seats at windows 2 and 1, and the third (over capacity
    # before the fix: window 1 was already given) is kept, without a window-time
    rows = [await Booking.get(id=b.id) for b in legacy]
    assert [r.status for r in rows] == [BookingStatus.CONFIRMED] * 3
    assert [(r.seat, r.active_seat) for r in rows] == [(2, 2), (1, 1), (1, -1)]
    windows = {w.id: w.number for w in await ServiceWindow.filter(site_id=site.id)}
    seats = {
        str(s.booking_id): windows[s.window_id] for s in await WindowSeat.filter(site_id=site.id)
    }
    assert seats == {str(legacy[0].id): 2, str(legacy[1].id): 1}
    # and the counters are the windows taken: both items are full at that time
    assert [(s.capacity, s.booked) for s in await Slot.all().order_by("id")] == [(2, 2), (1, 1)]
    # and cancelling the kept one frees nothing it did not hold
    me = client
    await call(me, CANCEL, id=str(legacy[2].id))
    assert [(s.capacity, s.booked) for s in await Slot.all().order_by("id")] == [(2, 2), (1, 1)]
    # and cancelling one at window 1 frees the window for the second item
    await call(me, CANCEL, id=str(legacy[1].id))
    assert [(s.capacity, s.booked) for s in await Slot.all().order_by("id")] == [(2, 1), (1, 0)]
