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
from palm_customs.identity.api import ChallengeSlot, sign_in_success
from palm_customs.identity.errors import TooManyAttemptsError
from palm_customs.identity.models import ChallengePurpose
from palm_customs.identity.types import (
    AccountError,
    SignInError,
    SignInResult,
    TooManyAttempts,
    WebAuthnError,
)


@strawberry.mutation(
    extensions=access(Level.ANONYMOUS),
    description="Verify the passkey assertion and start a session (level 2).",
)
async def sign_in_finish(
    info: Info[Context, Any], challenge_id: strawberry.ID, credential_json: str
) -> SignInResult:
    context = info.context
    limiter = context.rate_limiter
    ip = context.meta.ip
    slot = ChallengeSlot(challenge_id, ChallengePurpose.AUTHENTICATE)

    async def prepare() -> None:
        await services.check_rate_limit(limiter, ip=ip, account_id=None)
        await slot.consume()

    async def count(error: DomainError) -> None:
        if not isinstance(error, TooManyAttemptsError):
            await services.count_failure(
                limiter, ip=ip, account_id=getattr(error, "account_id", None)
            )

    result = await run_mutation(
        info,
        prepare=prepare,
        perform=lambda c: services.finish_sign_in(
            c,
            context.settings,
            challenge=slot.value,
            credential_json=credential_json,
            ip=ip,
            user_agent=context.meta.user_agent,
            replaces=context.principal.session_id,
        ),
        after_refusal=count,
        refused=refusals(
            WebAuthnError, SignInError, TooManyAttempts, ValidationError, AccountError
        ),
    )
    if isinstance(result, services.SignedIn):
        await limiter.reset(f"signin:account:{result.account.id}")
        return await sign_in_success(info, result)
    return result
