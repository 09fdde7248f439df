from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.declarations import api, services
from palm_customs.declarations.types import (
    Declaration,
    DeclarationError,
    DeclarationInput,
    DeclarationSubmitResult,
    DeclarationSubmitSuccess,
)


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Amend a declaration not yet used at the channel: a new version and a new QR; "
    "the old QR then verifies as superseded.",
)
async def declaration_amend(
    info: Info[Context, Any],
    declaration_id: strawberry.ID,
    input: DeclarationInput,
    idempotency_key: str,
) -> DeclarationSubmitResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.amend(
            c,
            context.settings,
            principal=context.principal,
            declaration_id=declaration_id,
            data=api.declaration_input(input),
            idempotency_key=idempotency_key,
        ),
        present=lambda done: DeclarationSubmitSuccess(
            declaration=Declaration.from_row(done.declaration), replayed=done.replayed
        ),
        refused=refusals(ValidationError, DeclarationError),
    )
    return result
