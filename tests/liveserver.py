"""A real `palm-customs serve` process on a free port, for tests that need a socket."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
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
        **(env or {}),
    }
    command = [sys.executable, "-m", "palm_customs"]
    subprocess.run([*command, "migrate"], env=environ, check=True, capture_output=True, timeout=120)
    if seed:
        subprocess.run(
            [*command, "seed-demo"], env=environ, check=True, capture_output=True, timeout=120
        )
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
