"""200 people race real server processes for 10 seats: exactly 10 win, nobody sits twice.

On PostgreSQL two `palm-customs serve` processes share one database created for the test; on
SQLite (served from one process, by design) one process takes the whole storm.
"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import pytest

from tests.appointments.storm import (
    OTHER_ITEM,
    Attempt,
    count_rows,
    seed,
    servers,
    storm,
    storm_database,
)

PEOPLE = 200
CAPACITIES = [5, 3, 2]  # 10 seats in three slots


async def _race(
    request: pytest.FixtureRequest, tmp_path: Path, *, people: int = PEOPLE, **seeding: Any
) -> tuple[int, Any, list[Attempt], dict[str, Any], str]:
    kind = request.config.getoption("--db")
    processes = 2 if kind == "postgres" else 1
    async with storm_database(kind, tmp_path) as database_url:
        with servers(database_url, tmp_path / "var", processes) as running:
            seeded = await seed(database_url, people=people, **seeding)
            attempts = await storm([s.origin for s in running], seeded)
            logs = "\n".join(s.log() for s in running)
        rows = await count_rows(database_url)
    return processes, seeded, attempts, rows, logs


def _every_answer_typed(
    attempts: list[Attempt], logs: str, seats: int, people: int = PEOPLE
) -> None:
    assert collections.Counter(a.status for a in attempts) == {200: people}
    assert [a.errors for a in attempts if a.errors] == []
    kinds = collections.Counter(a.kind for a in attempts)
    assert kinds == {"BookingSuccess": seats, "SlotFullError": people - seats}
    assert {a.code for a in attempts if a.kind == "SlotFullError"} == {"SLOT_FULL"}
    assert "database is locked" not in logs
    assert "Traceback" not in logs


def _each_window_time_once(rows: dict[str, Any], seats: int) -> None:
    held = rows["seats"]
    assert len(held) == seats
    assert len({(s["window_id"], s["starts_at"]) for s in held}) == seats
    assert {str(s["booking_id"]) for s in held} == {str(b["id"]) for b in rows["bookings"]}


async def test_a_booking_storm_never_seats_more_than_the_capacity(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # given / when
    processes, seeded, attempts, rows, logs = await _race(request, tmp_path, capacities=CAPACITIES)
    # then every answer is a 200 with a typed result, never a 5xx or a lock error
    _every_answer_typed(attempts, logs, 10)
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
    assert all(1 <= seat <= max(CAPACITIES) for _, seat in seats)  # window numbers
    capacity = dict(zip(seeded.slot_ids, CAPACITIES, strict=True))
    assert {s["id"]: s["booked"] for s in rows["slots"]} == capacity
    _each_window_time_once(rows, 10)


async def test_a_storm_over_two_items_never_gives_a_window_twice(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # given 4 windows each serving both items, and a slot of each item at one same time
    # (each shows 4 seats: the same 4 window-times)
    # when 200 people race for them, half for each item
    _, seeded, attempts, rows, logs = await _race(
        request, tmp_path, capacities=[4], shared=(OTHER_ITEM,)
    )
    # then 4 people win in all, not 4 per item
    _every_answer_typed(attempts, logs, 4)
    _each_window_time_once(rows, 4)
    assert len({b["active_seat"] for b in rows["bookings"]}) == 4
    # and both counters show the shared windows all taken
    assert {s["id"]: (s["capacity"], s["booked"]) for s in rows["slots"]} == {
        slot_id: (4, 4) for slot_id in seeded.slot_ids
    }


async def test_300_people_for_one_slot_of_7_seat_exactly_7_across_two_processes(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # given one slot of 7 seats (two server processes on PostgreSQL, one on SQLite)
    # when 300 people race for it (the refusals are audited in shared transactions and share
    # the alternatives computed for the full slot)
    processes, seeded, attempts, rows, logs = await _race(
        request, tmp_path, people=300, capacities=[7]
    )
    # then exactly 7 win, everyone else gets a typed SlotFullError
    _every_answer_typed(attempts, logs, 7, people=300)
    assert collections.Counter(a.server for a in attempts) == {
        n: 300 // processes for n in range(processes)
    }
    assert len(rows["bookings"]) == 7
    assert {s["id"]: s["booked"] for s in rows["slots"]} == {seeded.slot_ids[0]: 7}
    _each_window_time_once(rows, 7)
    # and every refusal, as every booking, is in the audit trail (none lost by grouping)
    assert collections.Counter(rows["audited"]) == {"OK": 7, "slot_full": 293}
