"""The audit log: a transparency log in the manner of Certificate Transparency (RFC 6962 /
RFC 9162) and Trillian, which holds against someone with write access to the database.

- **Append, no lock.** A request inserts its event in its own transaction (with the change it
  audits). Limits are applied first and the row stores exactly the bytes that are hashed. Each
  event carries an HMAC under a key kept outside the database, so a row forged in the database
  is told apart from a real one.
- **Seal.** One sealer at a time (a PostgreSQL advisory lock taken by sealers only; requests
  never take it) numbers the committed, unsealed events in id order (`seq`), then appends
  their RFC 6962 leaf hashes to the Merkle tree and signs a tree head (size, root, time) with
  an Ed25519 key outside the database. Heads and sealed leaf hashes are written outside the
  database too (core/audit_heads.py). A sealer that dies between the two steps leaves numbered
  events that the next run signs.
Split by concept: core/audit_leaf.py (an event as hashed and keyed, the keys),
core/audit_verify.py, core/audit_proofs.py, core/audit_heads.py (heads and where they are kept),
core/audit_lag.py (what is not sealed yet); this module appends and seals, and re-exports what
callers use.

- **Verify.** `verify()` recomputes every leaf from the database, compares it with what was
  sealed and the tree with every signed head (each head consistent with the one before, by an
  RFC 9162 consistency proof), and reports every break: deleted, truncated, emptied, edited,
  reordered, inserted or forged events, and events that never had a valid MAC.
- **Prove.** An inclusion proof for one event, or a consistency proof between two heads, that
  a third party checks with the public key alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from palm_customs.core import clock
from palm_customs.core.audit_checkpoints import copy_heads
from palm_customs.core.audit_heads import HeadStore, TreeHead, public_pem
from palm_customs.core.audit_leaf import (
    LIMITS,
    MAX_TARGET_LENGTH,
    MAX_TARGETS,
    AuditRecord,
    Leaf,
    _configured,
    checkpoint_copies,
    configure,
    head_store,
    mac,
    mac_ok,
    signer,
    trust,
)
from palm_customs.core.audit_proofs import (
    ProofUnavailable,
    check_proof,
    consistency,
    inclusion,
)
from palm_customs.core.audit_verify import Break, Report, verify
from palm_customs.core.models import AuditAccess, AuditEvent

__all__ = [
    "LIMITS",
    "MAX_TARGETS",
    "MAX_TARGET_LENGTH",
    "AuditRecord",
    "Break",
    "Leaf",
    "LogDamaged",
    "ProofUnavailable",
    "Report",
    "SealResult",
    "append",
    "check_proof",
    "configure",
    "consistency",
    "head_store",
    "inclusion",
    "public_pem",
    "run_sealer",
    "seal",
    "signer",
    "trust",
    "verify",
]

logger = logging.getLogger(__name__)

# Names the sealers' advisory lock on PostgreSQL (requests never take it).
_SEALER_LOCK_KEY = 0x5A1C_A0D2
SEAL_BATCH = 5000


async def append(connection: BaseDBAsyncClient, record: AuditRecord) -> int:
    """Insert one event in the caller's transaction (the change and its audit commit together)
    and return its id. No lock: the sealer numbers events later."""
    leaf = Leaf.from_record(record, clock.now())
    event_id = await _insert(
        connection,
        {
            "seq": None,
            "occurred_at": leaf.occurred_at,
            "actor": leaf.actor,
            "operation": leaf.operation,
            "target_ids": list(leaf.target_ids),
            "outcome": leaf.outcome,
            "request_id": leaf.request_id,
            "ip": leaf.ip,
            "user_agent": leaf.user_agent,
            "mac": mac(leaf),
            "mac_kid": leaf.mac_kid,
            "indexed": leaf.indexed,
        },
    )
    if leaf.indexed:
        await AuditAccess.bulk_create(
            [
                AuditAccess(event_id=event_id, target=target, occurred_at=leaf.occurred_at)
                for target in dict.fromkeys(leaf.target_ids)
            ],
            using_db=connection,
        )
    return event_id


async def _insert(connection: BaseDBAsyncClient, values: dict[str, object]) -> int:
    """The INSERT `AuditEvent.create` sends (Tortoise's own statement, each value converted by
    its field), without building a model instance first: this runs in every mutation."""
    executor = connection.executor_class(model=AuditEvent, db=connection)  # its SQL is cached
    fields = AuditEvent._meta.fields_map
    row = await connection.execute_insert(
        executor.insert_query,
        [fields[name].to_db_value(values[name], AuditEvent) for name in executor.regular_columns],
    )
    # PostgreSQL answers the RETURNING row, SQLite the last row id.
    return int(row) if isinstance(row, int) else int(row["id"])


# --- sealing -------------------------------------------------------------------------------


class LogDamaged(Exception):
    """The database no longer holds what was sealed: the sealer stops until it is looked at."""


@dataclass(frozen=True, slots=True)
class SealResult:
    numbered: int
    rejected: int
    head: TreeHead | None


async def _sealer_lock(connection: BaseDBAsyncClient, *, wait: bool) -> bool:
    if connection.capabilities.dialect != "postgres":
        return True  # SQLite: one writer at a time anyway, and the head store has a file lock
    if wait:
        await connection.execute_query("SELECT pg_advisory_xact_lock($1)", [_SEALER_LOCK_KEY])
        return True
    _, rows = await connection.execute_query(
        "SELECT pg_try_advisory_xact_lock($1) AS got", [_SEALER_LOCK_KEY]
    )
    return bool(rows[0]["got"])


async def _max_seq(connection: BaseDBAsyncClient) -> int:
    _, rows = await connection.execute_query(
        "SELECT MAX(seq) AS tip FROM audit_event WHERE seq > 0"
    )
    return int(rows[0]["tip"] or 0)


async def _number(store: HeadStore) -> tuple[int, int] | None:
    """Give the next sequence numbers to committed unsealed events; None if another sealer
    holds the lock."""
    async with in_transaction() as connection:
        if not await _sealer_lock(connection, wait=False):
            return None
        tip = await _max_seq(connection)
        latest = await asyncio.to_thread(store.latest)
        if latest is not None and tip < latest.size:
            raise LogDamaged(
                f"the database holds {tip} sealed events but a signed head covers {latest.size}"
            )
        first_seal = tip == 0 and latest is None
        pending = (
            await AuditEvent.filter(seq__isnull=True)
            .using_db(connection)
            .order_by("id")
            .limit(SEAL_BATCH)
        )
        numbered: list[tuple[int, int]] = []
        rejected: list[tuple[int, int]] = []
        for event in pending:
            legacy = first_seal and event.mac == ""
            if legacy or mac_ok(event, Leaf.from_event(event)):
                numbered.append((tip + len(numbered) + 1, event.id))
            else:
                # Never sealed, and kept out of the way: `verify` names it.
                rejected.append((-event.id, event.id))
        if numbered or rejected:
            sql = (
                "UPDATE audit_event SET seq = $1 WHERE id = $2 AND seq IS NULL"
                if connection.capabilities.dialect == "postgres"
                else "UPDATE audit_event SET seq = ? WHERE id = ? AND seq IS NULL"
            )
            await connection.execute_many(sql, [list(pair) for pair in numbered + rejected])
        if rejected:
            logger.warning("audit: %s events with an invalid MAC were not sealed", len(rejected))
        return len(numbered), len(rejected)


async def _sign(store: HeadStore) -> TreeHead | None:
    """Sign a head covering every numbered event (also what a crashed sealer numbered)."""
    config = _configured()
    key = signer()
    for _ in range(5):
        latest = await asyncio.to_thread(store.latest)
        start = latest.size if latest else 0
        async with in_transaction() as connection:
            await _sealer_lock(connection, wait=True)
            tip = await _max_seq(connection)
            if tip < start:
                raise LogDamaged(f"the database holds {tip} sealed events; a head covers {start}")
            if tip == start:
                return latest
            events = (
                await AuditEvent.filter(seq__gt=start, seq__lte=tip)
                .using_db(connection)
                .order_by("seq")
            )
            if [e.seq for e in events] != list(range(start + 1, tip + 1)):
                raise LogDamaged(f"sealed events between {start + 1} and {tip} are missing")
            leaves = [Leaf.from_event(e).hash() for e in events]
            moment = clock.now().astimezone(UTC).isoformat(timespec="seconds")
            head = await asyncio.to_thread(
                store.extend,
                start=start,
                leaves=leaves,
                signer=key,
                origin=config.origin,
                time=moment,
            )
        if head is not None:
            return head
    return None


async def seal() -> SealResult:
    """Number what is unsealed and sign a head over it; safe to run from several processes."""
    store = head_store()
    counts = await _number(store)
    numbered, rejected = counts if counts is not None else (0, 0)
    head = await _sign(store)
    await asyncio.to_thread(copy_heads, store, checkpoint_copies())
    return SealResult(numbered=numbered, rejected=rejected, head=head)


async def run_sealer(
    stop: asyncio.Event,
    *,
    interval: float,
    after_seal: Callable[[], Awaitable[object]] | None = None,
) -> None:
    """Seal every `interval` seconds until `stop` (the worker and the embedded drainer), then
    run `after_seal` over what is sealed (the anomaly alerts' evaluator)."""
    while not stop.is_set():
        try:
            await seal()
            if after_seal is not None:
                await after_seal()
        except LogDamaged as error:
            logger.error("audit sealer stopped sealing: %s; run `palm-customs audit verify`", error)
        except Exception:
            logger.exception("audit sealer failed; retrying")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)
