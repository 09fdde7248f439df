"""Window-times (seats): taking one, guarded by the database, and recounting a slot's seats."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from palm_customs.appointments.models import ServiceWindow, Slot, SlotStatus, WindowSeat
from palm_customs.appointments.services.availability_cache import availability_changed
from palm_customs.appointments.services.slots import serving


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
