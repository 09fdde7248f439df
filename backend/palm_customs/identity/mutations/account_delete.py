from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.types import AccountError, IdentityDone, IdentityResult, WebAuthnError


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.PERSON),
    description="Delete the personal data you own. Submitted records and the audit trail stay, "
    "detached from your profile, as the law requires.",
)
async def account_delete(info: Info[Context, Any]) -> IdentityResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.delete_account(c, context.settings, principal=context.principal),
        present=lambda _: IdentityDone(),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
    if isinstance(result, IdentityDone):
        context.clear_session_cookie()
    return result
