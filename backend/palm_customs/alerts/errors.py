from __future__ import annotations

from enum import Enum

from palm_customs.core.errors import DomainError
from palm_customs.core.i18n import Language, translate


class AlertErrorCode(Enum):
    NOT_FOUND = "not_found"
    ALREADY_ACKNOWLEDGED = "already_acknowledged"


class AlertProblem(DomainError):
    def __init__(self, code: AlertErrorCode) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code

    def message(self, language: Language) -> str:
        return translate(f"alert.{self.error_code.value}", language)
