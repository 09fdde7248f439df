from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services, sessions
from palm_customs.identity.types import AccountError, IdentityDone, IdentityResult, WebAuthnError


@strawberry.mutation(
    extensions=access(Level.STEP_UP),
    description="Revoke a passkey (never the last way to sign in). Every other session ends.",
)
async def passkey_revoke(info: Info[Context, Any], passkey_id: strawberry.ID) -> IdentityResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.revoke_passkey(
            c, principal=context.principal, passkey_id=passkey_id
        ),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
    if isinstance(result, services.Done):
        if result.token:
            context.set_session_cookie(
                result.token, max_age=int(sessions.PUBLIC.absolute.total_seconds())
            )
        return IdentityDone()
    return result
