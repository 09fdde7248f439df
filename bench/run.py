"""Run every benchmark module in bench/ (bench_*.py), one after the other, each in its own process.

Timing never fails a run; a benchmark exits non-zero only when it could not measure (the
server did not start, wrk is missing, or the two targets did not return the same document).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
# Each benchmark bounds its own duration; this is a backstop against a hung process.
TIMEOUT_SECONDS = 120


def main() -> int:
    modules = sorted(BENCH_DIR.glob("bench_*.py"))
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
    if failed:
        print(f"benchmarks that could not measure: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
