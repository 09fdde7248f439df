"""The production shape on this machine, without Docker: what docker-compose.yml runs, as
processes.

- PostgreSQL: a database of its own on the machine's server (127.0.0.1:5432);
- Redis: a `redis-server` of its own on a free port (so it can be restarted, and no other test
  run shares its keys or channels);
- S3-compatible storage: moto's standalone server (the document tests' S3 stand-in);
- two `palm-customs serve` replicas (EMBEDDED_WORKER=0, separate data folders: nothing is
  shared through the file system), each answering /metrics with a token;
- two standalone `palm-customs worker` processes;
- Debian's `caddy` running deploy/Caddyfile itself, in front of the replicas, on a free port
  that is the site's public origin (http://localhost:<port>, so WebAuthn's RP ID is localhost).
"""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from palm_customs.cli import migrate
from palm_customs.settings import PROJECT_ROOT, Settings, load_settings
from tests.liveserver import clock_env, free_port
from tests.workers import METRICS_TOKEN, WorkerProcess, start_worker

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
CADDYFILE = PROJECT_ROOT / "deploy" / "Caddyfile"
S3_BUCKET = "palm-topology"
S3_KEYS = {"S3_ACCESS_KEY_ID": "topology", "S3_SECRET_ACCESS_KEY": "topology-secret"}
# Start-up is slow on a loaded 2-CPU machine: deadlines only stop a broken run.
START_SECONDS = 300.0


def wait_until(
    check: Callable[[], bool],
    *,
    what: str,
    seconds: float = START_SECONDS,
    logs: Callable[[], str] = lambda: "",
) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"gave up waiting for {what}\n{logs()}")
        time.sleep(0.1)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
            return bool(response.status == 200)
    except OSError:
        return False


def listens(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
        return True
    return False


@dataclass
class Process:
    """A child process with its output in a file."""

    name: str
    command: list[str]
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """kill -9: no clean-up of any kind."""
        if self.process is not None and self.alive():
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@dataclass
class Replica(Process):
    port: int = 0
    var_dir: Path = Path()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def metrics(self) -> str:
        request = urllib.request.Request(  # noqa: S310 (the test's own replica)
            f"{self.url}/metrics", headers={"authorization": f"Bearer {METRICS_TOKEN}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            text: str = response.read().decode()
            return text


@dataclass
class Stack:
    origin: str
    proxy_port: int
    database_url: str
    redis_port: int
    s3_endpoint: str
    replicas: list[Replica]
    proxy: Process
    redis: Process
    worker_settings: Settings
    worker_env: dict[str, str]
    workers: list[WorkerProcess] = field(default_factory=list)
    directory: Path = Path()

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    def start_worker(self, **env: str) -> WorkerProcess:
        environment: dict[str, Any] = {**self.worker_env, **env}
        worker = start_worker(self.worker_settings, log_dir=self.directory, **environment)
        self.workers.append(worker)
        return worker

    def restart_redis(self) -> None:
        """Stop Redis (everything in it is lost, as configured in production) and start it
        again on the same port."""
        self.redis.kill()
        self.redis.start()
        wait_until(lambda: listens(self.redis_port), what="redis to listen again")

    def logs(self) -> str:
        parts = [f"--- {p.name}\n{p.log()[-4000:]}" for p in [*self.replicas, self.proxy]]
        parts += [f"--- worker {w.pid}\n{w.log()[-4000:]}" for w in self.workers]
        return "\n".join(parts)


def _vapid_keys() -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return pem, base64.urlsafe_b64encode(public).rstrip(b"=").decode()


async def pg_admin(sql: str) -> None:
    connection = await asyncpg.connect(PG_ADMIN_URL, timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def _executable(name: str, hint: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise RuntimeError(f"{name} is needed for the topology test: {hint}")
    return found


@contextlib.contextmanager
def topology(directory: Path, *, run: Callable[..., object]) -> Iterator[Stack]:
    """Start everything (in parallel where it can), yield the stack, stop everything.

    `run` runs a coroutine to completion (the database is created and dropped with it).
    """
    caddy = _executable("caddy", "make test-topology installs Debian's caddy package")
    redis_server = _executable("redis-server", "Debian's redis-server package")
    moto = _executable("moto_server", "moto[server] is a dev dependency (uv sync)")

    database = f"palm_topology_{uuid.uuid4().hex[:12]}"
    run(pg_admin(f'CREATE DATABASE "{database}"'))
    database_url = f"postgres://postgres@127.0.0.1:5432/{database}"
    proxy_port, redis_port, s3_port = free_port(), free_port(), free_port()
    origin = f"http://localhost:{proxy_port}"
    s3_endpoint = f"http://127.0.0.1:{s3_port}"
    vapid_private, vapid_public = _vapid_keys()
    shared = {
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "PUBLIC_ORIGIN": origin,
        "SECRET_KEY": secrets.token_urlsafe(40),
        "VAPID_PRIVATE_KEY": vapid_private,
        "VAPID_PUBLIC_KEY": vapid_public,
        "VAPID_SUBJECT": "mailto:topology@localhost",
        "STORAGE_BACKEND": "s3",
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_BUCKET": S3_BUCKET,
        "S3_REGION": "us-east-1",
        **S3_KEYS,
        "EMBEDDED_WORKER": "0",
        "METRICS_TOKEN": METRICS_TOKEN,
        # The proxy reaches the replicas from 127.0.0.1; the tests' own clients come from
        # 127.0.0.2 and 127.0.0.3, so they are never taken for the proxy.
        "TRUSTED_PROXIES": "127.0.0.1",
        "LOG_LEVEL": "INFO",
    }
    palm = [sys.executable, "-m", "palm_customs"]
    redis = Process(
        name="redis",
        command=[
            redis_server,
            *("--port", str(redis_port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no"),
        ],
        env=dict(os.environ),
        log_path=directory / "redis.log",
    )
    s3 = Process(
        name="s3",
        command=[moto, "-H", "127.0.0.1", "-p", str(s3_port)],
        env=dict(os.environ),
        log_path=directory / "s3.log",
    )
    replicas = []
    for n in (1, 2):
        port = free_port()
        var_dir = directory / f"app-{n}"
        var_dir.mkdir()
        replicas.append(
            Replica(
                name=f"app-{n}",
                command=[*palm, "serve", "--no-migrate", "--host", "127.0.0.1"],
                env={
                    **os.environ,
                    **shared,
                    "VAR_DIR": str(var_dir),
                    "PORT": str(port),
                    "WEB_CONCURRENCY": "1",
                },
                log_path=directory / f"app-{n}.log",
                port=port,
                var_dir=var_dir,
            )
        )
    proxy_home = directory / "caddy"
    proxy_home.mkdir()
    proxy = Process(
        name="proxy",
        command=[caddy, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
        env={
            **os.environ,
            "HOME": str(proxy_home),
            "XDG_DATA_HOME": str(proxy_home),
            "XDG_CONFIG_HOME": str(proxy_home),
            "PALM_DOMAIN": origin,
            "PALM_UPSTREAMS": " ".join(f"127.0.0.1:{r.port}" for r in replicas),
            "PALM_CADDY_ADMIN": f"127.0.0.1:{free_port()}",
        },
        log_path=directory / "proxy.log",
    )
    worker_dir = directory / "worker"
    worker_dir.mkdir()
    worker_env = {**shared, "VAR_DIR": str(worker_dir)}
    stack = Stack(
        origin=origin,
        proxy_port=proxy_port,
        database_url=database_url,
        redis_port=redis_port,
        s3_endpoint=s3_endpoint,
        replicas=replicas,
        proxy=proxy,
        redis=redis,
        # Without PALM_CLOCK: load_settings checks it by configuring this process's clock and
        # resetting it, which would undo the test's `moment`.
        worker_settings=load_settings({k: v for k, v in worker_env.items() if k != "PALM_CLOCK"}),
        worker_env=worker_env,
        directory=directory,
    )
    started: list[Process] = []
    try:
        for process in (redis, s3):
            process.start()
            started.append(process)
        wait_until(lambda: answers(f"{s3_endpoint}/moto-api/"), what="the S3 server")
        # In this process (it has imported the migrations already: a child would take
        # seconds); `migrate` also creates the documents' bucket, as in production.
        run(migrate(stack.worker_settings))
        for process in (*replicas, proxy):
            process.start()
            started.append(process)
        # Two standalone workers, as docker-compose.yml runs (started side by side).
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda _: stack.start_worker(), range(2)))
        for replica in replicas:
            wait_until(
                lambda r=replica: answers(f"{r.url}/readyz") or not r.alive(),  # type: ignore[misc]
                what=f"{replica.name} to be ready",
                logs=stack.logs,
            )
            assert replica.alive(), replica.log()
        wait_until(lambda: answers(f"{origin}/healthz"), what="the proxy", logs=stack.logs)
        yield stack
    finally:
        # Every process is asked to stop at once, then waited for (one by one takes minutes on
        # a loaded machine).
        for child in [*(w.process for w in stack.workers), *(p.process for p in started)]:
            if child is not None and child.poll() is None:
                child.terminate()
        for worker in stack.workers:
            worker.stop()
        for process in reversed(started):
            process.stop()
        run(pg_admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
