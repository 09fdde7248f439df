"""A refused booking costs about a read: the alternatives to a full slot are looked for once per
slot state, and refusals that arrive together are audited in one transaction."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from starlette.applications import Starlette

from palm_customs.core.models import AuditEvent
from tests.appointments.flows import book, create_site, create_slot, person
from tests.statements import counted_statements


def _alternatives_lookups(statements: list[str]) -> int:
    """The query for other free slots of the item: the only one comparing booked to capacity."""
    return sum(1 for s in statements if '"booked"<"capacity"' in s.replace(" ", ""))


async def test_the_alternatives_to_a_full_slot_are_looked_for_once_per_slot_state(
    app: Starlette,
) -> None:
    # given a slot of one seat, taken, and another slot of the item still free
    site = await create_site()
    full = await create_slot(site, capacity=1)
    await create_slot(site, starts_in=timedelta(days=3))
    clients = [await person(app, n) for n in range(1, 5)]
    try:
        assert (await book(clients[0], full))["__typename"] == "BookingSuccess"
        # when three more people try the full slot one after another
        lookups, offered = [], []
        for client in clients[1:]:
            with counted_statements() as statements:
                result = await book(client, full)
            lookups.append(_alternatives_lookups(statements))
            offered.append(len(result["alternatives"]))
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))
    # then each is refused with the free slot offered, and only the first looked for it
    assert offered == [1, 1, 1]
    assert lookups == [1, 0, 0]


async def test_refusals_arriving_together_are_each_audited(app: Starlette) -> None:
    # given a slot of one seat, taken
    site = await create_site()
    full = await create_slot(site, capacity=1)
    clients = [await person(app, n) for n in range(1, 8)]
    try:
        assert (await book(clients[0], full))["__typename"] == "BookingSuccess"
        before = await AuditEvent.filter(operation="bookingCreate").count()
        # when six people are refused at once
        results = await asyncio.gather(*(book(c, full) for c in clients[1:]))
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))
    # then each refusal is in the audit trail once
    assert [r["__typename"] for r in results] == ["SlotFullError"] * 6
    refused = await AuditEvent.filter(operation="bookingCreate", outcome="slot_full").count()
    assert refused == 6
    assert await AuditEvent.filter(operation="bookingCreate").count() == before + 6
