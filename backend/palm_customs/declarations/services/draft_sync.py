"""A traveller's draft kept on the server, so it continues on another device; version conflicts
are reported, never overwritten.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import drafts
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.principal import Principal
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem, DraftConflict
from palm_customs.declarations.models import DeclarationDraft
from palm_customs.declarations.services.inputs import MAX_DRAFT_BYTES


@dataclass(frozen=True, slots=True)
class DraftSaved:
    draft: DeclarationDraft

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"declaration_draft:{self.draft.id}",)


async def save_draft(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    draft_id: str,
    base_version: int,
    data: dict[str, Any],
    device: str,
    size: int,
) -> DraftSaved:
    """Store a device's draft; a stale base version is a conflict shown to the person."""
    if size > MAX_DRAFT_BYTES:
        raise DeclarationProblem(DeclarationErrorCode.DRAFT_TOO_LARGE)
    try:
        key = uuid.UUID(draft_id)
    except ValueError:
        raise ValidationFailed(
            [FieldProblem("draftId", ValidationErrorCode.INVALID_FORMAT)]
        ) from None
    row = await DeclarationDraft.get_or_none(id=key, using_db=connection)
    if row is not None and row.account_id != principal.account_id:
        # Someone else's draft id: refuse without saying whose it is.
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND)
    saved = await drafts.save_versioned(
        connection,
        DeclarationDraft,
        key={"id": key, "account_id": principal.account_id},
        base_version=base_version,
        values={"data": data},
        device=device,
        conflict=_draft_conflict,
    )
    return DraftSaved(draft=saved)


def _draft_conflict(row: DeclarationDraft | None) -> DraftConflict:
    if row is None:
        return DraftConflict(server_version=0, server_data={}, updated_at="")
    return DraftConflict(
        server_version=row.version, server_data=row.data, updated_at=row.updated_at.isoformat()
    )


async def delete_draft(
    connection: BaseDBAsyncClient, *, principal: Principal, draft_id: str
) -> DraftSaved:
    try:
        key = uuid.UUID(draft_id)
    except ValueError:
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND) from None
    row = await DeclarationDraft.get_or_none(
        id=key, account_id=principal.account_id, using_db=connection
    )
    if row is None:
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND)
    await DeclarationDraft.filter(id=key).using_db(connection).delete()
    return DraftSaved(draft=row)
