"""Booking storm: how close a storm comes to the cost of the same request alone.

For each database (SQLite with one server process; PostgreSQL with one and with two, when it
is running on 127.0.0.1:5432), in a throw-away database and real `palm-customs serve` processes:
1. baseline: LOSERS people, one after another, each refused a full slot (the path 95% of a
   storm takes): the median refused request's time t;
2. storm: STORM_PEOPLE people at once for one slot of 7 seats (exactly 7 must win, or nothing
   is reported). Both open a connection per request, like with like.
Efficiency = storm attempts/s × t ÷ processes: 1.0 means a process serves the storm as fast
as it serves the same request alone. Timing never fails the run; exit 1 means it could not
measure (a server did not start, or the storm's outcome was wrong).
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
LOSERS = 40
STORM_PEOPLE = 300
STORM_SEATS = [7]
ROUNDS = 3
# Like with like: the baseline and the storm both open a connection per request (kept-alive
# connections raced uvicorn's 5 s keep-alive timeout under a loaded machine).
FRESH = {"max_keepalive_connections": 0}


class CannotMeasure(Exception):
    pass


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


async def _refused_alone(origins: list[str], database_url: str) -> list[float]:
    import httpx

    from tests.appointments.storm import attempt, seed

    seeded = await seed(database_url, people=LOSERS + 1, capacities=[1])
    seconds = []
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(**FRESH)) as http:
        for n, token in enumerate(seeded.tokens):
            origin = origins[n % len(origins)]
            result = await attempt(http, n % len(origins), origin, token, seeded.slot_ids[0])
            expected = "BookingSuccess" if n == 0 else "SlotFullError"
            if result.kind != expected:
                raise CannotMeasure(f"the baseline expected {expected}: {result}")
            if n:
                seconds.append(result.seconds)
    return seconds


async def _storm_round(origins: list[str], database_url: str) -> dict[str, Any]:
    import httpx

    from tests.appointments.storm import attempt, seed

    seeded = await seed(database_url, people=STORM_PEOPLE, capacities=STORM_SEATS)
    limits = httpx.Limits(max_connections=STORM_PEOPLE, **FRESH)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        started = time.perf_counter()
        attempts = await asyncio.gather(
            *(
                attempt(
                    http, n % len(origins), origins[n % len(origins)], token, seeded.slot_ids[0]
                )
                for n, token in enumerate(seeded.tokens)
            )
        )
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
        "p95_ms": _p95([a.seconds for a in attempts]) * 1000,
        "median_ms": statistics.median(a.seconds for a in attempts) * 1000,
    }


async def _measure(kind: str, processes: int, scratch: Path) -> dict[str, Any]:
    from tests.appointments.storm import servers, storm_database

    async with storm_database(kind, scratch) as database_url:
        try:
            with servers(database_url, scratch / "var", processes) as running:
                origins = [s.origin for s in running]
                await _refused_alone(origins, database_url)  # warm-up
                baseline = await _refused_alone(origins, database_url)
                rounds = [await _storm_round(origins, database_url) for _ in range(ROUNDS)]
        except RuntimeError as error:  # a server did not start
            raise CannotMeasure(str(error)[-2000:]) from None
    refused_ms = statistics.median(baseline) * 1000
    attempts_per_second = statistics.median(r["attempts_per_second"] for r in rounds)
    return {
        "database": kind,
        "server_processes": processes,
        "refused_alone_median_ms": refused_ms,
        "storm_rounds": rounds,
        "storm_attempts_per_second": attempts_per_second,
        "storm_p95_ms": statistics.median(r["p95_ms"] for r in rounds),
        "efficiency": attempts_per_second * refused_ms / 1000 / processes,
    }


def _postgres_available() -> bool:
    import socket

    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", 5432)) == 0


def _one(kind: str, processes: int) -> int:
    """Measure one database in this process (Tortoise keeps per-dialect state per process)."""
    with tempfile.TemporaryDirectory(prefix=f"palm-bench-storm-{kind}-") as scratch:
        try:
            result = asyncio.run(_measure(kind, processes, Path(scratch)))
        except CannotMeasure as error:
            print(f"{NAME} ({kind}): {error}", file=sys.stderr)
            return 1
    print(json.dumps(result))
    return 0


def main() -> int:
    import subprocess

    runs = [("sqlite", 1)] + ([("postgres", 1), ("postgres", 2)] if _postgres_available() else [])
    results = []
    for kind, processes in runs:
        done = subprocess.run(
            [sys.executable, __file__, kind, str(processes)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if len(runs) == 1:
        print("PostgreSQL is not running on 127.0.0.1:5432: measured SQLite only")
    print(
        f"{STORM_PEOPLE} people at once for one slot of {sum(STORM_SEATS)}, {ROUNDS} rounds; "
        f"baseline: {LOSERS} refused bookings one after another "
        "(a fresh connection per request on both sides)"
    )
    print(
        f"{'database':<10}{'procs':>6}{'attempts/s':>12}{'p95 storm':>11}{'refused':>10}{'eff.':>7}"
    )
    for r in results:
        print(
            f"{r['database']:<10}{r['server_processes']:>6}{r['storm_attempts_per_second']:>12.0f}"
            f"{r['storm_p95_ms']:>9.0f}ms{r['refused_alone_median_ms']:>8.1f}ms"
            f"{r['efficiency']:>7.2f}"
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
    raise SystemExit(_one(sys.argv[1], int(sys.argv[2])) if len(sys.argv) > 2 else main())
