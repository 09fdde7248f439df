"""Public availability: the free slots of an item, near a place or at a site, and alternatives."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from palm_customs.appointments.errors import Alternative
from palm_customs.appointments.models import Site, Slot, SlotStatus, SlotTemplate
from palm_customs.appointments.services.rules import MAX_ALTERNATIVES, _item_code, _now, distance_km
from palm_customs.core import clock, invalidation


@dataclass(frozen=True, slots=True)
class SiteSlots:
    site: Site
    distance_km: float | None
    slots: list[Slot]


def _free(query: Any, now: datetime) -> Any:
    return query.filter(status=SlotStatus.OPEN, starts_at__gt=now, booked__lt=F("capacity"))


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


# A storm's losers all ask for the alternatives to one full slot: the answer is computed once
# per slot state (the availability version, which every seat change bumps here at once and in
# other processes after commit) and shared for at most ALTERNATIVES_TTL seconds. Advisory only:
# booking one of them decides on the database.
ALTERNATIVES_TTL = 2.0
_ALTERNATIVES_CACHE_SIZE = 256
_alternatives_cache: OrderedDict[
    tuple[int, datetime], tuple[float, tuple[int, int], list[Alternative]]
] = OrderedDict()


def configure_alternatives(seconds: float) -> None:
    global ALTERNATIVES_TTL
    ALTERNATIVES_TTL = seconds
    _alternatives_cache.clear()


async def _alternatives(
    connection: BaseDBAsyncClient, slot: Slot, now: datetime
) -> list[Alternative]:
    key = (slot.id, slot.starts_at)
    moment = clock.monotonic()
    current = invalidation.version(invalidation.AVAILABILITY)
    found = _alternatives_cache.get(key)
    if found is not None and found[0] > moment and found[1] == current:
        _alternatives_cache.move_to_end(key)
        return found[2]
    answer = await _find_alternatives(connection, slot, now)
    _alternatives_cache[key] = (moment + ALTERNATIVES_TTL, current, answer)
    _alternatives_cache.move_to_end(key)
    while len(_alternatives_cache) > _ALTERNATIVES_CACHE_SIZE:
        _alternatives_cache.popitem(last=False)
    return answer


async def _find_alternatives(
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
