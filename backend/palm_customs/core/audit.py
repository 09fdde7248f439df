"""The audit trail: append-only events chained by SHA-256.

Each event stores `hash = SHA-256(prev_hash || canonical(event))`, so changing, removing or
reordering any stored event breaks every hash after it, and `verify_chain` names the first.
Appends are serialized (a PostgreSQL advisory lock; SQLite serializes writers itself) and the
UNIQUE `prev_hash` makes a forked chain impossible even if that lock were bypassed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.models import AuditEvent

GENESIS_HASH = "0" * 64
# Arbitrary constant naming the audit chain's advisory lock on PostgreSQL.
_CHAIN_LOCK_KEY = 0x5A1C_A0D1


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """What a caller knows about an event; nothing secret, never document contents."""

    actor: str
    operation: str
    target_ids: tuple[str, ...]
    outcome: str
    request_id: str
    ip: str
    user_agent: str


def canonical(*, seq: int, occurred_at: datetime, record: AuditRecord, prev_hash: str) -> bytes:
    body = {
        "seq": seq,
        "occurred_at": occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": record.actor,
        "operation": record.operation,
        "target_ids": list(record.target_ids),
        "outcome": record.outcome,
        "request_id": record.request_id,
        "ip": record.ip,
        "user_agent": record.user_agent,
        "prev_hash": prev_hash,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(prev_hash: str, canonical_form: bytes) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical_form).hexdigest()


async def append(connection: BaseDBAsyncClient, record: AuditRecord) -> AuditEvent:
    """Append one event in the caller's transaction: the change and its audit commit together."""
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query("SELECT pg_advisory_xact_lock($1)", [_CHAIN_LOCK_KEY])
    tip = await AuditEvent.all().using_db(connection).order_by("-seq").only("seq", "hash").first()
    seq = 1 if tip is None else tip.seq + 1
    prev_hash = GENESIS_HASH if tip is None else tip.hash
    occurred_at = clock.now()
    digest = chain_hash(
        prev_hash, canonical(seq=seq, occurred_at=occurred_at, record=record, prev_hash=prev_hash)
    )
    return await AuditEvent.create(
        using_db=connection,
        seq=seq,
        occurred_at=occurred_at,
        actor=record.actor[:80],
        operation=record.operation[:80],
        target_ids=list(record.target_ids),
        outcome=record.outcome[:60],
        request_id=record.request_id[:64],
        ip=record.ip[:64],
        user_agent=record.user_agent[:300],
        prev_hash=prev_hash,
        hash=digest,
    )


@dataclass(frozen=True, slots=True)
class ChainBreak:
    seq: int
    event_id: int
    reason: str


async def _events_in_order(batch: int = 1000) -> AsyncIterator[AuditEvent]:
    last_seq = 0
    while True:
        page = await AuditEvent.filter(seq__gt=last_seq).order_by("seq").limit(batch)
        if not page:
            return
        for event in page:
            yield event
        last_seq = page[-1].seq


async def verify_chain() -> tuple[int, ChainBreak | None]:
    """Walk the whole chain; return how many events were checked and the first break, if any."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    async for event in _events_in_order():
        if event.seq != expected_seq:
            return checked, ChainBreak(event.seq, event.id, f"expected seq {expected_seq}")
        if event.prev_hash != expected_prev:
            return checked, ChainBreak(event.seq, event.id, "prev_hash does not match")
        record = AuditRecord(
            actor=event.actor,
            operation=event.operation,
            target_ids=tuple(event.target_ids),
            outcome=event.outcome,
            request_id=event.request_id,
            ip=event.ip,
            user_agent=event.user_agent,
        )
        recomputed = chain_hash(
            event.prev_hash,
            canonical(
                seq=event.seq,
                occurred_at=event.occurred_at,
                record=record,
                prev_hash=event.prev_hash,
            ),
        )
        if recomputed != event.hash:
            return checked, ChainBreak(event.seq, event.id, "content does not match its hash")
        checked += 1
        expected_prev = event.hash
        expected_seq += 1
    return checked, None
