"""Mutations/s with the audit log ÷ without it, PostgreSQL, 32 clients, 1 / 2 / 4 server
processes; and the asyncpg pool (DATABASE_POOL_SIZE 5, Tortoise's default, vs 20) under 32
concurrent page requests.

One throw-away PostgreSQL database; the server is `uvicorn bench.mutation_app:app --workers N`
(PALM_BENCH_AUDIT=off replaces the audit append by a no-op); wrk sends the mutation
`notificationMarkAllRead` (an UPDATE plus the audit event) as one signed-in person, and for the
pool the page `myDeclarations(first: 20)`. Writes bench/results/mutations.json. Timing never
fails the run; exit 1 means it could not measure.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.bench_graphql_vs_raw import (  # noqa: E402
    CannotMeasure,
    free_port,
    palm_customs,
    run_wrk,
    server_environment,
    stop,
)
from bench.bench_list_page import PAGE_QUERY, seed  # noqa: E402

NAME = "mutations"
RESULTS = REPO_ROOT / "bench" / "results" / f"{NAME}.json"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
MUTATION = "mutation { notificationMarkAllRead { __typename } }"
PROCESSES = (1, 2, 4)
WARMUP_SECONDS, PHASE_SECONDS = 1, 4
STARTUP_TIMEOUT = 300.0  # four workers importing the app on a loaded machine


def _postgres_available() -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", 5432)) == 0


async def _pg_admin(sql: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(PG_ADMIN_URL, timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def start(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [
                sys.executable, "-m", "uvicorn", "bench.mutation_app:app",
                "--app-dir", str(REPO_ROOT), "--workers", str(workers),
                "--host", "127.0.0.1", "--port", str(port),
                "--log-level", "warning", "--no-access-log",
            ],
            env=env, cwd=REPO_ROOT, stdout=sink, stderr=subprocess.STDOUT,
        )  # fmt: skip
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CannotMeasure(f"the server exited:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                time.sleep(1.0 * workers)  # let every worker finish starting
                return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise CannotMeasure("the server did not answer /healthz")


def script(directory: Path, name: str, query: str, origin: str, cookie: str) -> Path:
    path = directory / f"{name}.lua"
    path.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(json.dumps({'query': query}))}\n"
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["Origin"] = "{origin}"\n'
        f'wrk.headers["Cookie"] = "{cookie}"\n'
    )
    return path


def phase(
    wrk: str, env: dict[str, str], port: int, workers: int, lua: Path, directory: Path
) -> tuple[float, float]:
    server = start(env, port, workers, directory / "server.log")
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        run_wrk(wrk, url, WARMUP_SECONDS, lua)
        rps, p99, _total, non_2xx, _errors = run_wrk(wrk, url, PHASE_SECONDS, lua)
        if non_2xx:
            raise CannotMeasure(f"{non_2xx} answers were not 2xx")
        return rps, p99
    finally:
        stop(server)


def main() -> int:
    wrk = shutil.which("wrk")
    if wrk is None or not _postgres_available():
        print(f"{NAME}: needs wrk and PostgreSQL on 127.0.0.1:5432", file=sys.stderr)
        return 1
    from palm_customs.identity.sessions import cookie_name

    name = f"palm_bench_{uuid.uuid4().hex[:10]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    results: dict[str, Any] = {"audit": {}, "pool": {}}
    try:
        with tempfile.TemporaryDirectory(prefix="palm-bench-") as scratch:
            directory = Path(scratch)
            port = free_port()
            env = server_environment(directory / "var", port)
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
            env["EMBEDDED_WORKER"] = "0"
            palm_customs(["migrate"], env)
            token = asyncio.run(seed(env["DATABASE_URL"]))
            cookie = f"{cookie_name(False)}={token}"
            origin = env["PUBLIC_ORIGIN"]
            mutation = script(directory, "mutation", MUTATION, origin, cookie)
            page = script(directory, "page", PAGE_QUERY, origin, cookie)
            for workers in PROCESSES:
                row = {}
                for audit in ("on", "off"):
                    rps, p99 = phase(
                        wrk, {**env, "PALM_BENCH_AUDIT": audit}, port, workers, mutation, directory
                    )
                    row[audit] = {"requests_per_second": rps, "p99_ms": p99}
                    print(f"  {workers} process(es), audit {audit}: {rps:.0f}/s", flush=True)
                row["ratio"] = row["on"]["requests_per_second"] / row["off"]["requests_per_second"]
                results["audit"][str(workers)] = row
            for size in (5, 20):
                rps, p99 = phase(
                    wrk, {**env, "DATABASE_POOL_SIZE": str(size)}, port, 1, page, directory
                )
                results["pool"][str(size)] = {"requests_per_second": rps, "p99_ms": p99}
    except CannotMeasure as error:
        print(f"{NAME}: {error}", file=sys.stderr)
        return 1
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print("notificationMarkAllRead, PostgreSQL, wrk -c32: mutations/s with the audit log / without")
    print(f"{'procs':<7}{'log on':>10}{'log off':>10}{'ratio':>8}")
    for workers, row in results["audit"].items():
        print(
            f"{workers:<7}{row['on']['requests_per_second']:>10.0f}"
            f"{row['off']['requests_per_second']:>10.0f}{row['ratio']:>8.2f}"
        )
    pool = results["pool"]
    results["pool"]["ratio_20_over_5"] = (
        pool["20"]["requests_per_second"] / pool["5"]["requests_per_second"]
    )
    print(
        f"myDeclarations(first: 20), 1 process, 32 clients: pool 5 "
        f"{pool['5']['requests_per_second']:.0f} req/s (p99 {pool['5']['p99_ms']:.0f} ms), "
        f"pool 20 {pool['20']['requests_per_second']:.0f} req/s "
        f"(p99 {pool['20']['p99_ms']:.0f} ms): {pool['ratio_20_over_5']:.2f}x"
    )
    results["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"name": NAME, **results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
