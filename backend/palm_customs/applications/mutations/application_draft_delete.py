from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications import drafts
from palm_customs.applications.types import (
    ApplicationDraftDeleted,
    ApplicationDraftDeleteResult,
    ApplicationError,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access


@strawberry.mutation(
    extensions=access(Level.SESSION, Role.PERSON),
    description="Discard your synced draft of an application for an item.",
)
async def application_draft_delete(
    info: Info[Context, Any], item_code: str
) -> ApplicationDraftDeleteResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: drafts.delete(c, principal=principal, item_code=item_code),
        present=lambda done: ApplicationDraftDeleted(item_code=done.draft.item_code),
        refused=refusals(ApplicationError),
    )
