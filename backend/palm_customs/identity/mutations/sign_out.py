from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.types import AccountError, IdentityDone, IdentityResult, WebAuthnError


@strawberry.mutation(
    extensions=access(Level.SESSION, enrolment=True), description="End this session."
)
async def sign_out(info: Info[Context, Any]) -> IdentityResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.end_session(c, principal=context.principal, session_id=None),
        present=lambda _: IdentityDone(),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
    if isinstance(result, IdentityDone):
        context.clear_session_cookie()
    return result
