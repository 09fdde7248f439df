"""Prometheus metrics: what each process counts, and `/metrics` (never public).

Counters and histograms live in the process that observes them: the server's uvicorn workers
(request latency by GraphQL operation, mutation outcomes by code, audit append latency,
rate-limit refusals, subscriptions open) and the job workers (job results by kind, push
results by status code). With several uvicorn workers (`WEB_CONCURRENCY` > 1) `serve` gives
them a fresh `PROMETHEUS_MULTIPROC_DIR` and any worker's `/metrics` answers for all of them
(prometheus-client's multiprocess mode). Queue depth and age by kind are read from the
database at each scrape, so every replica answers the same numbers (aggregate them with max).

`/metrics` is served only when METRICS_TOKEN is set, and only to a request that carries it
(`Authorization: Bearer …`); the proxy also refuses the path from outside
(deploy/Caddyfile). Prometheus scrapes each replica and each worker (WORKER_HEALTH_PORT) on
the internal network.
"""

from __future__ import annotations

import hmac
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import Response

from palm_customs.core import audit_lag, clock

logger = logging.getLogger(__name__)

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUEST_SECONDS = Histogram(
    "palm_graphql_request_seconds",
    "GraphQL request latency (parse, validate, execute) by operation name and type",
    ["operation", "type"],
    buckets=_LATENCY_BUCKETS,
)
MUTATIONS = Counter(
    "palm_mutations_total",
    "Mutations by root field and outcome (OK or the typed error code)",
    ["mutation", "outcome"],
)
AUDIT_APPEND_SECONDS = Histogram(
    "palm_audit_append_seconds",
    "Time to append a mutation's audit event (in its transaction, or its own when refused)",
    ["outcome"],
    buckets=_LATENCY_BUCKETS,
)
RATE_LIMIT_REFUSALS = Counter(
    "palm_rate_limit_refusals_total",
    "Requests refused by a rate limit, by operation",
    ["operation"],
)
SUBSCRIPTIONS_OPEN = Gauge(
    "palm_subscriptions_open",
    "GraphQL subscriptions open now, by operation name",
    ["operation"],
    multiprocess_mode="livesum",
)
JOB_RESULTS = Counter(
    "palm_job_results_total",
    "Job runs by kind and result: done, retried, failed, lost (taken back from this worker)",
    ["kind", "result"],
)
PUSH_RESULTS = Counter(
    "palm_push_results_total",
    "Push service answers by HTTP status (or unreachable, no answer, resent)",
    ["status"],
)

# Operation names come from clients: bounded, so a stranger cannot grow the series without end.
_OPERATION_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
MAX_OPERATION_NAMES = 300
_seen_operations: set[str] = set()


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    if not _OPERATION_NAME.fullmatch(name):
        return "other"
    if name not in _seen_operations:
        if len(_seen_operations) >= MAX_OPERATION_NAMES:
            return "other"
        _seen_operations.add(name)
    return name


# The histogram's child for each (operation label, type): labels() takes a lock and builds a
# key on every call; the labels are bounded (operation_label), so are these.
_request_timers: dict[tuple[str, str], Any] = {}


def observe_request(operation_name: str | None, kind: str, seconds: float) -> None:
    """REQUEST_SECONDS for one GraphQL operation, by its (bounded) name label and type."""
    key = (operation_label(operation_name), kind)
    timer = _request_timers.get(key)
    if timer is None:
        timer = _request_timers[key] = REQUEST_SECONDS.labels(*key)
    timer.observe(seconds)


@contextmanager
def timed(histogram: Histogram, **labels: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        histogram.labels(**labels).observe(time.perf_counter() - started)


async def counted_subscription(
    source: AsyncIterator[Any], operation: str | None
) -> AsyncIterator[Any]:
    """`source`, counted in SUBSCRIPTIONS_OPEN while it is open."""
    gauge = SUBSCRIPTIONS_OPEN.labels(operation_label(operation))
    gauge.inc()
    try:
        async for item in source:
            yield item
    finally:
        gauge.dec()
        close = getattr(source, "aclose", None)
        if close is not None:
            await close()


# ------------------------------------------------------------------ exposition


def prepare_multiprocess_dir(path: Path) -> None:
    """Before `serve` starts several uvicorn workers, which all write their metrics here: an
    empty folder, named in the variable prometheus-client reads in each worker (spawned
    after this, so they inherit it)."""
    path.mkdir(parents=True, exist_ok=True)
    for old in path.glob("*.db"):
        old.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)


def process_exited(path: Path | None) -> None:
    """A uvicorn worker stops: its live gauges (subscriptions open) stop counting."""
    if path is not None:
        multiprocess.mark_process_dead(os.getpid(), str(path))  # type: ignore[no-untyped-call]


def _process_registry(path: Path | None) -> CollectorRegistry:
    if path is None:
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(path))  # type: ignore[no-untyped-call]
    return registry


async def _queue_registry() -> CollectorRegistry:
    """Queue depth, age and failures by kind, and live workers, from the database now."""
    from palm_customs.core.job_workers import JobWorker
    from palm_customs.core.jobs import Job, JobStatus

    registry = CollectorRegistry()
    depth = Gauge(
        "palm_job_queue_depth", "Jobs due and waiting for a worker", ["kind"], registry=registry
    )
    oldest = Gauge(
        "palm_job_queue_oldest_seconds",
        "How long the oldest due job has waited",
        ["kind"],
        registry=registry,
    )
    running = Gauge("palm_jobs_running", "Jobs running now", ["kind"], registry=registry)
    failed = Gauge(
        "palm_jobs_failed", "Failed jobs waiting for an administrator", ["kind"], registry=registry
    )
    workers = Gauge("palm_job_workers", "Job workers registered and not stopped", registry=registry)
    now = clock.now()
    rows = await Job.filter(
        status__in=(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.FAILED)
    ).values("kind", "status", "run_after")
    due_since: dict[str, datetime] = {}
    for row in rows:
        kind, status, run_after = row["kind"], JobStatus(row["status"]), row["run_after"]
        if status is JobStatus.RUNNING:
            running.labels(kind).inc()
        elif status is JobStatus.FAILED:
            failed.labels(kind).inc()
        elif run_after <= now:
            depth.labels(kind).inc()
            due_since[kind] = min(due_since.get(kind, run_after), run_after)
        else:
            depth.labels(kind).inc(0)
    for kind, since in due_since.items():
        oldest.labels(kind).set((now - since).total_seconds())
    workers.set(await JobWorker.filter(stopped_at=None).count())
    return registry


def metrics_endpoint(
    token: str | None,
    *,
    multiprocess_dir: Path | None = None,
    read_from_database: Sequence[Callable[[], Awaitable[CollectorRegistry]]] = (),
) -> Callable[[Request], Awaitable[Response]]:
    """GET /metrics for this process (and its uvicorn siblings when `multiprocess_dir` is
    given): 404 unless a token is configured, 401 without it. `read_from_database` adds series
    read at each scrape by domains core does not know (open anomaly alerts)."""

    async def endpoint(request: Request) -> Response:
        if not token:
            return Response(status_code=404)
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return Response(status_code=401, headers={"www-authenticate": "Bearer"})
        body = generate_latest(_process_registry(multiprocess_dir))
        try:
            body += generate_latest(await _queue_registry())
        except Exception:  # the database is down: the process's own series still answer
            logger.warning("metrics: cannot read the job queue", exc_info=True)
        for read in (audit_lag.registry, *read_from_database):
            try:
                body += generate_latest(await read())
            except Exception:
                logger.warning("metrics: cannot read %s", read.__module__, exc_info=True)
        return Response(body, media_type=CONTENT_TYPE_LATEST, headers={"cache-control": "no-store"})

    return endpoint
