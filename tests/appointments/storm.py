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
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from palm_customs.appointments.models import ServiceWindow, Site, Slot, SlotTemplate
from palm_customs.core.db import tortoise_config
from palm_customs.identity import sessions
from palm_customs.identity.models import Account, AccountKind, Person, SessionMethod
from tests.liveserver import LiveServer, live_server

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
ITEM = "CULTURAL_RELIC_EXIT"
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
    await _pg_admin(f'CREATE DATABASE "{name}"')
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


async def seed(database_url: str, *, people: int, capacities: list[int]) -> Seeded:
    """One site, one slot per capacity (same item), `people` signed-in persons."""
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
        await ServiceWindow.create(site_id=site.id, number=1, item_codes=[ITEM])
        await SlotTemplate.create(site_id=site.id, item_code=ITEM, weekdays=[])
        start = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
        slots = []
        for index, capacity in enumerate(capacities):
            slots.append(
                await Slot.create(
                    site_id=site.id,
                    item_code=ITEM,
                    starts_at=start + timedelta(minutes=15 * index),
                    ends_at=start + timedelta(minutes=15 * (index + 1)),
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
    return Seeded(tokens=tokens, slot_ids=[s.id for s in slots], capacities=capacities)


async def count_rows(database_url: str) -> dict[str, Any]:
    """What the database holds after the storm."""
    from palm_customs.appointments.models import Booking

    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database_url))
        bookings = await Booking.all().values("slot_id", "seat", "active_seat", "status")
        slots = await Slot.all().values("id", "capacity", "booked")
    return {"bookings": bookings, "slots": slots}


@dataclass
class Attempt:
    server: int
    status: int
    kind: str
    code: str | None
    seconds: float
    errors: list[Any] = field(default_factory=list)


async def attempt(
    http: httpx.AsyncClient, server: int, origin: str, token: str, slot_id: int
) -> Attempt:
    started = time.perf_counter()
    response = await http.post(
        f"{origin}/graphql",
        json={
            "query": CREATE,
            "variables": {"slot": str(slot_id), "item": ITEM, "key": uuid.uuid4().hex},
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
    """Everyone at once: person n goes to server n % len(origins) for slot n % len(slots)."""
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
                )
                for n, token in enumerate(seeded.tokens)
            )
        )
