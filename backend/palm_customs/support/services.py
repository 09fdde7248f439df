from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core.errors import Validator
from palm_customs.core.i18n import Language
from palm_customs.support.models import Feedback

MAX_MESSAGE = 2000
MAX_PAGE = 200


@dataclass(frozen=True, slots=True)
class FeedbackReceived:
    feedback_id: uuid.UUID

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"feedback:{self.feedback_id}",)


async def submit_feedback(
    connection: BaseDBAsyncClient, *, message: str, page: str, language: Language
) -> FeedbackReceived:
    check = Validator()
    cleaned_message = check.text("input.message", message, min_len=3, max_len=MAX_MESSAGE)
    cleaned_page = check.text("input.page", page, required=False, max_len=MAX_PAGE)
    check.raise_if_any()
    row = await Feedback.create(
        using_db=connection,
        id=uuid.uuid4(),
        message=cleaned_message,
        page=cleaned_page,
        language=language.value,
    )
    return FeedbackReceived(feedback_id=row.id)
