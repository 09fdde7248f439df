from __future__ import annotations

from typing import Any, cast

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.errors import DomainError
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.identity import services, sessions
from palm_customs.identity.errors import TooManyAttemptsError
from palm_customs.identity.models import Session
from palm_customs.identity.types import (
    AccountError,
    SignInError,
    StepUpSuccess,
    StepUpWithPasswordResult,
    TooManyAttempts,
)


@strawberry.mutation(
    extensions=access(Level.VERIFIED),
    description="For an account without a passkey: the password and a current authenticator "
    "code give level 3 for five minutes (to add a first passkey, or delete the account); the "
    "session token is rotated. Accounts with a passkey step up with it.",
)
async def step_up_with_password(
    info: Info[Context, Any], password: str, totp_code: str
) -> StepUpWithPasswordResult:
    context = info.context
    limiter = context.rate_limiter
    ip = context.meta.ip
    account = str(context.principal.account_id)

    async def prepare() -> None:
        await services.check_rate_limit(limiter, ip=ip, account_id=account)

    async def count(error: DomainError) -> None:
        if not isinstance(error, TooManyAttemptsError):
            await services.count_failure(limiter, ip=ip, account_id=account)

    result = await run_mutation(
        info,
        prepare=prepare,
        perform=lambda c: services.step_up_with_password(
            c,
            context.settings,
            principal=context.principal,
            password=password,
            totp_code=totp_code,
        ),
        after_refusal=count,
        refused=refusals(SignInError, TooManyAttempts, AccountError),
    )
    if isinstance(result, services.Done) and result.token is not None:
        session = await Session.get(id=context.principal.session_id)
        limits = sessions.timeouts_for(session)
        context.set_session_cookie(result.token, max_age=int(limits.absolute.total_seconds()))
        assert session.step_up_at is not None
        return StepUpSuccess(valid_until=session.step_up_at + sessions.STEP_UP_VALID_FOR)
    return cast(StepUpWithPasswordResult, result)
