from __future__ import annotations

import json
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.mutation import run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.declarations import services
from palm_customs.declarations.types import (
    DeclarationDraftInfo,
    DeclarationDraftSaved,
    DraftSaveResult,
)


def _parse(data_json: str) -> dict[str, Any]:
    try:
        value = json.loads(data_json)
    except json.JSONDecodeError:
        value = None
    if not isinstance(value, dict):
        raise ValidationFailed([FieldProblem("dataJson", ValidationErrorCode.INVALID_FORMAT)])
    return value


@strawberry.mutation(
    extensions=access(Level.SESSION, Role.PERSON),
    description="Sync a draft from this device. `baseVersion` is the version it was edited "
    "from (0 for a new draft); a newer server version is returned as a conflict, never "
    "overwritten.",
)
async def declaration_draft_save(
    info: Info[Context, Any],
    draft_id: strawberry.ID,
    base_version: int,
    data_json: str,
    device: str = "",
) -> DraftSaveResult:
    principal = info.context.principal

    async def perform(connection: Any) -> services.DraftSaved:
        size = len(data_json.encode())
        data = _parse(data_json) if size <= services.MAX_DRAFT_BYTES else {}
        return await services.save_draft(
            connection,
            principal=principal,
            draft_id=draft_id,
            base_version=base_version,
            data=data,
            device=device,
            size=size,
        )

    return await run_mutation(
        info,
        perform=perform,
        present=lambda done: DeclarationDraftSaved(
            draft=DeclarationDraftInfo(
                id=strawberry.ID(str(done.draft.id)),
                version=done.draft.version,
                data_json=json.dumps(done.draft.data, ensure_ascii=False),
                updated_at=done.draft.updated_at,
                device=done.draft.device,
            )
        ),
    )
