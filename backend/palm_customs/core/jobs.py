"""Background work through a transactional outbox.

A job row is written in the same transaction as the change that needs it (`enqueue`), so a job
exists exactly when its change committed. Workers claim due jobs with a lease
(`FOR UPDATE SKIP LOCKED` on PostgreSQL, so replicas never take the same job; SQLite is served
by one process whose writers are serialized), run the kind's handler, and record the outcome.
A worker that dies mid-job leaves a lease that expires, and another worker takes the job again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F, Q
from tortoise.models import Model
from tortoise.transactions import in_transaction

from palm_customs.core import clock, invalidation

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
MAX_BACKOFF = timedelta(hours=1)


class JobStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Job(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=60)
    payload = fields.JSONField[dict[str, Any]]()
    status = fields.CharEnumField(JobStatus, max_length=10, default=JobStatus.PENDING)
    attempts = fields.IntField(default=0)
    max_attempts = fields.IntField(default=8)
    run_after = fields.DatetimeField()
    locked_by = fields.CharField(max_length=80, null=True)
    locked_until = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=300, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job"
        indexes = (("status", "run_after"),)


class RetryLater(Exception):
    """The handler asks to be run again after `delay` (e.g. a Retry-After header)."""

    def __init__(self, delay: timedelta, reason: str) -> None:
        super().__init__(reason)
        self.delay = delay


class PermanentFailure(Exception):
    """Retrying cannot help: the job is marked failed at once."""


Handler = Callable[[dict[str, Any]], Awaitable[None]]
_handlers: dict[str, Handler] | None = None
_added: dict[str, Handler] = {}


def use_handlers(handlers: dict[str, Handler]) -> None:
    """Install every job kind's handler (`palm_customs.registry.install` does, at start)."""
    global _handlers
    _handlers = dict(handlers)


def handlers() -> dict[str, Handler]:
    """The handlers of this process: the product's (palm_customs/registry.py, loaded on first
    use so a process cannot run jobs without them) and any a test added."""
    if _handlers is None:
        from palm_customs import registry  # the composition root, imported only here

        use_handlers(registry.job_handlers())
    assert _handlers is not None
    return {**_handlers, **_added}


def register_handler(kind: str, handler: Handler) -> None:
    """Add a handler beside the product's (tests, benchmarks)."""
    _added[kind] = handler


async def enqueue(
    connection: BaseDBAsyncClient,
    *,
    kind: str,
    payload: dict[str, Any],
    run_after: datetime | None = None,
    max_attempts: int = 8,
) -> Job:
    """Write a job inside the caller's transaction."""
    return await Job.create(
        using_db=connection,
        kind=kind,
        payload=payload,
        run_after=run_after or clock.now(),
        max_attempts=max_attempts,
    )


def backoff(attempts: int) -> timedelta:
    """Exponential with full jitter: up to 2^attempts seconds, capped at an hour."""
    ceiling = min(2.0**attempts, MAX_BACKOFF.total_seconds())
    return timedelta(seconds=random.uniform(ceiling / 2, ceiling))  # noqa: S311


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


async def claim(*, worker: str, limit: int) -> list[Job]:
    """Lease up to `limit` due jobs to `worker`."""
    now = clock.now()
    due = Q(status=JobStatus.PENDING, run_after__lte=now) | Q(
        status=JobStatus.RUNNING, locked_until__lt=now
    )
    async with in_transaction() as connection:
        rows = (
            await Job.filter(due)
            .using_db(connection)
            .order_by("run_after", "id")
            .limit(limit)
            .select_for_update(skip_locked=True)
        )
        if not rows:
            return []
        ids = [row.id for row in rows]
        await (
            Job.filter(id__in=ids)
            .using_db(connection)
            .update(
                status=JobStatus.RUNNING,
                locked_by=worker,
                locked_until=now + LEASE,
                attempts=F("attempts") + 1,
            )
        )
        return await Job.filter(id__in=ids).using_db(connection).order_by("run_after", "id")


async def _finish(job: Job, worker: str, **changes: Any) -> None:
    # Only the lease holder records an outcome: a worker that lost its lease changes nothing.
    await Job.filter(id=job.id, locked_by=worker, status=JobStatus.RUNNING).update(**changes)


async def run_one(job: Job, worker: str) -> JobStatus:
    handler = handlers().get(job.kind)
    now = clock.now()
    try:
        if handler is None:
            raise PermanentFailure(f"no handler for job kind {job.kind!r}")
        await handler(job.payload)
        # What the job changed is committed: other processes' caches hear of it.
        await invalidation.flush()
    except PermanentFailure as error:
        invalidation.discard()
        await _finish(
            job,
            worker,
            status=JobStatus.FAILED,
            last_error=str(error)[:300],
            finished_at=now,
            locked_until=None,
        )
        logger.warning("job %s (%s) failed permanently: %s", job.id, job.kind, error)
        return JobStatus.FAILED
    except Exception as error:
        invalidation.discard()
        delay = error.delay if isinstance(error, RetryLater) else backoff(job.attempts)
        reason = str(error) if isinstance(error, RetryLater) else type(error).__name__
        if job.attempts >= job.max_attempts:
            await _finish(
                job,
                worker,
                status=JobStatus.FAILED,
                last_error=reason[:300],
                finished_at=now,
                locked_until=None,
            )
            logger.warning("job %s (%s) failed after %s attempts", job.id, job.kind, job.attempts)
            return JobStatus.FAILED
        await _finish(
            job,
            worker,
            status=JobStatus.PENDING,
            run_after=now + delay,
            last_error=reason[:300],
            locked_until=None,
            locked_by=None,
        )
        if not isinstance(error, RetryLater):
            logger.exception("job %s (%s) attempt %s failed", job.id, job.kind, job.attempts)
        return JobStatus.PENDING
    await _finish(
        job, worker, status=JobStatus.DONE, finished_at=now, locked_until=None, last_error=None
    )
    return JobStatus.DONE


@dataclass
class DrainResult:
    claimed: int = 0
    done: int = 0
    failed: int = 0
    retried: int = 0


async def drain_once(*, worker: str, limit: int = 20, concurrency: int = 8) -> DrainResult:
    """Claim a batch and run it, `concurrency` jobs at a time (they wait on the network)."""
    result = DrainResult()
    claimed = await claim(worker=worker, limit=limit)
    result.claimed = len(claimed)
    gate = asyncio.Semaphore(concurrency)

    async def run(job: Job) -> JobStatus:
        async with gate:
            return await run_one(job, worker)

    for status in await asyncio.gather(*(run(job) for job in claimed)):
        if status is JobStatus.DONE:
            result.done += 1
        elif status is JobStatus.FAILED:
            result.failed += 1
        else:
            result.retried += 1
    return result


async def run_worker(stop: asyncio.Event, *, idle_seconds: float = 1.0, limit: int = 50) -> None:
    """Drain due jobs until `stop` is set; sleep `idle_seconds` when there is nothing to do."""
    name = worker_name()
    logger.info("worker %s started", name)
    while not stop.is_set():
        try:
            result = await drain_once(worker=name, limit=limit)
        except Exception:
            logger.exception("worker %s: claiming jobs failed; retrying", name)
            result = DrainResult()
        if result.claimed == 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=idle_seconds)
    logger.info("worker %s stopped", name)
