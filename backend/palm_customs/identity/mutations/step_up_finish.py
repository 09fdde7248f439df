from __future__ import annotations

from typing import Any, cast

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.identity import services, sessions
from palm_customs.identity.api import ChallengeSlot
from palm_customs.identity.models import ChallengePurpose, Session
from palm_customs.identity.types import AccountError, StepUpResult, StepUpSuccess, WebAuthnError


@strawberry.mutation(
    extensions=access(Level.SESSION),
    description="Verify the fresh passkey check: level 3 for five minutes; the session token "
    "is rotated.",
)
async def step_up_finish(
    info: Info[Context, Any], challenge_id: strawberry.ID, credential_json: str
) -> StepUpResult:
    context = info.context
    slot = ChallengeSlot(
        challenge_id, ChallengePurpose.STEP_UP, session_id=context.principal.session_id
    )
    result = await run_mutation(
        info,
        prepare=slot.consume,
        perform=lambda c: services.finish_step_up(
            c,
            context.settings,
            challenge=slot.value,
            credential_json=credential_json,
            principal=context.principal,
        ),
        refused=refusals(WebAuthnError, AccountError),
    )
    if isinstance(result, services.Done) and result.token is not None:
        session = await Session.get(id=context.principal.session_id)
        limits = sessions.timeouts_for(session)
        context.set_session_cookie(result.token, max_age=int(limits.absolute.total_seconds()))
        assert session.step_up_at is not None
        return StepUpSuccess(valid_until=session.step_up_at + sessions.STEP_UP_VALID_FOR)
    return cast(StepUpResult, result)
