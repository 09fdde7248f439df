"""Job workers: the claim loop, liveness records and heartbeats (the outbox is core/jobs.py).

Each worker (a `palm-customs worker` process, or the server's embedded drainer) has a row in
`job_worker` and beats every `HEARTBEAT_SECONDS`. On PostgreSQL it also holds a session
advisory lock for its whole life on a connection of its own: the database frees it the moment
the process dies (kill -9 included; a lost host within ~15 s through TCP keepalives), so the
other workers see a dead holder at their next beat and take its jobs back at once instead of
waiting for a lease to run out. Nothing here reads the test-movable clock to decide that a
worker is dead, except for a worker on another machine without PostgreSQL (SQLite is served
from one machine, where a process id answers the question).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tortoise import fields
from tortoise.connection import connections
from tortoise.exceptions import IntegrityError
from tortoise.models import Model

from palm_customs.core import clock, jobs

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 2.0
# Advisory locks of workers live in their own namespace (the first key): "PALM".
LOCK_NAMESPACE = 0x50414C4D
# Right after PostgreSQL restarts no worker holds its lock yet: give them time to take it
# again before anyone counts them as dead.
RESTART_GRACE_SECONDS = 20.0
# A worker on another machine (SQLite has none) is dead after this long without a beat.
STALE_AFTER = timedelta(seconds=30)
# How long a stopping worker lets running jobs finish before giving them back.
STOP_GRACE_SECONDS = 10.0
# On SQLite a worker's beat is written this seldom (its liveness is its process id).
SQLITE_BEAT_WRITE_SECONDS = 30.0
FORGET_STOPPED_AFTER = timedelta(days=1)


class JobWorker(Model):
    """A worker's liveness record."""

    name = fields.CharField(max_length=80, primary_key=True)
    host = fields.CharField(max_length=64)
    pid = fields.IntField()
    # The second key of its PostgreSQL advisory lock.
    lock_key = fields.IntField(unique=True)
    started_at = fields.DatetimeField()
    beat_at = fields.DatetimeField()
    stopped_at = fields.DatetimeField(null=True)
    running = fields.IntField(default=0)

    class Meta:
        table = "job_worker"


def _host() -> str:
    return socket.gethostname()[:64]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed child its parent has not reaped yet is a zombie: dead
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            state: str = stat.read().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except (OSError, IndexError):
        return True


def _is_postgres() -> bool:
    return bool(connections.get("default").capabilities.dialect == "postgres")


def _asyncpg_dsn(database_url: str) -> str:
    """The database URL without Tortoise's own options (pool sizes …), which asyncpg would
    send to the server as settings."""
    parts = urlsplit(database_url)
    kept = [(k, v) for k, v in parse_qsl(parts.query) if k in ("ssl", "sslmode", "sslrootcert")]
    scheme = "postgresql" if parts.scheme.startswith("postgres") else parts.scheme
    return urlunsplit((scheme, parts.netloc, parts.path, urlencode(kept), ""))


@dataclass
class WorkerStatus:
    """What the worker's health endpoint reports (true-time intervals: clock.monotonic)."""

    name: str = ""
    last_beat: float | None = None
    running: int = 0
    started: bool = False
    stopping: bool = False

    def healthy(self, *, within: float = 5 * HEARTBEAT_SECONDS) -> bool:
        return (
            self.started
            and not self.stopping
            and self.last_beat is not None
            and clock.monotonic() - self.last_beat < within
        )


class Liveness:
    """This worker's record and, on PostgreSQL, its lifelong advisory lock."""

    def __init__(self, name: str, database_url: str) -> None:
        self.name = name
        self.database_url = database_url
        self.lock_key = 0
        self._lock: Any = None  # asyncpg.Connection holding the advisory lock
        self._written = clock.monotonic()

    async def start(self) -> None:
        now = clock.now()
        for _ in range(10):
            self.lock_key = random.randint(1, 2**31 - 1)  # noqa: S311 (an identifier)
            try:
                await JobWorker.create(
                    name=self.name,
                    host=_host(),
                    pid=os.getpid(),
                    lock_key=self.lock_key,
                    started_at=now,
                    beat_at=now,
                )
                break
            except IntegrityError:
                continue
        if _is_postgres():
            await self._take_lock()

    async def _take_lock(self) -> None:
        import asyncpg

        await self._drop_lock()
        connection = await asyncpg.connect(
            _asyncpg_dsn(self.database_url),
            timeout=10,
            # A host that vanishes without closing its socket frees the lock within ~15 s.
            server_settings={
                "application_name": f"palm worker {self.name}"[:63],
                "tcp_keepalives_idle": "5",
                "tcp_keepalives_interval": "2",
                "tcp_keepalives_count": "3",
            },
        )
        try:
            await connection.execute(
                "SELECT pg_advisory_lock($1, $2)", LOCK_NAMESPACE, self.lock_key
            )
        except BaseException:
            await connection.close()
            raise
        self._lock = connection

    async def _drop_lock(self) -> None:
        if self._lock is not None:
            with contextlib.suppress(Exception):
                await self._lock.close(timeout=2)
            self._lock = None

    async def beat(self, *, running: int) -> None:
        """Record the beat; on PostgreSQL make sure the lock is still held (after a database
        restart every session is gone: take it again)."""
        if _is_postgres():
            try:
                if self._lock is None or self._lock.is_closed():
                    raise ConnectionError("lock connection closed")
                await self._lock.fetchval("SELECT 1", timeout=5)
            except Exception:
                logger.warning("worker %s: taking its liveness lock again", self.name)
                await self._take_lock()
        elif clock.monotonic() - self._written < SQLITE_BEAT_WRITE_SECONDS and (
            await JobWorker.exists(name=self.name)
        ):
            # SQLite: liveness is the process id; write the beat seldom, since every write
            # takes the one write lock the server's transactions need.
            return
        updated = await JobWorker.filter(name=self.name).update(
            beat_at=clock.now(), running=running, stopped_at=None
        )
        self._written = clock.monotonic()
        if not updated:  # forgotten (tables emptied): register again
            await JobWorker.create(
                name=self.name,
                host=_host(),
                pid=os.getpid(),
                lock_key=self.lock_key,
                started_at=clock.now(),
                beat_at=clock.now(),
                running=running,
            )

    async def stop(self) -> None:
        try:
            await JobWorker.filter(name=self.name).update(stopped_at=clock.now(), running=0)
        finally:
            await self._drop_lock()


async def registered_names() -> set[str]:
    return {str(row["name"]) for row in await JobWorker.all().values("name")}


async def _postgres_view() -> tuple[set[int], float]:
    """The lock keys held by live worker sessions, and how long the database has been up."""
    connection = connections.get("default")
    held = await connection.execute_query_dict(
        "SELECT objid::bigint AS key FROM pg_locks WHERE locktype = 'advisory' AND granted"
        " AND classid = $1::bigint::oid AND objsubid = 2"
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        [LOCK_NAMESPACE],
    )
    uptime = await connection.execute_query_dict(
        "SELECT EXTRACT(EPOCH FROM now() - pg_postmaster_start_time()) AS seconds"
    )
    return {int(row["key"]) for row in held}, float(uptime[0]["seconds"])


async def dead_workers(names: set[str]) -> dict[str, str]:
    """Which of these workers stopped or died, and how we know."""
    if not names:
        return {}
    rows = await JobWorker.filter(name__in=sorted(names))
    dead: dict[str, str] = {}
    postgres = _is_postgres()
    live_keys, uptime = await _postgres_view() if postgres else (set(), 0.0)
    now = clock.now()
    for row in rows:
        if row.stopped_at is not None:
            dead[row.name] = "its worker stopped"
        elif postgres:
            if row.lock_key not in live_keys and uptime > RESTART_GRACE_SECONDS:
                dead[row.name] = "its worker's database session is gone"
        elif row.host == _host():
            if not _pid_alive(row.pid):
                dead[row.name] = "its worker's process is gone"
        elif row.beat_at < now - STALE_AFTER:
            dead[row.name] = "its worker stopped beating"
    return dead


async def take_back_from_the_dead(*, me: str) -> int:
    """Make the jobs of stopped or dead workers due again; their effects stay exactly-once
    through the hand-over record (core/jobs.py)."""
    rows = (
        await jobs.Job.filter(status=jobs.JobStatus.RUNNING)
        .exclude(locked_by=me)
        .distinct()
        .values("locked_by")
    )
    holders = {str(row["locked_by"]) for row in rows if row["locked_by"]}
    known = await registered_names()
    taken = await jobs.take_back_lapsed(known=known)
    dead = await dead_workers({h for h in holders if h in known})
    for name, why in dead.items():
        taken += await jobs.take_back({name}, why=why)
    return taken


async def release(name: str) -> int:
    """A stopping worker gives back the jobs it could not finish (hand-over marks kept)."""
    return await jobs.Job.filter(status=jobs.JobStatus.RUNNING, locked_by=name).update(
        status=jobs.JobStatus.PENDING,
        locked_by=None,
        locked_until=None,
        run_after=clock.now(),
        last_error="given back by a stopping worker",
    )


async def _wait(events: list[asyncio.Event], seconds: float | None) -> None:
    """Until one of the events is set, or `seconds` pass."""
    waiters = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()


@dataclass
class _Loop:
    name: str
    concurrency: int
    idle_seconds: float
    status: WorkerStatus
    running: set[asyncio.Task[Any]] = field(default_factory=set)
    wake: asyncio.Event = field(default_factory=asyncio.Event)

    def start(self, job: jobs.Job) -> None:
        task = asyncio.create_task(self._run(job), name=f"job {job.id} {job.kind}")
        self.running.add(task)
        self.status.running = len(self.running)

        def done(finished: asyncio.Task[Any]) -> None:
            self.running.discard(finished)
            self.status.running = len(self.running)
            self.wake.set()

        task.add_done_callback(done)

    async def _run(self, job: jobs.Job) -> None:
        try:
            await jobs.run_one(job, self.name)
        except Exception:  # recording the outcome failed (database down): taken back later
            logger.exception("worker %s: job %s could not record its outcome", self.name, job.id)


async def run_worker(
    stop: asyncio.Event,
    *,
    database_url: str,
    concurrency: int = 8,
    idle_seconds: float = 1.0,
    status: WorkerStatus | None = None,
    name: str | None = None,
    maintenance: list[Any] | None = None,
) -> None:
    """Run due jobs until `stop` is set, at most `concurrency` at once, claiming again as soon
    as a slot frees; sleep up to `idle_seconds` when nothing is due."""
    loop = _Loop(
        name=name or jobs.worker_name(),
        concurrency=max(1, concurrency),
        idle_seconds=idle_seconds,
        status=status or WorkerStatus(),
    )
    loop.status.name = loop.name
    liveness = Liveness(loop.name, database_url)
    while not stop.is_set():
        try:
            await liveness.start()
            break
        except Exception:
            logger.exception("worker %s: cannot register; retrying", loop.name)
            await _wait([stop], 2.0)
    if stop.is_set():
        return
    loop.status.started = True
    loop.status.last_beat = clock.monotonic()
    logger.info("worker %s started (%s at once)", loop.name, loop.concurrency)
    beating = asyncio.create_task(_heartbeat(stop, loop, liveness, maintenance or []))
    try:
        while not stop.is_set():
            loop.wake.clear()
            free = loop.concurrency - len(loop.running)
            claimed: list[jobs.Job] = []
            if free > 0:
                try:
                    # The finishes of runs ended since the last claim are committed first
                    # (one statement for all, core/jobs.py DONE_LINGER): this worker never
                    # holds more running jobs than it runs.
                    await jobs.settle()
                    claimed = await jobs.claim(worker=loop.name, limit=free)
                except Exception:
                    logger.warning("worker %s: claiming failed; retrying", loop.name, exc_info=True)
            for job in claimed:
                loop.start(job)
            if free > 0 and len(claimed) == free:
                continue  # more may be due: claim again as soon as a slot frees
            await _wait([stop, loop.wake], loop.idle_seconds)
    finally:
        loop.status.stopping = True
        beating.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await beating
        if loop.running:
            await asyncio.wait(set(loop.running), timeout=STOP_GRACE_SECONDS)
        for task in list(loop.running):
            task.cancel()
        if loop.running:
            await asyncio.wait(set(loop.running), timeout=5)
        with contextlib.suppress(Exception):
            await jobs.settle()  # finished runs are recorded done before the rest is given back
        with contextlib.suppress(Exception):
            given_back = await release(loop.name)
            if given_back:
                logger.info("worker %s gave back %s job(s)", loop.name, given_back)
        with contextlib.suppress(Exception):
            await liveness.stop()
        logger.info("worker %s stopped", loop.name)


async def _heartbeat(
    stop: asyncio.Event, loop: _Loop, liveness: Liveness, maintenance: list[Any]
) -> None:
    while not stop.is_set():
        try:
            await liveness.beat(running=len(loop.running))
            loop.status.last_beat = clock.monotonic()
            if await take_back_from_the_dead(me=loop.name):
                loop.wake.set()
            for task in maintenance:
                await task()
            await JobWorker.filter(stopped_at__lt=clock.now() - FORGET_STOPPED_AFTER).delete()
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.warning("worker %s: heartbeat failed; retrying", loop.name, exc_info=True)
        await _wait([stop], HEARTBEAT_SECONDS)
