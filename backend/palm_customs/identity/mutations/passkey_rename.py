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


@strawberry.mutation(extensions=access(Level.VERIFIED), description="Rename one of your passkeys.")
async def passkey_rename(
    info: Info[Context, Any], passkey_id: strawberry.ID, name: str
) -> IdentityResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.rename_passkey(
            c, principal=principal, passkey_id=passkey_id, name=name
        ),
        present=lambda _: IdentityDone(),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
