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
    FeedbackChanged,
    FeedbackChangeResult,
    FeedbackConsentInput,
    FeedbackError,
    FeedbackItem,
)


@strawberry.mutation(
    extensions=access(Level.ANONYMOUS),
    description="The sender agrees (or no longer agrees) to publication in the public column;"
    " signed in for their own items, or with the tracking code of an anonymous one.",
)
async def feedback_consent(
    info: Info[Context, Any], input: FeedbackConsentInput
) -> FeedbackChangeResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda connection: services.set_consent(
            connection,
            principal=principal,
            reference=input.reference,
            tracking_code=input.tracking_code,
            agree=input.agree,
        ),
        present=lambda done: FeedbackChanged(item=FeedbackItem.from_row(done.feedback)),
        refused=refusals(ValidationError, FeedbackError),
    )
