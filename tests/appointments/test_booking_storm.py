"""200 people race real server processes for 10 seats: exactly 10 win, nobody sits twice.

On PostgreSQL two `palm-customs serve` processes share one database created for the test; on
SQLite (served from one process, by design) one process takes the whole storm.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from tests.appointments.storm import count_rows, seed, servers, storm, storm_database

PEOPLE = 200
CAPACITIES = [5, 3, 2]  # 10 seats in three slots


async def test_a_booking_storm_never_seats_more_than_the_capacity(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # given
    kind = request.config.getoption("--db")
    processes = 2 if kind == "postgres" else 1
    async with storm_database(kind, tmp_path) as database_url:
        with servers(database_url, tmp_path / "var", processes) as running:
            seeded = await seed(database_url, people=PEOPLE, capacities=CAPACITIES)
            # when
            attempts = await storm([s.origin for s in running], seeded)
            logs = "\n".join(s.log() for s in running)
        rows = await count_rows(database_url)
    # then every answer is a 200 with a typed result, never a 5xx or a lock error
    assert collections.Counter(a.status for a in attempts) == {200: PEOPLE}
    assert [a.errors for a in attempts if a.errors] == []
    kinds = collections.Counter(a.kind for a in attempts)
    assert kinds == {"BookingSuccess": 10, "SlotFullError": PEOPLE - 10}
    assert {a.code for a in attempts if a.kind == "SlotFullError"} == {"SLOT_FULL"}
    # and every server process took its share of the storm
    assert collections.Counter(a.server for a in attempts) == {
        n: PEOPLE // processes for n in range(processes)
    }
    # and the database holds exactly the seats there are, each seat once
    bookings = rows["bookings"]
    assert len(bookings) == 10
    per_slot = collections.Counter(b["slot_id"] for b in bookings)
    assert per_slot == dict(zip(seeded.slot_ids, CAPACITIES, strict=True))
    seats = [(b["slot_id"], b["active_seat"]) for b in bookings]
    assert len(set(seats)) == 10
    capacity = dict(zip(seeded.slot_ids, CAPACITIES, strict=True))
    assert all(1 <= seat <= capacity[slot] for slot, seat in seats)
    assert {s["id"]: s["booked"] for s in rows["slots"]} == capacity
    assert "database is locked" not in logs
    assert "Traceback" not in logs
