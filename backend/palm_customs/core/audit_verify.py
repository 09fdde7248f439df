"""`audit verify`: the database against every signed head, every break named."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from tortoise.connection import connections

from palm_customs.core import merkle
from palm_customs.core.audit_checkpoints import merged_heads
from palm_customs.core.audit_heads import HeadError, TreeHead
from palm_customs.core.audit_leaf import Leaf, checkpoint_copies, head_store, mac_ok, trust
from palm_customs.core.models import AuditAccess, AuditEvent

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
    heads_or_errors, copy_problems = await asyncio.to_thread(
        merged_heads, store, checkpoint_copies()
    )
    report.breaks.extend(Break(None, None, p) for p in copy_problems)
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
        leaf = Leaf.from_event(event)
        data = leaf.data()
        legacy = event.mac == "" and event.seq <= first_size
        if not legacy and not mac_ok(event, leaf):
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
        if mac_ok(event, Leaf.from_event(event)):
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
