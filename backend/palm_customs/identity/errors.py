"""Identity's expected failures. Each carries a stable code; messages are translated."""

from __future__ import annotations

from enum import Enum

from palm_customs.core.errors import DomainError


class IdentityErrorCode(Enum):
    # passkey ceremonies
    CHALLENGE_INVALID = "challenge_invalid"
    VERIFICATION_FAILED = "verification_failed"
    CROSS_ORIGIN = "cross_origin"
    USER_NOT_VERIFIED = "user_not_verified"
    CREDENTIAL_UNKNOWN = "credential_unknown"
    CREDENTIAL_NOT_YOURS = "credential_not_yours"
    SIGN_COUNT_REGRESSION = "sign_count_regression"
    CREDENTIAL_ALREADY_REGISTERED = "credential_already_registered"
    # passwords and codes
    INVALID_CREDENTIALS = "invalid_credentials"
    TOTP_INVALID = "totp_invalid"
    RECOVERY_CODE_INVALID = "recovery_code_invalid"
    ENROLMENT_CODE_INVALID = "enrolment_code_invalid"
    # accounts, credentials, memberships
    DOCUMENT_ALREADY_REGISTERED = "document_already_registered"
    SIGN_IN_NAME_TAKEN = "sign_in_name_taken"
    LAST_SIGN_IN_METHOD = "last_sign_in_method"
    NOT_FOUND = "not_found"
    NOT_ALLOWED = "not_allowed"
    LAST_ADMINISTRATOR = "last_administrator"
    ALREADY_MEMBER = "already_member"
    ENTERPRISE_ALREADY_REGISTERED = "enterprise_already_registered"
    BADGE_TAKEN = "badge_taken"
    TOTP_NOT_PENDING = "totp_not_pending"
    NO_PASSKEY = "no_passkey"
    # real-name verification (issue #20)
    DOCUMENT_MISMATCH = "document_mismatch"
    VERIFICATION_UNAVAILABLE = "verification_unavailable"
    VERIFICATION_NO_MATCH = "verification_no_match"
    ALREADY_VERIFIED = "already_verified"


# The three error types share the enum; the names say which codes each one uses.
WebAuthnErrorCode = IdentityErrorCode
SignInErrorCode = IdentityErrorCode
AccountErrorCode = IdentityErrorCode


class _AboutAccount(DomainError):
    account_id: str | None = None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"account:{self.account_id}",) if self.account_id else ()


class WebAuthnFailed(_AboutAccount):
    def __init__(self, code: WebAuthnErrorCode, *, account_id: str | None = None) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code
        self.account_id = account_id


class SignInFailed(_AboutAccount):
    def __init__(self, code: SignInErrorCode, *, account_id: str | None = None) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code
        self.account_id = account_id


class TooManyAttemptsError(DomainError):
    code = "too_many_attempts"
    rate_limited = True

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__(f"retry after {retry_after_seconds}s")
        self.retry_after_seconds = retry_after_seconds


class AccountProblem(DomainError):
    def __init__(self, code: AccountErrorCode, *, field: str | None = None) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code
        self.field = field
