from __future__ import annotations

import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

import httpx
from starlette.applications import Starlette

from palm_customs.applications.models import Application, ApplicationStatus, Holiday
from palm_customs.appointments import services
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    ServiceWindow,
    SiteClosure,
    Slot,
    SlotStatus,
)
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core import clock
from palm_customs.core.jobs import Job
from palm_customs.identity.models import Account
from palm_customs.notifications.models import Notification
from tests.appointments.flows import (
    AVAILABILITY,
    CLOSURE,
    CREATE,
    ITEM,
    OTHER_ITEM,
    book,
    call,
    clerk,
    create_site,
    create_slot,
    key,
    person,
)
from tests.conftest import graphql
from tests.declarations.flows import traveller

WEEKDAY_HOURS = {str(d): [["09:00", "10:00"]] for d in range(1, 8)}


async def test_generation_cuts_15_minute_slots_sized_by_the_windows_and_is_idempotent(
    db: None,
) -> None:
    # given windows 1 and 2 handle ITEM, only window 1 handles OTHER_ITEM
    site = await create_site(timezone="Asia/Shanghai", hours=WEEKDAY_HOURS)
    # when
    first = await services.generate_slots(days=3)
    second = await services.generate_slots(days=3)
    # then one hour a day = 4 slots per item per day (minus any already past today)
    slots = await Slot.filter(site_id=site.id).order_by("starts_at")
    assert first.created == len(slots) > 0
    assert second.created == 0
    assert {s.capacity for s in slots if s.item_code == ITEM} == {2}
    assert {s.capacity for s in slots if s.item_code == OTHER_ITEM} == {1}
    assert {(s.ends_at - s.starts_at) for s in slots} == {timedelta(minutes=15)}
    assert all(s.starts_at > clock.now() for s in slots)
    assert 8 <= len([s for s in slots if s.item_code == ITEM]) <= 12


async def test_a_window_opening_resizes_future_slots(db: None) -> None:
    site = await create_site(timezone="Asia/Shanghai", hours=WEEKDAY_HOURS)
    await services.generate_slots(days=2)
    await ServiceWindow.create(site_id=site.id, number=3, item_codes=[OTHER_ITEM])
    result = await services.generate_slots(days=2)
    assert result.created == 0
    assert {s.capacity for s in await Slot.filter(item_code=OTHER_ITEM)} == {2}


async def test_no_slots_are_generated_inside_a_closure(db: None) -> None:
    site = await create_site(timezone="Asia/Shanghai", hours=WEEKDAY_HOURS)
    now = clock.now()
    await SiteClosure.create(
        site_id=site.id,
        starts_at=now,
        ends_at=now + timedelta(days=10),
        reason={"en": "Holiday"},
        created_by="test",
        created_at=now,
    )
    result = await services.generate_slots(days=5)
    assert result.created == 0


async def test_no_slots_are_generated_on_a_public_holiday(db: None) -> None:
    # given a site open every day, and tomorrow (in Shanghai) a public holiday of the calendar
    site = await create_site(timezone="Asia/Shanghai", hours=WEEKDAY_HOURS)
    holiday = clock.today() + timedelta(days=1)
    await Holiday.create(day=holiday, name="国庆节")
    # when
    await services.generate_slots(days=3)
    # then the windows open the day before and the day after, never on the holiday
    zone = ZoneInfo("Asia/Shanghai")
    days = {s.starts_at.astimezone(zone).date() for s in await Slot.filter(site_id=site.id)}
    assert holiday not in days
    assert holiday + timedelta(days=1) in days


async def test_the_schedule_job_is_queued_once(db: None) -> None:
    assert await services.ensure_schedule() is True
    assert await services.ensure_schedule() is False
    assert await Job.filter(kind=services.SLOTS_JOB).count() == 1


async def test_anyone_sees_the_next_free_times_at_the_nearest_sites(
    client: httpx.AsyncClient,
) -> None:
    # given a Shanghai site and a Beijing site, and a full slot in Shanghai
    shanghai = await create_site(code="SH", latitude=31.24, longitude=121.49)
    beijing = await create_site(code="BJ", latitude=39.90, longitude=116.40)
    full = await create_slot(shanghai, starts_in=timedelta(days=1), capacity=1)
    await Slot.filter(id=full.id).update(booked=1)
    free = await create_slot(shanghai, starts_in=timedelta(days=2))
    far = await create_slot(beijing, starts_in=timedelta(days=1))
    await create_slot(shanghai, starts_in=timedelta(hours=-1))
    # when (nobody signed in)
    nearest = await call(
        client,
        AVAILABILITY,
        item=ITEM,
        near={"latitude": 31.23, "longitude": 121.47},
        per=5,
        sites=2,
    )
    within = await call(
        client,
        AVAILABILITY,
        item=ITEM,
        near={"latitude": 31.23, "longitude": 121.47},
        max=50.0,
        per=5,
        sites=5,
    )
    by_code = await call(client, AVAILABILITY, item=ITEM, site="BJ", per=5, sites=5)
    # then
    assert [e["site"]["code"] for e in nearest] == ["SH", "BJ"]
    assert nearest[0]["distanceKm"] < 5 < 1000 < nearest[1]["distanceKm"]
    assert [s["id"] for s in nearest[0]["slots"]] == [str(free.id)]
    assert [e["site"]["code"] for e in within] == ["SH"]
    assert [s["id"] for s in by_code[0]["slots"]] == [str(far.id)]


async def test_page_sizes_are_capped(client: httpx.AsyncClient) -> None:
    body = await graphql(client, AVAILABILITY, {"item": ITEM, "per": 1000, "sites": 1})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"  # type: ignore[index]


async def test_a_closure_cancels_the_bookings_in_it_with_a_notification(app: Starlette) -> None:
    # given
    site = await create_site()
    inside = await create_slot(site, starts_in=timedelta(days=2))
    outside = await create_slot(site, starts_in=timedelta(days=6))
    me = await person(app, 1)
    cancelled_id = (await book(me, inside))["booking"]["id"]
    kept_id = (await book(me, outside))["booking"]["id"]
    supervisor = await clerk(app, "S2001", roles=("supervisor",))
    now = clock.now()
    # when
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
    # then
    assert result["cancelledBookings"] == 1
    assert (await Booking.get(id=cancelled_id)).status is BookingStatus.CLOSED
    assert (await Booking.get(id=kept_id)).status is BookingStatus.CONFIRMED
    assert (await Slot.get(id=inside.id)).status is SlotStatus.CLOSED
    notes = (
        await Notification.filter(body__contains="Typhoon").count()
        + await Notification.filter(body__contains="台风").count()
    )
    assert notes == 1
    again = await book(me, inside)
    assert again["code"] == "SLOT_CLOSED"
    for c in (me, supervisor):
        await c.aclose()


async def test_a_window_clerk_cannot_close_a_site(app: Starlette) -> None:
    site = await create_site()
    officer = await clerk(app)
    now = clock.now()
    body = await graphql(
        officer,
        CLOSURE,
        {
            "input": {
                "siteId": str(site.id),
                "startsAt": now.isoformat(),
                "endsAt": (now + timedelta(days=1)).isoformat(),
                "reason": "x",
                "reasonZhHans": "x",
                "reasonZhHant": "x",
            }
        },
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert await SiteClosure.all().count() == 0
    await officer.aclose()


async def passed_application(account_id: uuid.UUID, number: str) -> Application:
    """The person's application for the pet item, with its pre-review passed."""
    return await Application.create(
        id=uuid.uuid4(),
        number=number,
        applicant_id=account_id,
        item_code="PETS_ENTRY",
        item_version=1,
        item_snapshot={},
        status=ApplicationStatus.PASSED,
        form_data={},
        materials=[],
        idempotency_key=uuid.uuid4().hex,
        submitted_at=clock.now(),
        due_date=clock.today(),
    )


async def test_prereview_passed_is_false_without_a_passed_application(db: None) -> None:
    account = uuid.uuid4()
    assert await services.prereview_passed(account, "PETS_ENTRY", str(uuid.uuid4())) is False
    assert await services.prereview_passed(account, "PETS_ENTRY", "not-an-id") is False


async def test_a_passed_pre_review_lets_the_person_book_once_per_application(
    client: httpx.AsyncClient,
) -> None:
    # given the person's application for the item has passed pre-review
    site = await create_site(windows=((1, ("PETS_ENTRY",)),))
    first = await create_slot(site, item_code="PETS_ENTRY")
    second = await create_slot(site, item_code="PETS_ENTRY", starts_in=timedelta(days=3))
    await traveller(client)
    account = await Account.filter(kind="person").first()
    assert account is not None
    application = await passed_application(account.id, "A-TEST-1")
    # when
    booked = await book(client, first, item_code="PETS_ENTRY", application_id=str(application.id))
    twice = await book(client, second, item_code="PETS_ENTRY", application_id=str(application.id))
    # then
    assert booked["__typename"] == "BookingSuccess", booked
    assert booked["booking"]["applicationId"] == str(application.id)
    assert booked["booking"]["applicationNumber"] == "A-TEST-1"
    assert twice["code"] == "APPLICATION_ALREADY_BOOKED"


async def test_the_calendar_event_names_the_service_place_and_what_to_bring_in_the_language(
    client: httpx.AsyncClient,
) -> None:
    # given a person with a passed pre-review of the (seeded) pet item, booked in Chinese
    await seed_catalogue()
    site = await create_site(windows=((1, ("PETS_ENTRY",)),))
    slot = await create_slot(site, item_code="PETS_ENTRY")
    await traveller(client)
    account = await Account.filter(kind="person").first()
    assert account is not None
    application = await passed_application(account.id, "A-TEST-2")
    # when
    body = await graphql(
        client,
        CREATE,
        {"slot": str(slot.id), "item": "PETS_ENTRY", "key": key(), "app": str(application.id)},
        language="zh-Hans",
    )
    booked = body["data"]["bookingCreate"]  # type: ignore[index]
    # then the event reads as a person would write it, never a raw code
    assert booked["__typename"] == "BookingSuccess", booked
    booking = booked["booking"]
    ics = booking["calendarIcs"]
    assert "PETS_ENTRY" not in ics
    unfolded = ics.replace("\r\n ", "")
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    summary = next(line for line in unfolded.split("\r\n") if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:携带宠物入境 · 测试大厅 TEST-A"
    description = next(line for line in unfolded.split("\r\n") if line.startswith("DESCRIPTION:"))
    assert f"预约编号：{booking['number']}" in description
    assert "申请编号：A-TEST-2" in description
    assert "请携带：" in description
    assert f"/appointments/bookings/{booking['id']}" in description
