"""Run every benchmark module in bench/ (bench_*.py), one after the other, each in its own process.

Timing never fails a run; a benchmark exits non-zero only when it could not measure (the
server did not start, wrk is missing, or the two targets did not return the same document).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results"
# Each benchmark bounds its own duration; this is a backstop against a hung process.
TIMEOUT_SECONDS = 900

Row = tuple[str, str, Callable[[dict[str, Any]], str]]


def _get(results: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = results.get(name) or {}
    return found


def _audit(key: str) -> Callable[[dict[str, Any]], str]:
    def read(r: dict[str, Any]) -> str:
        rows = _get(r, "mutations").get(key, {})
        return " / ".join(f"{rows[p]['ratio']:.2f}" for p in ("1", "2", "4") if p in rows) or "-"

    return read


def _audit_cpu(key: str) -> Callable[[dict[str, Any]], str]:
    def read(r: dict[str, Any]) -> str:
        rows = _get(r, "mutations").get(key, {})
        found = [rows[p]["cpu_ratio"] for p in ("1", "2", "4") if "cpu_ratio" in rows.get(p, {})]
        return " / ".join(f"{ratio:.2f}" for ratio in found) or "-"

    return read


def _audit_log(r: dict[str, Any]) -> str:
    """bench_audit_log: feedbackSubmit (an insert either way), wall and CPU ratios."""
    rows = _get(r, "audit_log").get("results", [])
    return (
        " / ".join(
            f"{x['log_over_off']:.2f}"
            + (f" (CPU {x['cpu_off_over_log']:.2f})" if "cpu_off_over_log" in x else "")
            for x in rows
        )
        or "-"
    )


def _audit_rps(r: dict[str, Any]) -> str:
    rows = _get(r, "mutations").get("audit", {})
    return (
        " -> ".join(
            f"{rows[p]['on']['requests_per_second']:.0f}" for p in ("1", "2", "4") if p in rows
        )
        or "-"
    )


def _statements(r: dict[str, Any]) -> str:
    counts = _get(r, "statements").get("queries", {})
    return ", ".join(f"{q} {c['5']}/{c['50']}" for q, c in counts.items()) or "-"


def _ratio(name: str, key: str) -> Callable[[dict[str, Any]], str]:
    def read(r: dict[str, Any]) -> str:
        value = _get(r, name).get(key)
        if isinstance(value, dict):
            value = value.get("requests_per_second")
        return f"{value:.2f}" if isinstance(value, int | float) else "-"

    return read


def _single(r: dict[str, Any]) -> str:
    ratio = _get(r, "graphql_vs_raw").get("ratio_graphql_over_raw") or {}
    if not ratio:
        return "-"
    cpu = f", server CPU {ratio['server_cpu']:.2f}" if "server_cpu" in ratio else ""
    return f"{ratio['requests_per_second']:.2f}, p99 {ratio['p99']:.1f}x{cpu}"


def _page(r: dict[str, Any]) -> str:
    found = _get(r, "list_page")
    if "ratio_graphql_over_raw" not in found:
        return "-"
    cpu = found.get("ratio_server_cpu_raw_over_graphql")
    tail = f", server CPU {cpu:.2f}" if isinstance(cpu, int | float) else ""
    return f"{found['ratio_graphql_over_raw']:.2f}{tail}"


def _storm(r: dict[str, Any]) -> str:
    found = _get(r, "booking_storm").get("results", [])
    return (
        " / ".join(
            f"{x['database']} x{x['server_processes']}: {x['efficiency']:.2f}"
            f" ({x['storm_attempts_per_second']:.0f}/s,"
            f" refusal {x['refused_alone_median_ms']:.1f} ms)"
            for x in found
        )
        or "-"
    )


def _pool(r: dict[str, Any]) -> str:
    pool = _get(r, "mutations").get("pool", {})
    if "5" not in pool:
        return "-"
    return (
        f"5: {pool['5']['requests_per_second']:.0f}/s, 20: "
        f"{pool['20']['requests_per_second']:.0f}/s ({pool['ratio_20_over_5']:.2f}x)"
    )


_PUSH = _ratio("push_fanout", "ratio_delivery_to_crypto")


def _cpu(target: str) -> Callable[[dict[str, Any]], str]:
    """bench_server_cpu: the app's own CPU per request, best of its rounds (load-proof)."""

    def read(r: dict[str, Any]) -> str:
        row = _get(r, "server_cpu").get(target) or {}
        if not row:
            return "-"
        return (
            f"{row['ratio_graphql_over_raw']:.2f} ({row['graphql_cpu_ms']:.2f} vs "
            f"{row['raw_cpu_ms']:.2f} ms)"
        )

    return read


# The table of issue #14: each ratio against a baseline measured in the same run.
ROWS: list[Row] = [
    (
        "mutations/s log on / off, PostgreSQL, 1/2/4 processes",
        ">= 0.9 each, rising",
        _audit("audit"),
    ),
    ("  same, CPU per mutation (server + PostgreSQL) off / on", ">= 0.9 each", _audit_cpu("audit")),
    ("  mutations/s with the log, 1 -> 2 -> 4 processes", "rising", _audit_rps),
    (
        "  a mutation that changes nothing, log on / off",
        "(worst case)",
        _audit("audit_unchanged"),
    ),
    ("  same, CPU per mutation off / on", "(worst case)", _audit_cpu("audit_unchanged")),
    ("  feedbackSubmit (writes anyway) log / off, 1/2/4 processes", ">= 0.9 each", _audit_log),
    ("SQL statements for 5 / 50 rows", "equal", _statements),
    ("list page GraphQL / raw req/s (server CPU under wrk)", ">= 0.6", _page),
    ("single object GraphQL / raw req/s (server CPU under wrk)", ">= 0.5", _single),
    ("  same, server CPU per request raw / GraphQL", ">= 0.5", _cpu("single_object")),
    ("  list page, server CPU per request raw / GraphQL", ">= 0.6", _cpu("list_page")),
    ("booking storm efficiency (1.0 = as alone)", ">= 0.6, 7 booked", _storm),
    (
        "push delivered/s / encrypt+sign/s",
        ">= 0.5",
        _ratio("push_fanout", "ratio_delivery_to_crypto"),
    ),
    (
        "  same, sender CPU: encrypt+sign / whole delivery",
        ">= 0.5",
        _ratio("push_fanout", "ratio_crypto_cpu_to_delivery_cpu"),
    ),
    ("asyncpg pool, 32 clients", "sized by a setting", _pool),
]


def summary() -> dict[str, Any]:
    results = {}
    for path in sorted(RESULTS.glob("*.json")):
        if path.stem == "summary":
            continue
        try:
            results[path.stem] = json.loads(path.read_text())
        except ValueError:
            continue
    table = [{"measure": m, "goal": g, "measured": read(results)} for m, g, read in ROWS]
    width = max(len(row["measure"]) for row in table)
    print()
    print(f"{'measure':<{width}}  {'goal':<20}  measured")
    for row in table:
        print(f"{row['measure']:<{width}}  {row['goal']:<20}  {row['measured']}")
    summary = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "table": table,
        "results": results,
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    RESULTS.mkdir(parents=True, exist_ok=True)  # a fresh clone has none yet
    (RESULTS / "summary.json").write_text(text + "\n")
    print(f"\nJSON: {(RESULTS / 'summary.json').relative_to(BENCH_DIR.parent)}")
    print(
        json.dumps({row["measure"].strip(): row["measured"] for row in table}, ensure_ascii=False)
    )
    return summary


def main() -> int:
    modules = sorted(BENCH_DIR.glob("bench_*.py"))
    if len(sys.argv) > 1:  # `python bench/run.py list_page statements`: only those
        modules = [m for m in modules if m.stem.removeprefix("bench_") in sys.argv[1:]]
    for stale in RESULTS.glob("*.json"):  # every figure of the table comes from this run
        if stale.stem.removeprefix("bench_") in {m.stem.removeprefix("bench_") for m in modules}:
            stale.unlink()
    failed: list[str] = []
    for module in modules:
        print(f"== {module.stem}", flush=True)
        try:
            result = subprocess.run(
                [sys.executable, str(module)], cwd=BENCH_DIR.parent, timeout=TIMEOUT_SECONDS
            )
        except subprocess.TimeoutExpired:
            print(f"{module.stem}: timed out after {TIMEOUT_SECONDS}s", file=sys.stderr)
            failed.append(module.stem)
            continue
        if result.returncode != 0:
            failed.append(module.stem)
    summary()
    if failed:
        print(f"benchmarks that could not measure: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
