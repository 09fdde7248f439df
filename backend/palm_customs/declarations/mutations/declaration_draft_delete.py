from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.declarations import services
from palm_customs.declarations.types import (
    DeclarationDraftDeleted,
    DeclarationError,
    DraftDeleteResult,
)


@strawberry.mutation(
    extensions=access(Level.SESSION, Role.PERSON), description="Discard a synced draft."
)
async def declaration_draft_delete(
    info: Info[Context, Any], draft_id: strawberry.ID
) -> DraftDeleteResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.delete_draft(c, principal=principal, draft_id=draft_id),
        present=lambda _: DeclarationDraftDeleted(),
        refused=refusals(DeclarationError),
    )
