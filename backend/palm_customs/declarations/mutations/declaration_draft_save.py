from __future__ import annotations

import json
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core import drafts
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.declarations import services
from palm_customs.declarations.types import (
    DeclarationDraftInfo,
    DeclarationDraftSaved,
    DeclarationError,
    DraftConflictError,
    DraftSaveResult,
)


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
        data, size = drafts.parse_data_json(data_json, max_bytes=services.MAX_DRAFT_BYTES)
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
        refused=refusals(DraftConflictError, DeclarationError, ValidationError),
    )
