from __future__ import annotations

from typing import Annotated

import strawberry

from palm_customs.core.i18n import Language
from palm_customs.core.types import ValidationError


@strawberry.input
class FeedbackSubmitInput:
    message: str
    page: str = ""
    language: Language = Language.ZH_HANS


@strawberry.type
class FeedbackSubmitSuccess:
    feedback_id: strawberry.ID


FeedbackSubmitResult = Annotated[
    FeedbackSubmitSuccess | ValidationError, strawberry.union("FeedbackSubmitResult")
]
