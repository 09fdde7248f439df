"""Server CPU per request, GraphQL vs the raw routes, calling the ASGI app in-process.

wrk's req/s on a machine shared with other work mostly measures that work (a loaded 2-CPU
machine gave phases of 47 and 375 req/s for the same target a minute apart). This measures the
app's own CPU time per request (`time.process_time`, no HTTP client, no socket), alternating
GraphQL and raw for ROUNDS rounds and keeping each target's best round: other processes only
ever add to a round. Same app, database and documents as bench_graphql_vs_raw and
bench_list_page (the two targets must answer the same JSON). Writes
bench/results/server_cpu.json; timing never fails the run.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.bench_graphql_vs_raw import (  # noqa: E402
    PORT_CODE,
    QUERY,
    CannotMeasure,
    palm_customs,
    server_environment,
)
from bench.bench_list_page import PAGE_QUERY, seed  # noqa: E402

NAME = "server_cpu"
RESULTS = REPO_ROOT / "bench" / "results" / f"{NAME}.json"
ROUNDS, PER_ROUND, WARM_UP = 8, 100, 100

Call = Callable[[], Awaitable[bytes]]


def _scope(method: str, path: str, headers: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(k.encode(), v.encode()) for k, v in headers],
        "client": ("127.0.0.1", 5555), "server": ("127.0.0.1", 8000), "state": {},
    }  # fmt: skip


def caller(app: Any, method: str, path: str, headers: list[tuple[str, str]], body: bytes) -> Call:
    async def call() -> bytes:
        sent = False
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.Event().wait()  # the client never disconnects
            return {}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await app(_scope(method, path, headers), receive, send)
        return b"".join(chunks)

    return call


async def cpu_ms(call: Call, n: int) -> float:
    started = time.process_time()
    for _ in range(n):
        await call()
    return (time.process_time() - started) / n * 1000


async def compare(graphql: Call, raw: Call) -> dict[str, Any]:
    if json.loads(await graphql()) != json.loads(await raw()):
        raise CannotMeasure("GraphQL and the raw route answer differently")
    for _ in range(WARM_UP):
        await graphql()
        await raw()
    rounds: dict[str, list[float]] = {"graphql": [], "raw": []}
    for _ in range(ROUNDS):
        rounds["graphql"].append(await cpu_ms(graphql, PER_ROUND))
        rounds["raw"].append(await cpu_ms(raw, PER_ROUND))
    best = {target: min(values) for target, values in rounds.items()}
    return {
        "graphql_cpu_ms": round(best["graphql"], 3),
        "raw_cpu_ms": round(best["raw"], 3),
        "ratio_graphql_over_raw": round(best["raw"] / best["graphql"], 3),
        "rounds_ms": {t: [round(v, 3) for v in vs] for t, vs in rounds.items()},
    }


async def measure(env: dict[str, str], token: str) -> dict[str, Any]:
    from bench.raw_app import app
    from palm_customs.identity.sessions import cookie_name

    origin = env["PUBLIC_ORIGIN"]
    json_headers = [("host", "127.0.0.1:8000"), ("origin", origin)]
    json_headers.append(("content-type", "application/json"))
    cookie = [("cookie", f"{cookie_name(False)}={token}")]
    port_body = json.dumps({"query": QUERY}).encode()
    page_body = json.dumps({"query": PAGE_QUERY}).encode()
    async with app.router.lifespan_context(app):
        single = await compare(
            caller(app, "POST", "/graphql", json_headers, port_body),
            caller(app, "GET", f"/bench/port/{PORT_CODE}", json_headers[:1], b""),
        )
        page = await compare(
            caller(app, "POST", "/graphql", json_headers + cookie, page_body),
            caller(app, "GET", "/bench/my-declarations", json_headers[:1] + cookie, b""),
        )
    return {"single_object": single, "list_page": page}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="palm-bench-") as scratch:
        env = server_environment(Path(scratch) / "var", 8000)
        try:
            palm_customs(["migrate"], env)
            palm_customs(["seed-demo"], env)
            token = asyncio.run(seed(env["DATABASE_URL"]))
            os.environ.update(env)
            results = asyncio.run(measure(env, token))
        except CannotMeasure as error:
            print(f"{NAME}: {error}", file=sys.stderr)
            return 1
    for name, row in results.items():
        print(
            f"{name}: GraphQL {row['graphql_cpu_ms']:.2f} ms CPU per request, raw "
            f"{row['raw_cpu_ms']:.2f} ms: raw/GraphQL {row['ratio_graphql_over_raw']:.2f} "
            f"(best of {ROUNDS} rounds of {PER_ROUND})"
        )
    results["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    results["load_average"] = os.getloadavg()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
