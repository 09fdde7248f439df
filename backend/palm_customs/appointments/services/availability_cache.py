"""The per-process cache of public availability (the most-read query), invalidated across
processes once a change of seats commits.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from palm_customs.appointments.services.availability import (
    SiteSlots,
    availability,
    configure_alternatives,
)
from palm_customs.core import clock, invalidation

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
    """How long an answer may be served when a change's message is lost (availability, and the
    alternatives offered to whoever finds a slot full)."""
    global AVAILABILITY_TTL
    AVAILABILITY_TTL = seconds
    _availability_cache.clear()
    configure_alternatives(seconds)


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
