from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.models import DocumentType, EnterpriseRole
from palm_customs.identity.types import AccountError, IdentityDone, IdentityResult, WebAuthnError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Invite a person (by document number and full name) to act for an enterprise "
    "you administer.",
)
async def enterprise_member_invite(
    info: Info[Context, Any],
    enterprise_id: strawberry.ID,
    document_type: DocumentType,
    document_number: str,
    full_name: str,
    role: EnterpriseRole,
) -> IdentityResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.invite_member(
            c,
            principal=principal,
            enterprise_id=enterprise_id,
            document_type=document_type,
            document_number=document_number,
            full_name=full_name,
            role=role,
        ),
        present=lambda _: IdentityDone(),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
