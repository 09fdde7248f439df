"""How far the sealer is behind: events committed but not yet in a signed head, and how long the
oldest of them has waited (by the project's clock). Read from the database at each scrape of
/metrics, so every replica answers the same numbers."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Gauge
from tortoise.functions import Count, Min

from palm_customs.core import clock
from palm_customs.core.models import AuditEvent


@dataclass(frozen=True, slots=True)
class Lag:
    unsealed: int
    oldest_seconds: float


async def lag() -> Lag:
    row = (
        await AuditEvent.filter(seq__isnull=True)
        .annotate(n=Count("id"), oldest=Min("occurred_at"))
        .first()
        .values("n", "oldest")
    )
    count = int(row["n"] or 0) if row else 0
    oldest = row["oldest"] if row else None
    if not count or oldest is None:
        return Lag(0, 0.0)
    return Lag(count, max(0.0, (clock.now() - oldest).total_seconds()))


async def registry() -> CollectorRegistry:
    found = await lag()
    collected = CollectorRegistry()
    Gauge(
        "palm_audit_unsealed_events",
        "Audit events committed but not yet in a signed tree head",
        registry=collected,
    ).set(found.unsealed)
    Gauge(
        "palm_audit_oldest_unsealed_seconds",
        "How long the oldest unsealed audit event has waited for the sealer (0 when none)",
        registry=collected,
    ).set(found.oldest_seconds)
    return collected
