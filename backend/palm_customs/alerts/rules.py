"""The rules every installation starts with (seeded when missing; administrators tune them)."""

from __future__ import annotations

from typing import Any

from palm_customs.alerts.models import AlertKind

# Mutations that decide something about a person's case.
DECISIONS = ["reviewDecide", "inspectionOutcomeRecord", "bookingOutcomeRecord"]

DEFAULT_RULES: dict[str, dict[str, Any]] = {
    # An officer opening declarations of ports where they do not serve (refused and audited
    # as OTHER_PORT by declarations/queries.py).
    "other_port_reads": {
        "kind": AlertKind.WINDOW_COUNT,
        "threshold": 5,
        "window_minutes": 60,
        "outcomes": ["OTHER_PORT"],
    },
    # Many refused operations from one account (guessing, probing, a broken client).
    "refusals": {
        "kind": AlertKind.WINDOW_COUNT,
        "threshold": 20,
        "window_minutes": 10,
        "exclude_outcomes": ["OK", "READ"],
    },
    # A decision taken outside working hours on the working calendar.
    "after_hours_decisions": {
        "kind": AlertKind.OUTSIDE_HOURS,
        "threshold": 1,
        "window_minutes": 1,
        "outcomes": ["OK"],
        "operations": DECISIONS,
        "hours_start": "08:30",
        "hours_end": "17:30",
        "timezone": "Asia/Shanghai",
    },
}
