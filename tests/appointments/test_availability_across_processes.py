"""Public availability is cached in every server process; a change committed by another
process (a CLI command, another replica) reaches that cache at once through the broadcast
(Redis), not only when the cache's time runs out.

The servers here keep an answer for two minutes (AVAILABILITY_CACHE_SECONDS=120), so only the
invalidation message can make them answer the change within these tests.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.context import TortoiseContext

from palm_customs.appointments.models import ServiceWindow
from palm_customs.core.db import tortoise_config
from palm_customs.identity.models import AccountKind
from tests.appointments.flows import AVAILABILITY
from tests.appointments.storm import CREATE, ITEM, servers, storm_database
from tests.appointments.test_booking_updates import _account
from tests.conftest import redis_url
from tests.factories import make_site
from tests.liveserver import LiveServer, clock_env

EVERY_DAY = {str(d): [["08:00", "20:00"]] for d in range(1, 8)}


async def _seed_site(database_url: str, *, windows: int) -> dict[str, Any]:
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database_url))
        site = await make_site(
            code=f"X{uuid.uuid4().hex[:6].upper()}",
            names=("跨进程", "跨進程", "Across"),
            opening_hours=EVERY_DAY,
            windows=[(number, [ITEM]) for number in range(1, windows + 1)],
            template_weekdays=range(1, 8),
        )
        return {
            "site": site.code,
            "site_id": site.id,
            "person": await _account(AccountKind.PERSON, 1),
        }


async def _add_window(database_url: str, site_id: int, number: int) -> None:
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database_url))
        await ServiceWindow.create(site_id=site_id, number=number, item_codes=[ITEM])


def _cli(database_url: str, var_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url(1),
        "VAR_DIR": str(var_dir),
        "SECRET_KEY": secrets.token_urlsafe(40),
    }
    return subprocess.run(
        [sys.executable, "-m", "palm_customs", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def _first_slot(server: LiveServer, site: str) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(
            f"{server.origin}/graphql",
            json={
                "query": AVAILABILITY,
                "variables": {"item": ITEM, "site": site, "per": 1, "sites": 1},
            },
            headers={"origin": server.origin},
        )
    body = response.json()
    assert "errors" not in body, body
    found = body["data"]["appointmentAvailability"]
    assert found, body
    slot: dict[str, Any] = found[0]["slots"][0]
    return slot


async def test_slots_resized_by_a_cli_command_show_at_once_on_a_server(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # given a server that caches availability for two minutes, and one window for the item
    kind = request.config.getoption("--db")
    var_dir = tmp_path / "var"
    async with storm_database(kind, tmp_path) as database_url:
        extra = {"REDIS_URL": redis_url(1), "AVAILABILITY_CACHE_SECONDS": "120"}
        with servers(database_url, var_dir, 1, extra=extra) as running:
            seeded = await _seed_site(database_url, windows=1)
            generated = _cli(database_url, var_dir, "slots", "generate", "--days", "3")
            assert generated.returncode == 0, generated.stderr
            # the server has answered (and cached) one seat at the first time
            before = await _first_slot(running[0], seeded["site"])
            assert before["seatsLeft"] == 1
            # when a second window opens and `slots generate` (another process) resizes the slots
            await _add_window(database_url, seeded["site_id"], 2)
            resized = _cli(database_url, var_dir, "slots", "generate", "--days", "3")
            assert resized.returncode == 0, resized.stderr
            assert "resized: 0" not in resized.stdout
            # then the server's next answer has the two seats, long before its cache expires
            after = await _first_slot(running[0], seeded["site"])
    assert after["id"] == before["id"]
    assert after["seatsLeft"] == 2


async def test_a_booking_on_one_replica_shows_at_once_on_the_other(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if request.config.getoption("--db") != "postgres":
        pytest.skip("replicas share a database on PostgreSQL only (SQLite is one process)")
    # given two replicas that cache availability for two minutes
    var_dir = tmp_path / "var"
    async with storm_database("postgres", tmp_path) as database_url:
        extra = {"REDIS_URL": redis_url(1), "AVAILABILITY_CACHE_SECONDS": "120"}
        with servers(database_url, var_dir, 2, extra=extra) as (first, second):
            seeded = await _seed_site(database_url, windows=2)
            generated = _cli(database_url, var_dir, "slots", "generate", "--days", "3")
            assert generated.returncode == 0, generated.stderr
            before = await _first_slot(second, seeded["site"])
            assert before["seatsLeft"] == 2
            # when the person books that time on the first replica
            async with httpx.AsyncClient(timeout=30) as http:
                response = await http.post(
                    f"{first.origin}/graphql",
                    json={
                        "query": CREATE,
                        "variables": {"slot": before["id"], "item": ITEM, "key": str(uuid.uuid4())},
                    },
                    headers={
                        "origin": first.origin,
                        "cookie": f"palm_session={seeded['person']}",
                    },
                )
            booked = response.json()["data"]["bookingCreate"]
            assert booked["__typename"] == "BookingSuccess", booked
            # then the second replica answers one seat left at once
            after = await _first_slot(second, seeded["site"])
    assert after["id"] == before["id"]
    assert after["seatsLeft"] == 1
