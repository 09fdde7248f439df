from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.api import ChallengeSlot
from palm_customs.identity.models import ChallengePurpose
from palm_customs.identity.types import AccountError, IdentityDone, IdentityResult, WebAuthnError


@strawberry.mutation(extensions=access(Level.STEP_UP), description="Register another passkey.")
async def passkey_add_finish(
    info: Info[Context, Any], challenge_id: strawberry.ID, credential_json: str, name: str
) -> IdentityResult:
    context = info.context
    slot = ChallengeSlot(
        challenge_id, ChallengePurpose.ADD_PASSKEY, session_id=context.principal.session_id
    )
    return await run_mutation(
        info,
        prepare=slot.consume,
        perform=lambda c: services.finish_add_passkey(
            c,
            context.settings,
            challenge=slot.value,
            credential_json=credential_json,
            name=name,
            principal=context.principal,
        ),
        present=lambda _: IdentityDone(),
        refused=refusals(AccountError, ValidationError, WebAuthnError),
    )
