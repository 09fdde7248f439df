"""The app for bench/bench_mutations.py: while the file named by PALM_BENCH_AUDIT_OFF exists,
mutations append no audit event (the "without the log" side of the audit ratio), so one running
server (every worker of it) is measured both ways in interleaved phases. Never used outside
benchmarks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from palm_customs.app import create_app
from palm_customs.core import audit

_switch = os.environ.get("PALM_BENCH_AUDIT_OFF")
if _switch:
    _off = Path(_switch)
    _real_append = audit.append

    async def _append(*args: Any, **kwargs: Any) -> Any:
        if os.path.exists(_off):  # noqa: ASYNC240 (a stat, like the import system's)
            return None
        return await _real_append(*args, **kwargs)

    audit.append = _append  # type: ignore[assignment]

app = create_app()
