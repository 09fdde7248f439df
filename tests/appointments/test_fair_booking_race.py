"""One human's accounts racing on two server processes never hold more than the cap.

On PostgreSQL two `palm-customs serve` processes share a database; on SQLite one process
serves everyone (writers queue there by design).
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
from tortoise.context import TortoiseContext

from palm_customs.core.db import tortoise_config
from palm_customs.identity.models import Person
from tests.appointments.storm import count_rows, seed, servers, storm, storm_database

HUMANS = 12
ACCOUNTS_EACH = 4  # each account of a human books another of 4 slots, all at once
CAP = 3


async def test_one_humans_accounts_booking_at_once_on_two_servers_hold_at_most_the_cap(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # given humans with four accounts each (linked as an ID card and a passport would be)
    kind = request.config.getoption("--db")
    processes = 2 if kind == "postgres" else 1
    async with storm_database(kind, tmp_path) as database_url:
        with servers(database_url, tmp_path / "var", processes) as running:
            seeded = await seed(
                database_url, people=HUMANS * ACCOUNTS_EACH, capacities=[HUMANS] * ACCOUNTS_EACH
            )
            async with TortoiseContext() as context:
                await context.init(config=tortoise_config(database_url))
                people = await Person.all().order_by("id")
                for n, person in enumerate(people):
                    await Person.filter(id=person.id).update(human_key=f"human{n // ACCOUNTS_EACH}")
                owners = {str(p.account_id): n // ACCOUNTS_EACH for n, p in enumerate(people)}
                # (seed creates accounts and people in one order: account n is person n)
            # when every account books at once, a human's accounts spread over both servers
            attempts = await storm([s.origin for s in running], seeded)
            logs = "\n".join(s.log() for s in running)
        rows = await count_rows(database_url)
        async with TortoiseContext() as context:
            await context.init(config=tortoise_config(database_url))
            from palm_customs.appointments.models import Booking

            held = await Booking.all().values_list("account_id", flat=True)
    # then each human got exactly the cap, the rest refused by the rule (not an error)
    kinds = collections.Counter((a.kind, a.code) for a in attempts)
    assert kinds == {
        ("BookingSuccess", None): HUMANS * CAP,
        ("AppointmentError", "TOO_MANY_BOOKINGS"): HUMANS * (ACCOUNTS_EACH - CAP),
    }, kinds
    assert [a.errors for a in attempts if a.errors] == []
    per_human = collections.Counter(owners[str(account)] for account in held)
    assert per_human == dict.fromkeys(range(HUMANS), CAP)
    assert len(rows["bookings"]) == HUMANS * CAP
    assert "Traceback" not in logs
    assert collections.Counter(a.server for a in attempts).keys() == set(range(processes))
