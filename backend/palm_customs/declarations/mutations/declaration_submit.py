from __future__ import annotations

import uuid
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.declarations import api, services
from palm_customs.declarations.models import InspectionOutcome
from palm_customs.declarations.types import (
    Declaration,
    DeclarationError,
    DeclarationInput,
    DeclarationSubmitResult,
    DeclarationSubmitSuccess,
)


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Submit a declaration; a retry with the same idempotency key returns the first.",
)
async def declaration_submit(
    info: Info[Context, Any],
    input: DeclarationInput,
    idempotency_key: str,
    draft_id: strawberry.ID | None = None,
) -> DeclarationSubmitResult:
    context = info.context

    def draft() -> uuid.UUID | None:
        try:
            return uuid.UUID(draft_id) if draft_id else None
        except ValueError:
            return None

    result = await run_mutation(
        info,
        perform=lambda c: services.submit(
            c,
            context.settings,
            principal=context.principal,
            data=api.declaration_input(input),
            idempotency_key=idempotency_key,
            draft_id=draft(),
        ),
        refused=refusals(ValidationError, DeclarationError),
    )
    if isinstance(result, services.Submitted):
        outcome = await InspectionOutcome.filter(declaration_id=result.declaration.id).first()
        return DeclarationSubmitSuccess(
            declaration=Declaration.from_row(result.declaration, outcome), replayed=result.replayed
        )
    return result
