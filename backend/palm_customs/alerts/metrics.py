"""Anomaly alerts in /metrics, read from the database at each scrape (every replica answers
the same numbers)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Gauge

from palm_customs.alerts import services


async def registry() -> CollectorRegistry:
    collected = CollectorRegistry()
    raised = Gauge(
        "palm_audit_alerts",
        "Anomaly alerts raised from the audit log, by rule",
        ["rule"],
        registry=collected,
    )
    still_open = Gauge(
        "palm_audit_alerts_open",
        "Anomaly alerts not yet acknowledged by a supervisor, by rule",
        ["rule"],
        registry=collected,
    )
    for code, (total, opened) in (await services.counts()).items():
        raised.labels(code).set(total)
        still_open.labels(code).set(opened)
    return collected
