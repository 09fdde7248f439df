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
    extensions=access(Level.SESSION), description="Sign out one of your other devices."
)
async def session_end(info: Info[Context, Any], session_id: strawberry.ID) -> IdentityResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.end_session(c, principal=principal, session_id=session_id),
        present=lambda _: IdentityDone(),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
