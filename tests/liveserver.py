"""A real `palm-customs serve` process on a free port, for tests that need a socket."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from palm_customs.core import clock


def clock_env() -> str:
    """PALM_CLOCK for a child process: its clock reads what ours reads, and runs."""
    return clock.spec_for(clock.now())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# `palm-customs migrate` costs a server start about ten seconds of CPU (Tortoise replays the
# migration state of every file). A new SQLite file gets a copy of a migrated template instead,
# made once by the real command and kept in the temp folder under a key of everything its
# contents depend on (the app's source files, Tortoise's and SQLite's versions), so the pytest runs
# and e2e runs of one `make test` share it; a lock lets only one process make it.
# tests/test_migrations.py and tests/test_cli.py run the real command on empty databases.
BACKEND = Path(__file__).resolve().parents[1] / "backend" / "palm_customs"


def _template_applies(environ: dict[str, str]) -> Path | None:
    """The SQLite file this server will use when a copy of the template may stand for
    `migrate` (a new SQLite file, no object store whose bucket migrate would create)."""
    url = environ.get("DATABASE_URL") or f"sqlite://{Path(environ['VAR_DIR']) / 'palm.db'}"
    if not url.startswith("sqlite://") or environ.get("STORAGE_BACKEND", "filesystem") != (
        "filesystem"
    ):
        return None
    if any(key.startswith("AUDIT_CHECKPOINT") for key in environ):
        return None
    path = Path(url.removeprefix("sqlite://").split("?")[0])
    return None if path.exists() else path


def _migrated_template(environ: dict[str, str]) -> Path:
    key = hashlib.sha256()
    # the migration files import enums (and data migrations may call code) from the app:
    # every source file of the app is part of the key
    for path in sorted(BACKEND.rglob("*.py")):
        key.update(str(path.relative_to(BACKEND)).encode() + b"\0" + path.read_bytes() + b"\0")
    key.update(f"{importlib.metadata.version('tortoise-orm')} {sqlite3.sqlite_version}".encode())
    template = Path(tempfile.gettempdir()) / f"palm-migrated-{key.hexdigest()[:20]}.db"
    if template.exists():
        return template
    with open(template.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            folder = Path(tempfile.mkdtemp(prefix="palm-migrating-"))
            try:
                subprocess.run(
                    [sys.executable, "-m", "palm_customs", "migrate"],
                    env={**environ, "VAR_DIR": str(folder), "DATABASE_URL": ""},
                    check=True,
                    capture_output=True,
                    timeout=600,
                )
                # the command closed its last connection: the WAL is checkpointed into the file
                os.replace(folder / "palm.db", template)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    return template


def migrate(environ: dict[str, str]) -> None:
    """`palm-customs migrate` for a server's environment: a copy of the migrated template when
    the server starts on a new SQLite file, the command itself otherwise."""
    target = _template_applies(environ)
    if target is None:
        subprocess.run(
            [sys.executable, "-m", "palm_customs", "migrate"],
            env=environ,
            check=True,
            capture_output=True,
            timeout=600,
        )
        return
    template = _migrated_template(environ)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)


@dataclass
class LiveServer:
    origin: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextlib.contextmanager
def live_server(
    var_dir: Path, *, env: dict[str, str] | None = None, seed: bool = True
) -> Iterator[LiveServer]:
    port = free_port()
    origin = f"http://localhost:{port}"
    environ = {
        **os.environ,
        "PALM_ENV": "test",
        "VAR_DIR": str(var_dir),
        "PORT": str(port),
        "PUBLIC_ORIGIN": origin,
        # The server's clock reads what this process's clock reads (tests move it).
        "PALM_CLOCK": clock_env(),
        # Every journey signs up from 127.0.0.1: the per-network sign-up share is tested alone.
        "SIGN_UP_NETWORK_LIMIT": "100000",
        "DUTY_ESTIMATE_LIMIT": "100000",
        "SIGN_UP_DEVICE_LIMIT": "100000",
        **(env or {}),
    }
    command = [sys.executable, "-m", "palm_customs"]
    migrate(environ)
    if seed:
        subprocess.run(
            [*command, "seed-demo"], env=environ, check=True, capture_output=True, timeout=600
        )
    # (the migrate command made the folder; a template copied elsewhere does not)
    var_dir.mkdir(parents=True, exist_ok=True)
    log_path = var_dir / f"server-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*command, "serve", "--no-migrate"], env=environ, stdout=log, stderr=subprocess.STDOUT
        )
    server = LiveServer(origin=origin, port=port, process=process, log_path=log_path)
    try:
        deadline = time.monotonic() + 120  # a loaded 2-CPU machine imports slowly
        while True:
            if process.poll() is not None:
                raise RuntimeError("server exited early:\n" + server.log())
            try:
                with urllib.request.urlopen(f"{origin}/healthz", timeout=1) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not become healthy:\n" + server.log())
            time.sleep(0.1)
        yield server
    finally:
        server.stop()
