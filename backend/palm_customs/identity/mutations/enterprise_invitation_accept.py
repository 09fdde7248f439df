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
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Accept an invitation to act for an enterprise.",
)
async def enterprise_invitation_accept(
    info: Info[Context, Any], membership_id: strawberry.ID
) -> IdentityResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.accept_invitation(
            c, principal=principal, membership_id=membership_id
        ),
        present=lambda _: IdentityDone(),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
