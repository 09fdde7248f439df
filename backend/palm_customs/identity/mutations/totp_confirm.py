from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.identity import services
from palm_customs.identity.api import present_me, signed_in
from palm_customs.identity.types import AccountError, SignInError, TotpConfirmed, TotpConfirmResult


@strawberry.mutation(
    extensions=access(Level.SESSION, enrolment=True),
    description="Confirm the authenticator app whose secret this session holds (the session "
    "that created the account, or one that used a recovery code) with a current code; returns "
    "recovery codes once. Never raises a session above what it proved.",
)
async def totp_confirm(info: Info[Context, Any], code: str) -> TotpConfirmResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.confirm_totp(
            c,
            context.settings,
            principal=context.principal,
            code=code,
            ip=context.meta.ip,
            user_agent=context.meta.user_agent,
        ),
        refused=refusals(SignInError, AccountError),
    )
    if isinstance(result, services.SignedIn):
        await signed_in(info, result)
        me = await present_me(result.account.id, result.session)
        return TotpConfirmed(me=me, recovery_codes=result.recovery_codes)
    return result
