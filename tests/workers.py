"""Standalone `palm-customs worker` processes against the test database, as production runs
them (EMBEDDED_WORKER=0 servers, workers of their own)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from palm_customs.settings import Settings
from tests.liveserver import clock_env, free_port

METRICS_TOKEN = "worker-metrics-token-0123456789"


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    health_port: int
    log_path: Path
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.process.pid

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.health_port}{path}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """kill -9: no clean-up of any kind."""
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def metrics(self) -> str:
        request = urllib.request.Request(  # noqa: S310 (the test's own worker)
            self.url("/metrics"), headers={"authorization": f"Bearer {METRICS_TOKEN}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            text: str = response.read().decode()
            return text

    def move_clock(self, to: datetime) -> None:
        """The worker's clock reads `to` (and runs): its test-only clock endpoint."""
        request = urllib.request.Request(  # noqa: S310 (the test's own worker)
            self.url("/__test__/clock"),
            data=json.dumps({"at": to.isoformat()}).encode(),
            method="PUT",
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            assert response.status == 200


def worker_env(settings: Settings, **overrides: str) -> dict[str, str]:
    """What a worker of this test needs: the test's database, data folder (the same generated
    VAPID keys) and clock."""
    return {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "DATABASE_URL": settings.database_url,
        "VAR_DIR": str(settings.var_dir),
        "PUBLIC_ORIGIN": settings.public_origin,
        **({"REDIS_URL": settings.redis_url} if settings.redis_url else {}),
        "METRICS_TOKEN": METRICS_TOKEN,
        **overrides,
    }


def start_worker(
    settings: Settings, *, log_dir: Path | None = None, args: tuple[str, ...] = (), **env: str
) -> WorkerProcess:
    """Start `palm-customs worker` and wait until its health endpoint answers."""
    port = free_port()
    log_dir = log_dir or settings.var_dir
    log_path = log_dir / f"worker-{port}-{time.monotonic_ns()}.log"
    environ = worker_env(settings, WORKER_HEALTH_PORT=str(port), **env)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "palm_customs", "worker", "--idle", "0.2", *args],
            env=environ,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    worker = WorkerProcess(process=process, health_port=port, log_path=log_path)
    deadline = time.monotonic() + 120  # generous: a shared, loaded machine
    while True:
        if not worker.alive():
            raise RuntimeError("worker exited early:\n" + worker.log())
        try:
            with urllib.request.urlopen(worker.url("/healthz"), timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return worker
        except OSError:
            pass
        if time.monotonic() > deadline:
            worker.stop()
            raise RuntimeError("worker did not become healthy:\n" + worker.log())
        time.sleep(0.1)


@contextlib.contextmanager
def workers(settings: Settings, count: int = 1, **env: str) -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    try:
        for _ in range(count):
            started.append(start_worker(settings, **env))
        yield started
    finally:
        for worker in started:
            worker.stop()
