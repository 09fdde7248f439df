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
import hashlib
import hmac
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import connections
from tortoise.transactions import in_transaction

from palm_customs.core import clock, merkle
from palm_customs.core.audit_heads import (
    HeadError,
    HeadStore,
    Signer,
    TreeHead,
    Trust,
    public_pem,
)
from palm_customs.core.models import AuditAccess, AuditEvent
from palm_customs.settings import Settings

logger = logging.getLogger(__name__)

# Names the sealers' advisory lock on PostgreSQL (requests never take it).
_SEALER_LOCK_KEY = 0x5A1C_A0D2
LEAF_VERSION = 1
# What a client can make large is cut to these lengths before it is hashed.
LIMITS = {
    "actor": 80,
    "operation": 80,
    "outcome": 60,
    "request_id": 64,
    "ip": 64,
    "user_agent": 300,
}
MAX_TARGETS = 50
MAX_TARGET_LENGTH = 120
SEAL_BATCH = 5000


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
    # An officer acted: index the targets for the people whose records they are (not hashed).
    index_access: bool = False


def _clip(value: str, limit: int) -> str:
    # PostgreSQL text cannot hold NUL: replace it before hashing, like any limit.
    return value.replace("\x00", "\ufffd")[:limit]


@dataclass(frozen=True, slots=True)
class Leaf:
    """An event exactly as stored and hashed."""

    occurred_at: datetime
    actor: str
    operation: str
    target_ids: tuple[str, ...]
    outcome: str
    request_id: str
    ip: str
    user_agent: str
    indexed: bool = False

    @classmethod
    def from_record(cls, record: AuditRecord, occurred_at: datetime) -> Leaf:
        return cls(
            occurred_at=occurred_at.astimezone(UTC),
            actor=_clip(record.actor, LIMITS["actor"]),
            operation=_clip(record.operation, LIMITS["operation"]),
            target_ids=tuple(_clip(t, MAX_TARGET_LENGTH) for t in record.target_ids[:MAX_TARGETS]),
            outcome=_clip(record.outcome, LIMITS["outcome"]),
            request_id=_clip(record.request_id, LIMITS["request_id"]),
            ip=_clip(record.ip, LIMITS["ip"]),
            user_agent=_clip(record.user_agent, LIMITS["user_agent"]),
            indexed=record.index_access and bool(record.target_ids),
        )

    @classmethod
    def from_event(cls, event: AuditEvent) -> Leaf:
        targets = event.target_ids if isinstance(event.target_ids, list) else []
        return cls(
            occurred_at=event.occurred_at,
            actor=event.actor,
            operation=event.operation,
            target_ids=tuple(str(t) for t in targets),
            outcome=event.outcome,
            request_id=event.request_id,
            ip=event.ip,
            user_agent=event.user_agent,
            indexed=bool(event.indexed),
        )

    def to_json(self) -> dict[str, object]:
        extra: dict[str, object] = {"indexed": True} if self.indexed else {}
        return extra | {
            "v": LEAF_VERSION,
            "at": self.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor": self.actor,
            "operation": self.operation,
            "targets": list(self.target_ids),
            "outcome": self.outcome,
            # Where the request came from is committed to, not shown: a proof handed to a
            # person must not reveal an officer's address or browser (keyed, so that it
            # cannot be guessed from the few addresses there are).
            "private": hmac.new(
                _configured().mac_key,
                json.dumps(
                    ["private", self.request_id, self.ip, self.user_agent], ensure_ascii=False
                ).encode(),
                hashlib.sha256,
            ).hexdigest(),
        }

    def data(self) -> bytes:
        """The leaf input of RFC 6962: canonical JSON (sorted keys, no spaces, UTF-8)."""
        return json.dumps(
            self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()

    def hash(self) -> bytes:
        return merkle.leaf_hash(self.data())


@dataclass
class _Config:
    mac_key: bytes
    store: HeadStore
    key_path: Path
    retired_keys: Path | None
    origin: str
    create_key: bool
    signer: Signer | None = None


_config: _Config | None = None


def configure(settings: Settings) -> None:
    """Install this process's MAC key and log location (every process that appends or seals)."""
    global _config
    if settings.audit_mac_key is not None:
        mac_key = settings.audit_mac_key.reveal().encode()
    else:
        mac_key = hmac.new(
            settings.secret_key.reveal().encode(), b"palm-customs audit-mac v1", hashlib.sha256
        ).digest()
    _config = _Config(
        mac_key=mac_key,
        store=HeadStore(settings.audit_log_dir),
        key_path=settings.audit_key_path,
        retired_keys=settings.audit_retired_keys_file,
        origin=f"{settings.public_origin}/audit",
        create_key=not settings.is_production,
    )


def _configured() -> _Config:
    if _config is None:
        raise RuntimeError("palm_customs.core.audit.configure(settings) was not called")
    return _config


def mac(data: bytes) -> str:
    return hmac.new(_configured().mac_key, data, hashlib.sha256).hexdigest()


def _mac_ok(event: AuditEvent, data: bytes) -> bool:
    return hmac.compare_digest(event.mac or "", mac(data))


def signer() -> Signer:
    config = _configured()
    if config.signer is None:
        config.signer = Signer.from_file(config.key_path, create=config.create_key)
    return config.signer


def trust() -> Trust:
    """The current signing key's public key and every retired one configured."""
    config = _configured()
    text = public_pem(signer().public)
    if config.retired_keys is not None and config.retired_keys.exists():
        text += config.retired_keys.read_text()
    return Trust.from_pem(text)


def head_store() -> HeadStore:
    return _configured().store


async def append(connection: BaseDBAsyncClient, record: AuditRecord) -> AuditEvent:
    """Insert one event in the caller's transaction (the change and its audit commit together).
    No lock: the sealer numbers events later."""
    leaf = Leaf.from_record(record, clock.now())
    event = await AuditEvent.create(
        using_db=connection,
        seq=None,
        occurred_at=leaf.occurred_at,
        actor=leaf.actor,
        operation=leaf.operation,
        target_ids=list(leaf.target_ids),
        outcome=leaf.outcome,
        request_id=leaf.request_id,
        ip=leaf.ip,
        user_agent=leaf.user_agent,
        mac=mac(leaf.data()),
        indexed=leaf.indexed,
    )
    if leaf.indexed:
        await AuditAccess.bulk_create(
            [
                AuditAccess(event_id=event.id, target=target, occurred_at=leaf.occurred_at)
                for target in dict.fromkeys(leaf.target_ids)
            ],
            using_db=connection,
        )
    return event


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
            data = Leaf.from_event(event).data()
            legacy = first_seal and event.mac == ""
            if legacy or _mac_ok(event, data):
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
    return SealResult(numbered=numbered, rejected=rejected, head=head)


async def run_sealer(stop: asyncio.Event, *, interval: float) -> None:
    """Seal every `interval` seconds until `stop` (the worker and the embedded drainer)."""
    while not stop.is_set():
        try:
            await seal()
        except LogDamaged as error:
            logger.error("audit sealer stopped sealing: %s; run `palm-customs audit verify`", error)
        except Exception:
            logger.exception("audit sealer failed; retrying")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)


async def unsealed_count() -> int:
    return await AuditEvent.filter(seq__isnull=True).count()


# --- verification --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Break:
    """One thing wrong with the log; `seq`/`event_id` name the event when there is one."""

    seq: int | None
    event_id: int | None
    reason: str

    def describe(self) -> str:
        where = []
        if self.seq is not None:
            where.append(f"seq={self.seq}")
        if self.event_id is not None:
            where.append(f"id {self.event_id}")
        return (f"event {' '.join(where)}: " if where else "") + self.reason


@dataclass
class Report:
    heads: int = 0
    head_size: int = 0
    verified: int = 0
    pending: int = 0
    breaks: list[Break] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.breaks


async def _events(**filters: Any) -> AsyncIterator[AuditEvent]:
    last = None
    while True:
        query = AuditEvent.filter(**filters)
        if last is not None:
            query = query.filter(id__gt=last)
        page = await query.order_by("id").limit(2000)
        if not page:
            return
        for event in page:
            yield event
        last = page[-1].id


def _check_heads(report: Report, heads: list[TreeHead], leaves: list[bytes]) -> TreeHead | None:
    """Each head signed by a trusted key, matching the sealed leaves, and consistent with the
    one before it; returns the newest good head."""
    tree = merkle.Tree(leaves)
    keys = trust()
    good: TreeHead | None = None
    for head in heads:
        try:
            keys.check(head)
        except HeadError as error:
            report.breaks.append(Break(None, None, f"tree head of size {head.size}: {error}"))
            continue
        if head.size > len(leaves) or tree.root(head.size) != head.root:
            report.breaks.append(
                Break(None, None, f"tree head of size {head.size}: sealed leaf files differ")
            )
            continue
        if good is not None:
            try:
                merkle.verify_consistency(
                    size1=good.size,
                    size2=head.size,
                    proof=tree.consistency_proof(good.size, head.size),
                    root1=good.root,
                    root2=head.root,
                )
            except merkle.ProofError as error:
                report.breaks.append(
                    Break(
                        None,
                        None,
                        f"tree head of size {head.size} is not consistent with size "
                        f"{good.size}: {error}",
                    )
                )
                continue
        good = head
        report.heads += 1
    return good


async def verify() -> Report:
    """Check the database against every signed head; report every break found."""
    report = Report()
    store = head_store()
    heads_or_errors = await asyncio.to_thread(store.heads)
    leaves, leaf_problems = await asyncio.to_thread(store.leaves)
    report.breaks.extend(Break(None, None, p) for p in leaf_problems)
    heads: list[TreeHead] = []
    for item in heads_or_errors:
        if isinstance(item, HeadError):
            report.breaks.append(Break(None, None, str(item)))
        else:
            heads.append(item)
    latest = _check_heads(report, heads, leaves)
    signed = latest.size if latest is not None else 0
    report.head_size = signed
    first_size = heads[0].size if heads else 0

    async for event in _events(seq__gt=0):
        if event.seq is None:
            continue
        data = Leaf.from_event(event).data()
        legacy = event.mac == "" and event.seq <= first_size
        if not legacy and not _mac_ok(event, data):
            report.breaks.append(
                Break(event.seq, event.id, "its MAC is invalid (forged or altered)")
            )
        if event.seq <= signed:
            if merkle.leaf_hash(data) != leaves[event.seq - 1]:
                report.breaks.append(
                    Break(
                        event.seq,
                        event.id,
                        "content differs from what was sealed (edited, reordered or replaced)",
                    )
                )
            else:
                report.verified += 1
        else:
            report.pending += 1
    # Sequence numbers must run 1, 2, 3 … up to the signed size at least, with no gap.
    present = await _sealed_positions()
    report.breaks.extend(_gaps(present, signed))
    async for event in _events(seq__lt=0):
        report.breaks.append(
            Break(None, event.id, "rejected by the sealer: its MAC is invalid (forged)")
        )
    async for event in _events(seq__isnull=True):
        if _mac_ok(event, Leaf.from_event(event).data()):
            report.pending += 1
        else:
            report.breaks.append(
                Break(None, event.id, "not yet sealed and its MAC is invalid (forged or altered)")
            )
    await _check_access_index(report)
    report.breaks.sort(key=lambda b: (b.seq is None, b.seq or 0, b.event_id or 0))
    return report


async def _check_access_index(report: Report) -> None:
    """The index behind "who looked at my data" holds exactly the targets of the events that
    say they are indexed: a row deleted to hide an access, or planted, is named."""
    expected: dict[tuple[int, str], AuditEvent] = {}
    async for event in _events(indexed=True):
        for target in Leaf.from_event(event).target_ids:
            expected[(event.id, target)] = event
    found: set[tuple[int, str]] = set()
    rows = await AuditAccess.all().order_by("id").values_list("event_id", "target")
    for event_id, target in rows:
        found.add((int(event_id), str(target)))
    for key in sorted(expected.keys() - found):
        event = expected[key]
        report.breaks.append(
            Break(
                event.seq if event.seq and event.seq > 0 else None,
                event.id,
                f"missing from the access index for {key[1]} (hidden from its owner's view)",
            )
        )
    for event_id, target in sorted(found - expected.keys()):
        report.breaks.append(
            Break(None, event_id, f"access index names {target}, which the event does not")
        )


async def _sealed_positions() -> list[int]:
    connection = connections.get("default")
    _, rows = await connection.execute_query(
        "SELECT seq FROM audit_event WHERE seq > 0 ORDER BY seq"
    )
    return [int(row["seq"]) for row in rows]


def _gaps(present: list[int], signed: int) -> list[Break]:
    """Sequence numbers a signed head covers (or that come before a present one) but that no
    row holds: deleted events, a truncated tail, an emptied log."""
    top = max(signed, present[-1] if present else 0)
    breaks: list[Break] = []
    expected = 1
    for seq in [*present, top + 1]:
        if seq > expected:
            last = seq - 1
            if seq == top + 1 and not present:
                reason = f"every event is missing: the log was emptied (a signed head covers {top})"
            elif seq == top + 1 and last == expected:
                reason = (
                    f"this event is missing: the log was truncated (a signed head covers {top})"
                )
            elif seq == top + 1:
                reason = (
                    f"events seq={expected}..{last} are missing: the log was truncated "
                    f"(a signed head covers {top})"
                )
            elif last == expected:
                reason = "this event is missing (deleted)"
            else:
                reason = f"events seq={expected}..{last} are missing (deleted)"
            breaks.append(Break(expected, None, reason))
        expected = max(expected, seq + 1)
    return breaks


# --- proofs ----------------------------------------------------------------------------------


class ProofUnavailable(Exception):
    """No proof can be given (event unknown, not sealed yet, or differing from what was sealed)."""


async def inclusion(event_id: int) -> dict[str, object]:
    """An inclusion proof of one event in the latest signed head, checkable without the
    database (`check_proof`)."""
    event = await AuditEvent.get_or_none(id=event_id)
    if event is None:
        raise ProofUnavailable(f"no audit event with id {event_id}")
    store = head_store()
    latest = await asyncio.to_thread(store.latest)
    if event.seq is None or event.seq <= 0 or latest is None or event.seq > latest.size:
        raise ProofUnavailable(f"event {event_id} is not in a signed tree head yet")
    leaves, _ = await asyncio.to_thread(store.leaves)
    leaves = leaves[: latest.size]
    leaf = Leaf.from_event(event)
    if len(leaves) < latest.size or leaf.hash() != leaves[event.seq - 1]:
        raise ProofUnavailable(f"event {event_id} differs from what was sealed")
    tree = merkle.Tree(leaves)
    return {
        "kind": "inclusion",
        "leaf": leaf.data().decode(),
        "leaf_index": event.seq - 1,
        "tree_size": latest.size,
        "proof": [h.hex() for h in tree.inclusion_proof(event.seq - 1)],
        "head": _public_head(latest),
    }


async def consistency(size1: int, size2: int | None = None) -> dict[str, object]:
    """A consistency proof between two signed heads (the latest when `size2` is None)."""
    store = head_store()
    heads = {h.size: h for h in await asyncio.to_thread(store.heads) if isinstance(h, TreeHead)}
    latest = await asyncio.to_thread(store.latest)
    second = heads.get(size2) if size2 is not None else latest
    first = heads.get(size1)
    if first is None or second is None:
        raise ProofUnavailable("no signed tree head of that size")
    leaves, _ = await asyncio.to_thread(store.leaves)
    tree = merkle.Tree(leaves[: second.size])
    try:
        proof = tree.consistency_proof(first.size, second.size)
    except merkle.ProofError as error:
        raise ProofUnavailable(str(error)) from None
    return {
        "kind": "consistency",
        "first": _public_head(first),
        "second": _public_head(second),
        "proof": [h.hex() for h in proof],
    }


def _public_head(head: TreeHead) -> dict[str, object]:
    data = head.to_json()
    data.pop("compact", None)
    return data


def check_proof(document: dict[str, Any], keys: Trust) -> str:
    """Check a proof from `inclusion` or `consistency` with the given public keys only;
    returns what it proves, raises merkle.ProofError or HeadError otherwise."""
    try:
        kind = document["kind"]
        proof = [bytes.fromhex(h) for h in document["proof"]]
        if kind == "inclusion":
            head = TreeHead.from_json(document["head"])
            keys.check(head)
            leaf_data = str(document["leaf"]).encode()
            index = int(document["leaf_index"])
            if int(document["tree_size"]) != head.size:
                raise merkle.ProofError("tree size differs from the signed head's")
            merkle.verify_inclusion(
                index=index,
                size=head.size,
                leaf=merkle.leaf_hash(leaf_data),
                proof=proof,
                root_hash=head.root,
            )
            return f"event at position {index + 1} is in the signed log of {head.size} events"
        if kind == "consistency":
            first = TreeHead.from_json(document["first"])
            second = TreeHead.from_json(document["second"])
            keys.check(first)
            keys.check(second)
            if first.origin != second.origin:
                raise merkle.ProofError("the heads belong to different logs")
            merkle.verify_consistency(
                size1=first.size,
                size2=second.size,
                proof=proof,
                root1=first.root,
                root2=second.root,
            )
            return f"the log of {second.size} events extends the log of {first.size}"
    except (KeyError, TypeError, ValueError) as error:
        raise merkle.ProofError(f"malformed proof: {error}") from None
    raise merkle.ProofError(f"unknown proof kind {kind!r}")
