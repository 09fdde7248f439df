from __future__ import annotations

from enum import Enum

from palm_customs.core.errors import DomainError
from palm_customs.core.i18n import Language, translate


class RatingErrorCode(Enum):
    NOT_FOUND = "not_found"
    NOT_COMPLETED = "not_completed"
    CHANGE_CLOSED = "change_closed"


class RatingProblem(DomainError):
    def __init__(self, code: RatingErrorCode) -> None:
        super().__init__(code.value)
        self.error_code = code

    def message(self, language: Language) -> str:
        return translate(f"rating.{self.error_code.value}", language)
