from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.pagination import check_page_size
from palm_customs.core.permissions import Level, Role, access
from palm_customs.support import services
from palm_customs.support.errors import FeedbackProblem
from palm_customs.support.types import FeedbackItem, PublicFeedback


@strawberry.type
class SupportQuery:
    @strawberry.field(
        extensions=access(Level.SESSION), description="The feedback I sent, newest first."
    )
    async def my_feedback(self, info: Info[Context, Any], first: int = 20) -> list[FeedbackItem]:
        principal = info.context.principal
        limit = check_page_size(first, info.context.language)
        if principal.account_id is None:
            return []
        return [
            FeedbackItem.from_row(r) for r in await services.mine(principal.account_id, limit=limit)
        ]

    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="One item of mine by its reference (signed in, or with its tracking code).",
    )
    async def feedback_status(
        self, info: Info[Context, Any], reference: str, tracking_code: str | None = None
    ) -> FeedbackItem | None:
        try:
            row = await services.find_for_sender(
                None,
                reference=reference,
                principal=info.context.principal,
                tracking_code=tracking_code,
            )
        except FeedbackProblem:
            return None
        return FeedbackItem.from_row(row)

    @strawberry.field(
        extensions=access(Level.VERIFIED, Role.SUPERVISOR, Role.ADMINISTRATOR),
        description="Unanswered items: escalated first, then by the day the answer is due.",
    )
    async def feedback_queue(self, info: Info[Context, Any], first: int = 50) -> list[FeedbackItem]:
        limit = check_page_size(first, info.context.language)
        return [FeedbackItem.from_row(r) for r in await services.queue(limit=limit)]

    @strawberry.field(
        extensions=access(Level.VERIFIED, Role.SUPERVISOR, Role.ADMINISTRATOR),
        description="Answered items whose sender agreed to publication, oldest first: to be"
        " rewritten without personal data and published.",
    )
    async def feedback_to_publish(
        self, info: Info[Context, Any], first: int = 50
    ) -> list[FeedbackItem]:
        limit = check_page_size(first, info.context.language)
        return [FeedbackItem.from_row(r) for r in await services.ready_to_publish(limit=limit)]

    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="The public column (公开专栏): answered items published with consent.",
    )
    async def public_feedback(
        self, info: Info[Context, Any], first: int = 20
    ) -> list[PublicFeedback]:
        limit = check_page_size(first, info.context.language)
        return [PublicFeedback.from_row(r) for r in await services.public_column(limit=limit)]
