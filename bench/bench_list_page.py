"""A list page: `myDeclarations(first: 20)` through GraphQL vs a raw Starlette route doing the
same batched queries (bench/raw_app.py `/bench/my-declarations`), one uvicorn worker, SQLite.

Seeds a throw-away database with one signed-in person holding 30 declarations (half with an
inspection outcome), checks that both targets answer the same JSON document, then loads them
with wrk in alternating phases. Prints req/s and p99 per target and the GraphQL/raw ratio;
writes bench/results/list_page.json. Timing never fails the run.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench import cpu_accounting  # noqa: E402
from bench.bench_graphql_vs_raw import (  # noqa: E402
    CannotMeasure,
    free_port,
    palm_customs,
    run_wrk,
    server_cpu_ms,
    server_environment,
    start_server,
    stop,
)

NAME = "list_page"
RESULTS = REPO_ROOT / "bench" / "results" / f"{NAME}.json"
DECLARATIONS = 30
PAGE_QUERY = (
    "{ myDeclarations(first: 20) { nodes { id number version status portCode travelNumber "
    "scheduledAt validUntil submittedAt estimate { dutyCny channel } "
    "outcome { kind dutyAssessed } } pageInfo { hasNextPage endCursor } } }"
)
WARMUP_SECONDS, PHASE_SECONDS, ROUNDS = 1, 4, 3


async def seed(database_url: str, declarations: int = DECLARATIONS) -> str:
    """One person with a passkey session and `declarations` declarations (every other one
    with an inspection outcome); returns the session token."""
    from tortoise.context import TortoiseContext
    from tortoise.transactions import in_transaction

    from palm_customs.core import clock
    from palm_customs.core.db import tortoise_config
    from palm_customs.declarations.models import (
        Declaration,
        DeclarationStatus,
        Direction,
        InspectionOutcome,
        OutcomeKind,
        TravelMode,
    )
    from palm_customs.identity import sessions
    from palm_customs.identity.models import Account, AccountKind, Person, SessionMethod

    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database_url))
        async with in_transaction() as connection:
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
                full_name="Bench Traveller",
                nationality="CHN",
                is_resident=True,
            )
            issued = await sessions.start(
                connection,
                account=account,
                method=SessionMethod.PASSKEY,
                ip="127.0.0.1",
                user_agent="bench",
            )
            now = clock.now()
            for n in range(declarations):
                declaration = await Declaration.create(
                    using_db=connection,
                    id=uuid.uuid4(),
                    number=f"D{uuid.uuid4().hex[:11].upper()}",
                    version=1,
                    account_id=account.id,
                    status=DeclarationStatus.SUBMITTED,
                    idempotency_key=uuid.uuid4().hex,
                    direction=Direction.ARRIVING,
                    port_code="PVG",
                    travel_mode=TravelMode.FLIGHT,
                    travel_number=f"MU{500 + n}",
                    scheduled_at=now + timedelta(hours=6),
                    valid_from=now,
                    valid_until=now + timedelta(days=3),
                    travellers=[],
                    articles=[],
                    cash=[],
                    restricted_yes=[],
                    estimate={
                        "lines": [],
                        "travellers": [],
                        "value_cny": "6000.00",
                        "taxable_cny": "5200.00",
                        "duty_cny": "780.00",
                        "channel": "red",
                        "reasons": [],
                        "rule_set_version": "2026-01",
                        "rates_date": now.date().isoformat(),
                    },
                    total_duty=Decimal("780.00"),
                    channel="red",
                    rule_version="2026-01",
                    rates_date=now.date(),
                    credential="PC1:bench",
                    credential_kid="bench",
                    submitted_at=now - timedelta(minutes=n),
                )
                if n % 2:
                    await InspectionOutcome.create(
                        using_db=connection,
                        id=uuid.uuid4(),
                        declaration_id=declaration.id,
                        officer_id=account.id,
                        kind=OutcomeKind.DUTY_ASSESSED,
                        duty_assessed=Decimal("780.00"),
                        idempotency_key=uuid.uuid4().hex,
                        recorded_at=now,
                        observed_at=now,
                    )
    return issued.token


def scripts(directory: Path, origin: str, cookie: str) -> tuple[Path, Path]:
    graphql = directory / "page.lua"
    graphql.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(json.dumps({'query': PAGE_QUERY}))}\n"
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["Origin"] = "{origin}"\n'
        f'wrk.headers["Cookie"] = "{cookie}"\n'
    )
    raw = directory / "raw.lua"
    raw.write_text(f'wrk.headers["Cookie"] = "{cookie}"\n')
    return graphql, raw


def same_document(base: str, origin: str, cookie: str) -> None:
    headers = {"origin": origin, "cookie": cookie}
    with httpx.Client(base_url=base, timeout=10) as client:
        graphql = client.post("/graphql", json={"query": PAGE_QUERY}, headers=headers).json()
        raw = client.get("/bench/my-declarations", headers=headers).json()
    if graphql != raw:
        raise CannotMeasure(
            f"the targets differ:\n  graphql: {json.dumps(graphql)[:600]}\n"
            f"  raw:     {json.dumps(raw)[:600]}"
        )
    if len(raw["data"]["myDeclarations"]["nodes"]) != 20:
        raise CannotMeasure(f"expected a page of 20: {json.dumps(raw)[:300]}")


def main() -> int:
    wrk = shutil.which("wrk")
    if wrk is None:
        print(f"{NAME}: wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 1
    from palm_customs.identity.sessions import cookie_name

    phases: dict[str, list[tuple[float, float, float]]] = {"graphql": [], "raw": []}
    with tempfile.TemporaryDirectory(prefix="palm-bench-") as scratch:
        directory = Path(scratch)
        port = free_port()
        env = server_environment(directory / "var", port)
        origin = env["PUBLIC_ORIGIN"]
        base = f"http://127.0.0.1:{port}"
        try:
            palm_customs(["migrate"], env)
            token = asyncio.run(seed(env["DATABASE_URL"]))
            cookie = f"{cookie_name(False)}={token}"
            server = start_server(env, port, directory / "server.log")
            try:
                same_document(base, origin, cookie)
                graphql_lua, raw_lua = scripts(directory, origin, cookie)
                targets = {
                    "graphql": (f"{base}/graphql", graphql_lua),
                    "raw": (f"{base}/bench/my-declarations", raw_lua),
                }
                for url, lua in targets.values():
                    run_wrk(wrk, url, WARMUP_SECONDS, lua)
                for _ in range(ROUNDS):
                    for target, (url, lua) in targets.items():
                        before = cpu_accounting.tree_cpu(server.pid)
                        rps, p99, total, non_2xx, _errors = run_wrk(wrk, url, PHASE_SECONDS, lua)
                        if non_2xx:
                            raise CannotMeasure(f"{target}: {non_2xx} answers were not 2xx")
                        phases[target].append((rps, p99, server_cpu_ms(before, server, total)))
            finally:
                stop(server)
        except CannotMeasure as error:
            print(f"{NAME}: {error}", file=sys.stderr)
            return 1
    medians = {
        t: {
            "requests_per_second": statistics.median(p[0] for p in ps),
            "p99_ms": statistics.median(p[1] for p in ps),
            "server_cpu_ms": statistics.median(p[2] for p in ps),
        }
        for t, ps in phases.items()
    }
    if not medians["raw"]["requests_per_second"]:
        print(f"{NAME}: the raw route answered nothing in time", file=sys.stderr)
        return 1
    ratio = medians["graphql"]["requests_per_second"] / medians["raw"]["requests_per_second"]
    g, r = medians["graphql"], medians["raw"]
    cpu_ratio = r["server_cpu_ms"] / g["server_cpu_ms"]
    print(
        f"myDeclarations(first: 20), 1 uvicorn worker, SQLite: GraphQL "
        f"{g['requests_per_second']:.0f} req/s (p99 {g['p99_ms']:.1f} ms), raw "
        f"{r['requests_per_second']:.0f} req/s (p99 {r['p99_ms']:.1f} ms): {ratio:.2f}x; "
        f"server CPU per request under wrk: GraphQL {g['server_cpu_ms']:.2f} ms, raw "
        f"{r['server_cpu_ms']:.2f} ms: raw/GraphQL {cpu_ratio:.2f}"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "name": NAME,
                "query": PAGE_QUERY,
                "phases": phases,
                "medians": medians,
                "ratio_graphql_over_raw": ratio,
                "ratio_server_cpu_raw_over_graphql": cpu_ratio,
                "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            },
            indent=2,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
