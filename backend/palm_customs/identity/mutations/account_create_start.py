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
from palm_customs.identity.mutations._common import count_taken_answer, person_data
from palm_customs.identity.types import (
    AccountError,
    CeremonyResult,
    PersonInput,
    SignInError,
    TooManyAttempts,
)


@strawberry.mutation(
    extensions=access(Level.ANONYMOUS),
    description="Validate who the person is and get options to create their first passkey.",
)
async def account_create_start(info: Info[Context, Any], input: PersonInput) -> CeremonyResult:
    settings = info.context.settings
    limiter, ip = info.context.rate_limiter, info.context.meta.ip
    result = await run_mutation(
        info,
        prepare=lambda: services.check_sign_up_limit(
            limiter, ip=ip, device=info.context.meta.device
        ),
        perform=lambda c: services.begin_account_creation(c, settings, person=person_data(input)),
        present=ceremony,
        refused=refusals(ValidationError, AccountError, TooManyAttempts, SignInError),
    )
    await count_taken_answer(result, limiter, settings, ip=ip)
    return result
