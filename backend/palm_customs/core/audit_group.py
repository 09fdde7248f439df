"""Refused mutations' audit events, appended together (group commit).

A refusal changed nothing, so its event needs a transaction of its own; under a storm (300
people refused one full slot) one transaction per refusal made each refusal cost as much as a
booking. Each request still waits until its own event is committed, but the events waiting
while a transaction commits go together into the next one: one commit for many refusals. A
lone refusal is written at once, as before.
"""

from __future__ import annotations

import asyncio
import weakref

from tortoise.transactions import in_transaction

from palm_customs.core import audit

# Bounds one transaction (and the time the first of a group waits for the others).
MAX_GROUP = 200

_Pending = list[tuple[audit.AuditRecord, "asyncio.Future[None]"]]


class _Group:
    def __init__(self) -> None:
        self.pending: _Pending = []
        self.writer: asyncio.Task[None] | None = None

    async def write(self) -> None:
        while self.pending:
            batch, self.pending = self.pending[:MAX_GROUP], self.pending[MAX_GROUP:]
            try:
                async with in_transaction() as connection:
                    for record, _ in batch:
                        await audit.append(connection, record)
            except Exception as error:
                for _, done in batch:
                    if not done.done():
                        done.set_exception(error)
            else:
                for _, done in batch:
                    if not done.done():
                        done.set_result(None)


# One group per event loop (tests run each on a loop of their own).
_groups: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Group] = weakref.WeakKeyDictionary()


async def append_refusal(record: audit.AuditRecord) -> None:
    """Append a refused mutation's event; returns once it is committed (raises if it was not)."""
    loop = asyncio.get_running_loop()
    group = _groups.get(loop)
    if group is None:
        group = _groups[loop] = _Group()
    done: asyncio.Future[None] = loop.create_future()
    group.pending.append((record, done))
    if group.writer is None or group.writer.done():
        group.writer = loop.create_task(group.write())
    await asyncio.shield(done)
