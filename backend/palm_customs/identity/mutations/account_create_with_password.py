from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.api import present_me, signed_in
from palm_customs.identity.mutations._common import count_taken_answer, person_data
from palm_customs.identity.types import (
    AccountError,
    PasswordAccountCreated,
    PasswordAccountResult,
    PersonInput,
    TooManyAttempts,
)


@strawberry.mutation(
    extensions=access(Level.ANONYMOUS),
    description="For devices without passkeys: create the account with a password; the session "
    "stays at level 1 until an authenticator app is confirmed (totpConfirm).",
)
async def account_create_with_password(
    info: Info[Context, Any], input: PersonInput, password: str
) -> PasswordAccountResult:
    context = info.context
    limiter, ip = context.rate_limiter, context.meta.ip
    result = await run_mutation(
        info,
        prepare=lambda: services.check_sign_up_limit(limiter, ip=ip, device=context.meta.device),
        perform=lambda c: services.create_account_with_password(
            c,
            context.settings,
            person=person_data(input),
            password=password,
            ip=context.meta.ip,
            user_agent=context.meta.user_agent,
            replaces=context.principal.session_id,
        ),
        refused=refusals(ValidationError, AccountError, TooManyAttempts),
    )
    if isinstance(result, services.PasswordAccount):
        await services.count_sign_up(limiter, context.settings, ip=ip, device=context.meta.device)
        await signed_in(info, result.signed_in)
        me = await present_me(result.signed_in.account.id, result.signed_in.session)
        return PasswordAccountCreated(
            me=me, totp_secret=result.totp_secret, totp_uri=result.totp_uri
        )
    await count_taken_answer(result, limiter, context.settings, ip=ip)
    return result
