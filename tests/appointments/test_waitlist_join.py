from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.appointments import services
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    Slot,
    WaitlistEntry,
    WaitlistStatus,
)
from palm_customs.core import clock
from palm_customs.core.i18n import Language, translate
from palm_customs.core.jobs import Job
from palm_customs.notifications.models import Notification, NotificationType, PushSubscription
from palm_customs.notifications.services import PUSH_JOB
from tests.appointments.flows import (
    CANCEL,
    CONFIRM_OFFER,
    ITEM,
    WAITLIST_JOIN,
    book,
    call,
    create_site,
    create_slot,
    person,
)


def _later(days: int) -> str:
    return (clock.now() + timedelta(days=days)).isoformat()


async def test_a_freed_seat_is_offered_to_the_longest_waiting_person_then_confirmed(
    app: Starlette,
) -> None:
    # given A holds the early seat, B holds a late one and waits for earlier, then C waits too
    site = await create_site()
    early = await create_slot(site, starts_in=timedelta(days=2), capacity=1)
    late = await create_slot(site, starts_in=timedelta(days=5), capacity=2)
    a, b, c = await person(app, 1), await person(app, 2), await person(app, 3)
    a_booking = (await book(a, early))["booking"]["id"]
    b_booking = (await book(b, late))["booking"]["id"]
    joined = await call(
        b, WAITLIST_JOIN, input={"itemCode": ITEM, "siteId": str(site.id), "bookingId": b_booking}
    )
    assert joined["__typename"] == "WaitlistJoined", joined
    await call(
        c, WAITLIST_JOIN, input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _later(4)}
    )
    # when A cancels
    await call(a, CANCEL, id=a_booking)
    # then B (first in line) is offered the seat, held for 15 minutes, with a push-worthy note
    offer = await Booking.get(status=BookingStatus.OFFERED)
    assert offer.slot_id == early.id
    assert offer.offer_expires_at is not None
    assert timedelta(minutes=14) < offer.offer_expires_at - clock.now() <= timedelta(minutes=15)
    note = await Notification.get(type=NotificationType.APPOINTMENT_OFFER)
    assert note.recipient_id == offer.account_id
    assert await Job.filter(kind=services.OFFER_EXPIRY_JOB).count() == 1
    assert (await Slot.get(id=early.id)).booked == 1  # the seat stays held, not on sale
    # when B confirms
    confirmed = await call(b, CONFIRM_OFFER, id=str(offer.id))
    # then B's late booking is replaced and its seat goes back on sale (C wants before day 4)
    assert confirmed["booking"]["status"] == "CONFIRMED"
    assert confirmed["booking"]["credential"].startswith("PC1:")
    assert (await Booking.get(id=b_booking)).status is BookingStatus.RESCHEDULED
    assert [(await Slot.get(id=s.id)).booked for s in (early, late)] == [1, 0]
    entry = await WaitlistEntry.get(account_id=offer.account_id)
    assert entry.status is WaitlistStatus.FULFILLED
    for client in (a, b, c):
        await client.aclose()


async def test_an_unconfirmed_offer_lapses_and_goes_to_the_next_person(app: Starlette) -> None:
    # given
    site = await create_site()
    early = await create_slot(site, starts_in=timedelta(days=2), capacity=1)
    a, b, c = await person(app, 1), await person(app, 2), await person(app, 3)
    a_booking = (await book(a, early))["booking"]["id"]
    for waiter in (b, c):
        await call(
            waiter,
            WAITLIST_JOIN,
            input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _later(4)},
        )
    await call(a, CANCEL, id=a_booking)
    first_offer = await Booking.get(status=BookingStatus.OFFERED)
    # when the confirm window passes
    await services.expire_offer(str(first_offer.id), now=clock.now() + timedelta(minutes=16))
    # then the offer lapsed and the next person holds the seat
    assert (await Booking.get(id=first_offer.id)).status is BookingStatus.LAPSED
    second_offer = await Booking.get(status=BookingStatus.OFFERED)
    assert second_offer.account_id != first_offer.account_id
    assert second_offer.seat == first_offer.seat
    late = await call(b, CONFIRM_OFFER, id=str(first_offer.id))
    assert late["code"] == "NOT_ACTIVE"
    assert (await Slot.get(id=early.id)).booked == 1
    for client in (a, b, c):
        await client.aclose()


async def test_an_offer_expiring_with_nobody_waiting_puts_the_seat_back_on_sale(
    app: Starlette,
) -> None:
    site = await create_site()
    early = await create_slot(site, starts_in=timedelta(days=2), capacity=1)
    a, b = await person(app, 1), await person(app, 2)
    a_booking = (await book(a, early))["booking"]["id"]
    await call(
        b, WAITLIST_JOIN, input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _later(4)}
    )
    await call(a, CANCEL, id=a_booking)
    offer = await Booking.get(status=BookingStatus.OFFERED)
    await services.expire_offer(str(offer.id), now=clock.now() + timedelta(minutes=16))
    assert (await Slot.get(id=early.id)).booked == 0
    assert (await WaitlistEntry.get(account_id=offer.account_id)).status is WaitlistStatus.LAPSED
    for client in (a, b):
        await client.aclose()


async def test_waiting_for_any_site_within_a_distance_matches_only_near_sites(
    app: Starlette,
) -> None:
    # given a far site (Beijing) and a near one (Shanghai), and a person waiting near Shanghai
    near = await create_site(code="NEAR", latitude=31.24, longitude=121.49)
    far = await create_site(code="FAR", latitude=39.90, longitude=116.40)
    near_slot = await create_slot(near, starts_in=timedelta(days=2), capacity=1)
    far_slot = await create_slot(far, starts_in=timedelta(days=2), capacity=1)
    holder, other, waiter = await person(app, 1), await person(app, 3), await person(app, 2)
    # (two people: one person holds one seat per time)
    far_booking = (await book(holder, far_slot))["booking"]["id"]
    near_booking = (await book(other, near_slot))["booking"]["id"]
    joined = await call(
        waiter,
        WAITLIST_JOIN,
        input={
            "itemCode": ITEM,
            "near": {"latitude": 31.23, "longitude": 121.47},
            "maxDistanceKm": 20,
            "earlierThan": _later(4),
        },
    )
    assert joined["__typename"] == "WaitlistJoined"
    # when both seats are freed
    await call(holder, CANCEL, id=far_booking)
    far_offers = await Booking.filter(status=BookingStatus.OFFERED).count()
    await call(other, CANCEL, id=near_booking)
    # then only the near seat was offered
    assert far_offers == 0
    offer = await Booking.get(status=BookingStatus.OFFERED)
    assert offer.slot_id == near_slot.id
    assert (await Slot.get(id=far_slot.id)).booked == 0
    for client in (holder, other, waiter):
        await client.aclose()


async def test_one_place_per_item_on_the_waiting_list(app: Starlette) -> None:
    site = await create_site()
    me = await person(app, 1)
    entry = {"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _later(4)}
    await call(me, WAITLIST_JOIN, input=entry)
    again = await call(me, WAITLIST_JOIN, input=entry)
    assert again["code"] == "ALREADY_WAITING"
    assert await WaitlistEntry.all().count() == 1
    await me.aclose()


async def test_the_waiting_list_needs_a_site_or_a_distance_and_a_future_time(
    app: Starlette,
) -> None:
    me = await person(app, 1)
    result = await call(
        me,
        WAITLIST_JOIN,
        input={
            "itemCode": ITEM,
            "earlierThan": (clock.now() - timedelta(hours=1)).isoformat(),
        },
    )
    assert {(e["field"], e["code"]) for e in result["errors"]} == {
        ("earlierThan", "IN_THE_PAST"),
        ("siteId", "REQUIRED"),
    }
    await me.aclose()


async def _lapse_offer(app: Starlette) -> tuple[Booking, list[httpx.AsyncClient]]:
    """A holds a seat, B waits with a phone subscribed to offers, A cancels, B's offer lapses."""
    site = await create_site()
    early = await create_slot(site, starts_in=timedelta(days=2), capacity=1)
    a, b = await person(app, 1), await person(app, 2)
    a_booking = (await book(a, early))["booking"]["id"]
    await call(
        b, WAITLIST_JOIN, input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _later(4)}
    )
    await call(a, CANCEL, id=a_booking)
    offer = await Booking.get(status=BookingStatus.OFFERED)
    await PushSubscription.create(
        id=uuid.uuid4(),
        account_id=offer.account_id,
        endpoint="https://push.example/lapse",
        p256dh="p" * 87,
        auth="a" * 22,
        device="phone",
        categories=["appointment_offers"],
    )
    return offer, [a, b]


async def test_the_person_whose_offer_lapsed_is_told_they_left_the_waiting_list(
    app: Starlette,
) -> None:
    # given
    offer, clients = await _lapse_offer(app)
    pushes = await Job.filter(kind=PUSH_JOB).count()
    # when the confirm window passes
    await services.expire_offer(str(offer.id), now=clock.now() + timedelta(minutes=16))
    # then their inbox says the seat has gone and they are off the list, replacing the offer
    notes = await Notification.filter(
        recipient_id=offer.account_id, subject=f"booking:{offer.number}"
    ).order_by("created_at")
    assert len(notes) == 2
    offered, lapsed = notes
    assert lapsed.title.startswith("The seat held for you has gone")
    assert "no longer on the waiting list" in lapsed.body
    assert offered.superseded_by_id == lapsed.id
    # and a push is queued for their phone (through the job outbox)
    assert await Job.filter(kind=PUSH_JOB).count() == pushes + 1
    queued = await Job.filter(kind=PUSH_JOB).order_by("-created_at").first()
    assert queued is not None
    assert queued.payload["notification"] == str(lapsed.id)
    assert (await WaitlistEntry.get(account_id=offer.account_id)).status is WaitlistStatus.LAPSED
    for client in clients:
        await client.aclose()


async def test_a_lapse_notice_says_so_when_the_person_is_still_waiting(app: Starlette) -> None:
    # given the person also waits for the item elsewhere
    offer, clients = await _lapse_offer(app)
    await WaitlistEntry.create(
        id=uuid.uuid4(),
        account_id=offer.account_id,
        item_code=ITEM,
        latitude=31.2,
        longitude=121.5,
        max_distance_km=50,
        earlier_than=clock.now() + timedelta(days=6),
        status=WaitlistStatus.WAITING,
        created_at=clock.now(),
    )
    # when
    await services.expire_offer(str(offer.id), now=clock.now() + timedelta(minutes=16))
    # then
    lapsed = (
        await Notification.filter(recipient_id=offer.account_id).order_by("-created_at").first()
    )
    assert lapsed is not None
    assert "still on the waiting list" in lapsed.body
    for client in clients:
        await client.aclose()


def test_the_lapse_notices_are_worded_in_three_languages() -> None:
    params = {"when": "2026-12-01 09:00", "site": "Hall", "site_zh": "大厅", "site_hant": "大廳"}
    for event in ("offer_lapsed", "offer_lapsed_waiting"):
        for part in ("title", "body"):
            texts = [
                translate(f"notify.appointment.{event}.{part}", language, **params)
                for language in (Language.ZH_HANS, Language.ZH_HANT, Language.EN)
            ]
            assert len(set(texts)) == 3, texts
            assert all(f"notify.appointment.{event}" not in t for t in texts)
    assert "候补" in translate("notify.appointment.offer_lapsed.body", Language.ZH_HANS, **params)
    assert "候補" in translate("notify.appointment.offer_lapsed.body", Language.ZH_HANT, **params)
