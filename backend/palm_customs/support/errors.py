from __future__ import annotations

from enum import Enum

from palm_customs.core.errors import DomainError
from palm_customs.core.i18n import Language, translate


class FeedbackErrorCode(Enum):
    NOT_FOUND = "not_found"
    NOT_ANSWERED = "not_answered"
    NO_CONSENT = "no_consent"
    PERSONAL_DATA_LEFT = "personal_data_left"
    ALREADY_PUBLISHED = "already_published"


class FeedbackProblem(DomainError):
    def __init__(self, code: FeedbackErrorCode, *, field: str | None = None) -> None:
        super().__init__(code.value)
        self.error_code = code
        self.field = field

    def message(self, language: Language) -> str:
        return translate(f"feedback.{self.error_code.value}", language)
