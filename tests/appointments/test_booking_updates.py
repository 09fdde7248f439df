"""“Your turn, window 1” on the person's phone, over a real WebSocket (graphql-transport-ws).

On PostgreSQL the phone listens on one server process and the clerk acts on another, so the
update crosses replicas through Redis pub/sub; on SQLite one process uses the in-process
broadcast.
"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.context import TortoiseContext
from websockets.asyncio.client import ClientConnection, connect

from palm_customs.core import clock
from palm_customs.core.db import tortoise_config
from palm_customs.identity.models import AccountKind
from tests.appointments.flows import CALL_NEXT, CHECK_IN, CREATE, ITEM, key, noon_zone
from tests.appointments.storm import servers, storm_database
from tests.conftest import redis_url
from tests.factories import make_officer, make_person, make_session_token, make_site, make_slot

SUBSCRIBE = (
    "subscription($id: ID!) { myBookingUpdates(bookingId: $id) "
    "{ bookingId status queueNumber windowNumber message } }"
)


async def _account(kind: AccountKind, n: int) -> str:
    if kind is AccountKind.OFFICER:
        # Serves at the site they work at.
        officer = await make_officer(badge_number=f"W{n:04d}", full_name="张窗口", unit="LIVE")
        return await make_session_token(account=officer.account)
    person = await make_person(full_name=f"Person {n}")
    return await make_session_token(account=person.account)


async def _seed(database_url: str) -> dict[str, Any]:
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database_url))
        site = await make_site(
            code="LIVE",
            names=("实时", "實時", "Live"),
            timezone=noon_zone(),
            windows=[(1, [ITEM])],
        )
        starts = (clock.now() + timedelta(minutes=30)).replace(microsecond=0)
        slot = await make_slot(site=site, item_code=ITEM, starts_at=starts, capacity=2)
        return {
            "site": site.id,
            "slot": slot.id,
            "person": await _account(AccountKind.PERSON, 1),
            "other": await _account(AccountKind.PERSON, 2),
            "clerk": await _account(AccountKind.OFFICER, 3),
        }


async def _post(origin: str, token: str, query: str, **variables: Any) -> Any:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(
            f"{origin}/graphql",
            json={"query": query, "variables": variables},
            headers={"origin": origin, "cookie": f"palm_session={token}"},
        )
    body = response.json()
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


async def _subscribe(origin: str, port: int, token: str, booking_id: str) -> ClientConnection:
    ws = await connect(
        f"ws://localhost:{port}/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers={
            "Origin": origin,
            "Cookie": f"palm_session={token}",
            "Accept-Language": "en",
        },
        open_timeout=5,
    )
    await ws.send(json.dumps({"type": "connection_init"}))
    assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "connection_ack"
    await ws.send(
        json.dumps(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": SUBSCRIBE, "variables": {"id": booking_id}},
            }
        )
    )
    return ws


async def _next(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), 10))
    return message


async def test_the_phone_sees_its_turn_the_moment_the_clerk_calls(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # given
    kind = request.config.getoption("--db")
    count = 2 if kind == "postgres" else 1
    async with storm_database(kind, tmp_path) as database_url:
        redis = {"REDIS_URL": redis_url()} if kind == "postgres" else {}
        with servers(database_url, tmp_path / "var", count, extra=redis) as running:
            seeded = await _seed(database_url)
            phone_server, clerk_server = running[0], running[-1]
            booked = await _post(
                phone_server.origin,
                seeded["person"],
                CREATE,
                slot=str(seeded["slot"]),
                item=ITEM,
                key=key(),
                app=None,
            )
            booking = booked["booking"]
            ws = await _subscribe(
                phone_server.origin, phone_server.port, seeded["person"], booking["id"]
            )
            intruder = await _subscribe(
                phone_server.origin, phone_server.port, seeded["other"], booking["id"]
            )
            try:
                current = await _next(ws)
                refused = await _next(intruder)
                # when the clerk (on another replica under PostgreSQL) checks in and calls
                await _post(
                    clerk_server.origin,
                    seeded["clerk"],
                    CHECK_IN,
                    key=key(),
                    number=booking["number"],
                )
                checked_in = await _next(ws)
                await _post(
                    clerk_server.origin,
                    seeded["clerk"],
                    CALL_NEXT,
                    site=str(seeded["site"]),
                    window=1,
                )
                called = await _next(ws)
            finally:
                await ws.close()
                await intruder.close()
    # then
    assert current["payload"]["data"]["myBookingUpdates"]["status"] == "CONFIRMED"
    errors = refused["payload"] if refused["type"] == "error" else refused["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    assert checked_in["payload"]["data"]["myBookingUpdates"] == {
        "bookingId": booking["id"],
        "status": "CHECKED_IN",
        "queueNumber": 1,
        "windowNumber": None,
        "message": "Checked in. Your queue number is 1. Watch for your turn.",
    }
    update = called["payload"]["data"]["myBookingUpdates"]
    assert (update["status"], update["windowNumber"]) == ("CALLED", 1)
    assert update["message"] == "Your turn: please go to window 1."
