from __future__ import annotations

from enum import Enum

from palm_customs.core.errors import DomainError


class DeclarationErrorCode(Enum):
    NOT_FOUND = "not_found"
    NO_PROFILE = "no_profile"
    OUTSIDE_WINDOW = "outside_window"
    ALREADY_USED = "already_used"
    SUPERSEDED = "superseded"
    DRAFT_CONFLICT = "draft_conflict"
    DRAFT_TOO_LARGE = "draft_too_large"
    CREDENTIAL_MALFORMED = "credential_malformed"
    CREDENTIAL_TAMPERED = "credential_tampered"
    CREDENTIAL_UNKNOWN_KEY = "credential_unknown_key"
    CREDENTIAL_EXPIRED = "credential_expired"
    OUTCOME_CONFLICT = "outcome_conflict"
    PHOTO_NOT_FOUND = "photo_not_found"
    PHOTO_WRONG_TYPE = "photo_wrong_type"
    TOO_MANY_ALLOWANCE_CHOICES = "too_many_allowance_choices"
    TOO_MANY_ESTIMATES = "too_many_estimates"


class DeclarationProblem(DomainError):
    def __init__(self, code: DeclarationErrorCode, *, field: str | None = None) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code
        self.field = field


class DraftConflict(DeclarationProblem):
    def __init__(
        self, *, server_version: int, server_data: dict[str, object], updated_at: str
    ) -> None:
        super().__init__(DeclarationErrorCode.DRAFT_CONFLICT)
        self.server_version = server_version
        self.server_data = server_data
        self.updated_at = updated_at
