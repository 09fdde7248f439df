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


def _audit(r: dict[str, Any]) -> str:
    rows = _get(r, "mutations").get("audit", {})
    return " / ".join(f"{rows[p]['ratio']:.2f}" for p in ("1", "2", "4") if p in rows) or "-"


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
    return f"{ratio['requests_per_second']:.2f}, p99 {ratio['p99']:.1f}x"


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

# The table of issue #14: each ratio against a baseline measured in the same run.
ROWS: list[Row] = [
    ("mutations/s log on / off, PostgreSQL, 1/2/4 processes", ">= 0.9 each, rising", _audit),
    ("  mutations/s with the log, 1 -> 2 -> 4 processes", "rising", _audit_rps),
    ("SQL statements for 5 / 50 rows", "equal", _statements),
    ("list page GraphQL / raw req/s", ">= 0.6", _ratio("list_page", "ratio_graphql_over_raw")),
    ("single object GraphQL / raw req/s", ">= 0.5", _single),
    ("booking storm efficiency (1.0 = as alone)", ">= 0.6, 7 booked", _storm),
    (
        "push delivered/s / encrypt+sign/s",
        ">= 0.5",
        _ratio("push_fanout", "ratio_delivery_to_crypto"),
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
