"""The app for bench/bench_mutations.py: with PALM_BENCH_AUDIT=off, mutations append no audit
event (the "without the log" side of the audit ratio). Never used outside benchmarks."""

from __future__ import annotations

import os
from typing import Any

from palm_customs.app import create_app
from palm_customs.core import audit

if os.environ.get("PALM_BENCH_AUDIT") == "off":

    async def _no_audit(*_args: Any, **_kwargs: Any) -> None:
        return None

    audit.append = _no_audit  # type: ignore[assignment]

app = create_app()
