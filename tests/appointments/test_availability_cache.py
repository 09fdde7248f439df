"""Public availability: identical questions share an answer for a moment, never a stale one
after this process changed the seats."""

from __future__ import annotations

from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.appointments import services
from palm_customs.appointments.models import Slot
from tests.appointments.flows import (
    AVAILABILITY,
    ITEM,
    book,
    call,
    create_site,
    create_slot,
    person,
)


async def _seats(client: httpx.AsyncClient, site_code: str) -> list[int]:
    found = await call(client, AVAILABILITY, item=ITEM, site=site_code, per=5, sites=1)
    return [s["seatsLeft"] for entry in found for s in entry["slots"]]


async def test_a_repeated_question_is_answered_from_the_cache_until_a_booking_changes_it(
    app: Starlette,
) -> None:
    # given a slot with two seats and an anonymous reader
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(days=1), capacity=2)
    reader = await person(app, 2)
    hits = services.availability_stats.hits
    # when the same question is asked twice
    first = await _seats(reader, site.code)
    second = await _seats(reader, site.code)
    # then the second answer came from the cache
    assert first == second == [2]
    assert services.availability_stats.hits == hits + 1
    # when someone books in this process
    booker = await person(app, 1)
    assert (await book(booker, slot))["__typename"] == "BookingSuccess"
    # then the next answer is fresh
    misses = services.availability_stats.misses
    assert await _seats(reader, site.code) == [1]
    assert services.availability_stats.misses == misses + 1
    for c in (reader, booker):
        await c.aclose()


async def test_a_cached_answer_lives_two_seconds_at_most(app: Starlette) -> None:
    # given a slot whose seats another replica changes (a direct update: no bump here)
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(days=1), capacity=2)
    question = {
        "item_code": ITEM,
        "site_code": site.code,
        "near": None,
        "max_distance_km": None,
        "after": None,
        "per_site": 5,
        "sites": 1,
    }

    async def seats_at(t: float) -> list[int]:
        found = await services.cached_availability(monotonic=lambda: t, **question)
        return [s.capacity - s.booked for entry in found for s in entry.slots]

    assert await seats_at(100.0) == [2]
    await Slot.filter(id=slot.id).update(booked=1)
    # then within the TTL the shared answer stands, and after it the change shows
    assert await seats_at(101.9) == [2]
    assert await seats_at(100.0 + services.availability_cache.AVAILABILITY_TTL + 0.1) == [1]
