"""Caches that every process keeps, told when what they cache changes, in any process.

A service marks a topic while it changes the data behind it (inside its transaction): this
process's caches of that topic stop serving at once. After the commit, `flush()` tells every
other process through the broadcast (Redis pub/sub across replicas and workers), and `listen()`,
running in each server process, applies what the others send. A message lost (Redis restarting)
costs at most the cache's own TTL, which stays the documented bound.

Callers that commit changes flush: `run_mutation` after its transaction, the job runner after
each job, and CLI commands before they exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import defaultdict
from contextvars import ContextVar

from palm_customs.core import broadcast, clock

logger = logging.getLogger(__name__)

CHANNEL = "invalidate"
AVAILABILITY = "availability"

_ORIGIN = uuid.uuid4().hex
_versions: defaultdict[str, int] = defaultdict(int)
_pending: ContextVar[set[str] | None] = ContextVar("palm_invalidation_pending", default=None)


def version(topic: str) -> tuple[int, int]:
    """What a cached answer of `topic` was computed under; it is stale once this changes.

    The clock's generation is part of it: moving the clock (tests) stales every answer.
    """
    return _versions[topic], clock.generation()


def drop_all() -> None:
    """Serve no cached answer computed before now (an app starting on another database)."""
    for topic in list(_versions):
        _versions[topic] += 1


def mark(topic: str) -> None:
    """The data behind `topic` is changing: stop serving this process's cached answers now,
    and tell the other processes at the next `flush()` (after the commit)."""
    _versions[topic] += 1
    pending = _pending.get()
    if pending is None:
        pending = set()
        _pending.set(pending)
    pending.add(topic)


def discard() -> None:
    """The change was rolled back: nothing to tell the others (our own caches were dropped,
    which only costs a recomputation)."""
    pending = _pending.get()
    if pending:
        pending.clear()


async def flush() -> None:
    """Tell every other process about the topics marked in this task since the last flush."""
    pending = _pending.get()
    if not pending:
        return
    topics = sorted(pending)
    pending.clear()
    for topic in topics:
        try:
            await broadcast.current().publish(CHANNEL, {"topic": topic, "origin": _ORIGIN})
        except Exception:  # a lost message costs at most the TTL; never fail the change
            logger.warning("could not publish the invalidation of %s", topic, exc_info=True)


def apply(message: dict[str, object]) -> bool:
    """Apply a message from another process; False when it is our own or not understood."""
    topic = message.get("topic")
    if message.get("origin") == _ORIGIN or not isinstance(topic, str):
        return False
    _versions[topic] += 1
    return True


async def listen(stop: asyncio.Event, *, retry_seconds: float = 1.0) -> None:
    """Apply other processes' invalidations until `stop` is set; resubscribe after failures
    (Redis restarting), dropping every cache on reconnection since messages may be lost."""
    while not stop.is_set():
        try:
            async with broadcast.current().subscribe(CHANNEL) as messages:
                drop_all()
                async for message in messages:
                    apply(message)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.warning("invalidation listener lost its subscription; retrying", exc_info=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=retry_seconds)
