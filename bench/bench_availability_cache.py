"""Public availability with and without its 2-second answer cache, in one run.

In one process, on a throw-away SQLite database with the demo sites and 14 days of slots, the
same `appointmentAvailability` question is sent through the whole app (ASGI, middleware,
GraphQL) in alternating rounds: uncached (the cache's version bumped before every request, so
each one reads the database) and cached. Prints req/s of both and their ratio. The answers of
both modes are checked to be the same document. Timing never fails the run.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

REQUESTS, ROUNDS = 400, 3
QUERY = (
    '{ appointmentAvailability(itemCode: "CULTURAL_RELIC_EXIT", perSite: 6, sites: 3) '
    "{ site { code } slots { id startsAt seatsLeft } } }"
)


async def main() -> int:
    os.environ.update(
        {
            "PALM_ENV": "test",
            "VAR_DIR": tempfile.mkdtemp(prefix="palm-bench-avail-"),
            "EMBEDDED_WORKER": "0",
        }
    )
    import httpx

    from palm_customs.app import create_app
    from palm_customs.appointments import services
    from palm_customs.cli import migrate
    from palm_customs.demo import seed_demo
    from palm_customs.settings import load_settings

    settings = load_settings()
    await migrate(settings)
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        await seed_demo()
        await services.generate_slots(days=14)
        origin = settings.public_origin
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url=origin, headers={"origin": origin}
        ) as http:

            async def ask(cached: bool) -> bytes:
                if not cached:
                    services.availability_changed()
                response = await http.post("/graphql", json={"query": QUERY})
                return response.content

            fresh, shared = await ask(False), await ask(True)
            if fresh != shared or b'"errors"' in fresh or b"startsAt" not in fresh:
                print("the cached and uncached answers differ, or carry no slots", file=sys.stderr)
                return 1
            rates: dict[bool, list[float]] = {False: [], True: []}
            print(f"{REQUESTS} identical availability questions per round, {ROUNDS} rounds")
            print("round   uncached req/s   cached req/s")
            for round_ in range(1, ROUNDS + 1):
                for cached in (False, True):
                    start = time.perf_counter()
                    for _ in range(REQUESTS):
                        await ask(cached)
                    rates[cached].append(REQUESTS / (time.perf_counter() - start))
                print(f"{round_:<8}{rates[False][-1]:>14.0f}{rates[True][-1]:>15.0f}")
            uncached, cached_rate = statistics.median(rates[False]), statistics.median(rates[True])
            print(f"median  {uncached:>14.0f}{cached_rate:>15.0f}")
            print(f"cached/uncached: {cached_rate / uncached:.2f}x req/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
