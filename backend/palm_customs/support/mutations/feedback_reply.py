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
    FeedbackReplyInput,
)


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.SUPERVISOR, Role.ADMINISTRATOR),
    description="Answer a feedback item; the sender is notified.",
)
async def feedback_reply(
    info: Info[Context, Any], input: FeedbackReplyInput
) -> FeedbackChangeResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda connection: services.reply(
            connection, principal=principal, reference=input.reference, text=input.reply
        ),
        present=lambda done: FeedbackChanged(item=FeedbackItem.from_row(done.feedback)),
        refused=refusals(ValidationError, FeedbackError),
    )
