from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.appointments import services
from palm_customs.appointments.models import Booking, BookingStatus, Slot, SlotStatus
from palm_customs.core import clock, signing
from palm_customs.core.jobs import Job
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import Account
from palm_customs.notifications.models import Notification, NotificationType
from tests.appointments.flows import (
    BOOKING,
    ITEM,
    OTHER_ITEM,
    book,
    call,
    create_application,
    create_site,
    create_slot,
    key,
    person,
)
from tests.conftest import graphql
from tests.declarations.flows import traveller


async def test_a_person_books_a_seat_and_gets_a_signed_qr_calendar_and_directions(
    client: httpx.AsyncClient,
) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(days=2))
    await traveller(client)
    # when
    result = await book(client, slot)
    # then
    assert result["__typename"] == "BookingSuccess", result
    booking = result["booking"]
    assert booking["status"] == "CONFIRMED"
    assert booking["site"]["code"] == "TEST-A"
    assert booking["directions"]["mapUri"] == "geo:31.243600,121.491300"
    assert booking["directions"]["address"]["en"] == "1 Test Road, Shanghai"
    verified = await signing.verify(booking["credential"], now=clock.now())
    assert verified.credential_type == "booking"
    assert verified.claims["b"] == booking["number"]
    ics = booking["calendarIcs"]
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert f"DTSTART:{slot.starts_at:%Y%m%dT%H%M%SZ}\r\n" in ics
    assert "GEO:31.243600;121.491300\r\n" in ics
    assert (await Slot.get(id=slot.id)).booked == 1


async def test_booking_queues_reminders_24_h_and_2_h_before_and_an_inbox_confirmation(
    client: httpx.AsyncClient,
) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(days=2))
    await traveller(client)
    # when
    result = await book(client, slot)
    # then
    reminders = await Job.filter(kind=services.REMINDER_JOB).order_by("run_after")
    assert [r.payload["kind"] for r in reminders] == ["24h", "2h"]
    assert [r.run_after for r in reminders] == [
        slot.starts_at - timedelta(hours=24),
        slot.starts_at - timedelta(hours=2),
    ]
    inbox = await Notification.get(subject=f"booking:{result['booking']['number']}")
    assert inbox.type is NotificationType.APPOINTMENT_REMINDER
    assert result["booking"]["number"] in inbox.body


async def test_a_reminder_is_skipped_when_the_booking_was_cancelled(
    client: httpx.AsyncClient,
) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(days=2))
    await traveller(client)
    booking_id = (await book(client, slot))["booking"]["id"]
    from tests.appointments.flows import CANCEL

    await call(client, CANCEL, id=booking_id)
    before = await Notification.all().count()
    # when
    await services._remind({"booking": booking_id, "kind": "24h"})
    # then
    assert await Notification.all().count() == before


async def test_every_booking_is_audited(client: httpx.AsyncClient) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site)
    await traveller(client)
    # when
    result = await book(client, slot)
    refused = await book(client, slot, item_code=OTHER_ITEM)
    # then
    assert refused["code"] == "WRONG_ITEM"
    events = await AuditEvent.filter(operation="bookingCreate").order_by("seq")
    assert [e.outcome for e in events] == ["OK", "wrong_item"]
    assert f"booking:{result['booking']['id']}" in events[0].target_ids


async def test_booking_fails_with_the_next_free_times_when_the_slot_is_full(
    app: Starlette,
) -> None:
    # given
    site = await create_site()
    full = await create_slot(site, starts_in=timedelta(days=2), capacity=1)
    later = await create_slot(site, starts_in=timedelta(days=3), capacity=2)
    first, second = await person(app, 1), await person(app, 2)
    await book(first, full)
    # when
    result = await book(second, full)
    # then
    assert result["__typename"] == "SlotFullError"
    assert result["code"] == "SLOT_FULL"
    assert result["field"] == "slotId"
    assert "just been fully booked" in result["message"]
    assert [a["id"] for a in result["alternatives"]] == [str(later.id)]
    assert result["alternatives"][0]["seatsLeft"] == 2
    assert result["alternatives"][0]["itemCode"] == ITEM
    assert await Booking.filter(account__person__full_name="王小明2").count() == 0
    for c in (first, second):
        await c.aclose()


async def test_thirty_concurrent_bookings_never_exceed_the_capacity(app: Starlette) -> None:
    # given three windows serving the item
    site = await create_site(windows=((1, (ITEM,)), (2, (ITEM, OTHER_ITEM)), (3, (ITEM,))))
    slot = await create_slot(site)
    assert slot.capacity == 3
    people = [await person(app, n) for n in range(1, 31)]
    # when
    results = await asyncio.gather(*(book(p, slot) for p in people))
    # then
    kinds = [r["__typename"] for r in results]
    assert kinds.count("BookingSuccess") == 3
    assert kinds.count("SlotFullError") == 27
    seats = await Booking.filter(slot_id=slot.id).values_list("seat", flat=True)
    assert sorted(seats) == [1, 2, 3]  # each at a window of its own
    assert (await Slot.get(id=slot.id)).booked == 3
    for p in people:
        await p.aclose()


async def test_a_past_slot_cannot_be_booked(client: httpx.AsyncClient) -> None:
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(minutes=-30))
    await traveller(client)
    result = await book(client, slot)
    assert (result["code"], result["field"]) == ("SLOT_IN_THE_PAST", "slotId")
    assert await Booking.all().count() == 0


async def test_a_closed_slot_cannot_be_booked(client: httpx.AsyncClient) -> None:
    site = await create_site()
    slot = await create_slot(site, status=SlotStatus.CLOSED)
    await traveller(client)
    result = await book(client, slot)
    assert result["code"] == "SLOT_CLOSED"
    assert (await Slot.get(id=slot.id)).booked == 0


async def test_a_slot_for_another_item_cannot_be_booked(client: httpx.AsyncClient) -> None:
    site = await create_site()
    slot = await create_slot(site, item_code=OTHER_ITEM)
    await traveller(client)
    result = await book(client, slot, item_code=ITEM)
    assert (result["code"], result["field"]) == ("WRONG_ITEM", "itemCode")
    assert await Booking.all().count() == 0


async def test_an_unknown_slot_is_a_typed_error(client: httpx.AsyncClient) -> None:
    await traveller(client)
    for slot_id in ("999999", "not-a-number"):
        result = await book(client, slot_id)
        assert result["code"] == "SLOT_NOT_FOUND"


async def test_retrying_with_the_same_key_returns_the_first_booking(
    client: httpx.AsyncClient,
) -> None:
    site = await create_site()
    slot = await create_slot(site)
    await traveller(client)
    idempotency = key()
    first = await book(client, slot, idempotency=idempotency)
    again = await book(client, slot, idempotency=idempotency)
    assert again["replayed"] is True
    assert again["booking"]["id"] == first["booking"]["id"]
    assert (await Slot.get(id=slot.id)).booked == 1


async def test_one_application_holds_at_most_one_live_booking(client: httpx.AsyncClient) -> None:
    # given
    site = await create_site()
    one, two = await create_slot(site), await create_slot(site, starts_in=timedelta(days=3))
    await traveller(client)
    application = await create_application()
    await book(client, one, application_id=application)
    # when
    result = await book(client, two, application_id=application)
    # then
    assert (result["code"], result["field"]) == ("APPLICATION_ALREADY_BOOKED", "applicationId")
    assert (await Slot.get(id=two.id)).booked == 0


async def test_a_person_holds_at_most_three_live_bookings(client: httpx.AsyncClient) -> None:
    # given
    site = await create_site()
    slots = [await create_slot(site, starts_in=timedelta(days=d)) for d in (2, 3, 4, 5)]
    await traveller(client)
    for slot in slots[:3]:
        assert (await book(client, slot))["__typename"] == "BookingSuccess"
    # when
    result = await book(client, slots[3])
    # then
    assert result["code"] == "TOO_MANY_BOOKINGS"
    assert "at most 3" in result["message"]
    assert (await Slot.get(id=slots[3].id)).booked == 0


async def test_two_no_shows_in_90_days_mean_a_30_day_cool_down(client: httpx.AsyncClient) -> None:
    # given two missed appointments, the latest 10 days ago
    site = await create_site()
    await traveller(client)
    account = await Account.filter(kind="person").first()
    assert account is not None
    for days_ago in (40, 10):
        past = await create_slot(site, starts_in=timedelta(days=-days_ago))
        await Booking.create(
            id=uuid.uuid4(),
            number=f"BNOSHOW{days_ago}",
            account_id=account.id,
            slot_id=past.id,
            site_id=site.id,
            item_code=ITEM,
            starts_at=past.starts_at,
            ends_at=past.ends_at,
            seat=1,
            status=BookingStatus.NO_SHOW,
            created_at=past.starts_at - timedelta(days=1),
        )
    slot = await create_slot(site)
    # when
    result = await book(client, slot)
    # then
    until = clock.day_of(clock.now() - timedelta(days=10) + timedelta(days=30))
    assert result["code"] == "COOLDOWN"
    assert until.isoformat() in result["message"] or (
        (until - timedelta(days=1)).isoformat() in result["message"]
    )
    assert (await Slot.get(id=slot.id)).booked == 0


async def test_an_item_needing_pre_review_requires_an_application_number(
    client: httpx.AsyncClient,
) -> None:
    site = await create_site(windows=((1, ("PETS_ENTRY",)),))
    slot = await create_slot(site, item_code="PETS_ENTRY")
    await traveller(client)
    result = await book(client, slot, item_code="PETS_ENTRY")
    assert (result["code"], result["field"]) == ("PREREVIEW_REQUIRED", "applicationId")
    assert await Booking.all().count() == 0


async def test_an_application_without_a_passed_pre_review_is_refused(
    client: httpx.AsyncClient,
) -> None:
    site = await create_site(windows=((1, ("PETS_ENTRY",)),))
    slot = await create_slot(site, item_code="PETS_ENTRY")
    await traveller(client)
    in_review = await create_application(item_code="PETS_ENTRY", status="in_review")
    result = await book(client, slot, item_code="PETS_ENTRY", application_id=in_review)
    assert (result["code"], result["field"]) == ("PREREVIEW_NOT_PASSED", "applicationId")
    assert "has not passed the online pre-review" in result["message"]
    assert (await Slot.get(id=slot.id)).booked == 0
    assert await Booking.all().count() == 0


async def test_booking_needs_a_verified_sign_in(client: httpx.AsyncClient) -> None:
    site = await create_site()
    slot = await create_slot(site)
    body = await graphql(
        client,
        'mutation($s: ID!) { bookingCreate(slotId: $s, itemCode: "X", idempotencyKey: "k") '
        "{ __typename } }",
        {"s": str(slot.id)},
    )
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]


async def test_someone_elses_booking_is_never_found(app: Starlette) -> None:
    site = await create_site()
    slot = await create_slot(site)
    owner, other = await person(app, 1), await person(app, 2)
    booking_id = (await book(owner, slot))["booking"]["id"]
    assert await call(other, BOOKING, id=booking_id) is None
    assert (await call(owner, BOOKING, id=booking_id))["id"] == booking_id
    for c in (owner, other):
        await c.aclose()
