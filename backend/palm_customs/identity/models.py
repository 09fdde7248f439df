from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.fields.db_defaults import SqlDefault
from tortoise.models import Model


class AccountKind(StrEnum):
    PERSON = "person"
    OFFICER = "officer"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    DELETED = "deleted"


class Account(Model):
    """Whoever signs in: a person (traveller, applicant, enterprise member) or an officer."""

    id = fields.UUIDField(primary_key=True)
    kind = fields.CharEnumField(AccountKind, max_length=10)
    status = fields.CharEnumField(AccountStatus, max_length=10, default=AccountStatus.ACTIVE)
    # WebAuthn user handle: random, never personal data.
    user_handle = fields.CharField(max_length=64, unique=True)
    # Username-first sign-in: lower-cased email, mobile or badge number.
    sign_in_name = fields.CharField(max_length=120, unique=True, null=True)
    language = fields.CharField(max_length=8, default="zh-Hans")
    created_at = fields.DatetimeField(auto_now_add=True)
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "account"


class DocumentType(StrEnum):
    RESIDENT_ID = "resident_id"
    PASSPORT = "passport"
    TRAVEL_PERMIT = "travel_permit"


class IdentityLevel(StrEnum):
    """How far a person's identity document has been checked (issue #20)."""

    # The number is well formed (check digits where it has them): anyone can make one up.
    CHECKED = "checked"
    # A real check: an officer saw the document at a window, or a real-name verification
    # service matched it (IdentityVerification says which). The scarcest items require it.
    VERIFIED = "verified"


class VerificationMethod(StrEnum):
    OFFICER = "officer"
    PROVIDER = "provider"


class Person(Model):
    id = fields.IntField(primary_key=True)
    account: fields.OneToOneRelation[Account] = fields.OneToOneField(
        "palm.Account", related_name="person", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    full_name = fields.CharField(max_length=120)
    date_of_birth = fields.DateField(null=True)
    nationality = fields.CharField(max_length=3)
    is_resident = fields.BooleanField()
    email = fields.CharField(max_length=254, null=True)
    mobile = fields.CharField(max_length=20, null=True)
    document_type = fields.CharEnumField(DocumentType, max_length=16, null=True)
    document_number = fields.CharField(max_length=20, null=True)
    document_country = fields.CharField(max_length=3, null=True)
    document_expiry = fields.DateField(null=True)
    # What identifies the document whatever the person typed: type family, issuing state and
    # the number normalised (`people.document_key`). NULL only for a duplicate registered
    # before the key existed (migration 0080 kept the first and linked the rest by human_key).
    document_key = fields.CharField(max_length=64, null=True, unique=True)
    # One human behind one or more accounts (an ID card and a passport, a re-registration
    # within the retention period): random, never derived from personal data. Fairness limits
    # count every account sharing it.
    human_key = fields.CharField(max_length=32, null=True, db_index=True)
    identity_level = fields.CharEnumField(
        IdentityLevel,
        max_length=10,
        default=IdentityLevel.CHECKED,
        db_default=SqlDefault("'checked'"),
    )

    class Meta:
        table = "person"
        unique_together = (("document_type", "document_number", "document_country"),)


class IdentityVerification(Model):
    """One real check of a person's identity document: who or what checked it, when, and
    their reference (the booking the officer served, the service's transaction id)."""

    id = fields.UUIDField(primary_key=True)
    account_id = fields.UUIDField(db_index=True)
    # The document checked (people.document_key): a later document is not verified by it.
    document_key = fields.CharField(max_length=64)
    method = fields.CharEnumField(VerificationMethod, max_length=10)
    # The officer's actor id, or the service's name.
    verified_by = fields.CharField(max_length=80)
    reference = fields.CharField(max_length=80)
    created_at = fields.DatetimeField()

    class Meta:
        table = "identity_verification"


class RetainedIdentity(Model):
    """What is kept of a deleted person's identity document for a retention period: a keyed
    hash (HMAC, key from settings, never in the database) of its document key and the human it
    belonged to, so the same document registered again joins that human's history instead of
    starting with a clean slate. Nothing here reads back to the person without the key."""

    id = fields.IntField(primary_key=True)
    document_hash = fields.CharField(max_length=64, unique=True)
    human_key = fields.CharField(max_length=32)
    account_id = fields.UUIDField()
    deleted_at = fields.DatetimeField()
    retain_until = fields.DatetimeField(db_index=True)

    class Meta:
        table = "retained_identity"


class Officer(Model):
    id = fields.IntField(primary_key=True)
    account: fields.OneToOneRelation[Account] = fields.OneToOneField(
        "palm.Account", related_name="officer", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    badge_number = fields.CharField(max_length=20, unique=True)
    full_name = fields.CharField(max_length=120)
    unit = fields.CharField(max_length=80)
    roles = fields.JSONField[list[str]]()
    # Port codes and site codes where the officer serves besides their unit (several allowed):
    # they read and act on travellers' declarations and bookings only there (issue #11).
    posts = fields.JSONField[list[str]](default=list, db_default=SqlDefault("'[]'"))
    # sha256 of the one-time enrolment code; cleared once used.
    enrolment_code_hash = fields.CharField(max_length=64, null=True)
    enrolment_expires_at = fields.DatetimeField(null=True)
    enrolled_at = fields.DatetimeField(null=True)

    class Meta:
        table = "officer"


class Passkey(Model):
    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="passkeys", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    credential_id = fields.CharField(max_length=1400, unique=True)  # base64url
    public_key = fields.BinaryField()
    sign_count = fields.BigIntField(default=0)
    transports = fields.JSONField[list[str]](default=list)
    device_type = fields.CharField(max_length=20, default="single_device")
    backed_up = fields.BooleanField(default=False)
    name = fields.CharField(max_length=60)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "passkey"


class PasswordCredential(Model):
    id = fields.IntField(primary_key=True)
    account: fields.OneToOneRelation[Account] = fields.OneToOneField(
        "palm.Account", related_name="password", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    password_hash = fields.CharField(max_length=200)
    totp_secret_encrypted = fields.CharField(max_length=300, null=True)
    totp_confirmed = fields.BooleanField(default=False)
    # The last TOTP time step accepted: a code is never accepted twice.
    totp_last_step = fields.BigIntField(default=0)
    changed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "password_credential"


class RecoveryCode(Model):
    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="recovery_codes", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    code_hash = fields.CharField(max_length=64)
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "recovery_code"


class ChallengePurpose(StrEnum):
    REGISTER = "register"
    AUTHENTICATE = "authenticate"
    STEP_UP = "step_up"
    ADD_PASSKEY = "add_passkey"
    OFFICER_ENROL = "officer_enrol"


class Challenge(Model):
    """A WebAuthn challenge: random, stored here, single-use, valid five minutes."""

    id = fields.UUIDField(primary_key=True)
    challenge = fields.CharField(max_length=100, unique=True)
    purpose = fields.CharEnumField(ChallengePurpose, max_length=16)
    account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="challenges", null=True, on_delete=fields.CASCADE
    )
    account_id: uuid.UUID | None
    session_id = fields.UUIDField(null=True)
    # What the ceremony will create when it succeeds (validated before the challenge was issued).
    pending = fields.JSONField[dict[str, object]](default=dict)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webauthn_challenge"


class SessionMethod(StrEnum):
    PASSKEY = "passkey"
    PASSWORD_TOTP = "password_totp"  # noqa: S105 (a method name, not a password)
    PASSWORD = "password"  # noqa: S105
    RECOVERY = "recovery"


class Session(Model):
    id = fields.UUIDField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="sessions", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    method = fields.CharEnumField(SessionMethod, max_length=16)
    base_level = fields.IntField()
    roles = fields.JSONField[list[str]](default=list)
    is_officer = fields.BooleanField(default=False)
    step_up_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)
    ended_reason = fields.CharField(max_length=30, null=True)
    ip = fields.CharField(max_length=64)
    user_agent = fields.CharField(max_length=300)
    # An authenticator-app secret this session may confirm (encrypted): only the session that
    # created the account, or one that proved a recovery code, ever holds one. Bound to the
    # session so that nobody else (e.g. someone holding only the password) can read it.
    pending_totp_encrypted = fields.CharField(max_length=300, null=True)

    class Meta:
        table = "session"
        indexes = (("account_id", "ended_at"),)


class EnterpriseRole(StrEnum):
    ADMINISTRATOR = "administrator"
    DECLARANT = "declarant"


class MembershipStatus(StrEnum):
    INVITED = "invited"
    ACTIVE = "active"
    REMOVED = "removed"


class Enterprise(Model):
    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200)
    uscc = fields.CharField(max_length=18, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enterprise"


class EnterpriseMembership(Model):
    id = fields.UUIDField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "palm.Enterprise", related_name="memberships", on_delete=fields.CASCADE
    )
    enterprise_id: uuid.UUID
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="memberships", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    role = fields.CharEnumField(EnterpriseRole, max_length=16)
    status = fields.CharEnumField(MembershipStatus, max_length=10)
    invited_by: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="invitations_sent", null=True, on_delete=fields.SET_NULL
    )
    invited_by_id: uuid.UUID | None
    created_at = fields.DatetimeField(auto_now_add=True)
    changed_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "enterprise_membership"
        unique_together = (("enterprise", "account"),)
