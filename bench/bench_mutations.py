"""Mutations/s with the audit log ÷ without it, PostgreSQL, 32 clients, 1 / 2 / 4 server
processes; and the asyncpg pool (DATABASE_POOL_SIZE 5, Tortoise's default, vs 20) under 32
concurrent page requests.

One throw-away PostgreSQL database; the server is `uvicorn bench.mutation_app:app --workers N`
(while the file PALM_BENCH_AUDIT_OFF names exists, the audit append is a no-op); one server
per process count is measured with the log on and off in ROUNDS interleaved phases (each
side's best req/s; other work on the machine only ever takes from a phase). Beside req/s it
reads the CPU each mutation cost the server's processes and PostgreSQL's backends
(bench/cpu_accounting.py), which the load from other work hardly changes. wrk sends, as 256
signed-in people in turn:

- `notificationSettingsSave`, a mutation that changes a row every time (a locking read and an
  UPDATE): the log's cost beside the change it audits (`audit` in the JSON, the table's row);
- `notificationMarkAllRead` once nothing is unread, a mutation that changes nothing (its UPDATE
  matches no row): the worst case, where the audit event is the transaction's only write
  (`audit_unchanged`).

For the pool, one person's page `myDeclarations(first: 20)`. Writes bench/results/mutations.json.
Timing never fails the run; exit 1 means it could not measure.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import statistics
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

from bench import cpu_accounting  # noqa: E402
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
MUTATION = (
    'mutation { notificationSettingsSave(policyCategories: ["tax"], quietStart: "22:00",'
    ' quietEnd: "07:00") { __typename } }'
)
UNCHANGED = "mutation { notificationMarkAllRead { __typename } }"
MUTATIONS = {"audit": MUTATION, "audit_unchanged": UNCHANGED}
PROCESSES = (1, 2, 4)
PEOPLE = 256
WARMUP_SECONDS, PHASE_SECONDS, ROUNDS = 1, 4, 4
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


def script(directory: Path, name: str, query: str, origin: str, cookies: list[str]) -> Path:
    """A wrk script sending `query` as each of `cookies`' people in turn (32 clients are 32
    people, as in life, not one person's row locked 32 times over)."""
    path = directory / f"{name}.lua"
    path.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(json.dumps({'query': query}))}\n"
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["Origin"] = "{origin}"\n'
        f"local cookies = {{{', '.join(json.dumps(c) for c in cookies)}}}\n"
        "local n = 0\n"
        "request = function()\n"
        "  n = n % #cookies + 1\n"
        '  wrk.headers["Cookie"] = cookies[n]\n'
        "  return wrk.format()\n"
        "end\n"
    )
    return path


async def people(database_url: str, count: int) -> list[str]:
    """`count` people, each signed in with a passkey session; returns their session tokens."""
    from tortoise.context import TortoiseContext
    from tortoise.transactions import in_transaction

    from palm_customs.core.db import tortoise_config
    from palm_customs.identity import sessions
    from palm_customs.identity.models import Account, AccountKind, SessionMethod

    tokens: list[str] = []
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database_url))
        async with in_transaction() as connection:
            for _ in range(count):
                account = await Account.create(
                    using_db=connection,
                    id=uuid.uuid4(),
                    kind=AccountKind.PERSON,
                    user_handle=uuid.uuid4().hex,
                    language="en",
                )
                issued = await sessions.start(
                    connection,
                    account=account,
                    method=SessionMethod.PASSKEY,
                    ip="127.0.0.1",
                    user_agent="bench",
                )
                tokens.append(issued.token)
    return tokens


def _server_cpu(server: subprocess.Popen[bytes]) -> dict[int, float]:
    return cpu_accounting.tree_cpu(server.pid)


def phase(
    wrk: str, server: subprocess.Popen[bytes], port: int, lua: Path, database: str
) -> dict[str, float]:
    """One wrk phase against a running server: req/s, p99, and the CPU seconds per request
    spent by the server's processes and by PostgreSQL's backends of the bench database."""
    url = f"http://127.0.0.1:{port}/graphql"
    app_before = _server_cpu(server)
    db_before = cpu_accounting.postgres_backends_cpu(database)
    rps, p99, total, non_2xx, _errors = run_wrk(wrk, url, PHASE_SECONDS, lua)
    app = cpu_accounting.spent(app_before, _server_cpu(server))
    db = cpu_accounting.spent(db_before, cpu_accounting.postgres_backends_cpu(database))
    if non_2xx:
        raise CannotMeasure(f"{non_2xx} answers were not 2xx")
    if total == 0:
        raise CannotMeasure("no answer in a whole phase")
    return {
        "requests_per_second": rps,
        "p99_ms": p99,
        "app_cpu_ms": app / total * 1000,
        "db_cpu_ms": db / total * 1000,
        "cpu_ms": (app + db) / total * 1000,
    }


def compare(
    wrk: str,
    env: dict[str, str],
    workers: int,
    scripts: dict[str, Path],
    directory: Path,
    database: str,
) -> dict[str, dict[str, Any]]:
    """Log on and log off on one running server (the switch is a file every worker looks at),
    for each mutation in ROUNDS interleaved phases: each side's best req/s (other work on the
    machine only ever takes from a phase) and its median CPU per request."""
    switch = directory / "audit-off"
    switch.unlink(missing_ok=True)
    port = free_port()
    server = start(
        {**env, "PALM_BENCH_AUDIT_OFF": str(switch)},
        port,
        workers,
        directory / f"server-{workers}.log",
    )
    phases: dict[str, dict[str, list[dict[str, float]]]] = {
        name: {"on": [], "off": []} for name in scripts
    }
    try:
        for lua in scripts.values():
            run_wrk(wrk, f"http://127.0.0.1:{port}/graphql", WARMUP_SECONDS, lua)
        for _ in range(ROUNDS):
            for name, lua in scripts.items():
                for audit in ("on", "off"):
                    if audit == "off":
                        switch.touch()
                    else:
                        switch.unlink(missing_ok=True)
                    phases[name][audit].append(phase(wrk, server, port, lua, database))
    finally:
        stop(server)
        switch.unlink(missing_ok=True)
    return {name: _row(found) for name, found in phases.items()}


def _row(phases: dict[str, list[dict[str, float]]]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for audit, found in phases.items():
        row[audit] = {
            "requests_per_second": max(p["requests_per_second"] for p in found),
            "p99_ms": min(p["p99_ms"] for p in found),
            "cpu_ms": statistics.median(p["cpu_ms"] for p in found),
            "app_cpu_ms": statistics.median(p["app_cpu_ms"] for p in found),
            "db_cpu_ms": statistics.median(p["db_cpu_ms"] for p in found),
            "phases": found,
        }
    row["ratio"] = row["on"]["requests_per_second"] / row["off"]["requests_per_second"]
    # Capacity with the log ÷ without it, from the CPU a mutation costs the server and the
    # database (1.0: the log costs nothing); wrk's own CPU is left out.
    row["cpu_ratio"] = row["off"]["cpu_ms"] / row["on"]["cpu_ms"]
    return row


def main() -> int:
    wrk = shutil.which("wrk")
    if wrk is None or not _postgres_available():
        print(f"{NAME}: needs wrk and PostgreSQL on 127.0.0.1:5432", file=sys.stderr)
        return 1
    from palm_customs.identity.sessions import cookie_name

    name = f"palm_bench_{uuid.uuid4().hex[:10]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    results: dict[str, Any] = {"pool": {}, **{name: {} for name in MUTATIONS}}
    try:
        with tempfile.TemporaryDirectory(prefix="palm-bench-") as scratch:
            directory = Path(scratch)
            env = server_environment(directory / "var", free_port())
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
            env["EMBEDDED_WORKER"] = "0"
            palm_customs(["migrate"], env)
            token = asyncio.run(seed(env["DATABASE_URL"]))
            cookie = f"{cookie_name(False)}={token}"
            cookies = [
                f"{cookie_name(False)}={t}"
                for t in asyncio.run(people(env["DATABASE_URL"], PEOPLE))
            ]
            origin = env["PUBLIC_ORIGIN"]
            scripts = {
                name: script(directory, name, query, origin, cookies)
                for name, query in MUTATIONS.items()
            }
            page = script(directory, "page", PAGE_QUERY, origin, [cookie])
            for workers in PROCESSES:
                rows = compare(wrk, env, workers, scripts, directory, name)
                for mutation, row in rows.items():
                    results[mutation][str(workers)] = row
                    for audit in ("on", "off"):
                        print(
                            f"  {mutation}, {workers} process(es), log {audit}: best "
                            f"{row[audit]['requests_per_second']:.0f}/s, CPU per mutation "
                            f"{row[audit]['cpu_ms']:.2f} ms (app {row[audit]['app_cpu_ms']:.2f}, "
                            f"PostgreSQL {row[audit]['db_cpu_ms']:.2f})",
                            flush=True,
                        )
            for size in (5, 20):
                port = free_port()
                server = start(
                    {**env, "DATABASE_POOL_SIZE": str(size)},
                    port,
                    1,
                    directory / f"server-pool-{size}.log",
                )
                try:
                    run_wrk(wrk, f"http://127.0.0.1:{port}/graphql", WARMUP_SECONDS, page)
                    found = phase(wrk, server, port, page, name)
                finally:
                    stop(server)
                results["pool"][str(size)] = {
                    "requests_per_second": found["requests_per_second"],
                    "p99_ms": found["p99_ms"],
                }
    except CannotMeasure as error:
        print(f"{NAME}: {error}", file=sys.stderr)
        return 1
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    for mutation, title in (
        ("audit", "notificationSettingsSave (changes a row)"),
        ("audit_unchanged", "notificationMarkAllRead with nothing unread (changes nothing)"),
    ):
        print(
            f"{title}, PostgreSQL, wrk -c32: mutations/s with the audit log / without (best of "
            f"{ROUNDS} interleaved phases), and CPU per mutation (server + PostgreSQL, median)"
        )
        print(
            f"{'procs':<7}{'log on':>10}{'log off':>10}{'ratio':>8}"
            f"{'CPU on':>10}{'CPU off':>10}{'off/on':>8}"
        )
        for workers, row in results[mutation].items():
            print(
                f"{workers:<7}{row['on']['requests_per_second']:>10.0f}"
                f"{row['off']['requests_per_second']:>10.0f}{row['ratio']:>8.2f}"
                f"{row['on']['cpu_ms']:>8.2f}ms{row['off']['cpu_ms']:>8.2f}ms"
                f"{row['cpu_ratio']:>8.2f}"
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
