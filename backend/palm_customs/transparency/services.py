"""Who opened or changed a person's declarations, applications and documents: officers'
audited events indexed by target (core.models.AuditAccess), with the officer's unit."""

from __future__ import annotations

import enum
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from palm_customs.applications.models import Application
from palm_customs.core import audit
from palm_customs.core.models import AuditAccess, AuditEvent
from palm_customs.declarations.models import Declaration
from palm_customs.documents.models import Document
from palm_customs.identity.models import Officer

MAX_ENTRIES = 100
# The person's records are looked up in chunks (an IN list per query).
_CHUNK = 500


class RecordKind(enum.Enum):
    DECLARATION = "declaration"
    APPLICATION = "application"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Access:
    event_id: int
    kind: RecordKind
    record_id: str
    label: str
    operation: str
    outcome: str
    officer_unit: str
    occurred_at: datetime
    sealed: bool


async def _targets(account_id: uuid.UUID) -> dict[str, tuple[RecordKind, str, str]]:
    """Every target id naming one of the person's records -> (kind, record id, label)."""
    targets: dict[str, tuple[RecordKind, str, str]] = {}
    for row in await Declaration.filter(account_id=account_id).only("id", "number"):
        targets[f"declaration:{row.id}"] = (RecordKind.DECLARATION, str(row.id), row.number)
    for app in await Application.filter(applicant_id=account_id).only("id", "item_code"):
        targets[f"application:{app.id}"] = (RecordKind.APPLICATION, str(app.id), app.item_code)
    for doc in await Document.filter(account_id=account_id).only("id", "material_code"):
        entry = (RecordKind.DOCUMENT, str(doc.id), doc.material_code)
        targets[f"document:{doc.id}"] = entry
        targets[str(doc.id)] = entry  # document services name documents by id alone
    return targets


async def accesses(account_id: uuid.UUID, *, first: int) -> list[Access]:
    """The latest officer events on the person's records, newest first."""
    targets = await _targets(account_id)
    if not targets:
        return []
    limit = max(1, min(first, MAX_ENTRIES))
    names = list(targets)
    rows: list[AuditAccess] = []
    for start in range(0, len(names), _CHUNK):
        rows += (
            await AuditAccess.filter(target__in=names[start : start + _CHUNK])
            .order_by("-occurred_at", "-id")
            .limit(limit)
        )
    rows.sort(key=lambda r: (r.occurred_at, r.id), reverse=True)
    rows = rows[:limit]
    events = {e.id: e for e in await AuditEvent.filter(id__in=[r.event_id for r in rows])}
    actors = {
        uuid.UUID(e.actor.removeprefix("account:"))
        for e in events.values()
        if e.actor.startswith("account:")
    }
    units = {o.account_id: o.unit for o in await Officer.filter(account_id__in=list(actors))}
    found: list[Access] = []
    for row in rows:
        event = events.get(row.event_id)
        if event is None:
            continue  # deleted from the log: `audit verify` names it
        kind, record_id, label = targets[row.target]
        actor = event.actor.removeprefix("account:")
        try:
            unit = units.get(uuid.UUID(actor), "")
        except ValueError:
            unit = ""
        found.append(
            Access(
                event_id=event.id,
                kind=kind,
                record_id=record_id,
                label=label,
                operation=event.operation,
                outcome=event.outcome,
                officer_unit=unit,
                occurred_at=event.occurred_at,
                sealed=event.seq is not None and event.seq > 0,
            )
        )
    return found


async def proof_for(account_id: uuid.UUID, event_id: int) -> str | None:
    """The inclusion proof (JSON) of an officer event on one of the person's records; None
    when it is not theirs or not yet in a signed tree head."""
    targets = await _targets(account_id)
    indexed = await AuditAccess.filter(event_id=event_id).values_list("target", flat=True)
    if not any(str(t) in targets for t in indexed):
        return None
    try:
        document = await audit.inclusion(event_id)
    except audit.ProofUnavailable:
        return None
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
