"""Proofs a third party checks with the public key alone: an event's inclusion in a signed head,
and one head's consistency with another."""

from __future__ import annotations

import asyncio
from typing import Any

from palm_customs.core import merkle
from palm_customs.core.audit_heads import TreeHead, Trust
from palm_customs.core.audit_leaf import Leaf, head_store
from palm_customs.core.models import AuditEvent


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
