from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.api import ChallengeSlot, sign_in_success
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
    description="Create the account with the new passkey and sign in (level 2).",
)
async def account_create_finish(
    info: Info[Context, Any],
    challenge_id: strawberry.ID,
    credential_json: str,
    passkey_name: str,
) -> SignInResult:
    context = info.context
    slot = ChallengeSlot(challenge_id, ChallengePurpose.REGISTER)
    limiter, ip = context.rate_limiter, context.meta.ip

    async def prepare() -> None:
        await services.check_sign_up_limit(limiter, ip=ip, device=context.meta.device)
        await slot.consume()

    result = await run_mutation(
        info,
        prepare=prepare,
        perform=lambda c: services.finish_account_creation(
            c,
            context.settings,
            challenge=slot.value,
            credential_json=credential_json,
            passkey_name=passkey_name,
            ip=context.meta.ip,
            user_agent=context.meta.user_agent,
            replaces=context.principal.session_id,
        ),
        refused=refusals(
            WebAuthnError, SignInError, TooManyAttempts, ValidationError, AccountError
        ),
    )
    if isinstance(result, services.SignedIn):
        await services.count_sign_up(limiter, context.settings, ip=ip, device=context.meta.device)
        return await sign_in_success(info, result)
    return result
