"""Helpers for appointment tests: sites, slots, signed-in people and officers, documents."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from palm_customs.appointments.models import ServiceWindow, Site, Slot, SlotStatus
from palm_customs.core import clock
from palm_customs.identity.models import Officer
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, traveller
from tests.factories import make_site, make_slot

BOOKING_FIELDS = """
  id number status itemCode startsAt endsAt applicationId applicationNumber credential calendarIcs
  offerExpiresAt offerAfterClosure queueNumber windowNumber lateMinutes
  site { id code name { en } }
  directions { latitude longitude mapUri address { zhHans en } }
"""
CREATE = (
    "mutation($slot: ID!, $item: String!, $key: String!, $app: String) {"
    " bookingCreate(slotId: $slot, itemCode: $item, idempotencyKey: $key, applicationId: $app) {"
    " __typename ... on BookingSuccess { replayed booking {" + BOOKING_FIELDS + "} }"
    " ... on SlotFullError { code message field alternatives { id siteId itemCode startsAt seatsLeft } }"
    " ... on AppointmentError { code message field }"
    " ... on ValidationError { errors { field code message } } } }"
)
RESCHEDULE = (
    "mutation($id: ID!, $slot: ID!, $key: String!) {"
    " bookingReschedule(bookingId: $id, slotId: $slot, idempotencyKey: $key) {"
    " __typename ... on BookingSuccess { replayed booking {" + BOOKING_FIELDS + "} }"
    " ... on SlotFullError { code alternatives { id } }"
    " ... on AppointmentError { code message field } } }"
)
CHANGE_RESULT = (
    " __typename ... on BookingChanged { booking { id status lateMinutes } }"
    " ... on AppointmentError { code message field }"
    " ... on ValidationError { errors { field code } }"
)
CANCEL = "mutation($id: ID!) { bookingCancel(bookingId: $id) {" + CHANGE_RESULT + "} }"
RELEASE = "mutation($id: ID!) { bookingRelease(bookingId: $id) {" + CHANGE_RESULT + "} }"
LATE = (
    "mutation($id: ID!, $m: Int!) { bookingLateReport(bookingId: $id, minutes: $m) {"
    + CHANGE_RESULT
    + "} }"
)
CONFIRM_OFFER = (
    "mutation($id: ID!) { bookingOfferConfirm(bookingId: $id) {"
    " __typename ... on BookingSuccess { booking {" + BOOKING_FIELDS + "} }"
    " ... on AppointmentError { code message } } }"
)
WAITLIST_JOIN = """
mutation($input: WaitlistJoinInput!) {
  waitlistJoin(input: $input) {
    __typename
    ... on WaitlistJoined { entry { id itemCode siteId status earlierThan bookingId } }
    ... on AppointmentError { code message field }
    ... on ValidationError { errors { field code } }
  }
}
"""
MY_BOOKINGS = "query($past: Boolean!) { myBookings(includePast: $past) {" + BOOKING_FIELDS + "} }"
BOOKING = "query($id: ID!) { booking(id: $id) {" + BOOKING_FIELDS + "} }"
AVAILABILITY = """
query($item: String!, $site: String, $near: GeoPointInput, $max: Float, $per: Int!, $sites: Int!) {
  appointmentAvailability(itemCode: $item, siteCode: $site, near: $near, maxDistanceKm: $max,
                          perSite: $per, sites: $sites) {
    distanceKm site { id code } slots { id itemCode startsAt seatsLeft }
  }
}
"""
CHECK_IN = """
mutation($key: String!, $credential: String, $number: String) {
  bookingCheckIn(idempotencyKey: $key, credential: $credential, number: $number) {
    __typename
    ... on CheckInSuccess { queueNumber replayed booking { number status personName } }
    ... on AppointmentError { code message field }
    ... on ValidationError { errors { field code } }
  }
}
"""
CALL_NEXT = """
mutation($site: ID!, $window: Int!) {
  queueCallNext(siteId: $site, windowNumber: $window) {
    __typename
    ... on QueueCalled { windowNumber booking { number status queueNumber windowNumber } }
    ... on AppointmentError { code message }
  }
}
"""
OUTCOME = """
mutation($id: ID!, $outcome: BookingOutcome!) {
  bookingOutcomeRecord(bookingId: $id, outcome: $outcome) {
    __typename ... on BookingOutcomeRecorded { booking { status } }
    ... on AppointmentError { code message }
  }
}
"""
SITE_DAY = """
query($site: ID!, $date: Date!) {
  siteDay(siteId: $site, date: $date) {
    site { code } windows { number itemCodes }
    bookings { number status itemCode personName applicationId queueNumber windowNumber startsAt }
  }
}
"""
CLOSURE = """
mutation($input: SiteClosureInput!) {
  siteClosureAdd(input: $input) {
    __typename ... on SiteClosureAdded { cancelledBookings closure { startsAt endsAt reason { en } } }
    ... on AppointmentError { code } ... on ValidationError { errors { field code } }
  }
}
"""

ITEM = "CULTURAL_RELIC_EXIT"  # on-site only: no pre-review needed
OTHER_ITEM = "CUSTOMS_ENQUIRY"
PREREVIEW_ITEM = "PETS_ENTRY"


def key() -> str:
    return uuid.uuid4().hex


def noon_zone(now: datetime | None = None) -> str:
    """A fixed-offset zone where it is around noon now, so "today" is the same day for an hour
    either side whenever the test runs."""
    now = now or clock.now()
    offset = 12 - now.hour  # -11 … +12
    if offset == 0:
        return "Etc/GMT"
    # The Etc/GMT sign is inverted: Etc/GMT-8 is UTC+8.
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


async def create_site(
    *,
    code: str = "TEST-A",
    latitude: float = 31.2436,
    longitude: float = 121.4913,
    windows: tuple[tuple[int, tuple[str, ...]], ...] = ((1, (ITEM, OTHER_ITEM)), (2, (ITEM,))),
    timezone: str | None = None,
    hours: dict[str, list[list[str]]] | None = None,
) -> Site:
    return await make_site(
        code=code,
        names=(f"测试大厅 {code}", f"測試大廳 {code}", f"Test hall {code}"),
        addresses=("上海市测试路 1 号", "上海市測試路 1 號", "1 Test Road, Shanghai"),
        latitude=latitude,
        longitude=longitude,
        timezone=timezone or noon_zone(),
        opening_hours=hours or {str(d): [["09:00", "12:00"]] for d in range(1, 8)},
        accessibility={"zh-Hans": "无障碍", "zh-Hant": "無障礙", "en": "Step-free"},
        windows=windows,
        template_weekdays=[1, 2, 3, 4, 5, 6, 7],
        slot_minutes=15,
    )


async def create_slot(
    site: Site,
    *,
    item_code: str = ITEM,
    starts_in: timedelta = timedelta(days=2),
    at: datetime | None = None,
    capacity: int | None = None,
    minutes: int = 15,
    status: SlotStatus = SlotStatus.OPEN,
) -> Slot:
    """A slot as generation makes it (capacity = the windows serving the item), or capped
    lower with `capacity`; `at` puts slots of several items at one time."""
    starts_at = at or (clock.now() + starts_in).replace(microsecond=0)
    if capacity is None:
        capacity = sum(
            1
            for w in await ServiceWindow.filter(site_id=site.id, active=True)
            if item_code in w.item_codes
        )
    return await make_slot(
        site=site,
        item_code=item_code,
        starts_at=starts_at,
        minutes=minutes,
        capacity=capacity,
        status=status,
    )


def client_for(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def person(app: Starlette, n: int) -> httpx.AsyncClient:
    """A new client signed in as person n (close it with `aclose`)."""
    client = client_for(app)
    await traveller(client, n)
    return client


async def clerk(
    app: Starlette,
    badge: str = "W1001",
    roles: tuple[str, ...] = ("window_clerk",),
    *,
    site_code: str = "TEST-A",
) -> httpx.AsyncClient:
    """An officer signed in at level 2 who works at `site_code` (their unit names the site)."""
    client = client_for(app)
    await inspector(client, badge, roles=roles)
    await Officer.filter(badge_number=badge).update(unit=site_code)
    return client


async def book(
    client: httpx.AsyncClient,
    slot: Slot | str | int,
    *,
    item_code: str = ITEM,
    application_id: str | None = None,
    idempotency: str | None = None,
) -> dict[str, Any]:
    slot_id = str(slot.id) if isinstance(slot, Slot) else str(slot)
    body = await graphql(
        client,
        CREATE,
        {"slot": slot_id, "item": item_code, "key": idempotency or key(), "app": application_id},
    )
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["bookingCreate"]  # type: ignore[index]
    return result


async def call(client: httpx.AsyncClient, query: str, **variables: Any) -> Any:
    body = await graphql(client, query, variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]  # type: ignore[assignment]
    return next(iter(data.values()))


async def create_application(
    *, sign_in_name: str = "person1@example.cn", item_code: str = ITEM, status: str = "passed"
) -> str:
    """An application of that person for the item (only the fields bookings look at)."""
    from palm_customs.applications.models import Application, ApplicationStatus
    from palm_customs.identity.models import Account

    account = await Account.get(sign_in_name=sign_in_name)
    row = await Application.create(
        id=uuid.uuid4(),
        number=f"A{uuid.uuid4().hex[:12].upper()}",
        applicant_id=account.id,
        item_code=item_code,
        item_version=1,
        item_snapshot={},
        status=ApplicationStatus(status),
        form_data={},
        materials=[],
        idempotency_key=uuid.uuid4().hex,
        submitted_at=clock.now(),
        due_date=clock.now().date(),
    )
    return str(row.id)
