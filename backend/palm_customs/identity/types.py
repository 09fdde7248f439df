from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry

from palm_customs.core.i18n import translate
from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import ValidationError
from palm_customs.identity.errors import (
    AccountErrorCode,
    AccountProblem,
    IdentityErrorCode,
    SignInErrorCode,
    SignInFailed,
    TooManyAttemptsError,
    WebAuthnErrorCode,
    WebAuthnFailed,
)
from palm_customs.identity.models import (
    AccountKind,
    DocumentType,
    EnterpriseRole,
    MembershipStatus,
    SessionMethod,
)

# The domain's error codes are a plain enum (errors.py); published here as a GraphQL enum.
strawberry.enum(
    IdentityErrorCode,
    description="Why an identity action was refused. One enum for every identity error type, so "
    "a client can select `code` on all of them in one query.",
)

# The models' enums are the GraphQL enums too (one definition, no mapping to get wrong).
strawberry.enum(DocumentType, description="The identity document a person registers with.")
strawberry.enum(EnterpriseRole, description="What a member may do for an enterprise.")
strawberry.enum(MembershipStatus, description="Where a membership stands.")
strawberry.enum(AccountKind, description="A person or an officer.")
strawberry.enum(SessionMethod, name="SignInMethod", description="How a session was begun.")


# ------------------------------------------------------------------ errors


@strawberry.type(description="A passkey ceremony was refused.")
class WebAuthnError:
    code: WebAuthnErrorCode
    message: str


@strawberry.type(description="A password, code or enrolment sign-in was refused.")
class SignInError:
    code: SignInErrorCode
    message: str


@strawberry.type(description="Too many failed attempts: wait before trying again.")
class TooManyAttempts:
    message: str
    retry_after_seconds: int


@strawberry.type(description="An account, credential or membership change was refused.")
class AccountError:
    code: AccountErrorCode
    message: str
    field: str | None


# How the API answers each of the domain's exceptions (installed by schema.build_schema).
ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        WebAuthnFailed,
        lambda e, c: WebAuthnError(
            code=e.error_code, message=translate(f"webauthn.{e.code}", c.language)
        ),
    ),
    maps(
        SignInFailed,
        lambda e, c: SignInError(
            code=e.error_code, message=translate(f"signin.{e.code}", c.language)
        ),
    ),
    maps(
        TooManyAttemptsError,
        lambda e, c: TooManyAttempts(
            message=translate(
                "signin.too_many_attempts", c.language, seconds=e.retry_after_seconds
            ),
            retry_after_seconds=e.retry_after_seconds,
        ),
    ),
    maps(
        AccountProblem,
        lambda e, c: AccountError(
            code=e.error_code, message=translate(f"account.{e.code}", c.language), field=e.field
        ),
    ),
)


# ------------------------------------------------------------------ inputs


@strawberry.input(description="Who the person is. Nothing here is asked twice later.")
class PersonInput:
    full_name: str
    date_of_birth: date | None = None
    nationality: str
    is_resident: bool
    document_type: DocumentType
    document_number: str
    document_country: str | None = None
    document_expiry: date | None = None
    mrz_line1: str | None = None
    mrz_line2: str | None = None
    email: str | None = None
    mobile: str | None = None


# ------------------------------------------------------------------ objects


@strawberry.type(description="Options for navigator.credentials.create() or .get().")
class PasskeyCeremony:
    challenge_id: strawberry.ID
    options_json: str = strawberry.field(
        description="PublicKeyCredential{Creation,Request}OptionsJSON, as parseXFromJSON() takes."
    )


@strawberry.type
class PersonProfile:
    full_name: str
    date_of_birth: date | None
    nationality: str
    is_resident: bool
    document_type: DocumentType
    document_number_masked: str
    document_expiry: date | None
    email: str | None
    mobile: str | None


@strawberry.type
class OfficerProfile:
    badge_number: str
    full_name: str
    unit: str
    roles: list[str]


@strawberry.type
class Enterprise:
    id: strawberry.ID
    name: str
    uscc: str


@strawberry.type
class EnterpriseMembership:
    id: strawberry.ID
    enterprise: Enterprise
    role: EnterpriseRole
    status: MembershipStatus


@strawberry.type
class EnterpriseMember:
    membership_id: strawberry.ID
    full_name: str
    role: EnterpriseRole
    status: MembershipStatus


@strawberry.type(description="The signed-in account as the PWA shows it.")
class Me:
    account_id: strawberry.ID
    kind: AccountKind
    assurance_level: int
    step_up_valid_until: datetime | None
    sign_in_method: SessionMethod
    session_expires_at: datetime
    has_passkey: bool
    needs_totp_confirmation: bool
    person: PersonProfile | None
    officer: OfficerProfile | None
    memberships: list[EnterpriseMembership]


@strawberry.type
class PasskeyInfo:
    id: strawberry.ID
    name: str
    created_at: datetime
    last_used_at: datetime | None
    synced: bool


@strawberry.type
class SessionInfo:
    id: strawberry.ID
    current: bool
    created_at: datetime
    last_seen_at: datetime
    user_agent: str
    sign_in_method: SessionMethod


# ------------------------------------------------------------------ payloads


@strawberry.type
class SignInSuccess:
    me: Me


@strawberry.type
class PasswordAccountCreated:
    me: Me
    totp_secret: str
    totp_uri: str


@strawberry.type
class TotpConfirmed:
    me: Me
    recovery_codes: list[str] = strawberry.field(description="Shown once; keep them safe.")


@strawberry.type
class StepUpSuccess:
    valid_until: datetime


@strawberry.type
class IdentityDone:
    ok: bool = True


@strawberry.type
class OfficerCreated:
    badge_number: str
    enrolment_code: str
    expires_at: datetime


CeremonyResult = Annotated[
    PasskeyCeremony | ValidationError | AccountError | TooManyAttempts | SignInError,
    strawberry.union("CeremonyResult"),
]
SignInResult = Annotated[
    SignInSuccess | WebAuthnError | SignInError | TooManyAttempts | ValidationError | AccountError,
    strawberry.union("SignInResult"),
]
PasswordAccountResult = Annotated[
    PasswordAccountCreated | ValidationError | AccountError | TooManyAttempts,
    strawberry.union("PasswordAccountResult"),
]
TotpConfirmResult = Annotated[
    TotpConfirmed | SignInError | AccountError, strawberry.union("TotpConfirmResult")
]
StepUpResult = Annotated[
    StepUpSuccess | WebAuthnError | AccountError, strawberry.union("StepUpResult")
]
StepUpWithPasswordResult = Annotated[
    StepUpSuccess | SignInError | TooManyAttempts | AccountError,
    strawberry.union("StepUpWithPasswordResult"),
]
IdentityResult = Annotated[
    IdentityDone | AccountError | ValidationError | WebAuthnError,
    strawberry.union("IdentityResult"),
]
OfficerCreateResult = Annotated[
    OfficerCreated | ValidationError | AccountError, strawberry.union("OfficerCreateResult")
]
