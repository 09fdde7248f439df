"""A booking storm: many signed-in people racing real server processes for a few seats.

Shared by the storm test and bench/bench_booking_storm.py. Seeding talks to the database
directly (an isolated TortoiseContext); the race goes through HTTP, as phones would.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from palm_customs.appointments.models import ServiceWindow, Site, Slot, SlotTemplate
from palm_customs.core import clock
from palm_customs.core.db import tortoise_config
from palm_customs.core.models import AuditEvent
from palm_customs.identity import sessions
from palm_customs.identity.models import Account, AccountKind, Person, SessionMethod
from tests.conftest import create_test_database
from tests.liveserver import LiveServer, live_server

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
ITEM = "CULTURAL_RELIC_EXIT"
OTHER_ITEM = "CUSTOMS_ENQUIRY"
CREATE = (
    "mutation($slot: ID!, $item: String!, $key: String!) {"
    " bookingCreate(slotId: $slot, itemCode: $item, idempotencyKey: $key) {"
    " __typename ... on BookingSuccess { booking { id number } }"
    " ... on SlotFullError { code alternatives { id } }"
    " ... on AppointmentError { code message } } }"
)


async def _pg_admin(sql: str) -> None:
    connection = await asyncpg.connect(PG_ADMIN_URL, timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@contextlib.asynccontextmanager
async def storm_database(kind: str, directory: Path) -> Any:
    """A database of its own for the storm (the suite's is emptied between tests)."""
    if kind == "sqlite":
        yield f"sqlite://{directory / 'storm.db'}"
        return
    name = f"palm_storm_{uuid.uuid4().hex[:12]}"
    await create_test_database(name)
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        await _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def servers(
    database_url: str, var_dir: Path, count: int, *, extra: dict[str, str] | None = None
) -> Iterator[list[LiveServer]]:
    """`count` real `palm-customs serve` processes on their own ports, one database."""
    env = {
        **(extra or {}),
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(40),
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "WARNING",
    }
    with contextlib.ExitStack() as stack:
        running = [
            stack.enter_context(live_server(var_dir, env=env, seed=False)) for _ in range(count)
        ]
        yield running


@dataclass
class Seeded:
    tokens: list[str]
    slot_ids: list[int]
    capacities: list[int]
    items: list[str] = field(default_factory=lambda: [ITEM])


async def seed(
    database_url: str, *, people: int, capacities: list[int], shared: tuple[str, ...] = ()
) -> Seeded:
    """`people` signed-in persons and one site with max(capacities) windows serving ITEM.

    Without `shared`: one slot of ITEM per capacity, at successive times (a slot capped below
    its windows, as a supervisor may). With `shared` items: every window serves ITEM and those
    too, and each item has one slot at one same time, so all of them race for the same windows.
    """
    assert not shared or len(capacities) == 1, "shared items race for one time"
    items = [ITEM, *shared]
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database_url))
        site = await Site.create(
            code=f"STORM-{uuid.uuid4().hex[:6]}",
            name_zh_hans="压力测试大厅",
            name_zh_hant="壓力測試大廳",
            name_en="Storm hall",
            address_zh_hans="上海",
            address_zh_hant="上海",
            address_en="Shanghai",
            latitude=31.2,
            longitude=121.5,
            opening_hours={},
            accessibility={},
        )
        for number in range(1, max(capacities) + 1):
            await ServiceWindow.create(site_id=site.id, number=number, item_codes=items)
        for item in items:
            await SlotTemplate.create(site_id=site.id, item_code=item, weekdays=[])
        start = (clock.now() + timedelta(days=2)).replace(microsecond=0)
        slots = []
        for index, capacity in enumerate(capacities):
            for item in items if shared else [ITEM]:
                at = start if shared else start + timedelta(minutes=15 * index)
                slots.append(
                    await Slot.create(
                        site_id=site.id,
                        item_code=item,
                        starts_at=at,
                        ends_at=at + timedelta(minutes=15),
                        capacity=capacity,
                    )
                )
        tokens = []
        async with in_transaction() as connection:
            for n in range(people):
                account = await Account.create(
                    using_db=connection,
                    id=uuid.uuid4(),
                    kind=AccountKind.PERSON,
                    user_handle=secrets.token_hex(16),
                    language="en",
                )
                await Person.create(
                    using_db=connection,
                    account_id=account.id,
                    full_name=f"Storm {n}",
                    nationality="CHN",
                    is_resident=True,
                )
                issued = await sessions.start(
                    connection,
                    account=account,
                    method=SessionMethod.PASSKEY,
                    ip="127.0.0.1",
                    user_agent="storm",
                )
                tokens.append(issued.token)
    return Seeded(
        tokens=tokens,
        slot_ids=[s.id for s in slots],
        capacities=[s.capacity for s in slots],
        items=[s.item_code for s in slots],
    )


async def count_rows(database_url: str) -> dict[str, Any]:
    """What the database holds after the storm."""
    from palm_customs.appointments.models import Booking, WindowSeat

    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database_url))
        bookings = await Booking.all().values(
            "id", "slot_id", "starts_at", "seat", "active_seat", "status"
        )
        slots = await Slot.all().values("id", "capacity", "booked")
        seats = await WindowSeat.filter(booking_id__not_isnull=True).values(
            "window_id", "starts_at", "booking_id"
        )
        audited = await AuditEvent.filter(operation="bookingCreate").values_list(
            "outcome", flat=True
        )
    return {"bookings": bookings, "slots": slots, "seats": seats, "audited": audited}


@dataclass
class Attempt:
    server: int
    status: int
    kind: str
    code: str | None
    seconds: float
    errors: list[Any] = field(default_factory=list)


async def attempt(
    http: httpx.AsyncClient, server: int, origin: str, token: str, slot_id: int, item: str = ITEM
) -> Attempt:
    started = time.perf_counter()
    response = await http.post(
        f"{origin}/graphql",
        json={
            "query": CREATE,
            "variables": {"slot": str(slot_id), "item": item, "key": uuid.uuid4().hex},
        },
        headers={"origin": origin, "cookie": f"palm_session={token}"},
    )
    seconds = time.perf_counter() - started
    try:
        body = response.json()
    except ValueError:
        return Attempt(server, response.status_code, "not-json", None, seconds)
    data = (body.get("data") or {}).get("bookingCreate") or {}
    return Attempt(
        server,
        response.status_code,
        data.get("__typename", "none"),
        data.get("code"),
        seconds,
        body.get("errors") or [],
    )


async def storm(origins: list[str], seeded: Seeded) -> list[Attempt]:
    """Everyone at once: person n goes to server n % len(origins) for slot n % len(slots)
    (of that slot's item)."""
    limits = httpx.Limits(max_connections=len(seeded.tokens), max_keepalive_connections=0)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        return await asyncio.gather(
            *(
                attempt(
                    http,
                    n % len(origins),
                    origins[n % len(origins)],
                    token,
                    seeded.slot_ids[n % len(seeded.slot_ids)],
                    seeded.items[n % len(seeded.items)],
                )
                for n, token in enumerate(seeded.tokens)
            )
        )
