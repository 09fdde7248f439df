"""Booking storm: throughput and contended latency, against uncontended booking in the same run.

For each database (SQLite with one server process; PostgreSQL with two, when it is running on
127.0.0.1:5432), in a throw-away database and real `palm-customs serve` processes:
1. baseline: UNCONTENDED sequential bookings (one person after another, plenty of seats);
2. storm: STORM_PEOPLE people at once for STORM_SEATS seats (every loser gets SlotFullError).
Prints attempts/s and seats won/s of the storm and its p95 latency as a ratio of the median
uncontended booking latency. Timing never fails the run; exit 1 means it could not measure
(a server did not start, or the storm's outcome was wrong, so the numbers would mean nothing).
"""

from __future__ import annotations

import asyncio
import collections
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

NAME = "booking_storm"
RESULTS = REPO_ROOT / "bench" / "results" / f"{NAME}.json"
UNCONTENDED = 40
STORM_PEOPLE = 200
STORM_SEATS = [5, 3, 2]
ROUNDS = 3


class CannotMeasure(Exception):
    pass


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


async def _uncontended(origins: list[str], database_url: str) -> list[float]:
    from tests.appointments.storm import attempt, seed

    seeded = await seed(database_url, people=UNCONTENDED, capacities=[UNCONTENDED])
    import httpx

    seconds = []
    async with httpx.AsyncClient(timeout=60) as http:
        for n, token in enumerate(seeded.tokens):
            origin = origins[n % len(origins)]
            result = await attempt(http, n % len(origins), origin, token, seeded.slot_ids[0])
            if result.kind != "BookingSuccess":
                raise CannotMeasure(f"an uncontended booking failed: {result}")
            seconds.append(result.seconds)
    return seconds


async def _storm_round(origins: list[str], database_url: str) -> dict[str, Any]:
    from tests.appointments.storm import seed, storm

    seeded = await seed(database_url, people=STORM_PEOPLE, capacities=STORM_SEATS)
    started = time.perf_counter()
    attempts = await storm(origins, seeded)
    elapsed = time.perf_counter() - started
    kinds = collections.Counter(a.kind for a in attempts)
    statuses = collections.Counter(a.status for a in attempts)
    if kinds != {
        "BookingSuccess": sum(STORM_SEATS),
        "SlotFullError": STORM_PEOPLE - sum(STORM_SEATS),
    } or statuses != {200: STORM_PEOPLE}:
        raise CannotMeasure(f"wrong storm outcome: {dict(kinds)} {dict(statuses)}")
    return {
        "seconds": elapsed,
        "attempts_per_second": STORM_PEOPLE / elapsed,
        "bookings_per_second": sum(STORM_SEATS) / elapsed,
        "p95_ms": _p95([a.seconds for a in attempts]) * 1000,
        "median_ms": statistics.median(a.seconds for a in attempts) * 1000,
    }


async def _measure(kind: str, scratch: Path) -> dict[str, Any]:
    from tests.appointments.storm import servers, storm_database

    processes = 2 if kind == "postgres" else 1
    async with storm_database(kind, scratch) as database_url:
        try:
            with servers(database_url, scratch / "var", processes) as running:
                origins = [s.origin for s in running]
                baseline = await _uncontended(origins, database_url)
                rounds = [await _storm_round(origins, database_url) for _ in range(ROUNDS)]
        except RuntimeError as error:  # a server did not start
            raise CannotMeasure(str(error)[-2000:]) from None
    uncontended_ms = statistics.median(baseline) * 1000
    p95_ms = statistics.median(r["p95_ms"] for r in rounds)
    return {
        "database": kind,
        "server_processes": processes,
        "uncontended_median_ms": uncontended_ms,
        "uncontended_p95_ms": _p95(baseline) * 1000,
        "storm_rounds": rounds,
        "storm_attempts_per_second": statistics.median(r["attempts_per_second"] for r in rounds),
        "storm_bookings_per_second": statistics.median(r["bookings_per_second"] for r in rounds),
        "storm_p95_ms": p95_ms,
        "p95_contended_over_uncontended": p95_ms / uncontended_ms,
    }


def _postgres_available() -> bool:
    import socket

    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", 5432)) == 0


def _one(kind: str) -> int:
    """Measure one database in this process (Tortoise keeps per-dialect state per process)."""
    with tempfile.TemporaryDirectory(prefix=f"palm-bench-storm-{kind}-") as scratch:
        try:
            result = asyncio.run(_measure(kind, Path(scratch)))
        except CannotMeasure as error:
            print(f"{NAME} ({kind}): {error}", file=sys.stderr)
            return 1
    print(json.dumps(result))
    return 0


def main() -> int:
    import subprocess

    kinds = ["sqlite"] + (["postgres"] if _postgres_available() else [])
    results = []
    for kind in kinds:
        done = subprocess.run(
            [sys.executable, __file__, kind],
            capture_output=True,
            text=True,
            timeout=110,
            check=False,
        )
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if "postgres" not in kinds:
        print("PostgreSQL is not running on 127.0.0.1:5432: measured SQLite only")
    print(
        f"{STORM_PEOPLE} people at once for {sum(STORM_SEATS)} seats, {ROUNDS} rounds; "
        f"baseline: {UNCONTENDED} sequential uncontended bookings"
    )
    print(
        f"{'database':<10}{'procs':>6}{'attempts/s':>12}{'seats/s':>9}"
        f"{'p95 storm':>11}{'uncontended':>13}{'ratio':>8}"
    )
    for r in results:
        print(
            f"{r['database']:<10}{r['server_processes']:>6}{r['storm_attempts_per_second']:>12.0f}"
            f"{r['storm_bookings_per_second']:>9.1f}{r['storm_p95_ms']:>9.0f}ms"
            f"{r['uncontended_median_ms']:>11.1f}ms{r['p95_contended_over_uncontended']:>7.1f}x"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "name": NAME,
                "people": STORM_PEOPLE,
                "seats": sum(STORM_SEATS),
                "results": results,
                "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            },
            indent=2,
        )
        + "\n"
    )
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_one(sys.argv[1]) if len(sys.argv) > 1 else main())
