from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.errors import DomainError
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.api import ceremony
from palm_customs.identity.errors import TooManyAttemptsError
from palm_customs.identity.types import AccountError, CeremonyResult, SignInError, TooManyAttempts


@strawberry.mutation(
    extensions=access(Level.ANONYMOUS),
    description="An officer's first step: badge number and one-time enrolment code.",
)
async def officer_enrol_start(
    info: Info[Context, Any], badge_number: str, code: str
) -> CeremonyResult:
    context = info.context
    limiter = context.rate_limiter
    ip = context.meta.ip

    async def prepare() -> None:
        await services.check_rate_limit(limiter, ip=ip, account_id=None)

    async def count(error: DomainError) -> None:
        if not isinstance(error, TooManyAttemptsError):
            await services.count_failure(
                limiter, ip=ip, account_id=getattr(error, "account_id", None)
            )

    return await run_mutation(
        info,
        prepare=prepare,
        perform=lambda c: services.begin_officer_enrolment(
            c, context.settings, badge_number=badge_number, code=code
        ),
        present=ceremony,
        after_refusal=count,
        refused=refusals(ValidationError, AccountError, TooManyAttempts, SignInError),
    )
