from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.support import services
from palm_customs.support.types import (
    FeedbackChanged,
    FeedbackChangeResult,
    FeedbackError,
    FeedbackItem,
    FeedbackPublishInput,
)


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.SUPERVISOR, Role.ADMINISTRATOR),
    description="Publish an answered item the sender agreed to publish, rewritten without"
    " personal data (checked before it is published).",
)
async def feedback_publish(
    info: Info[Context, Any], input: FeedbackPublishInput
) -> FeedbackChangeResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda connection: services.publish(
            connection,
            principal=principal,
            reference=input.reference,
            public_message=input.public_message,
            public_reply=input.public_reply,
        ),
        present=lambda done: FeedbackChanged(item=FeedbackItem.from_row(done.feedback)),
        refused=refusals(ValidationError, FeedbackError),
    )
