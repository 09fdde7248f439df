"""Audit log cost: mutation throughput with the transparency log ÷ without any audit event, on
PostgreSQL with 1, 2 and 4 server processes at 32 concurrent clients, and the sealer's lag.

Each server process is `bench.audit_app:app` (the real app; its audit append switchable at run
time), all on one throw-away PostgreSQL database. The three modes are measured interleaved on
the same running servers: `off` (no audit event: the baseline), `log` (this design: an insert
with no lock, sealed in the background) and `lock` (the previous design's cost: one advisory
lock per mutation until commit). A sealer runs in this process during the whole run, sealing
every SEAL_SECONDS; its lag is the age of the oldest unsealed event, sampled. The mutation is
`feedbackSubmit` (one insert). Timing never fails the run; exit 1 means it could not measure.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
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

NAME = "audit_log"
RESULTS = REPO_ROOT / "bench" / "results" / f"{NAME}.json"
PROCESSES = (1, 2, 4)
CLIENTS = 32
SECONDS = 2.5
ROUNDS = 2
SEAL_SECONDS = 0.5
ORIGIN = "http://localhost:8000"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
MUTATION = "mutation($input: FeedbackSubmitInput!) { feedbackSubmit(input: $input) { __typename } }"


class CannotMeasure(Exception):
    pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _start(env: dict[str, str], scratch: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    log = (scratch / f"server-{port}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bench.audit_app:app", "--port", str(port),
         "--no-access-log", "--log-level", "warning"],
        cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    return process, f"http://127.0.0.1:{port}"


def _wait_healthy(process: subprocess.Popen[bytes], origin: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CannotMeasure(f"server {origin} exited early")
        try:
            with urllib.request.urlopen(f"{origin}/healthz", timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise CannotMeasure(f"server {origin} did not become healthy")


async def _load(origins: list[str], mode: str) -> tuple[float, int]:
    import httpx

    async with httpx.AsyncClient(
        timeout=30, headers={"origin": ORIGIN}, limits=httpx.Limits(max_connections=CLIENTS)
    ) as http:
        for origin in origins:
            (await http.put(f"{origin}/bench/audit-mode/{mode}")).raise_for_status()
        done = 0
        stop_at = time.perf_counter() + SECONDS

        async def client(n: int) -> None:
            nonlocal done
            origin = origins[n % len(origins)]
            while time.perf_counter() < stop_at:
                response = await http.post(
                    f"{origin}/graphql",
                    json={"query": MUTATION, "variables": {"input": {"message": f"bench {n}"}}},
                )
                kind = response.json()["data"]["feedbackSubmit"]["__typename"]
                if kind != "FeedbackSubmitSuccess":
                    raise CannotMeasure(f"feedbackSubmit answered {kind}")
                done += 1

        started = time.perf_counter()
        await asyncio.gather(*(client(n) for n in range(CLIENTS)))
        return done / (time.perf_counter() - started), done


def _cpu(pids: list[int], database: str) -> dict[int, float]:
    """CPU seconds so far of the servers' processes and the database's backends."""
    reading: dict[int, float] = {}
    for pid in pids:
        reading.update(cpu_accounting.tree_cpu(pid))
    reading.update(cpu_accounting.postgres_backends_cpu(database))
    return reading


async def _sealer(stop: asyncio.Event, lags: list[float], backlog: list[int]) -> None:
    """Seal every SEAL_SECONDS, sampling the lag first as /metrics reports it (core/audit_lag.py:
    the unsealed events and the age of the oldest)."""
    from palm_customs.core import audit, audit_lag

    while not stop.is_set():
        found = await audit_lag.lag()
        lags.append(found.oldest_seconds)
        backlog.append(found.unsealed)
        await audit.seal()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=SEAL_SECONDS)


async def _measure(scratch: Path) -> dict[str, Any]:
    import asyncpg
    from tortoise import Tortoise

    from palm_customs.cli import migrate
    from palm_customs.core import audit
    from palm_customs.core.db import settings_config
    from palm_customs.settings import load_settings

    name = f"palm_bench_audit_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(PG_ADMIN)
    await admin.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "PALM_ENV": "development",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
        "VAR_DIR": str(scratch / "var"),
        "PUBLIC_ORIGIN": ORIGIN,
        "SECRET_KEY": secrets.token_urlsafe(40),
        "EMBEDDED_WORKER": "0",
        "LOG_LEVEL": "WARNING",
        "PWA_DIST": str(scratch / "no-pwa"),
    }
    settings = load_settings(env)
    results: list[dict[str, Any]] = []
    try:
        await migrate(settings)
        audit.configure(settings)
        await Tortoise.init(config=settings_config(settings))
        stop_sealing = asyncio.Event()
        lags: list[float] = []
        backlog: list[int] = []
        sealer = asyncio.create_task(_sealer(stop_sealing, lags, backlog))
        try:
            # All servers start at once; each measurement uses the first 1, 2 or 4 of them
            # (an idle server costs nothing), so start-up is paid once.
            started = [_start(env, scratch) for _ in range(max(PROCESSES))]
            try:
                for process, origin in started:
                    await asyncio.to_thread(_wait_healthy, process, origin)
                for count in PROCESSES:
                    origins = [origin for _, origin in started[:count]]
                    await _load(origins, "log")  # warm up connections and caches
                    pids = [process.pid for process, _ in started[:count]]
                    rates: dict[str, list[float]] = {"off": [], "log": [], "lock": []}
                    cpu_ms: dict[str, list[float]] = {"off": [], "log": [], "lock": []}
                    lag_mark, backlog_mark = len(lags), len(backlog)
                    for _ in range(ROUNDS):
                        for mode in rates:
                            before = _cpu(pids, name)
                            rate, done = await _load(origins, mode)
                            spent = cpu_accounting.spent(before, _cpu(pids, name))
                            rates[mode].append(rate)
                            cpu_ms[mode].append(spent / max(done, 1) * 1000)
                    median = {mode: statistics.median(values) for mode, values in rates.items()}
                    cpu = {mode: statistics.median(values) for mode, values in cpu_ms.items()}
                    results.append(
                        {
                            "server_processes": count,
                            "off_per_second": median["off"],
                            "log_per_second": median["log"],
                            "lock_per_second": median["lock"],
                            "log_over_off": median["log"] / median["off"],
                            "lock_over_off": median["lock"] / median["off"],
                            # CPU per mutation of the servers and the database's backends
                            # (the sealer's queries included): off ÷ log = capacity ratio.
                            "cpu_ms": cpu,
                            "cpu_off_over_log": cpu["off"] / cpu["log"],
                            "sealer_max_lag_seconds": max(lags[lag_mark:], default=0.0),
                            "sealer_max_unsealed_events": max(backlog[backlog_mark:], default=0),
                        }
                    )
            finally:
                for process, _ in started:
                    process.terminate()
                for process, _ in started:
                    process.wait(timeout=20)
        finally:
            stop_sealing.set()
            await sealer
        await audit.seal()
        report = await audit.verify()
        if report.breaks:
            raise CannotMeasure(f"the log does not verify: {report.breaks[:3]}")
        sealed = report.verified
        await Tortoise.close_connections()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
    return {"results": results, "events_sealed_and_verified": sealed}


def main() -> int:
    with socket.socket() as probe:
        probe.settimeout(1)
        if probe.connect_ex(("127.0.0.1", 5432)) != 0:
            print(f"{NAME}: PostgreSQL is not running on 127.0.0.1:5432", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="palm-bench-audit-") as scratch:
        try:
            measured = asyncio.run(_measure(Path(scratch)))
        except CannotMeasure as error:
            print(f"{NAME}: {error}", file=sys.stderr)
            return 1
    print(
        f"feedbackSubmit, {CLIENTS} concurrent clients, PostgreSQL, {ROUNDS} interleaved rounds "
        f"of {SECONDS}s per mode; sealer every {SEAL_SECONDS}s; "
        f"{measured['events_sealed_and_verified']} events sealed and verified"
    )
    print(
        f"{'procs':>5}{'off/s':>9}{'log/s':>9}{'log÷off':>9}{'lock/s':>9}{'lock÷off':>10}"
        f"{'seal lag':>10}{'unsealed':>10}{'CPU off':>10}{'CPU log':>10}{'off÷log':>9}"
    )
    for r in measured["results"]:
        print(
            f"{r['server_processes']:>5}{r['off_per_second']:>9.0f}{r['log_per_second']:>9.0f}"
            f"{r['log_over_off']:>9.2f}{r['lock_per_second']:>9.0f}{r['lock_over_off']:>10.2f}"
            f"{r['sealer_max_lag_seconds']:>9.1f}s{r['sealer_max_unsealed_events']:>10}"
            f"{r['cpu_ms']['off']:>8.2f}ms{r['cpu_ms']['log']:>8.2f}ms{r['cpu_off_over_log']:>9.2f}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "name": NAME,
                "clients": CLIENTS,
                **measured,
                "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            },
            indent=2,
        )
        + "\n"
    )
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
