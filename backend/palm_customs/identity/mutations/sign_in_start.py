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
    extensions=access(Level.ANONYMOUS),
    description="Options for a passkey sign-in: usernameless/autofill without a name, "
    "username-first with one.",
)
async def sign_in_start(
    info: Info[Context, Any], sign_in_name: str | None = None
) -> CeremonyResult:
    settings = info.context.settings
    return await run_mutation(
        info,
        perform=lambda c: services.begin_sign_in(c, settings, sign_in_name=sign_in_name),
        present=ceremony,
        refused=refusals(ValidationError, AccountError, TooManyAttempts, SignInError),
    )
