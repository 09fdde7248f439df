from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.support import services
from palm_customs.support.types import (
    FeedbackSubmitInput,
    FeedbackSubmitResult,
    FeedbackSubmitSuccess,
)


@strawberry.mutation(
    extensions=access(Level.ANONYMOUS),
    description="Send feedback, a complaint, a suggestion or a report (anonymous when signed out"
    " or asked); answered within a working-day time limit.",
)
async def feedback_submit(
    info: Info[Context, Any], input: FeedbackSubmitInput
) -> FeedbackSubmitResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda connection: services.submit_feedback(
            connection,
            message=input.message,
            page=input.page,
            language=input.language,
            kind=input.kind,
            principal=principal,
            anonymous=input.anonymous,
        ),
        present=lambda done: FeedbackSubmitSuccess(
            feedback_id=strawberry.ID(str(done.feedback_id)),
            reference=done.reference,
            due_date=done.due_date,
            tracking_code=done.tracking_code,
        ),
        refused=refusals(ValidationError),
    )
