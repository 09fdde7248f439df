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
from palm_customs.identity.api import sign_in_success
from palm_customs.identity.errors import TooManyAttemptsError
from palm_customs.identity.models import Account
from palm_customs.identity.types import (
    AccountError,
    SignInError,
    SignInResult,
    TooManyAttempts,
    WebAuthnError,
)


@strawberry.mutation(
    extensions=access(Level.ANONYMOUS),
    description="The fallback sign-in: password plus an authenticator-app code (level 2), or "
    "plus a recovery code (level 1 until a new authenticator app is confirmed and used).",
)
async def sign_in_with_password(
    info: Info[Context, Any],
    sign_in_name: str,
    password: str,
    totp_code: str | None = None,
    recovery_code: str | None = None,
) -> SignInResult:
    context = info.context
    limiter = context.rate_limiter
    ip = context.meta.ip
    known: dict[str, str | None] = {"account": None}

    async def prepare() -> None:
        account = await Account.get_or_none(sign_in_name=sign_in_name.strip().lower()[:120])
        known["account"] = str(account.id) if account else None
        await services.check_rate_limit(limiter, ip=ip, account_id=known["account"])

    async def count(error: DomainError) -> None:
        if not isinstance(error, TooManyAttemptsError):
            await services.count_failure(limiter, ip=ip, account_id=known["account"])

    result = await run_mutation(
        info,
        prepare=prepare,
        perform=lambda c: services.sign_in_with_password(
            c,
            context.settings,
            sign_in_name=sign_in_name,
            password=password,
            totp_code=totp_code,
            recovery_code=recovery_code,
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
