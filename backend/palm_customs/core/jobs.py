"""Background work through a transactional outbox.

A job row is written in the same transaction as the change that needs it (`enqueue`), so a job
exists exactly when its change committed. Workers (core/job_workers.py) claim due jobs, run the
kind's handler and record the outcome. The delivery rules:

- **A claim covers only what starts now.** A worker claims no more jobs than it has free slots,
  and each claimed job starts at once; there is no batch waiting behind a slow job, and a
  finished job frees its slot for the next claim (no head-of-line blocking). Runs that
  succeeded are recorded DONE together, in one statement, at the latest before their worker
  claims again (until then they count as running under it; see `DONE_LINGER`).
- **A live worker's job is never taken from it.** Workers keep a liveness record
  (`job_worker`); a job is taken back only from a worker that stopped or died, and at once
  (PostgreSQL: the worker's session advisory lock is gone; SQLite, one machine: its process is
  gone). `locked_until` is a backstop for holders with no liveness record only.
- **Effects that cannot be taken back are fenced and recorded.** A handler calls
  `hand_over()` just before such an effect (a push handed to a push service): it records the
  hand-over, committed, and only if this run still holds the job; otherwise the run stops
  without acting. A later run that finds a hand-over whose outcome was never learnt (the worker
  died in between) knows its effect may have happened (`hand_over()` returns True).
- **Retries spend a time budget, not a count.** A failed run is retried after the delay it asks
  for (`RetryLater`, e.g. a push service's Retry-After) or an exponential backoff, for as long
  as the job's `give_up_at` allows; then it stops as FAILED with the reason in `last_error`.
  A job whose worker died while running it repeatedly stops too (`MAX_RECLAIMS`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
import uuid
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import connections
from tortoise.expressions import F
from tortoise.models import Model

from palm_customs.core import clock, invalidation, metrics
from palm_customs.core.coalesce import Coalescer, Deferred, settle_all
from palm_customs.core.logs import scrub

logger = logging.getLogger(__name__)

# Backstop lease for a holder with no liveness record (a test calling `claim` directly).
LEASE = timedelta(seconds=60)
MAX_BACKOFF = timedelta(hours=1)
# How long a job may keep being retried unless its kind asks otherwise.
DEFAULT_BUDGET = timedelta(hours=24)
# A job whose worker died while running it this many times is not run again.
MAX_RECLAIMS = 5
DEFAULT_TIMEOUT = 60.0


class JobStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    DISCARDED = "discarded"


class Job(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=60)
    payload = fields.JSONField[dict[str, Any]]()
    status = fields.CharEnumField(JobStatus, max_length=10, default=JobStatus.PENDING)
    # Runs started (claims), including runs whose worker died.
    attempts = fields.IntField(default=0)
    run_after = fields.DatetimeField()
    # The end of the retry budget: a failure after it stops the job.
    give_up_at = fields.DatetimeField()
    locked_by = fields.CharField(max_length=80, null=True)
    locked_until = fields.DatetimeField(null=True)
    # Set (committed) just before an effect that cannot be taken back; cleared when the run
    # learns the effect's outcome. Set on a claimed job: an earlier run may have acted.
    handed_over_at = fields.DatetimeField(null=True)
    # Times the job was taken back from a worker that died running it.
    reclaims = fields.IntField(default=0, db_default=0)
    last_error = fields.CharField(max_length=300, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job"
        indexes = (("status", "run_after"), ("status", "finished_at"))


class RetryLater(Exception):
    """The handler knows the outcome (nothing was done) and asks to run again after `delay`
    (e.g. a Retry-After header), or after the usual backoff when `delay` is None."""

    def __init__(self, delay: timedelta | None, reason: str) -> None:
        super().__init__(reason)
        self.delay = delay


class PermanentFailure(Exception):
    """Retrying cannot help: the job is marked failed at once."""


class LeaseLost(Exception):
    """This run no longer holds its job (it was taken back): it must not act."""


Handler = Callable[[dict[str, Any]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class JobKind:
    """A handler with its limits: a run longer than `timeout` seconds is abandoned (retried,
    its outcome unknown); retries stop `budget` after the job was due."""

    run: Handler
    timeout: float = DEFAULT_TIMEOUT
    budget: timedelta = DEFAULT_BUDGET
    # Reads, in a few queries, what a claim's runs of this kind will need (their payloads);
    # each run finds the answer in `prefetched()`. A handler still works without it.
    prefetch: Callable[[list[dict[str, Any]]], Awaitable[Any]] | None = None


HandlerEntry = Handler | JobKind

_handlers: dict[str, JobKind] | None = None
_added: dict[str, JobKind] = {}


def _as_kind(entry: HandlerEntry) -> JobKind:
    return entry if isinstance(entry, JobKind) else JobKind(run=entry)


def use_handlers(handlers: dict[str, HandlerEntry]) -> None:
    """Install every job kind's handler (`palm_customs.registry.install` does, at start)."""
    global _handlers
    _handlers = {kind: _as_kind(entry) for kind, entry in handlers.items()}


def handlers() -> dict[str, JobKind]:
    """The handlers of this process: the product's (palm_customs/registry.py, loaded on first
    use so a process cannot run jobs without them) and any a test added."""
    if _handlers is None:
        from palm_customs import registry  # the composition root, imported only here

        use_handlers(registry.job_handlers())
    assert _handlers is not None
    return {**_handlers, **_added}


def register_handler(kind: str, handler: HandlerEntry) -> None:
    """Add a handler beside the product's (tests, benchmarks)."""
    _added[kind] = _as_kind(handler)


def budget_of(kind: str) -> timedelta:
    found = handlers().get(kind)
    return found.budget if found is not None else DEFAULT_BUDGET


def new_job(
    *,
    kind: str,
    payload: dict[str, Any],
    run_after: datetime | None = None,
    budget: timedelta | None = None,
) -> Job:
    """An unsaved job (for `bulk_create`); `enqueue` saves one."""
    due = run_after or clock.now()
    return Job(
        kind=kind,
        payload=payload,
        run_after=due,
        give_up_at=due + (budget or budget_of(kind)),
    )


async def enqueue(
    connection: BaseDBAsyncClient,
    *,
    kind: str,
    payload: dict[str, Any],
    run_after: datetime | None = None,
    budget: timedelta | None = None,
) -> Job:
    """Write a job inside the caller's transaction."""
    job = new_job(kind=kind, payload=payload, run_after=run_after, budget=budget)
    await job.save(using_db=connection)
    return job


def backoff(attempts: int) -> timedelta:
    """Exponential with full jitter: up to 2^attempts seconds, capped at an hour."""
    ceiling = min(2.0**attempts, MAX_BACKOFF.total_seconds())
    return timedelta(seconds=random.uniform(ceiling / 2, ceiling))  # noqa: S311


def worker_name() -> str:
    """Unique per worker: the host, the process and a random part (several in one process)."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def _placeholders(connection: BaseDBAsyncClient, sql: str) -> str:
    """Raw SQL is written with `?`; PostgreSQL (asyncpg) numbers its parameters."""
    if connection.capabilities.dialect != "postgres":
        return sql
    parts = sql.split("?")
    return "".join(f"{part}${n}" for n, part in enumerate(parts[:-1], 1)) + parts[-1]


_CLAIM = (
    "UPDATE job SET status = ?, locked_by = ?, locked_until = ?, attempts = attempts + 1"
    " WHERE id IN (SELECT id FROM job WHERE status = ? AND run_after <= ?"
    " ORDER BY run_after, id LIMIT ?"
)
# The claimed rows come back whole (RETURNING *): no second statement reads them again.
_CLAIM_POSTGRES = _CLAIM + " FOR UPDATE SKIP LOCKED) RETURNING *"
_CLAIM_SQLITE = _CLAIM + ") RETURNING *"


async def claim(*, worker: str, limit: int) -> list[Job]:
    """Lease up to `limit` due jobs to `worker`, oldest first. One statement, so concurrent
    workers never take the same job (PostgreSQL skips rows another claim has locked; SQLite
    runs one writer at a time), and it returns the claimed rows."""
    if limit <= 0:
        return []
    now = clock.now()
    connection = connections.get("default")
    postgres = connection.capabilities.dialect == "postgres"
    # On SQLite a read first: an idle worker polls without writing (there every write
    # statement takes the database's one write lock, even one that changes nothing). On
    # PostgreSQL an UPDATE that finds nothing writes nothing.
    if not postgres and not await Job.filter(status=JobStatus.PENDING, run_after__lte=now).exists():
        return []
    sql = _placeholders(connection, _CLAIM_POSTGRES if postgres else _CLAIM_SQLITE)
    rows = await connection.execute_query_dict(
        sql,
        [JobStatus.RUNNING.value, worker, now + LEASE, JobStatus.PENDING.value, now, limit],
    )
    found = sorted(
        (Job._init_from_db(**row) for row in rows), key=lambda job: (job.run_after, job.id)
    )
    await _prefetch(found)
    return found


_running: ContextVar[Job | None] = ContextVar("palm_running_job", default=None)
_prefetched: ContextVar[Any] = ContextVar("palm_job_prefetched", default=None)
# Where a claimed job keeps what its kind prefetched for the claim (read by `run_one`).
_PREFETCHED = "_palm_prefetched"


async def _prefetch(claimed: list[Job]) -> None:
    """One `prefetch` per kind for the whole claim (instead of the same reads in every run)."""
    by_kind: dict[str, list[Job]] = {}
    for job in claimed:
        by_kind.setdefault(job.kind, []).append(job)
    known = handlers()
    for kind, group in by_kind.items():
        entry = known.get(kind)
        if entry is None or entry.prefetch is None:
            continue
        try:
            value = await entry.prefetch([job.payload for job in group])
        except Exception:  # the runs read for themselves
            logger.warning("prefetch for %s jobs failed", kind, exc_info=True)
            continue
        for job in group:
            setattr(job, _PREFETCHED, value)


def prefetched() -> Any:
    """What this run's kind prefetched for its claim (None when nothing was)."""
    return _prefetched.get()


async def _hand_over_many(items: Sequence[tuple[int, str]]) -> list[bool]:
    """Record the hand-over of each (job, holder) still running under that holder, in one
    committed statement per holder; True for each recorded."""
    connection = connections.get("default")
    now = clock.now()
    recorded: set[tuple[int, str]] = set()
    holders: dict[str, list[int]] = {}
    for job_id, holder in items:
        holders.setdefault(holder, []).append(job_id)
    for holder, ids in holders.items():
        marks = ", ".join("?" for _ in ids)
        sql = _placeholders(
            connection,
            f"UPDATE job SET handed_over_at = ? WHERE status = ? AND locked_by = ?"  # noqa: S608
            f" AND id IN ({marks}) RETURNING id",
        )
        rows = await connection.execute_query_dict(
            sql, [now, JobStatus.RUNNING.value, holder, *ids]
        )
        recorded.update((int(row["id"]), holder) for row in rows)
    return [item in recorded for item in items]


async def _finish_done_many(items: Sequence[tuple[int, str]]) -> list[bool]:
    """Mark each (job, holder) done if still running under that holder: one statement per
    holder (only the holder records an outcome)."""
    now = clock.now()
    holders: dict[str, list[int]] = {}
    for job_id, holder in items:
        holders.setdefault(holder, []).append(job_id)
    for holder, ids in holders.items():
        await Job.filter(id__in=ids, locked_by=holder, status=JobStatus.RUNNING).update(
            status=JobStatus.DONE, finished_at=now, locked_until=None, last_error=None
        )
    return [True for _ in items]


# Concurrent runs' hand-overs go to the database together (core/coalesce.py), each run
# waiting for its own to be committed before it acts.
_hand_overs: Coalescer[tuple[int, str], bool] = Coalescer(_hand_over_many)
# A finished run does not wait for its DONE to be written: the finishes of the runs ending
# within DONE_LINGER seconds go in one statement. Until then the job is still running under
# this worker, which is what it is when a worker dies right after the effect and before
# recording it: taken back and run again (a push resent under the same Topic). `settle()`
# writes them at once: before a worker claims again (so it never holds more jobs than it
# runs), at a drain's end, and when a worker stops, before it gives back its jobs.
DONE_LINGER = 0.05
_done: Deferred[tuple[int, str]] = Deferred(_finish_done_many, linger=DONE_LINGER)


async def settle() -> None:
    """Commit every finish (and other deferred record, core/coalesce.py) this loop holds."""
    await settle_all()


async def hand_over() -> bool:
    """Call just before an effect that cannot be taken back. Records the hand-over (committed
    before the effect) if this run still holds its job, else raises `LeaseLost` so the run
    does not act. Returns True when an earlier run handed the same job over and never learnt
    the outcome: the effect may already have happened."""
    job = _running.get()
    if job is None:
        raise RuntimeError("hand_over() outside a job run")
    earlier = job.handed_over_at is not None
    # Committed before this returns; made together with the other runs handing over now.
    recorded = job.locked_by is not None and await _hand_overs.submit(
        (int(job.id), str(job.locked_by))
    )
    if not recorded:
        raise LeaseLost(f"job {job.id} was taken back")
    return earlier


async def _finish(job: Job, worker: str, **changes: Any) -> bool:
    # Only the holder records an outcome: a run that lost its job changes nothing.
    updated = await Job.filter(id=job.id, locked_by=worker, status=JobStatus.RUNNING).update(
        **changes
    )
    return updated > 0


def _reason(error: BaseException) -> str:
    if isinstance(error, RetryLater | PermanentFailure):
        text = str(error)
    elif isinstance(error, TimeoutError):
        text = "TimeoutError: the run took longer than its kind allows"
    else:
        detail = str(error)
        text = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return scrub(text)[:300]


def _report(kind: str, result: str) -> None:
    metrics.JOB_RESULTS.labels(kind, result).inc()


async def run_one(job: Job, worker: str) -> JobStatus | None:
    """Run a claimed job and record what happened; None when the run lost its job."""
    kind = handlers().get(job.kind)
    token = _running.set(job)
    prefetch_token = _prefetched.set(getattr(job, _PREFETCHED, None))
    try:
        if kind is None:
            raise PermanentFailure(f"no handler for job kind {job.kind!r}")
        async with asyncio.timeout(kind.timeout):  # no task of its own (as wait_for makes)
            await kind.run(job.payload)
        # What the job changed is committed: other processes' caches hear of it.
        await invalidation.flush()
    except LeaseLost:
        invalidation.discard()
        logger.warning("job %s (%s) was taken back from %s: not acting", job.id, job.kind, worker)
        _report(job.kind, "lost")
        return None
    except PermanentFailure as error:
        invalidation.discard()
        now = clock.now()
        await _finish(
            job,
            worker,
            status=JobStatus.FAILED,
            last_error=_reason(error),
            finished_at=now,
            locked_until=None,
            handed_over_at=None,
        )
        logger.warning("job %s (%s) failed: %s", job.id, job.kind, _reason(error))
        _report(job.kind, "failed")
        return JobStatus.FAILED
    except Exception as error:
        invalidation.discard()
        return await _retry_or_give_up(job, worker, error)
    finally:
        _running.reset(token)
        _prefetched.reset(prefetch_token)
    _done.add((int(job.id), worker))  # written with the runs ending about now
    _report(job.kind, "done")
    return JobStatus.DONE


async def _retry_or_give_up(job: Job, worker: str, error: Exception) -> JobStatus:
    now = clock.now()
    known = isinstance(error, RetryLater)
    delay = error.delay if isinstance(error, RetryLater) and error.delay is not None else None
    delay = delay if delay is not None else backoff(job.attempts)
    reason = _reason(error)
    # An outcome learnt (the service answered) clears the hand-over; an unknown one keeps it.
    handed_over = {"handed_over_at": None} if known else {}
    if now + delay > job.give_up_at:
        ended = job.give_up_at.astimezone(UTC)
        why = (
            f"gave up after {job.attempts} attempts: its retry budget ended"
            f" {ended:%Y-%m-%d %H:%M} UTC; last: {reason}"
        )
        await _finish(
            job,
            worker,
            status=JobStatus.FAILED,
            last_error=why[:300],
            finished_at=now,
            locked_until=None,
            **handed_over,
        )
        logger.warning("job %s (%s) %s", job.id, job.kind, why)
        _report(job.kind, "failed")
        return JobStatus.FAILED
    await _finish(
        job,
        worker,
        status=JobStatus.PENDING,
        run_after=now + delay,
        last_error=reason,
        locked_until=None,
        locked_by=None,
        **handed_over,
    )
    if known:
        logger.info(
            "job %s (%s) retries in %.1fs: %s", job.id, job.kind, delay.total_seconds(), reason
        )
    else:
        logger.warning(
            "job %s (%s) attempt %s failed: %s",
            job.id,
            job.kind,
            job.attempts,
            reason,
            exc_info=not isinstance(error, ConnectionError | TimeoutError),
        )
    _report(job.kind, "retried")
    return JobStatus.PENDING


async def take_back(holders: set[str], *, why: str) -> int:
    """Make the running jobs of stopped or dead workers due again at once (keeping any
    hand-over mark: the next run knows an effect may have happened). A job taken back
    `MAX_RECLAIMS` times stops as FAILED."""
    if not holders:
        return 0
    now = clock.now()
    running = Job.filter(status=JobStatus.RUNNING, locked_by__in=sorted(holders))
    poisoned = await running.filter(reclaims__gte=MAX_RECLAIMS - 1).update(
        status=JobStatus.FAILED,
        finished_at=now,
        locked_until=None,
        reclaims=F("reclaims") + 1,
        last_error=f"gave up: the worker running it stopped {MAX_RECLAIMS} times ({why})"[:300],
    )
    taken = await Job.filter(status=JobStatus.RUNNING, locked_by__in=sorted(holders)).update(
        status=JobStatus.PENDING,
        locked_by=None,
        locked_until=None,
        run_after=now,
        reclaims=F("reclaims") + 1,
        last_error=f"taken back: {why}"[:300],
    )
    if taken or poisoned:
        logger.warning(
            "took back %s job(s) from %s (%s); %s stopped for good",
            taken,
            ", ".join(sorted(holders)),
            why,
            poisoned,
        )
    return taken


async def take_back_lapsed(*, known: set[str]) -> int:
    """The backstop: running jobs of holders with no liveness record whose lease ran out."""
    now = clock.now()
    rows = (
        await Job.filter(status=JobStatus.RUNNING, locked_until__lt=now)
        .exclude(locked_by__in=sorted(known) or [""])
        .distinct()
        .values("locked_by")
    )
    lapsed = {str(row["locked_by"]) for row in rows if row["locked_by"]}
    return await take_back(lapsed, why="its lease ran out")


@dataclass
class DrainResult:
    claimed: int = 0
    done: int = 0
    failed: int = 0
    retried: int = 0


async def drain_once(*, worker: str, limit: int = 8) -> DrainResult:
    """Claim what can start now (at most `limit`) and run it to the end, concurrently: for
    tests and benchmarks that drain the outbox in steps. Workers run `job_workers.run_worker`,
    which claims again as each job finishes."""
    from palm_customs.core import job_workers

    await take_back_lapsed(known=await job_workers.registered_names())
    result = DrainResult()
    claimed = await claim(worker=worker, limit=limit)
    result.claimed = len(claimed)
    for status in await asyncio.gather(*(run_one(job, worker) for job in claimed)):
        if status is JobStatus.DONE:
            result.done += 1
        elif status is JobStatus.FAILED:
            result.failed += 1
        elif status is JobStatus.PENDING:
            result.retried += 1
    await settle()  # the finishes are committed when the drain returns
    return result
