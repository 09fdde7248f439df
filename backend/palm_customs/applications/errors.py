from __future__ import annotations

from enum import Enum

from palm_customs.core.errors import DomainError


class ApplicationErrorCode(Enum):
    NOT_FOUND = "not_found"
    ITEM_NOT_FOUND = "item_not_found"
    NOT_ONLINE = "not_online"
    WRONG_STATE = "wrong_state"
    NOT_A_MEMBER = "not_a_member"
    OWN_APPLICATION = "own_application"
    SAME_REVIEWER = "same_reviewer"
    NOT_YOUR_DEPARTMENT = "not_your_department"
    ALREADY_CLAIMED = "already_claimed"
    NOT_CLAIMED_BY_YOU = "not_claimed_by_you"
    DOCUMENT_NOT_USABLE = "document_not_usable"
    NOTHING_CHANGED = "nothing_changed"
    DRAFT_CONFLICT = "draft_conflict"
    DRAFT_TOO_LARGE = "draft_too_large"


class ApplicationProblem(DomainError):
    def __init__(self, code: ApplicationErrorCode, *, field: str | None = None) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code
        self.field = field


class ApplicationDraftConflict(DomainError):
    """The server holds another version of the draft than the one the device edited from."""

    code = ApplicationErrorCode.DRAFT_CONFLICT.value

    def __init__(
        self, *, server_version: int, server_data: dict[str, object], updated_at: str, device: str
    ) -> None:
        super().__init__(self.code)
        self.error_code = ApplicationErrorCode.DRAFT_CONFLICT
        self.server_version = server_version
        self.server_data = server_data
        self.updated_at = updated_at
        self.device = device
