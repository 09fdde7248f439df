from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.api import ceremony
from palm_customs.identity.types import AccountError, CeremonyResult, SignInError, TooManyAttempts


@strawberry.mutation(
    extensions=access(Level.STEP_UP), description="Options to register another passkey."
)
async def passkey_add_start(info: Info[Context, Any]) -> CeremonyResult:
    context = info.context
    return await run_mutation(
        info,
        perform=lambda c: services.begin_add_passkey(
            c, context.settings, principal=context.principal
        ),
        present=ceremony,
        refused=refusals(ValidationError, AccountError, TooManyAttempts, SignInError),
    )
