"""GraphQL vs a raw Starlette route doing the same work: one port by code, one uvicorn worker.

Prepares a throw-away SQLite database (migrate + seed-demo), starts `bench.raw_app:app` on a
free port of 127.0.0.1, checks that `POST /graphql { port(code: "PVG") {…} }` and
`GET /bench/port/PVG` return the same JSON document, then loads them with wrk in alternating
fixed-length phases (warm-up, then ROUNDS × (GraphQL, raw)). Prints req/s and p99 per phase,
their medians and the GraphQL/raw ratio; writes the numbers to bench/results/graphql_vs_raw.json.
Timing never fails the run; exit 1 means nothing trustworthy was measured.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from palm_customs.settings import KNOWN_VARIABLES

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench import cpu_accounting  # noqa: E402

NAME = "graphql_vs_raw"
RESULTS = REPO_ROOT / "bench" / "results" / f"{NAME}.json"

PORT_CODE = "PVG"
QUERY = (
    f'{{ port(code: "{PORT_CODE}") {{ code kind name {{ zhHans zhHant en }} '
    "city { zhHans zhHant en } } }"
)
THREADS, CONNECTIONS = 2, 32
WARMUP_SECONDS, PHASE_SECONDS, ROUNDS = 1, 5, 3  # 2×1 s + 3×2×5 s = 32 s of load
STARTUP_TIMEOUT = 120.0  # a loaded 2-CPU machine took over 30 s to start one


class CannotMeasure(Exception):
    pass


@dataclass
class Phase:
    target: str
    round: int
    requests_per_second: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int
    # The server process's own CPU per answered request during the phase (bench/cpu_accounting):
    # what the wrk ratio would be if the server had the CPUs to itself.
    server_cpu_ms: float = float("nan")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def server_environment(var_dir: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in KNOWN_VARIABLES}
    env.update(
        PALM_ENV="test",
        VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite://{var_dir / 'bench.db'}",
        PUBLIC_ORIGIN=f"http://localhost:{port}",
        WEB_CONCURRENCY="1",
        LOG_LEVEL="WARNING",
    )
    return env


def palm_customs(args: list[str], env: dict[str, str]) -> None:
    executable = Path(sys.executable).with_name("palm-customs")
    command = [str(executable)] if executable.exists() else ["palm-customs"]
    result = subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode != 0:
        raise CannotMeasure(f"palm-customs {' '.join(args)} failed:\n{result.stderr[-2000:]}")


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [
                sys.executable, "-m", "uvicorn", "bench.raw_app:app",
                "--app-dir", str(REPO_ROOT),
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
                return server
        except OSError:
            time.sleep(0.1)
    stop(server)
    raise CannotMeasure(f"the server did not answer /healthz within {STARTUP_TIMEOUT:.0f} s")


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def check_same_document(base: str, origin: str) -> dict[str, Any]:
    with httpx.Client(base_url=base, timeout=5) as client:
        graphql = client.post(
            "/graphql",
            json={"query": QUERY},
            headers={"content-type": "application/json", "origin": origin},
        )
        raw = client.get(f"/bench/port/{PORT_CODE}")
    graphql_body, raw_body = graphql.content, raw.content
    try:
        graphql_doc, raw_doc = graphql.json(), raw.json()
    except ValueError:
        raise CannotMeasure(
            f"not JSON: graphql {graphql.status_code} {graphql_body[:200]!r}, "
            f"raw {raw.status_code} {raw_body[:200]!r}"
        ) from None
    if graphql_doc != raw_doc:
        raise CannotMeasure(
            "the two targets answer differently, so they would not do the same work:\n"
            f"  graphql: {graphql_body.decode(errors='replace')}\n"
            f"  raw:     {raw_body.decode(errors='replace')}"
        )
    if not (graphql_doc.get("data") or {}).get("port"):
        raise CannotMeasure(f"port {PORT_CODE} was not found: is the demo data seeded?")
    return {"document": graphql_doc, "bytes_identical": graphql_body == raw_body}


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(output: str) -> tuple[float, float, int, int, int]:
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    total = re.search(r"^\s+(\d+) requests in", output, re.MULTILINE)
    if not (rps and p99 and total):
        raise CannotMeasure(f"cannot read wrk's output:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return (
        float(rps[1]),
        float(p99[1]) * _UNITS_MS[p99[2]],
        int(total[1]),
        int(non_2xx[1]) if non_2xx else 0,
        sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def run_wrk(
    wrk: str, url: str, seconds: int, script: Path | None
) -> tuple[float, float, int, int, int]:
    # A loaded machine answers slower than wrk's 2 s default: a timed-out request is not
    # counted, so a phase could report 0 req/s. Wait for answers as long as a phase lasts.
    command = [
        wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
        f"--timeout={max(seconds, 10)}s",
    ]  # fmt: skip
    if script is not None:
        command += ["-s", str(script)]
    result = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 30, check=False
    )
    if result.returncode != 0:
        raise CannotMeasure(f"wrk failed ({result.returncode}):\n{result.stderr}")
    return parse_wrk(result.stdout)


def server_cpu_ms(
    before: dict[int, float], server: subprocess.Popen[bytes], requests: int
) -> float:
    """The server's CPU milliseconds per request since `before` (cpu_accounting.tree_cpu)."""
    spent = cpu_accounting.spent(before, cpu_accounting.tree_cpu(server.pid))
    return spent / requests * 1000 if requests else float("nan")


def graphql_script(directory: Path, origin: str) -> Path:
    body = json.dumps({"query": QUERY})
    script = directory / "graphql.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(body)}\n"
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["Origin"] = "{origin}"\n'
    )
    return script


def measure(wrk: str, base: str, script: Path, server: subprocess.Popen[bytes]) -> list[Phase]:
    targets = {
        "graphql": (f"{base}/graphql", script),
        "raw": (f"{base}/bench/port/{PORT_CODE}", None),
    }
    for url, lua in targets.values():
        run_wrk(wrk, url, WARMUP_SECONDS, lua)
    phases: list[Phase] = []
    for round_number in range(1, ROUNDS + 1):
        for target, (url, lua) in targets.items():
            before = cpu_accounting.tree_cpu(server.pid)
            rps, p99, total, non_2xx, socket_errors = run_wrk(wrk, url, PHASE_SECONDS, lua)
            cpu = server_cpu_ms(before, server, total)
            phases.append(Phase(target, round_number, rps, p99, total, non_2xx, socket_errors, cpu))
    bad = [p for p in phases if p.non_2xx]
    if bad:
        raise CannotMeasure(
            "some answers were not 2xx (rate limit? origin?), so not the same work: "
            + ", ".join(f"{p.target} round {p.round}: {p.non_2xx}" for p in bad)
        )
    return phases


def report(phases: list[Phase], check: dict[str, Any]) -> dict[str, Any]:
    by_target = {t: [p for p in phases if p.target == t] for t in ("graphql", "raw")}
    medians = {
        t: {
            "requests_per_second": statistics.median(p.requests_per_second for p in ps),
            "p99_ms": statistics.median(p.p99_ms for p in ps),
            "server_cpu_ms": statistics.median(p.server_cpu_ms for p in ps),
        }
        for t, ps in by_target.items()
    }
    ratio = {
        "requests_per_second": medians["graphql"]["requests_per_second"]
        / medians["raw"]["requests_per_second"],
        "p99": medians["graphql"]["p99_ms"] / medians["raw"]["p99_ms"],
        # raw ÷ GraphQL server CPU per request under wrk (HTTP and sockets included).
        "server_cpu": medians["raw"]["server_cpu_ms"] / medians["graphql"]["server_cpu_ms"],
    }
    print(
        f"port({PORT_CODE}) by code, 1 uvicorn worker, SQLite, wrk -t{THREADS} -c{CONNECTIONS}, "
        f"{ROUNDS} rounds x {PHASE_SECONDS} s per target"
    )
    print(f"{'round':<7}{'graphql req/s':>14}{'p99':>10}{'raw req/s':>12}{'p99':>10}")
    for round_number in range(1, ROUNDS + 1):
        g = by_target["graphql"][round_number - 1]
        r = by_target["raw"][round_number - 1]
        print(
            f"{round_number:<7}{g.requests_per_second:>14.0f}{g.p99_ms:>8.1f}ms"
            f"{r.requests_per_second:>12.0f}{r.p99_ms:>8.1f}ms"
        )
    mg, mr = medians["graphql"], medians["raw"]
    print(
        f"{'median':<7}{mg['requests_per_second']:>14.0f}{mg['p99_ms']:>8.1f}ms"
        f"{mr['requests_per_second']:>12.0f}{mr['p99_ms']:>8.1f}ms"
    )
    print(
        f"GraphQL/raw: {ratio['requests_per_second']:.2f}x req/s, {ratio['p99']:.2f}x p99 "
        f"(same document{'; same bytes' if check['bytes_identical'] else ''})"
    )
    print(
        f"server CPU per request under wrk: GraphQL {mg['server_cpu_ms']:.2f} ms, raw "
        f"{mr['server_cpu_ms']:.2f} ms: raw/GraphQL {ratio['server_cpu']:.2f}"
    )
    return {
        "name": NAME,
        "query": QUERY,
        "threads": THREADS,
        "connections": CONNECTIONS,
        "phase_seconds": PHASE_SECONDS,
        "rounds": ROUNDS,
        "phases": [asdict(p) for p in phases],
        "medians": medians,
        "ratio_graphql_over_raw": ratio,
        "bytes_identical": check["bytes_identical"],
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def main() -> int:
    wrk = shutil.which("wrk")
    if wrk is None:
        print(f"{NAME}: wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="palm-bench-") as scratch:
        directory = Path(scratch)
        port = free_port()
        env = server_environment(directory / "var", port)
        origin = env["PUBLIC_ORIGIN"]
        base = f"http://127.0.0.1:{port}"
        try:
            palm_customs(["migrate"], env)
            palm_customs(["seed-demo"], env)
            server = start_server(env, port, directory / "server.log")
            try:
                check = check_same_document(base, origin)
                phases = measure(wrk, base, graphql_script(directory, origin), server)
            finally:
                stop(server)
        except CannotMeasure as error:
            print(f"{NAME}: {error}", file=sys.stderr)
            return 1
    results = report(phases, check)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
