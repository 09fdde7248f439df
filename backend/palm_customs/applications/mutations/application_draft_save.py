from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications import drafts
from palm_customs.applications.types import (
    ApplicationDraftConflictError,
    ApplicationDraftInfo,
    ApplicationDraftSaved,
    ApplicationDraftSaveResult,
    ApplicationError,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.SESSION, Role.PERSON),
    description="Sync this device's draft of an application for an item. `baseVersion` is the "
    "version it was edited from (0 for a new draft); a newer server version comes back as a "
    "conflict with the server's copy, never overwritten. `enterpriseId`: whom you apply for "
    "(only while you are an active member).",
)
async def application_draft_save(
    info: Info[Context, Any],
    item_code: str,
    base_version: int,
    data_json: str,
    device: str = "",
    enterprise_id: strawberry.ID | None = None,
) -> ApplicationDraftSaveResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: drafts.save(
            c,
            principal=principal,
            item_code=item_code,
            base_version=base_version,
            data_json=data_json,
            device=device,
            enterprise_id=enterprise_id,
        ),
        present=lambda done: ApplicationDraftSaved(draft=ApplicationDraftInfo.from_row(done.draft)),
        refused=refusals(ApplicationDraftConflictError, ApplicationError, ValidationError),
    )
