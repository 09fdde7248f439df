"""Appointments: sites, windows, slots, bookings, the waitlist and check-in. No GraphQL here.

A seat is a window's time (WindowSeat): one window serving several items is given once at a
time, whichever item is booked. The database guards it, on SQLite and PostgreSQL, one process
or many: a conditional UPDATE (booking_id IS NULL) takes a window-time, UNIQUE (window,
starts_at) and UNIQUE booking_id keep it single, and UNIQUE (slot, active_seat) on bookings
(seat = window number) is the backstop. The per-item slot counters (`booked` of `capacity`
windows) follow in the same transaction, touching slot rows in id order (no deadlock), and
serve the availability query. Locks are taken in one order: window-times before slot rows,
earlier times first.
A person's own bookings are serialized by a row lock on their account, so their limits
(active bookings, one live booking per application, cool-down) are checked without a race.
"""

from __future__ import annotations

import importlib
import logging
import math
import re
import secrets
import uuid
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from palm_customs.applications.models import Holiday
from palm_customs.appointments.errors import (
    Alternative,
    AppointmentErrorCode,
    AppointmentProblem,
    CoolingDown,
    SlotFull,
)
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    QueueCounter,
    ServiceWindow,
    Site,
    SiteClosure,
    Slot,
    SlotStatus,
    SlotTemplate,
    WaitlistEntry,
    WaitlistStatus,
    WindowSeat,
)
from palm_customs.core import broadcast, clock, invalidation, jobs, signing
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator
from palm_customs.core.permissions import Principal
from palm_customs.identity.models import Account, Officer, Person
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType, Urgency
from palm_customs.settings import Settings

HORIZON_DAYS = 30
MAX_ACTIVE_BOOKINGS = 3
NO_SHOW_LIMIT = 2
NO_SHOW_WINDOW = timedelta(days=90)
COOL_DOWN = timedelta(days=30)
CANCEL_CUT_OFF = timedelta(hours=2)
OFFER_WINDOW = timedelta(minutes=15)
NO_SHOW_GRACE = timedelta(minutes=15)
REMINDERS = {"24h": timedelta(hours=24), "2h": timedelta(hours=2)}
MAX_ALTERNATIVES = 5
MAX_SLOTS_PER_SITE = 20
MAX_SITES = 10
WAITLIST_SCAN = 200
CREDENTIAL_TYPE = "booking"
LIVE = (BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.CALLED)
SLOTS_JOB = "appointments.slots_generate"
REMINDER_JOB = "appointments.reminder"
OFFER_EXPIRY_JOB = "appointments.offer_expire"
CLOSURE_REBOOK_JOB = "appointments.closure_rebook"
# How long a time held for someone whose booking a closure cancelled waits for them.
CLOSURE_HOLD = timedelta(hours=24)
logger = logging.getLogger(__name__)
_NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_ITEM_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")

# Catalogue items whose on-site step needs a passed online pre-review first. The catalogue
# (palm_customs.catalogue.models.ServiceItem) is the source of truth when it knows the item;
# this mapping covers the demo items until then.
PREREVIEW_ITEMS = frozenset(
    {
        "PETS_ENTRY",
        "DUTY_EXEMPTION",
        "POSTAL_ARTICLES",
        "PROCESSING_TRADE_MANUAL",
        "BONDED_WAREHOUSE",
        "AEO_CERTIFICATION",
        "TEMPORARY_ADMISSION",
    }
)


def _now() -> datetime:
    return clock.now()


def _zone(site: Site) -> ZoneInfo:
    try:
        return ZoneInfo(site.timezone)
    except ZoneInfoNotFoundError:
        return ZoneInfo("Asia/Shanghai")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _item_code(value: str, path: str = "itemCode") -> str:
    code = value.strip().upper()
    if not _ITEM_CODE.match(code):
        raise ValidationFailed([FieldProblem(path, ValidationErrorCode.INVALID_FORMAT)])
    return code


def _idempotency(key: str, path: str = "idempotencyKey") -> str:
    cleaned = key.strip()
    if not 8 <= len(cleaned) <= 64 or not re.fullmatch(r"[A-Za-z0-9\-_]+", cleaned):
        raise ValidationFailed([FieldProblem(path, ValidationErrorCode.INVALID_FORMAT)])
    return cleaned


def _new_number(now: datetime) -> str:
    suffix = "".join(secrets.choice(_NUMBER_ALPHABET) for _ in range(6))
    return f"B{now:%y%m%d}{suffix}"


# ------------------------------------------------------------------ items and pre-review


async def requires_prereview(item_code: str, connection: BaseDBAsyncClient | None = None) -> bool:
    """Whether the item's on-site step needs a passed online pre-review (handling mode)."""
    catalogue = importlib.import_module("palm_customs.catalogue.models")
    service_item: Any = getattr(catalogue, "ServiceItem", None)
    if service_item is not None:
        row = await service_item.filter(code=item_code).using_db(connection).first()
        if row is not None:
            return str(getattr(row.handling_mode, "value", row.handling_mode)) == (
                "prereview_then_onsite"
            )
    return item_code in PREREVIEW_ITEMS


async def prereview_passed(account_id: uuid.UUID, item_code: str, application_id: str) -> bool:
    """Whether `application_id` is this person's application for the item with a passed
    pre-review.

    The applications domain answers when it is installed; without it no application can have
    passed, so bookings that need one are refused (never let through).
    """
    try:
        applications = importlib.import_module("palm_customs.applications.services")
    except ImportError:
        return False
    check: Any = getattr(applications, "prereview_passed", None)
    if check is None:
        return False
    return bool(await check(account_id, item_code, application_id))


async def _check_application(
    connection: BaseDBAsyncClient,
    *,
    account_id: uuid.UUID,
    item_code: str,
    application_id: str | None,
) -> str | None:
    application = (application_id or "").strip() or None
    if application is not None and len(application) > 40:
        raise ValidationFailed(
            [FieldProblem("applicationId", ValidationErrorCode.TOO_LONG, {"limit": 40})]
        )
    if await requires_prereview(item_code, connection):
        if application is None:
            raise AppointmentProblem(AppointmentErrorCode.PREREVIEW_REQUIRED, field="applicationId")
        if not await prereview_passed(account_id, item_code, application):
            raise AppointmentProblem(
                AppointmentErrorCode.PREREVIEW_NOT_PASSED, field="applicationId"
            )
    return application


# ------------------------------------------------------------------ slot generation


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def slot_times(
    site: Site,
    template: SlotTemplate,
    *,
    first_day: date,
    days: int,
    closures: Iterable[SiteClosure] = (),
    holidays: Collection[date] = (),
) -> list[tuple[datetime, datetime]]:
    """Every (start, end) in UTC the template cuts from the site's opening hours; windows are
    closed on the public holidays of the calendar (the one pre-review time limits count with)."""
    zone = _zone(site)
    length = timedelta(minutes=template.slot_minutes)
    closed = [(c.starts_at, c.ends_at) for c in closures]
    result: list[tuple[datetime, datetime]] = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if day.isoweekday() not in template.weekdays or day in holidays:
            continue
        for opens, closes in site.opening_hours.get(str(day.isoweekday()), []):
            start = datetime.combine(day, time(0), tzinfo=zone) + timedelta(minutes=_minutes(opens))
            end = datetime.combine(day, time(0), tzinfo=zone) + timedelta(minutes=_minutes(closes))
            while start + length <= end:
                starts, ends = start.astimezone(UTC), (start + length).astimezone(UTC)
                if not any(s < ends and starts < e for s, e in closed):
                    result.append((starts, ends))
                start += length
    return result


@dataclass
class Generated:
    created: int = 0
    resized: int = 0
    sites: int = 0
    # (site code, item code) whose template's length differs from another item at one of its
    # windows: no slots are cut for it (a window's items must share one grid).
    refused: list[tuple[str, str]] = field(default_factory=list)


def serving(windows: Iterable[ServiceWindow], item_code: str) -> list[ServiceWindow]:
    """The active windows serving an item, the most specialised first, so a booking leaves the
    windows that also serve other items free for those as long as it can."""
    return sorted(
        (w for w in windows if w.active and item_code in w.item_codes),
        key=lambda w: (len(w.item_codes), w.number),
    )


def off_grid_items(templates: Iterable[SlotTemplate], windows: Iterable[ServiceWindow]) -> set[str]:
    """Items whose slot length differs from another item's at a window serving both.

    Such slots would overlap at the window without starting together, which one window-time per
    start could not guard, so they are refused rather than cut.
    """
    length = {t.item_code: t.slot_minutes for t in templates if t.active}
    refused: set[str] = set()
    for window in windows:
        if not window.active:
            continue
        items = [code for code in window.item_codes if code in length]
        if len({length[code] for code in items}) > 1:
            refused.update(items)
    return refused


async def recount(connection: BaseDBAsyncClient | None, slot: Slot) -> tuple[int, int]:
    """(capacity, booked) of a slot from the windows and their taken times."""
    availability_changed()
    windows = serving(
        await ServiceWindow.filter(site_id=slot.site_id, active=True).using_db(connection),
        slot.item_code,
    )
    taken = await (
        WindowSeat.filter(
            window_id__in=[w.id for w in windows],
            starts_at=slot.starts_at,
            booking_id__not_isnull=True,
        )
        .using_db(connection)
        .count()
    )
    return len(windows), taken


async def generate_slots(*, days: int = HORIZON_DAYS, now: datetime | None = None) -> Generated:
    """Create the missing slots of every active template for the rolling horizon (idempotent).

    Capacity is the number of active windows serving the item; an existing slot follows a
    change of windows but never drops below the seats already held.
    """
    now = now or _now()
    result = Generated()
    holidays = {row.day for row in await Holiday.filter(working=False).only("day")}
    for site in await Site.filter(active=True).order_by("id"):
        result.sites += 1
        windows = await ServiceWindow.filter(site_id=site.id, active=True)
        closures = await SiteClosure.filter(
            site_id=site.id, ends_at__gt=now, starts_at__lt=now + timedelta(days=days + 1)
        )
        first_day = now.astimezone(_zone(site)).date()
        templates = await SlotTemplate.filter(site_id=site.id, active=True).order_by("id")
        refused = off_grid_items(templates, windows)
        for template in templates:
            if template.item_code in refused:
                logger.warning(
                    "no slots for %s at %s: its %d-minute template differs from another item's "
                    "at a window serving both",
                    template.item_code,
                    site.code,
                    template.slot_minutes,
                )
                result.refused.append((site.code, template.item_code))
                continue
            capacity = len(serving(windows, template.item_code))
            if capacity == 0:
                continue
            times = [
                (s, e)
                for s, e in slot_times(
                    site,
                    template,
                    first_day=first_day,
                    days=days,
                    closures=closures,
                    holidays=holidays,
                )
                if s > now
            ]
            if not times:
                continue
            existing = {
                row.starts_at.timestamp(): row
                for row in await Slot.filter(
                    site_id=site.id,
                    item_code=template.item_code,
                    starts_at__gte=times[0][0],
                    starts_at__lte=times[-1][0],
                )
            }
            missing = [
                Slot(
                    site_id=site.id,
                    item_code=template.item_code,
                    starts_at=s,
                    ends_at=e,
                    capacity=capacity,
                    booked=0,
                    status=SlotStatus.OPEN,
                )
                for s, e in times
                if s.timestamp() not in existing
            ]
            if missing:
                await Slot.bulk_create(missing, batch_size=500, ignore_conflicts=True)
                result.created += len(missing)
            for row in existing.values():
                if row.status is not SlotStatus.OPEN or row.capacity == capacity:
                    continue
                # The windows changed: count again which of them are taken at that time.
                # Conditional on the count read, so a booking meanwhile wins (the next run
                # counts again); the window-times, not these counters, are the guard.
                wanted, taken = await recount(None, row)
                result.resized += await Slot.filter(id=row.id, booked=row.booked).update(
                    capacity=wanted, booked=taken
                )
    availability_changed()
    return result


async def ensure_schedule() -> bool:
    """Queue the daily slot generation job unless one is already waiting."""
    async with in_transaction() as connection:
        waiting = (
            await jobs.Job.filter(
                kind=SLOTS_JOB, status__in=(jobs.JobStatus.PENDING, jobs.JobStatus.RUNNING)
            )
            .using_db(connection)
            .exists()
        )
        if waiting:
            return False
        await jobs.enqueue(
            connection, kind=SLOTS_JOB, payload={}, run_after=_now() + timedelta(hours=24)
        )
    return True


async def _run_slot_generation(payload: dict[str, Any]) -> None:
    await generate_slots()
    async with in_transaction() as connection:
        await jobs.enqueue(
            connection, kind=SLOTS_JOB, payload={}, run_after=_now() + timedelta(hours=24)
        )


# ------------------------------------------------------------------ availability


@dataclass(frozen=True, slots=True)
class SiteSlots:
    site: Site
    distance_km: float | None
    slots: list[Slot]


def _free(query: Any, now: datetime) -> Any:
    return query.filter(status=SlotStatus.OPEN, starts_at__gt=now, booked__lt=F("capacity"))


# Public availability is the most-read query: identical questions within a couple of seconds
# share one answer per process. A change of a slot's seats or state marks the cache stale in
# this process at once and, once committed, in every other process (core/invalidation, through
# Redis across replicas); a lost message costs at most the TTL (the AVAILABILITY_CACHE_SECONDS
# setting). Booking always decides on the database, never on this cache.
AVAILABILITY_TTL = 2.0
AVAILABILITY_CACHE_SIZE = 512
_availability_cache: OrderedDict[
    tuple[Any, ...], tuple[float, tuple[int, int], list[SiteSlots]]
] = OrderedDict()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


availability_stats = CacheStats()


def configure_availability_cache(seconds: float) -> None:
    global AVAILABILITY_TTL
    AVAILABILITY_TTL = seconds
    _availability_cache.clear()


def availability_changed() -> None:
    """Seats or slots changed: answers cached before now are not served again, here at once
    and in other processes after the commit."""
    invalidation.mark(invalidation.AVAILABILITY)


async def cached_availability(
    *, monotonic: Callable[[], float] = clock.monotonic, **question: Any
) -> list[SiteSlots]:
    """`availability(**question)`, shared by identical questions for AVAILABILITY_TTL."""
    key = tuple(sorted(question.items()))
    now = monotonic()
    current = invalidation.version(invalidation.AVAILABILITY)
    found = _availability_cache.get(key)
    if found is not None and found[0] > now and found[1] == current:
        availability_stats.hits += 1
        _availability_cache.move_to_end(key)
        return found[2]
    availability_stats.misses += 1
    answer = await availability(**question)
    _availability_cache[key] = (now + AVAILABILITY_TTL, current, answer)
    _availability_cache.move_to_end(key)
    while len(_availability_cache) > AVAILABILITY_CACHE_SIZE:
        _availability_cache.popitem(last=False)
    return answer


async def availability(
    *,
    item_code: str,
    site_code: str | None = None,
    near: tuple[float, float] | None = None,
    max_distance_km: float | None = None,
    after: datetime | None = None,
    per_site: int = 5,
    sites: int = 3,
    now: datetime | None = None,
) -> list[SiteSlots]:
    """The next free slots of an item, per site: one site by code, or the nearest ones."""
    now = now or _now()
    code = _item_code(item_code)
    site_ids = await SlotTemplate.filter(item_code=code, active=True).values_list(
        "site_id", flat=True
    )
    query = Site.filter(id__in=list(site_ids), active=True)
    if site_code:
        query = query.filter(code=site_code.strip().upper()[:20])
    candidates = await query.order_by("code")
    ranked: list[tuple[float | None, Site]] = []
    for site in candidates:
        distance = distance_km(near[0], near[1], site.latitude, site.longitude) if near else None
        if distance is not None and max_distance_km is not None and distance > max_distance_km:
            continue
        ranked.append((distance, site))
    if near:
        ranked.sort(key=lambda pair: (pair[0] or 0.0, pair[1].code))
    start = max(now, after) if after else now
    result: list[SiteSlots] = []
    for distance, site in ranked[:sites]:
        slots = (
            await _free(Slot.filter(site_id=site.id, item_code=code), start)
            .order_by("starts_at")
            .limit(per_site)
        )
        result.append(SiteSlots(site=site, distance_km=distance, slots=list(slots)))
    return result


async def _alternatives(
    connection: BaseDBAsyncClient, slot: Slot, now: datetime
) -> list[Alternative]:
    rows = (
        await _free(Slot.filter(item_code=slot.item_code), max(now, slot.starts_at))
        .exclude(id=slot.id)
        .using_db(connection)
        .order_by("starts_at", "id")
        .limit(MAX_ALTERNATIVES)
    )
    return [
        Alternative(
            slot_id=r.id,
            site_id=r.site_id,
            item_code=r.item_code,
            starts_at=r.starts_at,
            ends_at=r.ends_at,
            seats_left=r.capacity - r.booked,
        )
        for r in rows
    ]


# ------------------------------------------------------------------ booking


@dataclass(frozen=True, slots=True)
class Booked:
    booking: Booking
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"booking:{self.booking.id}", f"slot:{self.booking.slot_id}")


async def _lock_person(connection: BaseDBAsyncClient, account_id: uuid.UUID) -> None:
    # FOR NO KEY UPDATE on PostgreSQL (rows referencing the account are not blocked), a no-op on
    # SQLite, whose writers are serialized anyway.
    await Account.filter(id=account_id).using_db(connection).select_for_update(no_key=True).first()


async def _check_cool_down(
    connection: BaseDBAsyncClient, account_id: uuid.UUID, now: datetime
) -> None:
    recent = (
        await Booking.filter(
            account_id=account_id,
            status=BookingStatus.NO_SHOW,
            starts_at__gte=now - NO_SHOW_WINDOW,
        )
        .using_db(connection)
        .order_by("-starts_at")
        .limit(NO_SHOW_LIMIT)
    )
    if len(recent) >= NO_SHOW_LIMIT:
        until = recent[0].starts_at + COOL_DOWN
        if now < until:
            raise CoolingDown(until=until)


async def _check_limit(connection: BaseDBAsyncClient, account_id: uuid.UUID, now: datetime) -> None:
    active = (
        await Booking.filter(account_id=account_id, status__in=LIVE, ends_at__gt=now)
        .using_db(connection)
        .count()
    )
    if active >= MAX_ACTIVE_BOOKINGS:
        raise AppointmentProblem(
            AppointmentErrorCode.TOO_MANY_BOOKINGS, params={"limit": MAX_ACTIVE_BOOKINGS}
        )


async def _bookable_slot(
    connection: BaseDBAsyncClient, slot_id: str, item_code: str | None, now: datetime
) -> Slot:
    try:
        key = int(slot_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_NOT_FOUND, field="slotId") from None
    slot = await Slot.get_or_none(id=key, using_db=connection)
    if slot is None:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_NOT_FOUND, field="slotId")
    if item_code is not None and slot.item_code != item_code:
        raise AppointmentProblem(AppointmentErrorCode.WRONG_ITEM, field="itemCode")
    if slot.starts_at <= now:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_IN_THE_PAST, field="slotId")
    if slot.status is not SlotStatus.OPEN:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_CLOSED, field="slotId")
    return slot


async def _take_window(
    connection: BaseDBAsyncClient, slot: Slot, booking_id: uuid.UUID
) -> ServiceWindow | None:
    """Give the booking a free time of a window serving the slot's item, or None if none is."""
    windows = serving(
        await ServiceWindow.filter(site_id=slot.site_id, active=True).using_db(connection),
        slot.item_code,
    )
    if not windows:
        return None
    ids = [w.id for w in windows]
    times = WindowSeat.filter(window_id__in=ids, starts_at=slot.starts_at).using_db(connection)
    rows: list[Any] = await times.values_list("window_id", "booking_id")
    missing = sorted(set(ids) - {int(window_id) for window_id, _ in rows})
    if missing:
        # A window's time gets its row when first wanted. In window id order, so two first
        # bookings of one time (for different items, preferring other windows) wait for each
        # other in one order; a row that exists is not inserted again (no wait on its holder).
        await WindowSeat.bulk_create(
            [
                WindowSeat(window_id=window_id, site_id=slot.site_id, starts_at=slot.starts_at)
                for window_id in missing
            ],
            ignore_conflicts=True,
            using_db=connection,
        )
        rows = await times.values_list("window_id", "booking_id")
    free = {int(window_id) for window_id, holder in rows if holder is None}
    for window in windows:
        if window.id not in free:
            continue
        # The guard: of two transactions updating one free row, the second (after the first
        # commits) finds it taken and updates nothing, then tries the next window.
        taken = (
            await WindowSeat.filter(
                window_id=window.id, starts_at=slot.starts_at, booking_id__isnull=True
            )
            .using_db(connection)
            .update(booking_id=booking_id)
        )
        if taken == 1:
            return window
    return None


async def _count_window(
    connection: BaseDBAsyncClient,
    *,
    site_id: int,
    starts_at: datetime,
    window_id: int,
    taken: bool,
    slot_id: int | None = None,
) -> bool:
    """Follow a window's time being taken (or given back) in the counters of every item it
    serves at that time, slot rows in id order. Taking fails (False) when the booked slot
    (`slot_id`) has no seat left under its own capacity."""
    availability_changed()
    window = await ServiceWindow.get(id=window_id, using_db=connection)
    ids: list[Any] = await (
        Slot.filter(site_id=site_id, starts_at=starts_at, item_code__in=list(window.item_codes))
        .using_db(connection)
        .order_by("id")
        .values_list("id", flat=True)
    )
    for key in ids:
        query = Slot.filter(id=key).using_db(connection)
        if not taken:
            await query.filter(booked__gt=0).update(booked=F("booked") - 1)
        elif key == slot_id:
            counted = await query.filter(status=SlotStatus.OPEN, booked__lt=F("capacity")).update(
                booked=F("booked") + 1
            )
            if counted != 1:
                return False
        else:
            await query.update(booked=F("booked") + 1)
    return True


def _claims(booking: Booking, site: Site) -> dict[str, Any]:
    return {
        "b": booking.number,
        "site": site.code,
        "item": booking.item_code,
        "at": booking.starts_at.isoformat(),
    }


async def _sign(
    connection: BaseDBAsyncClient, settings: Settings, booking: Booking, now: datetime
) -> None:
    site = await Site.get(id=booking.site_id, using_db=connection)
    issued = await signing.issue(
        settings=settings,
        credential_type=CREDENTIAL_TYPE,
        claims=_claims(booking, site),
        issued_at=now,
        expires_at=min(booking.ends_at + timedelta(hours=6), now + signing.MAX_LIFETIME),
    )
    booking.credential = issued.text
    booking.credential_kid = issued.kid


async def _take_seat(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    slot: Slot,
    account_id: uuid.UUID,
    application_id: str | None,
    idempotency_key: str | None,
    replaces: uuid.UUID | None,
    now: datetime,
) -> Booking:
    booking_id = uuid.uuid4()
    # A SlotFull raised below rolls the whole transaction back, the window-time with it.
    window = await _take_window(connection, slot, booking_id)
    if window is None or not await _count_window(
        connection,
        site_id=slot.site_id,
        starts_at=slot.starts_at,
        window_id=window.id,
        taken=True,
        slot_id=slot.id,
    ):
        raise SlotFull(alternatives=await _alternatives(connection, slot, now))
    seat = window.number
    booking = Booking(
        id=booking_id,
        number=_new_number(now),
        account_id=account_id,
        slot_id=slot.id,
        site_id=slot.site_id,
        item_code=slot.item_code,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        seat=seat,
        active_seat=seat,
        application_id=application_id,
        active_application=application_id,
        status=BookingStatus.CONFIRMED,
        idempotency_key=idempotency_key,
        created_at=now,
        replaces_id=replaces,
    )
    await _sign(connection, settings, booking, now)
    try:
        await booking.save(using_db=connection, force_create=True)
    except IntegrityError as error:
        if "active_application" in str(error):
            raise AppointmentProblem(
                AppointmentErrorCode.APPLICATION_ALREADY_BOOKED, field="applicationId"
            ) from None
        # The UNIQUE (slot, active_seat) backstop: refuse rather than seat two people.
        raise SlotFull(alternatives=[]) from None
    return booking


async def _confirmed(connection: BaseDBAsyncClient, booking: Booking, now: datetime) -> None:
    """Reminders 24 h and 2 h before, and the confirmation in the inbox."""
    for kind, before in REMINDERS.items():
        at = booking.starts_at - before
        if at > now:
            await jobs.enqueue(
                connection,
                kind=REMINDER_JOB,
                payload={"booking": str(booking.id), "kind": kind},
                run_after=at,
            )
    await _notify(connection, booking, "booked", now=now)


async def _notify(
    connection: BaseDBAsyncClient,
    booking: Booking,
    event: str,
    *,
    now: datetime,
    offer: bool = False,
    extra: dict[str, Any] | None = None,
    urgency: Urgency | None = None,
) -> None:
    site = await Site.get(id=booking.site_id, using_db=connection)
    local = booking.starts_at.astimezone(_zone(site))
    await notifications.notify(
        connection,
        recipient_id=booking.account_id,
        message=notifications.Message(
            type=NotificationType.APPOINTMENT_OFFER
            if offer
            else NotificationType.APPOINTMENT_REMINDER,
            subject=f"booking:{booking.number}",
            subject_version=1,
            title_key=f"notify.appointment.{event}.title",
            body_key=f"notify.appointment.{event}.body",
            params={
                "number": booking.number,
                "when": f"{local:%Y-%m-%d %H:%M}",
                "site": site.name_en,
                "site_zh": site.name_zh_hans,
                "site_hant": site.name_zh_hant,
                "item": booking.item_code,
                **(extra or {}),
            },
            link=f"/appointments/{booking.id}",
            urgency=urgency or (Urgency.HIGH if offer else Urgency.NORMAL),
        ),
        now=now,
    )


async def book(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    slot_id: str,
    item_code: str,
    application_id: str | None,
    idempotency_key: str,
    now: datetime | None = None,
) -> Booked:
    """Take a seat in a slot for the signed-in person; a retry with the same key replays."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    key = _idempotency(idempotency_key)
    code = _item_code(item_code)

    async def replay() -> Booking | None:
        return await Booking.get_or_none(
            account_id=account_id, idempotency_key=key, using_db=connection
        )

    existing = await replay()
    if existing is not None:
        return Booked(booking=existing, replayed=True)
    slot = await _bookable_slot(connection, slot_id, code, now)
    if slot.booked >= slot.capacity:
        # Early exit for the many losers of a rush (no lock taken); when the slot looks free
        # the conditional UPDATE below is what decides.
        raise SlotFull(alternatives=await _alternatives(connection, slot, now))
    await _lock_person(connection, account_id)
    existing = await replay()  # the same key sent twice at once: the second waits, then replays
    if existing is not None:
        return Booked(booking=existing, replayed=True)
    application = await _check_application(
        connection, account_id=account_id, item_code=code, application_id=application_id
    )
    await _check_cool_down(connection, account_id, now)
    await _check_limit(connection, account_id, now)
    if (
        application is not None
        and await Booking.filter(active_application=application).using_db(connection).exists()
    ):
        raise AppointmentProblem(
            AppointmentErrorCode.APPLICATION_ALREADY_BOOKED, field="applicationId"
        )
    booking = await _take_seat(
        connection,
        settings,
        slot=slot,
        account_id=account_id,
        application_id=application,
        idempotency_key=key,
        replaces=None,
        now=now,
    )
    await _confirmed(connection, booking, now)
    return Booked(booking=booking)


async def own_booking(
    connection: BaseDBAsyncClient | None, principal: Principal, booking_id: str
) -> Booking:
    """The caller's booking; someone else's is NOT_FOUND (never says whose it is)."""
    try:
        key = uuid.UUID(booking_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId") from None
    row = await Booking.get_or_none(id=key, account_id=principal.account_id, using_db=connection)
    if row is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId")
    return row


async def _end(
    connection: BaseDBAsyncClient,
    booking: Booking,
    status: BookingStatus,
    now: datetime,
    *,
    from_statuses: tuple[BookingStatus, ...],
) -> None:
    ended = (
        await Booking.filter(id=booking.id, status__in=from_statuses)
        .using_db(connection)
        .update(status=status, active_seat=None, active_application=None, ended_at=now)
    )
    if ended != 1:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    booking.status, booking.active_seat, booking.active_application = status, None, None
    booking.ended_at = now


async def _next_waiter(
    connection: BaseDBAsyncClient,
    *,
    item_codes: list[str],
    starts_at: datetime,
    site: Site,
    exclude: uuid.UUID | None,
) -> WaitlistEntry | None:
    """The longest-waiting person who wants one of these items at this site and time (claimed
    for an offer), whichever of the items they wait for."""
    query = WaitlistEntry.filter(
        item_code__in=item_codes, status=WaitlistStatus.WAITING, earlier_than__gt=starts_at
    )
    if exclude is not None:
        query = query.exclude(account_id=exclude)
    for entry in await query.using_db(connection).order_by("created_at", "id").limit(WAITLIST_SCAN):
        if entry.site_id is not None:
            matches = entry.site_id == site.id
        elif (
            entry.latitude is not None
            and entry.longitude is not None
            and entry.max_distance_km is not None
        ):
            matches = (
                distance_km(entry.latitude, entry.longitude, site.latitude, site.longitude)
                <= entry.max_distance_km
            )
        else:
            matches = True
        if not matches:
            continue
        claimed = (
            await WaitlistEntry.filter(id=entry.id, status=WaitlistStatus.WAITING)
            .using_db(connection)
            .update(status=WaitlistStatus.OFFERED)
        )
        if claimed == 1:
            return entry
    return None


async def _release_seat(
    connection: BaseDBAsyncClient,
    *,
    booking: Booking,
    now: datetime,
    exclude: uuid.UUID | None,
) -> Booking | None:
    """A booking just ended: its window-time goes to the longest-waiting person who wants it
    for any item the window serves at that time (held as an offer), else back on sale for all
    of them. The window-time stays taken while offered, so no item's counter changes."""
    held = await WindowSeat.get_or_none(booking_id=booking.id, using_db=connection)
    if held is None:
        # No window-time: a booking kept over capacity from before window seats (migration
        # 0013). Nothing comes free, so nothing is offered or counted.
        return None
    seat = booking.seat
    if held.starts_at > now + OFFER_WINDOW:
        window = await ServiceWindow.get(id=held.window_id, using_db=connection)
        open_slots = {
            s.item_code: s
            for s in await Slot.filter(
                site_id=held.site_id,
                starts_at=held.starts_at,
                status=SlotStatus.OPEN,
                item_code__in=list(window.item_codes),
            ).using_db(connection)
        }
        site = await Site.get(id=held.site_id, using_db=connection)
        entry = (
            await _next_waiter(
                connection,
                item_codes=sorted(open_slots),
                starts_at=held.starts_at,
                site=site,
                exclude=exclude,
            )
            if open_slots and window.active
            else None
        )
        if entry is not None:
            slot = open_slots[entry.item_code]
            offer = Booking(
                id=uuid.uuid4(),
                number=_new_number(now),
                account_id=entry.account_id,
                slot_id=slot.id,
                site_id=slot.site_id,
                item_code=slot.item_code,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                seat=seat,
                active_seat=seat,
                application_id=entry.application_id,
                status=BookingStatus.OFFERED,
                created_at=now,
                offer_expires_at=now + OFFER_WINDOW,
                waitlist_entry_id=entry.id,
            )
            moved = (
                await WindowSeat.filter(id=held.id, booking_id=booking.id)
                .using_db(connection)
                .update(booking_id=offer.id)
            )
            if moved != 1:  # never: the row is this transaction's, but never seat two people
                raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
            await offer.save(using_db=connection, force_create=True)
            await (
                WaitlistEntry.filter(id=entry.id)
                .using_db(connection)
                .update(offered_booking_id=offer.id)
            )
            await jobs.enqueue(
                connection,
                kind=OFFER_EXPIRY_JOB,
                payload={"booking": str(offer.id)},
                run_after=offer.offer_expires_at,
            )
            await _notify(
                connection,
                offer,
                "offer",
                now=now,
                offer=True,
                extra={"minutes": int(OFFER_WINDOW.total_seconds() // 60)},
            )
            return offer
    freed = (
        await WindowSeat.filter(id=held.id, booking_id=booking.id)
        .using_db(connection)
        .update(booking_id=None)
    )
    if freed == 1:
        await _count_window(
            connection,
            site_id=held.site_id,
            starts_at=held.starts_at,
            window_id=held.window_id,
            taken=False,
        )
    return None


@dataclass(frozen=True, slots=True)
class Changed:
    booking: Booking
    offered: Booking | None = None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        targets = [f"booking:{self.booking.id}", f"slot:{self.booking.slot_id}"]
        if self.offered is not None:
            targets.append(f"booking:{self.offered.id}")
        return tuple(targets)


async def cancel(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    now: datetime | None = None,
) -> Changed:
    """Cancel until the cut-off before the start; the seat goes to the waitlist or back on sale."""
    now = now or _now()
    booking = await own_booking(connection, principal, booking_id)
    if booking.status is BookingStatus.OFFERED:
        return await decline_offer(connection, booking=booking, now=now)
    if booking.status is not BookingStatus.CONFIRMED:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    if now > booking.starts_at - CANCEL_CUT_OFF:
        raise AppointmentProblem(
            AppointmentErrorCode.CUT_OFF_PASSED,
            params={"hours": int(CANCEL_CUT_OFF.total_seconds() // 3600)},
        )
    await _end(
        connection,
        booking,
        BookingStatus.CANCELLED,
        now,
        from_statuses=(BookingStatus.CONFIRMED,),
    )
    offered = await _release_seat(connection, booking=booking, now=now, exclude=booking.account_id)
    return Changed(booking=booking, offered=offered)


async def decline_offer(
    connection: BaseDBAsyncClient, *, booking: Booking, now: datetime
) -> Changed:
    await _end(
        connection, booking, BookingStatus.LAPSED, now, from_statuses=(BookingStatus.OFFERED,)
    )
    if booking.waitlist_entry_id is not None:
        await (
            WaitlistEntry.filter(id=booking.waitlist_entry_id)
            .using_db(connection)
            .update(status=WaitlistStatus.CANCELLED)
        )
    offered = await _release_seat(connection, booking=booking, now=now, exclude=booking.account_id)
    return Changed(booking=booking, offered=offered)


async def cannot_come(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    now: datetime | None = None,
) -> Changed:
    """'I can't come': allowed after the cut-off too, so the seat is freed early, not wasted."""
    now = now or _now()
    booking = await own_booking(connection, principal, booking_id)
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN):
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    await _end(
        connection,
        booking,
        BookingStatus.RELEASED,
        now,
        from_statuses=(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN),
    )
    offered = await _release_seat(connection, booking=booking, now=now, exclude=booking.account_id)
    return Changed(booking=booking, offered=offered)


async def running_late(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    minutes: int,
    now: datetime | None = None,
) -> Changed:
    now = now or _now()
    check = Validator()
    check.int_range("minutes", minutes, low=5, high=120)
    check.raise_if_any()
    booking = await own_booking(connection, principal, booking_id)
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN):
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    if now > booking.ends_at:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_IN_THE_PAST, field="bookingId")
    await Booking.filter(id=booking.id).using_db(connection).update(late_minutes=minutes)
    booking.late_minutes = minutes
    return Changed(booking=booking)


async def reschedule(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    booking_id: str,
    slot_id: str,
    idempotency_key: str,
    now: datetime | None = None,
) -> Booked:
    """Move to another slot in one transaction: the old seat is kept unless the new one is won."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    key = _idempotency(idempotency_key)
    await _lock_person(connection, account_id)
    existing = await Booking.get_or_none(
        account_id=account_id, idempotency_key=key, using_db=connection
    )
    if existing is not None:
        return Booked(booking=existing, replayed=True)
    old = await own_booking(connection, principal, booking_id)
    if old.status is not BookingStatus.CONFIRMED:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    if now > old.starts_at - CANCEL_CUT_OFF:
        raise AppointmentProblem(
            AppointmentErrorCode.CUT_OFF_PASSED,
            params={"hours": int(CANCEL_CUT_OFF.total_seconds() // 3600)},
        )
    slot = await _bookable_slot(connection, slot_id, None, now)
    if slot.item_code != old.item_code:
        raise AppointmentProblem(AppointmentErrorCode.WRONG_ITEM, field="slotId")
    if slot.id == old.slot_id:
        raise AppointmentProblem(AppointmentErrorCode.SAME_SLOT, field="slotId")
    await _check_cool_down(connection, account_id, now)
    application = old.application_id
    await _end(
        connection, old, BookingStatus.RESCHEDULED, now, from_statuses=(BookingStatus.CONFIRMED,)
    )

    async def take() -> Booking:
        return await _take_seat(
            connection,
            settings,
            slot=slot,
            account_id=account_id,
            application_id=application,
            idempotency_key=key,
            replaces=old.id,
            now=now,
        )

    # The earlier time first (window-times, then slot rows), the order every transaction takes
    # them in, so two people swapping times cannot deadlock.
    if (old.starts_at, old.slot_id) < (slot.starts_at, slot.id):
        await _release_seat(connection, booking=old, now=now, exclude=account_id)
        booking = await take()
    else:
        booking = await take()
        await _release_seat(connection, booking=old, now=now, exclude=account_id)
    await _confirmed(connection, booking, now)
    return Booked(booking=booking)


# ------------------------------------------------------------------ waitlist


@dataclass(frozen=True, slots=True)
class Waiting:
    entry: WaitlistEntry

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"waitlist:{self.entry.id}",)


async def join_waitlist(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    item_code: str,
    site_id: str | None,
    near: tuple[float, float] | None,
    max_distance_km: float | None,
    earlier_than: datetime | None,
    booking_id: str | None,
    application_id: str | None,
    now: datetime | None = None,
) -> Waiting:
    """Wait for an earlier seat at one site, or at any site within a distance of a point."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    code = _item_code(item_code)
    await _lock_person(connection, account_id)
    booking: Booking | None = None
    if booking_id:
        booking = await own_booking(connection, principal, booking_id)
        if booking.status is not BookingStatus.CONFIRMED:
            raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
        if booking.item_code != code:
            raise AppointmentProblem(AppointmentErrorCode.WRONG_ITEM, field="itemCode")
        earlier_than = min(earlier_than or booking.starts_at, booking.starts_at)
        application_id = booking.application_id
    else:
        application_id = await _check_application(
            connection, account_id=account_id, item_code=code, application_id=application_id
        )
    check = Validator()
    if earlier_than is None:
        check.problems.append(FieldProblem("earlierThan", ValidationErrorCode.REQUIRED))
    elif earlier_than <= now:
        check.problems.append(FieldProblem("earlierThan", ValidationErrorCode.IN_THE_PAST))
    site: Site | None = None
    if site_id is not None:
        try:
            site = await Site.get_or_none(id=int(site_id), using_db=connection)
        except ValueError:
            site = None
        if site is None:
            raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId")
    elif near is None or max_distance_km is None:
        check.problems.append(FieldProblem("siteId", ValidationErrorCode.REQUIRED))
    elif not 0 < max_distance_km <= 500:
        check.problems.append(
            FieldProblem("maxDistanceKm", ValidationErrorCode.OUT_OF_RANGE, {"low": 1, "high": 500})
        )
    check.raise_if_any()
    assert earlier_than is not None
    waiting = (
        await WaitlistEntry.filter(
            account_id=account_id,
            item_code=code,
            status__in=(WaitlistStatus.WAITING, WaitlistStatus.OFFERED),
        )
        .using_db(connection)
        .exists()
    )
    if waiting:
        raise AppointmentProblem(AppointmentErrorCode.ALREADY_WAITING, field="itemCode")
    if booking is None:
        await _check_cool_down(connection, account_id, now)
    entry = await WaitlistEntry.create(
        using_db=connection,
        id=uuid.uuid4(),
        account_id=account_id,
        item_code=code,
        site_id=site.id if site else None,
        latitude=near[0] if near and site is None else None,
        longitude=near[1] if near and site is None else None,
        max_distance_km=max_distance_km if site is None else None,
        earlier_than=earlier_than,
        booking_id=booking.id if booking else None,
        application_id=application_id,
        status=WaitlistStatus.WAITING,
        created_at=now,
    )
    return Waiting(entry=entry)


async def leave_waitlist(
    connection: BaseDBAsyncClient, *, principal: Principal, entry_id: str
) -> Waiting:
    try:
        key = uuid.UUID(entry_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="entryId") from None
    entry = await WaitlistEntry.get_or_none(
        id=key, account_id=principal.account_id, using_db=connection
    )
    if entry is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="entryId")
    left = (
        await WaitlistEntry.filter(id=key, status=WaitlistStatus.WAITING)
        .using_db(connection)
        .update(status=WaitlistStatus.CANCELLED)
    )
    if left != 1:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="entryId")
    entry.status = WaitlistStatus.CANCELLED
    return Waiting(entry=entry)


async def confirm_offer(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    booking_id: str,
    now: datetime | None = None,
) -> Booked:
    """Take a held seat: it replaces the booking the person was waiting to improve, if any."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    await _lock_person(connection, account_id)
    offer = await own_booking(connection, principal, booking_id)
    if offer.status is not BookingStatus.OFFERED:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    if offer.offer_expires_at is None or now > offer.offer_expires_at:
        raise AppointmentProblem(AppointmentErrorCode.OFFER_EXPIRED, field="bookingId")
    entry = (
        await WaitlistEntry.get_or_none(id=offer.waitlist_entry_id, using_db=connection)
        if offer.waitlist_entry_id
        else None
    )
    application = offer.application_id
    old: Booking | None = None
    if entry is not None and entry.booking_id is not None:
        old = await Booking.get_or_none(id=entry.booking_id, using_db=connection)
    await _check_cool_down(connection, account_id, now)
    if old is not None and old.status is BookingStatus.CONFIRMED:
        await _end(
            connection,
            old,
            BookingStatus.RESCHEDULED,
            now,
            from_statuses=(BookingStatus.CONFIRMED,),
        )
        await _release_seat(connection, booking=old, now=now, exclude=account_id)
    else:
        await _check_limit(connection, account_id, now)
    await _sign(connection, settings, offer, now)
    try:
        confirmed = (
            await Booking.filter(id=offer.id, status=BookingStatus.OFFERED)
            .using_db(connection)
            .update(
                status=BookingStatus.CONFIRMED,
                active_application=application,
                offer_expires_at=None,
                credential=offer.credential,
                credential_kid=offer.credential_kid,
                replaces_id=old.id if old else offer.replaces_id,
            )
        )
    except IntegrityError:
        raise AppointmentProblem(
            AppointmentErrorCode.APPLICATION_ALREADY_BOOKED, field="bookingId"
        ) from None
    if confirmed != 1:
        raise AppointmentProblem(AppointmentErrorCode.OFFER_EXPIRED, field="bookingId")
    if entry is not None:
        await (
            WaitlistEntry.filter(id=entry.id)
            .using_db(connection)
            .update(status=WaitlistStatus.FULFILLED)
        )
    offer.status, offer.active_application, offer.offer_expires_at = (
        BookingStatus.CONFIRMED,
        application,
        None,
    )
    await _confirmed(connection, offer, now)
    return Booked(booking=offer)


async def expire_offer(booking_id: str, *, now: datetime | None = None) -> Booking | None:
    """An offer nobody confirmed in time lapses; the seat goes to the next person waiting, and
    the person whose offer lapsed is told, and whether they are still on a waiting list."""
    now = now or _now()
    async with in_transaction() as connection:
        offer = await Booking.get_or_none(
            id=uuid.UUID(booking_id), status=BookingStatus.OFFERED, using_db=connection
        )
        if offer is None or (offer.offer_expires_at and offer.offer_expires_at > now):
            return None
        await _end(
            connection, offer, BookingStatus.LAPSED, now, from_statuses=(BookingStatus.OFFERED,)
        )
        if offer.waitlist_entry_id is not None:
            await (
                WaitlistEntry.filter(id=offer.waitlist_entry_id)
                .using_db(connection)
                .update(status=WaitlistStatus.LAPSED)
            )
        offered = await _release_seat(connection, booking=offer, now=now, exclude=offer.account_id)
        still_waiting = (
            await WaitlistEntry.filter(
                account_id=offer.account_id,
                item_code=offer.item_code,
                status__in=(WaitlistStatus.WAITING, WaitlistStatus.OFFERED),
            )
            .using_db(connection)
            .exists()
        )
        # Replaces the offer in the inbox and on the phone (same subject and push topic).
        if offer.waitlist_entry_id is None and offer.replaces_id is not None:
            event = "rebook_lapsed"  # a time held after a closure
        else:
            event = "offer_lapsed_waiting" if still_waiting else "offer_lapsed"
        await _notify(
            connection,
            offer,
            event,
            now=now,
            offer=True,
            urgency=Urgency.NORMAL,
        )
        return offered


async def _expire_offer_job(payload: dict[str, Any]) -> None:
    await expire_offer(str(payload["booking"]))


async def _remind(payload: dict[str, Any]) -> None:
    now = _now()
    async with in_transaction() as connection:
        booking = await Booking.get_or_none(
            id=uuid.UUID(str(payload["booking"])),
            status=BookingStatus.CONFIRMED,
            using_db=connection,
        )
        if booking is None or booking.starts_at <= now:
            return  # cancelled, rescheduled or already past: nothing to remind
        await _notify(connection, booking, f"reminder_{payload['kind']}", now=now)


# ------------------------------------------------------------------ officers


@dataclass(frozen=True, slots=True)
class CheckedIn:
    booking: Booking
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"booking:{self.booking.id}",)


async def booking_number_from_credential(text: str, *, now: datetime) -> str:
    """The booking number a signed QR names, after checking its signature and type."""
    try:
        credential = await signing.verify(text[: signing.MAX_TEXT_CHARS + 1], now=now)
    except signing.CredentialExpired:
        raise AppointmentProblem(
            AppointmentErrorCode.CREDENTIAL_EXPIRED, field="credential"
        ) from None
    except signing.CredentialTampered:
        raise AppointmentProblem(
            AppointmentErrorCode.CREDENTIAL_TAMPERED, field="credential"
        ) from None
    except signing.CredentialUnknownKey:
        raise AppointmentProblem(
            AppointmentErrorCode.CREDENTIAL_UNKNOWN_KEY, field="credential"
        ) from None
    except signing.CredentialMalformed:
        raise AppointmentProblem(
            AppointmentErrorCode.CREDENTIAL_MALFORMED, field="credential"
        ) from None
    number = credential.claims.get("b")
    if credential.credential_type != CREDENTIAL_TYPE or not isinstance(number, str):
        raise AppointmentProblem(AppointmentErrorCode.CREDENTIAL_MALFORMED, field="credential")
    return number


async def _next_queue_number(connection: BaseDBAsyncClient, site_id: int, day: date) -> int:
    await QueueCounter.bulk_create(
        [QueueCounter(site_id=site_id, day=day, last_number=0)],
        ignore_conflicts=True,
        using_db=connection,
    )
    await (
        QueueCounter.filter(site_id=site_id, day=day)
        .using_db(connection)
        .update(last_number=F("last_number") + 1)
    )
    counter = await QueueCounter.get(site_id=site_id, day=day, using_db=connection)
    return counter.last_number


async def officer_site_code(
    connection: BaseDBAsyncClient | None, principal: Principal
) -> str | None:
    """The code of the site an officer works at: their unit names it (window clerks and
    supervisors act only there). None for a caller who is not an officer."""
    if principal.account_id is None:
        return None
    officer = await Officer.get_or_none(account_id=principal.account_id, using_db=connection)
    return officer.unit if officer else None


async def _check_site(connection: BaseDBAsyncClient, principal: Principal, site: Site) -> None:
    """Object-level access for the officer side: only the site the officer works at."""
    if await officer_site_code(connection, principal) != site.code:
        raise AppointmentProblem(
            AppointmentErrorCode.OTHER_SITE, params={"site": await _own_site_name(principal)}
        )


async def _own_site_name(principal: Principal) -> str:
    code = await officer_site_code(None, principal)
    site = await Site.get_or_none(code=code) if code else None
    return f"{site.name_zh_hans} / {site.name_en}" if site else (code or "-")


async def check_in(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    credential: str | None,
    number: str | None,
    idempotency_key: str,
    now: datetime | None = None,
) -> CheckedIn:
    """Check a person in by their booking QR or number and give them a queue number.

    The key makes a resend from an offline tablet harmless: it returns the first answer.
    """
    now = now or _now()
    key = _idempotency(idempotency_key)
    replay = await Booking.get_or_none(checkin_key=key, using_db=connection)
    if replay is not None:
        await _check_site(connection, principal, await Site.get(id=replay.site_id))
        return CheckedIn(booking=replay, replayed=True)
    if credential:
        booking_number = await booking_number_from_credential(credential.strip(), now=now)
    elif number:
        booking_number = number.strip().upper()[:20]
    else:
        raise ValidationFailed([FieldProblem("number", ValidationErrorCode.REQUIRED)])
    booking = await Booking.get_or_none(number=booking_number, using_db=connection)
    if booking is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="number")
    if booking.status in (BookingStatus.CHECKED_IN, BookingStatus.CALLED, BookingStatus.SERVED):
        raise AppointmentProblem(
            AppointmentErrorCode.ALREADY_CHECKED_IN, params={"queue": booking.queue_number or 0}
        )
    if booking.status is not BookingStatus.CONFIRMED:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="number")
    site = await Site.get(id=booking.site_id, using_db=connection)
    await _check_site(connection, principal, site)
    zone = _zone(site)
    today = now.astimezone(zone).date()
    if booking.starts_at.astimezone(zone).date() != today:
        raise AppointmentProblem(AppointmentErrorCode.NOT_TODAY, field="number")
    queue_number = await _next_queue_number(connection, site.id, today)
    try:
        updated = (
            await Booking.filter(id=booking.id, status=BookingStatus.CONFIRMED)
            .using_db(connection)
            .update(
                status=BookingStatus.CHECKED_IN,
                checked_in_at=now,
                checkin_key=key,
                queue_number=queue_number,
            )
        )
    except IntegrityError:
        raise AppointmentProblem(AppointmentErrorCode.IDEMPOTENCY_CONFLICT) from None
    if updated != 1:
        raise AppointmentProblem(AppointmentErrorCode.ALREADY_CHECKED_IN, params={"queue": 0})
    booking.status, booking.checked_in_at = BookingStatus.CHECKED_IN, now
    booking.checkin_key, booking.queue_number = key, queue_number
    return CheckedIn(booking=booking)


async def call_next(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    site_id: str,
    window_number: int,
    now: datetime | None = None,
) -> CheckedIn:
    """The next checked-in person for an item this window handles: first those whose booked
    time is at this window, then anyone else (their window is busy or they came early or late),
    each by lowest queue number."""
    now = now or _now()
    try:
        site_key = int(site_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId") from None
    site = await Site.get_or_none(id=site_key, using_db=connection)
    if site is None:
        raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId")
    await _check_site(connection, principal, site)
    window = await ServiceWindow.get_or_none(
        site_id=site_key, number=window_number, active=True, using_db=connection
    )
    if window is None:
        raise AppointmentProblem(AppointmentErrorCode.WINDOW_NOT_FOUND, field="windowNumber")
    for _ in range(5):
        waiting = (
            await Booking.filter(
                site_id=site_key,
                status=BookingStatus.CHECKED_IN,
                item_code__in=list(window.item_codes),
            )
            .using_db(connection)
            .order_by("queue_number", "checked_in_at")
            .limit(50)
        )
        if not waiting:
            break
        held: list[Any] = await (
            WindowSeat.filter(window_id=window.id, booking_id__in=[b.id for b in waiting])
            .using_db(connection)
            .values_list("booking_id", flat=True)
        )
        mine = {str(booking_id) for booking_id in held}
        candidate = next((b for b in waiting if str(b.id) in mine), waiting[0])
        called = (
            await Booking.filter(id=candidate.id, status=BookingStatus.CHECKED_IN)
            .using_db(connection)
            .update(status=BookingStatus.CALLED, called_at=now, window_number=window_number)
        )
        if called == 1:
            candidate.status, candidate.called_at = BookingStatus.CALLED, now
            candidate.window_number = window_number
            # Also a push with high urgency, for a phone that is not showing the booking.
            await _notify(
                connection,
                candidate,
                "called",
                now=now,
                urgency=Urgency.HIGH,
                extra={"window": window_number},
            )
            return CheckedIn(booking=candidate)
    raise AppointmentProblem(AppointmentErrorCode.QUEUE_EMPTY)


async def record_outcome(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    served: bool,
    now: datetime | None = None,
) -> CheckedIn:
    """Served (after a call or check-in) or no-show (not checked in, past the grace period)."""
    now = now or _now()
    try:
        key = uuid.UUID(booking_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId") from None
    booking = await Booking.get_or_none(id=key, using_db=connection)
    if booking is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId")
    await _check_site(connection, principal, await Site.get(id=booking.site_id))
    if served:
        allowed: tuple[BookingStatus, ...] = (BookingStatus.CALLED, BookingStatus.CHECKED_IN)
        if booking.status not in allowed:
            raise AppointmentProblem(AppointmentErrorCode.NOT_CHECKED_IN, field="bookingId")
        status = BookingStatus.SERVED
    else:
        allowed = (BookingStatus.CONFIRMED,)
        if booking.status not in allowed:
            raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
        if now < booking.starts_at + NO_SHOW_GRACE:
            raise AppointmentProblem(
                AppointmentErrorCode.TOO_EARLY,
                field="bookingId",
                params={"minutes": int(NO_SHOW_GRACE.total_seconds() // 60)},
            )
        status = BookingStatus.NO_SHOW
    changed = (
        await Booking.filter(id=booking.id, status__in=allowed)
        .using_db(connection)
        .update(
            status=status, active_application=None, outcome_at=now, outcome_by=principal.account_id
        )
    )
    if changed != 1:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    booking.status, booking.outcome_at = status, now
    return CheckedIn(booking=booking)


@dataclass(frozen=True, slots=True)
class DayView:
    site: Site
    day: date
    windows: list[ServiceWindow]
    bookings: list[Booking]
    names: dict[uuid.UUID, str] = field(default_factory=dict)


async def day_view(*, principal: Principal, site_id: str, day: date) -> DayView | None:
    """A site's day for an officer who works there (None for another site: not theirs to see)."""
    try:
        site = await Site.get_or_none(id=int(site_id))
    except ValueError:
        return None
    if site is None or await officer_site_code(None, principal) != site.code:
        return None
    zone = _zone(site)
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    bookings = (
        await Booking.filter(
            site_id=site.id,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=1),
            status__not_in=(BookingStatus.RESCHEDULED, BookingStatus.LAPSED),
        )
        .order_by("starts_at", "window_number", "queue_number", "number")
        .limit(2000)
    )
    windows = await ServiceWindow.filter(site_id=site.id).order_by("number")
    people = await Person.filter(account_id__in=list({b.account_id for b in bookings}))
    return DayView(
        site=site,
        day=day,
        windows=list(windows),
        bookings=list(bookings),
        names={p.account_id: p.full_name for p in people},
    )


@dataclass(frozen=True, slots=True)
class ClosureAdded:
    closure: SiteClosure
    cancelled: int

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"site:{self.closure.site_id}", f"closure:{self.closure.id}")


async def add_closure(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    site_id: str,
    starts_at: datetime,
    ends_at: datetime,
    reason: dict[str, str],
    now: datetime | None = None,
) -> ClosureAdded:
    """Close a site for a period: its slots close and their bookings are cancelled, with word."""
    now = now or _now()
    try:
        site = await Site.get_or_none(id=int(site_id), using_db=connection)
    except ValueError:
        site = None
    if site is None:
        raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId")
    await _check_site(connection, principal, site)
    check = Validator()
    clean = {
        lang: check.text(f"reason.{name}", reason.get(lang, ""), max_len=200)
        for lang, name in (("zh-Hans", "zhHans"), ("zh-Hant", "zhHant"), ("en", "en"))
    }
    if ends_at <= starts_at:
        check.problems.append(
            FieldProblem(
                "endsAt",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": starts_at.isoformat(), "high": "-"},
            )
        )
    if ends_at <= now:
        check.problems.append(FieldProblem("endsAt", ValidationErrorCode.IN_THE_PAST))
    if ends_at - starts_at > timedelta(days=60):
        check.problems.append(
            FieldProblem("endsAt", ValidationErrorCode.OUT_OF_RANGE, {"low": 0, "high": "60 d"})
        )
    check.raise_if_any()
    closure = await SiteClosure.create(
        using_db=connection,
        site_id=site.id,
        starts_at=starts_at,
        ends_at=ends_at,
        reason=clean,
        created_by=principal.actor,
        created_at=now,
    )
    slot_ids = list(
        await Slot.filter(
            site_id=site.id, starts_at__lt=ends_at, ends_at__gt=starts_at, status=SlotStatus.OPEN
        )
        .using_db(connection)
        .values_list("id", flat=True)
    )
    cancelled = 0
    if slot_ids:
        await Slot.filter(id__in=slot_ids).using_db(connection).update(status=SlotStatus.CLOSED)
        availability_changed()
        affected = await Booking.filter(
            slot_id__in=slot_ids,
            status__in=(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.OFFERED),
        ).using_db(connection)
        for booking in affected:
            was_offer = booking.status is BookingStatus.OFFERED
            await _end(
                connection,
                booking,
                BookingStatus.CLOSED,
                now,
                from_statuses=(
                    BookingStatus.CONFIRMED,
                    BookingStatus.CHECKED_IN,
                    BookingStatus.OFFERED,
                ),
            )
            await (
                WindowSeat.filter(booking_id=booking.id)
                .using_db(connection)
                .update(booking_id=None)
            )
            if was_offer and booking.waitlist_entry_id is not None:
                await (
                    WaitlistEntry.filter(id=booking.waitlist_entry_id)
                    .using_db(connection)
                    .update(status=WaitlistStatus.WAITING, offered_booking_id=None)
                )
                continue
            cancelled += 1
            await _notify(
                connection,
                booking,
                "closed",
                now=now,
                extra={
                    "reason": clean["en"],
                    "reason_zh": clean["zh-Hans"],
                    "reason_hant": clean["zh-Hant"],
                },
            )
            # After this commits (the closed slots must be closed for everyone first): hold the
            # earliest free time for them before anyone else can take it.
            await jobs.enqueue(
                connection, kind=CLOSURE_REBOOK_JOB, payload={"booking": str(booking.id)}
            )
        await Slot.filter(id__in=slot_ids).using_db(connection).update(booked=0)
    return ClosureAdded(closure=closure, cancelled=cancelled)


async def hold_rebooking(booking_id: str, *, now: datetime | None = None) -> Booking | None:
    """A closure cancelled this booking: hold the earliest free time of its item at its site
    for the person (an offer they confirm or decline, as a waitlist offer) before anyone else
    can book it. Each candidate time is tried in a transaction of its own, taking a window's
    time as a booking does, so a race with another booking only moves on to the next time."""
    now = now or _now()
    try:
        key = uuid.UUID(booking_id)
    except ValueError:
        return None
    cancelled = await Booking.get_or_none(id=key, status=BookingStatus.CLOSED)
    if cancelled is None or await Booking.filter(replaces_id=cancelled.id).exists():
        return None  # not a closure's, or already held (a job run twice)
    candidates = (
        await Slot.filter(
            site_id=cancelled.site_id,
            item_code=cancelled.item_code,
            status=SlotStatus.OPEN,
            starts_at__gt=now + CANCEL_CUT_OFF,
            booked__lt=F("capacity"),
        )
        .order_by("starts_at", "id")
        .limit(MAX_SLOTS_PER_SITE)
    )
    for slot in candidates:
        try:
            async with in_transaction() as connection:
                return await _hold_for(connection, slot, cancelled, now)
        except SlotFull:
            continue
    return None


async def _hold_for(
    connection: BaseDBAsyncClient, slot: Slot, cancelled: Booking, now: datetime
) -> Booking:
    offer_id = uuid.uuid4()
    window = await _take_window(connection, slot, offer_id)
    if window is None or not await _count_window(
        connection,
        site_id=slot.site_id,
        starts_at=slot.starts_at,
        window_id=window.id,
        taken=True,
        slot_id=slot.id,
    ):
        raise SlotFull(alternatives=[])  # rolls this attempt back, window-time included
    offer = Booking(
        id=offer_id,
        number=_new_number(now),
        account_id=cancelled.account_id,
        slot_id=slot.id,
        site_id=slot.site_id,
        item_code=slot.item_code,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        seat=window.number,
        active_seat=window.number,
        application_id=cancelled.application_id,
        status=BookingStatus.OFFERED,
        created_at=now,
        offer_expires_at=min(now + CLOSURE_HOLD, slot.starts_at - CANCEL_CUT_OFF),
        replaces_id=cancelled.id,
    )
    try:
        await offer.save(using_db=connection, force_create=True)
    except IntegrityError:
        raise SlotFull(alternatives=[]) from None
    await jobs.enqueue(
        connection,
        kind=OFFER_EXPIRY_JOB,
        payload={"booking": str(offer.id)},
        run_after=offer.offer_expires_at,
    )
    site = await Site.get(id=slot.site_id, using_db=connection)
    until = offer.offer_expires_at.astimezone(_zone(site)) if offer.offer_expires_at else now
    await _notify(
        connection,
        offer,
        "rebook_held",
        now=now,
        offer=True,
        extra={"until": f"{until:%Y-%m-%d %H:%M}", "cancelled": cancelled.number},
    )
    return offer


async def _closure_rebook_job(payload: dict[str, Any]) -> None:
    await hold_rebooking(str(payload["booking"]))


# This domain's background jobs, installed by palm_customs/registry.py in every process.
JOB_HANDLERS: dict[str, jobs.HandlerEntry] = {
    SLOTS_JOB: _run_slot_generation,
    REMINDER_JOB: _remind,
    OFFER_EXPIRY_JOB: _expire_offer_job,
    CLOSURE_REBOOK_JOB: _closure_rebook_job,
}


# ------------------------------------------------------------------ real time


def channel(booking_id: uuid.UUID | str) -> str:
    return f"booking:{booking_id}"


def update_message(booking: Booking) -> dict[str, Any]:
    return {
        "bookingId": str(booking.id),
        "status": booking.status.value,
        "queueNumber": booking.queue_number,
        "windowNumber": booking.window_number,
    }


async def publish_update(booking: Booking) -> None:
    """Tell the person's devices (any replica) what just happened; call after the commit."""
    try:
        await broadcast.current().publish(channel(booking.id), update_message(booking))
    except Exception:  # the change is committed: a lost live update must not fail the request
        logger.exception("could not publish the update of booking %s", booking.id)


# ------------------------------------------------------------------ calendar


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_ics(booking: Booking, site: Site, *, title: str, address: str) -> str:
    """An RFC 5545 calendar with the appointment as one event (CRLF line ends)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Palm Customs//Appointments//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{booking.number}@palm-customs",
        f"DTSTAMP:{_ics_time(booking.created_at)}",
        f"DTSTART:{_ics_time(booking.starts_at)}",
        f"DTEND:{_ics_time(booking.ends_at)}",
        f"SUMMARY:{_ics_text(title)}",
        f"LOCATION:{_ics_text(address)}",
        f"GEO:{site.latitude:.6f};{site.longitude:.6f}",
        f"DESCRIPTION:{_ics_text(booking.number)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


# ------------------------------------------------------------------ demo


async def seed_demo_sites(*, now: datetime | None = None) -> int:
    """Demo data: two service halls with windows and templates, then slots (idempotent)."""
    from palm_customs.appointments.demo import SITES

    created = 0
    for data in SITES:
        site, new = await Site.get_or_create(code=data["code"], defaults=data["site"])
        created += int(new)
        for number, items in data["windows"]:
            await ServiceWindow.get_or_create(
                site_id=site.id, number=number, defaults={"item_codes": list(items)}
            )
        for item_code in sorted({i for _, items in data["windows"] for i in items}):
            await SlotTemplate.get_or_create(
                site_id=site.id,
                item_code=item_code,
                defaults={"slot_minutes": 15, "weekdays": [1, 2, 3, 4, 5]},
            )
    await generate_slots(now=now)
    await ensure_schedule()
    return created
