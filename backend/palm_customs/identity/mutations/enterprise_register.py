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
    description="Register an enterprise by its unified social credit code; you become its "
    "administrator.",
)
async def enterprise_register(info: Info[Context, Any], name: str, uscc: str) -> IdentityResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.register_enterprise(
            c, principal=principal, name=name, uscc=uscc
        ),
        present=lambda _: IdentityDone(),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
