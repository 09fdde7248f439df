"""Slot generation: each site's templates and windows become slots for the rolling horizon."""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from palm_customs.applications.models import Holiday
from palm_customs.appointments.models import (
    ServiceWindow,
    Site,
    SiteClosure,
    Slot,
    SlotStatus,
    SlotTemplate,
    WindowSeat,
)
from palm_customs.appointments.services.availability_cache import availability_changed
from palm_customs.appointments.services.rules import HORIZON_DAYS, SLOTS_JOB, _now, _zone
from palm_customs.core import jobs

logger = logging.getLogger(__name__)


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
