from __future__ import annotations

from enum import Enum

from palm_customs.core.errors import DomainError


class PaymentErrorCode(Enum):
    NOT_FOUND = "not_found"
    NOTHING_DUE = "nothing_due"
    ASSESSMENT_CHANGED = "assessment_changed"
    IN_PROGRESS = "in_progress"
    KEY_REUSED = "key_reused"
    UNAVAILABLE = "unavailable"
    RECEIPT_INVALID = "receipt_invalid"
    NOT_DUE_YET = "not_due_yet"
    ALREADY_SETTLED = "already_settled"
    RECEIPT_REFUNDED = "receipt_refunded"  # genuine, but the payment went back in full


class PaymentProblem(DomainError):
    def __init__(self, code: PaymentErrorCode, *, field: str | None = None) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code
        self.field = field
