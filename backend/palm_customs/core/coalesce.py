"""Statements made together (group commit): many concurrent callers, one statement.

A caller submits its item and waits for its own answer; the items submitted while a batch's
statement runs go together into the next one. A lone caller is served at once, as if it ran its
own statement; under load (a worker running 32 pushes) each batch carries many. The statement
runs outside any transaction (autocommit), so a caller's answer means its change is committed.
Used by the job runner (hand-overs) and, as `Deferred` writes nobody waits for, by job
finishes and push delivery (devices last reached).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Bounds one statement (an IN list) and the time the first of a batch waits for the others.
MAX_BATCH = 200


class _Batches(Generic[T, R]):
    def __init__(self) -> None:
        self.pending: list[tuple[T, asyncio.Future[R]]] = []
        self.writer: asyncio.Task[None] | None = None


class Coalescer(Generic[T, R]):
    """`run(items)` answers one result per item, in order; `submit(item)` waits for its own."""

    def __init__(self, run: Callable[[Sequence[T]], Awaitable[Sequence[R]]]) -> None:
        self._run = run
        # One queue per event loop (tests run each on a loop of their own).
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Batches[T, R]] = (
            weakref.WeakKeyDictionary()
        )

    async def submit(self, item: T) -> R:
        loop = asyncio.get_running_loop()
        batches = self._loops.get(loop)
        if batches is None:
            batches = self._loops[loop] = _Batches()
        done: asyncio.Future[R] = loop.create_future()
        batches.pending.append((item, done))
        if batches.writer is None or batches.writer.done():
            batches.writer = loop.create_task(self._write(batches))
        return await asyncio.shield(done)

    async def _write(self, batches: _Batches[T, R]) -> None:
        while batches.pending:
            batch, batches.pending = batches.pending[:MAX_BATCH], batches.pending[MAX_BATCH:]
            try:
                results = await self._run([item for item, _ in batch])
            except Exception as error:
                for _, done in batch:
                    if not done.done():
                        done.set_exception(error)
            else:
                for (_, done), result in zip(batch, results, strict=True):
                    if not done.done():
                        done.set_result(result)


class _Pending(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
        self.writer: asyncio.Task[None] | None = None
        self.wake = asyncio.Event()
        self.urgent = False


class Deferred(Generic[T]):
    """Writes nobody waits for, made together: `add(item)` returns at once, and the items
    added within `linger` seconds of the first go to `run` in one batch (at most MAX_BATCH
    a statement). `settle()` (or `settle_all()`) writes what is pending now and returns when it
    is committed. A batch that fails is logged and dropped: use it only for records whose loss
    the caller's design already tolerates (a job's finish: the job stays running under its
    worker and is run again when that worker stops or dies, under the hand-over rules of
    core/jobs.py, as when a worker dies before recording an outcome)."""

    def __init__(self, run: Callable[[Sequence[T]], Awaitable[object]], *, linger: float) -> None:
        self._run = run
        self._linger = linger
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Pending[T]] = (
            weakref.WeakKeyDictionary()
        )
        _deferred.add(self)

    def add(self, item: T) -> None:
        loop = asyncio.get_running_loop()
        pending = self._loops.get(loop)
        if pending is None:
            pending = self._loops[loop] = _Pending()
        pending.items.append(item)
        if len(pending.items) >= MAX_BATCH:
            pending.wake.set()
        if pending.writer is None or pending.writer.done():
            pending.writer = loop.create_task(self._write(pending))

    async def _write(self, pending: _Pending[T]) -> None:
        while pending.items:
            if not pending.urgent and len(pending.items) < MAX_BATCH:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self._linger):
                        await pending.wake.wait()
            pending.wake.clear()
            batch, pending.items = pending.items[:MAX_BATCH], pending.items[MAX_BATCH:]
            try:
                await self._run(batch)
            except Exception:
                logger.warning(
                    "%s: %s deferred write(s) failed",
                    self._run.__qualname__,
                    len(batch),
                    exc_info=True,
                )

    async def settle(self) -> None:
        pending = self._loops.get(asyncio.get_running_loop())
        if pending is None:
            return
        pending.urgent = True
        try:
            while pending.writer is not None and not pending.writer.done():
                pending.wake.set()
                await asyncio.shield(pending.writer)
        finally:
            pending.urgent = False


_deferred: weakref.WeakSet[Deferred[Any]] = weakref.WeakSet()


async def settle_all() -> None:
    """Write every deferred item of this event loop now (a worker stopping, a drain ending)."""
    for deferred in list(_deferred):
        await deferred.settle()
