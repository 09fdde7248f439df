"""Identity's business rules: accounts, passkeys, passwords, sessions, enterprises, officers.

No GraphQL here: every function takes plain values, raises typed domain errors and returns a
result naming what it touched (for the audit event).
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from palm_customs.core import clock
from palm_customs.core.crypto import decrypt, encrypt, token_digest
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator
from palm_customs.core.permissions import Principal, Role
from palm_customs.core.ratelimit import SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, RateLimiter
from palm_customs.identity import documents, passkeys, passwords, sessions
from palm_customs.identity.errors import (
    AccountErrorCode,
    AccountProblem,
    SignInErrorCode,
    SignInFailed,
    TooManyAttemptsError,
    WebAuthnErrorCode,
    WebAuthnFailed,
)
from palm_customs.identity.models import (
    Account,
    AccountKind,
    AccountStatus,
    Challenge,
    ChallengePurpose,
    DocumentType,
    Enterprise,
    EnterpriseMembership,
    EnterpriseRole,
    MembershipStatus,
    Officer,
    Passkey,
    PasswordCredential,
    Person,
    RecoveryCode,
    Session,
    SessionMethod,
)
from palm_customs.notifications.models import PushSubscription
from palm_customs.notifications.services import forget_session_devices
from palm_customs.settings import Settings

ENROLMENT_CODE_TTL = timedelta(hours=24)
MAX_PASSKEYS = 20
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s.]{2,}$")
_MOBILE = re.compile(r"^\+?[0-9]{6,15}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_PERMIT = re.compile(r"^[A-Z0-9]{8,11}$")


# ---------------------------------------------------------------- people and their documents


@dataclass(frozen=True, slots=True)
class PersonData:
    full_name: str
    date_of_birth: date | None
    nationality: str
    is_resident: bool
    document_type: DocumentType
    document_number: str
    email: str | None = None
    mobile: str | None = None
    document_country: str | None = None
    document_expiry: date | None = None
    mrz_line1: str | None = None
    mrz_line2: str | None = None


@dataclass(frozen=True, slots=True)
class CleanPerson:
    full_name: str
    date_of_birth: date | None
    nationality: str
    is_resident: bool
    document_type: DocumentType
    document_number: str
    document_country: str
    document_expiry: date | None
    email: str | None
    mobile: str | None

    @property
    def sign_in_name(self) -> str | None:
        return self.email or self.mobile

    def as_json(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "nationality": self.nationality,
            "is_resident": self.is_resident,
            "document_type": self.document_type.value,
            "document_number": self.document_number,
            "document_country": self.document_country,
            "document_expiry": self.document_expiry.isoformat() if self.document_expiry else None,
            "email": self.email,
            "mobile": self.mobile,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CleanPerson:
        def day(value: Any) -> date | None:
            return date.fromisoformat(value) if value else None

        return cls(
            full_name=data["full_name"],
            date_of_birth=day(data["date_of_birth"]),
            nationality=data["nationality"],
            is_resident=bool(data["is_resident"]),
            document_type=DocumentType(data["document_type"]),
            document_number=data["document_number"],
            document_country=data["document_country"],
            document_expiry=day(data["document_expiry"]),
            email=data["email"],
            mobile=data["mobile"],
        )


def _document_problem(error: documents.DocumentNumberInvalid, path: str) -> FieldProblem:
    code = {
        "check_digit": ValidationErrorCode.CHECK_DIGIT,
        "length": ValidationErrorCode.INVALID_FORMAT,
        "charset": ValidationErrorCode.INVALID_FORMAT,
    }.get(error.reason, ValidationErrorCode.INVALID_FORMAT)
    return FieldProblem(path, code)


def validate_person(data: PersonData, *, today: date | None = None) -> CleanPerson:
    """Check every field at once; raise ValidationFailed listing all problems."""
    today = today or clock.today()
    check = Validator()
    full_name = check.text("input.fullName", data.full_name, max_len=120)
    nationality = data.nationality.strip().upper()
    if not _COUNTRY.match(nationality):
        check.problems.append(FieldProblem("input.nationality", ValidationErrorCode.INVALID_FORMAT))
    date_of_birth = data.date_of_birth
    if date_of_birth is not None and date_of_birth > today:
        check.problems.append(FieldProblem("input.dateOfBirth", ValidationErrorCode.IN_THE_FUTURE))
    elif date_of_birth is not None and date_of_birth.year < 1900:
        check.problems.append(
            FieldProblem(
                "input.dateOfBirth",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": "1900-01-01", "high": today.isoformat()},
            )
        )
    email = (data.email or "").strip().lower() or None
    if email is not None and (len(email) > 254 or not _EMAIL.match(email)):
        check.problems.append(FieldProblem("input.email", ValidationErrorCode.INVALID_FORMAT))
    mobile = re.sub(r"[\s\-()]", "", data.mobile or "") or None
    if mobile is not None and not _MOBILE.match(mobile):
        check.problems.append(FieldProblem("input.mobile", ValidationErrorCode.INVALID_FORMAT))

    number = ""
    country = (data.document_country or "").strip().upper()
    expiry = data.document_expiry
    if not data.document_number.strip():
        check.problems.append(FieldProblem("input.documentNumber", ValidationErrorCode.REQUIRED))
    elif data.document_type is DocumentType.RESIDENT_ID:
        try:
            parsed = documents.parse_resident_id(data.document_number, today=today)
            number, country = parsed.number, "CHN"
            if date_of_birth is None:
                date_of_birth = parsed.birth_date
            elif date_of_birth != parsed.birth_date:
                check.problems.append(
                    FieldProblem("input.dateOfBirth", ValidationErrorCode.INVALID_FORMAT)
                )
        except documents.DocumentNumberInvalid as error:
            check.problems.append(_document_problem(error, "input.documentNumber"))
    elif data.document_type is DocumentType.PASSPORT:
        try:
            number = documents.normalise_passport_number(data.document_number)
        except documents.DocumentNumberInvalid as error:
            check.problems.append(_document_problem(error, "input.documentNumber"))
        if data.mrz_line1 or data.mrz_line2:
            try:
                mrz = documents.parse_td3(data.mrz_line1 or "", data.mrz_line2 or "", today=today)
                if number and mrz.document_number != number:
                    check.problems.append(
                        FieldProblem("input.documentNumber", ValidationErrorCode.INVALID_FORMAT)
                    )
                expiry = expiry or mrz.expiry_date
                country = country or mrz.issuing_state
            except documents.DocumentNumberInvalid as error:
                check.problems.append(_document_problem(error, "input.mrz"))
        if not _COUNTRY.match(country):
            check.problems.append(
                FieldProblem("input.documentCountry", ValidationErrorCode.INVALID_FORMAT)
            )
    else:
        number = re.sub(r"\s", "", data.document_number).upper()
        if not _PERMIT.match(number):
            check.problems.append(
                FieldProblem("input.documentNumber", ValidationErrorCode.INVALID_FORMAT)
            )
        country = country or "CHN"
    if data.document_type is not DocumentType.RESIDENT_ID:
        if expiry is None:
            check.problems.append(
                FieldProblem("input.documentExpiry", ValidationErrorCode.REQUIRED)
            )
        elif expiry <= today:
            check.problems.append(
                FieldProblem("input.documentExpiry", ValidationErrorCode.IN_THE_PAST)
            )
    if date_of_birth is None and not check.problems:
        check.problems.append(FieldProblem("input.dateOfBirth", ValidationErrorCode.REQUIRED))
    check.raise_if_any()
    return CleanPerson(
        full_name=full_name,
        date_of_birth=date_of_birth,
        nationality=nationality,
        is_resident=data.is_resident,
        document_type=data.document_type,
        document_number=number,
        document_country=country,
        document_expiry=expiry,
        email=email,
        mobile=mobile,
    )


async def _ensure_person_is_new(connection: BaseDBAsyncClient, person: CleanPerson) -> None:
    taken = (
        await Person.filter(
            document_type=person.document_type,
            document_number=person.document_number,
            document_country=person.document_country,
        )
        .using_db(connection)
        .exists()
    )
    if taken:
        raise AccountProblem(
            AccountErrorCode.DOCUMENT_ALREADY_REGISTERED, field="input.documentNumber"
        )
    if (
        person.sign_in_name
        and await Account.filter(sign_in_name=person.sign_in_name).using_db(connection).exists()
    ):
        field_path = "input.email" if person.email else "input.mobile"
        raise AccountProblem(AccountErrorCode.SIGN_IN_NAME_TAKEN, field=field_path)


async def _create_person(
    connection: BaseDBAsyncClient, person: CleanPerson, *, user_handle: str
) -> Account:
    try:
        account = await Account.create(
            using_db=connection,
            id=uuid.uuid4(),
            kind=AccountKind.PERSON,
            user_handle=user_handle,
            sign_in_name=person.sign_in_name,
        )
        await Person.create(
            using_db=connection,
            account=account,
            full_name=person.full_name,
            date_of_birth=person.date_of_birth,
            nationality=person.nationality,
            is_resident=person.is_resident,
            email=person.email,
            mobile=person.mobile,
            document_type=person.document_type,
            document_number=person.document_number,
            document_country=person.document_country,
            document_expiry=person.document_expiry,
        )
    except IntegrityError:
        # Someone registered the same document or sign-in name a moment ago.
        raise AccountProblem(AccountErrorCode.DOCUMENT_ALREADY_REGISTERED) from None
    return account


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Ceremony:
    """Options for navigator.credentials.create()/get(), and the challenge to answer."""

    challenge_id: uuid.UUID
    options_json: str
    account_id: uuid.UUID | None = None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        base = (f"challenge:{self.challenge_id}",)
        return base + ((f"account:{self.account_id}",) if self.account_id else ())


@dataclass(frozen=True, slots=True)
class SignedIn:
    account: Account
    token: str
    session: Session
    recovery_codes: list[str] = field(default_factory=list)

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"account:{self.account.id}", f"session:{self.session.id}")


@dataclass(frozen=True, slots=True)
class Done:
    targets: tuple[str, ...]
    token: str | None = None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return self.targets


def _handle() -> str:
    return secrets.token_urlsafe(24)


# ---------------------------------------------------------------- passkey accounts


async def begin_account_creation(
    connection: BaseDBAsyncClient, settings: Settings, *, person: PersonData
) -> Ceremony:
    clean = validate_person(person)
    await _ensure_person_is_new(connection, clean)
    user_handle = _handle()
    challenge = await passkeys.issue_challenge(
        connection,
        purpose=ChallengePurpose.REGISTER,
        pending={"person": clean.as_json(), "user_handle": user_handle},
    )
    options = passkeys.registration_options(
        settings,
        challenge=challenge,
        user_handle=user_handle,
        user_name=clean.sign_in_name or clean.full_name,
        display_name=clean.full_name,
        exclude=[],
    )
    return Ceremony(challenge_id=challenge.id, options_json=options)


def _passkey_name(name: str) -> str:
    check = Validator()
    cleaned = check.text("input.passkeyName", name, max_len=60)
    check.raise_if_any()
    return cleaned


async def _store_passkey(
    connection: BaseDBAsyncClient, *, account: Account, new: passkeys.NewCredential, name: str
) -> Passkey:
    if await Passkey.filter(credential_id=new.credential_id).using_db(connection).exists():
        raise WebAuthnFailed(WebAuthnErrorCode.CREDENTIAL_ALREADY_REGISTERED)
    return await Passkey.create(
        using_db=connection,
        id=uuid.uuid4(),
        account=account,
        credential_id=new.credential_id,
        public_key=new.public_key,
        sign_count=new.sign_count,
        transports=new.transports,
        device_type=new.device_type,
        backed_up=new.backed_up,
        name=name,
        last_used_at=clock.now(),
    )


async def finish_account_creation(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    challenge: Challenge,
    credential_json: str,
    passkey_name: str,
    ip: str,
    user_agent: str,
    replaces: uuid.UUID | None,
) -> SignedIn:
    name = _passkey_name(passkey_name)
    new = passkeys.verify_new_credential(
        settings, credential_json=credential_json, challenge=challenge
    )
    clean = CleanPerson.from_json(challenge.pending["person"])  # type: ignore[arg-type]
    await _ensure_person_is_new(connection, clean)
    account = await _create_person(
        connection, clean, user_handle=str(challenge.pending["user_handle"])
    )
    await _store_passkey(connection, account=account, new=new, name=name)
    # A user-verified registration is as fresh a proof as a step-up.
    issued = await sessions.start(
        connection,
        account=account,
        method=SessionMethod.PASSKEY,
        ip=ip,
        user_agent=user_agent,
        stepped_up=True,
        replaces=replaces,
    )
    return SignedIn(account=account, token=issued.token, session=issued.session)


# ---------------------------------------------------------------- sign-in


async def _sign_in_account(connection: BaseDBAsyncClient, name: str) -> Account | None:
    cleaned = name.strip().lower()
    if not cleaned or len(cleaned) > 120:
        return None
    account = await Account.get_or_none(
        sign_in_name=cleaned, status=AccountStatus.ACTIVE, using_db=connection
    )
    if account is None and cleaned.upper() == name.strip().upper():
        officer = await Officer.get_or_none(badge_number=name.strip().upper(), using_db=connection)
        if officer is not None:
            account = await Account.get(id=officer.account_id, using_db=connection)
    return account


async def begin_sign_in(
    connection: BaseDBAsyncClient, settings: Settings, *, sign_in_name: str | None
) -> Ceremony:
    """Usernameless (no name: any discoverable passkey) or username-first."""
    account = await _sign_in_account(connection, sign_in_name) if sign_in_name else None
    allow = list(await Passkey.filter(account=account).using_db(connection)) if account else []
    challenge = await passkeys.issue_challenge(
        connection, purpose=ChallengePurpose.AUTHENTICATE, account=account
    )
    # An unknown name gets the same answer as a known one without passkeys: no enumeration.
    return Ceremony(
        challenge_id=challenge.id,
        options_json=passkeys.authentication_options(settings, challenge=challenge, allow=allow),
    )


async def check_rate_limit(limiter: RateLimiter, *, ip: str, account_id: str | None) -> None:
    waits = [await limiter.retry_after(f"signin:ip:{ip}")]
    if account_id:
        waits.append(await limiter.retry_after(f"signin:account:{account_id}"))
    if max(waits) > 0:
        raise TooManyAttemptsError(max(waits))


async def count_failure(limiter: RateLimiter, *, ip: str, account_id: str | None) -> None:
    await limiter.failure(f"signin:ip:{ip}", SIGN_IN_ADDRESS)
    if account_id:
        await limiter.failure(f"signin:account:{account_id}", SIGN_IN_ACCOUNT)


async def finish_sign_in(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    challenge: Challenge,
    credential_json: str,
    ip: str,
    user_agent: str,
    replaces: uuid.UUID | None,
) -> SignedIn:
    assertion = await passkeys.verify_assertion(
        connection,
        settings,
        credential_json=credential_json,
        challenge=challenge,
        expected_account_id=challenge.account_id,
    )
    account = await Account.get(id=assertion.passkey.account_id, using_db=connection)
    if account.status is not AccountStatus.ACTIVE:
        raise WebAuthnFailed(WebAuthnErrorCode.CREDENTIAL_UNKNOWN)
    issued = await sessions.start(
        connection,
        account=account,
        method=SessionMethod.PASSKEY,
        ip=ip,
        user_agent=user_agent,
        replaces=replaces,
    )
    return SignedIn(account=account, token=issued.token, session=issued.session)


# ---------------------------------------------------------------- step-up and passkeys


def _require_account(principal: Principal) -> uuid.UUID:
    if principal.account_id is None or principal.session_id is None:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    return principal.account_id


async def begin_step_up(
    connection: BaseDBAsyncClient, settings: Settings, *, principal: Principal
) -> Ceremony:
    account_id = _require_account(principal)
    allow = list(await Passkey.filter(account_id=account_id).using_db(connection))
    if not allow:
        raise AccountProblem(AccountErrorCode.NO_PASSKEY)
    account = await Account.get(id=account_id, using_db=connection)
    challenge = await passkeys.issue_challenge(
        connection,
        purpose=ChallengePurpose.STEP_UP,
        account=account,
        session_id=principal.session_id,
    )
    return Ceremony(
        challenge_id=challenge.id,
        options_json=passkeys.authentication_options(settings, challenge=challenge, allow=allow),
        account_id=account_id,
    )


async def finish_step_up(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    challenge: Challenge,
    credential_json: str,
    principal: Principal,
) -> Done:
    account_id = _require_account(principal)
    if challenge.session_id != principal.session_id:
        raise WebAuthnFailed(WebAuthnErrorCode.CHALLENGE_INVALID)
    await passkeys.verify_assertion(
        connection,
        settings,
        credential_json=credential_json,
        challenge=challenge,
        expected_account_id=account_id,
    )
    assert principal.session_id is not None
    token = await sessions.rotate(connection, session_id=principal.session_id, step_up=True)
    return Done(targets=(f"account:{account_id}", f"session:{principal.session_id}"), token=token)


async def begin_add_passkey(
    connection: BaseDBAsyncClient, settings: Settings, *, principal: Principal
) -> Ceremony:
    account_id = _require_account(principal)
    account = await Account.get(id=account_id, using_db=connection)
    existing = list(await Passkey.filter(account=account).using_db(connection))
    if len(existing) >= MAX_PASSKEYS:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    challenge = await passkeys.issue_challenge(
        connection,
        purpose=ChallengePurpose.ADD_PASSKEY,
        account=account,
        session_id=principal.session_id,
    )
    display = await _display_name(connection, account)
    options = passkeys.registration_options(
        settings,
        challenge=challenge,
        user_handle=account.user_handle,
        user_name=account.sign_in_name or display,
        display_name=display,
        exclude=existing,
    )
    return Ceremony(challenge_id=challenge.id, options_json=options, account_id=account_id)


async def _display_name(connection: BaseDBAsyncClient, account: Account) -> str:
    if account.kind is AccountKind.OFFICER:
        officer = await Officer.get(account=account, using_db=connection)
        return officer.full_name
    person = await Person.get(account=account, using_db=connection)
    return person.full_name


async def finish_add_passkey(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    challenge: Challenge,
    credential_json: str,
    name: str,
    principal: Principal,
) -> Done:
    account_id = _require_account(principal)
    if challenge.session_id != principal.session_id:
        raise WebAuthnFailed(WebAuthnErrorCode.CHALLENGE_INVALID)
    clean_name = _passkey_name(name)
    new = passkeys.verify_new_credential(
        settings, credential_json=credential_json, challenge=challenge
    )
    account = await Account.get(id=account_id, using_db=connection)
    passkey = await _store_passkey(connection, account=account, new=new, name=clean_name)
    return Done(targets=(f"account:{account_id}", f"passkey:{passkey.id}"))


async def _own_passkey(
    connection: BaseDBAsyncClient, principal: Principal, passkey_id: str
) -> Passkey:
    account_id = _require_account(principal)
    try:
        key = uuid.UUID(passkey_id)
    except ValueError:
        raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    passkey = await Passkey.get_or_none(id=key, account_id=account_id, using_db=connection)
    if passkey is None:
        # Another account's passkey is "not found", never "forbidden": no enumeration.
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    return passkey


async def rename_passkey(
    connection: BaseDBAsyncClient, *, principal: Principal, passkey_id: str, name: str
) -> Done:
    passkey = await _own_passkey(connection, principal, passkey_id)
    clean = _passkey_name(name)
    await Passkey.filter(id=passkey.id).using_db(connection).update(name=clean)
    return Done(targets=(f"passkey:{passkey.id}",))


async def revoke_passkey(
    connection: BaseDBAsyncClient, *, principal: Principal, passkey_id: str
) -> Done:
    passkey = await _own_passkey(connection, principal, passkey_id)
    account_id = _require_account(principal)
    others = (
        await Passkey.filter(account_id=account_id)
        .exclude(id=passkey.id)
        .using_db(connection)
        .count()
    )
    password = await PasswordCredential.get_or_none(account_id=account_id, using_db=connection)
    has_fallback = password is not None and password.totp_confirmed
    if others == 0 and not has_fallback:
        raise AccountProblem(AccountErrorCode.LAST_SIGN_IN_METHOD)
    await Passkey.filter(id=passkey.id).using_db(connection).delete()
    # Every other session ends; this one (which just proved a fresh passkey) gets a new token.
    await sessions.end_all(
        connection,
        account_id=account_id,
        reason="credential_revoked",
        except_session=principal.session_id,
    )
    assert principal.session_id is not None
    token = await sessions.rotate(connection, session_id=principal.session_id, step_up=False)
    return Done(targets=(f"account:{account_id}", f"passkey:{passkey.id}"), token=token)


# ---------------------------------------------------------------- password + TOTP fallback


def validate_password(password: str, *, personal: tuple[str, ...]) -> str:
    if len(password) < passwords.MIN_LENGTH:
        raise ValidationFailed(
            [
                FieldProblem(
                    "input.password", ValidationErrorCode.TOO_SHORT, {"limit": passwords.MIN_LENGTH}
                )
            ]
        )
    if len(password) > passwords.MAX_LENGTH:
        raise ValidationFailed(
            [
                FieldProblem(
                    "input.password", ValidationErrorCode.TOO_LONG, {"limit": passwords.MAX_LENGTH}
                )
            ]
        )
    if passwords.is_common(password, personal=personal):
        raise ValidationFailed(
            [FieldProblem("input.password", ValidationErrorCode.COMMON_PASSWORD)]
        )
    return password


@dataclass(frozen=True, slots=True)
class PasswordAccount:
    signed_in: SignedIn
    totp_secret: str
    totp_uri: str

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return self.signed_in.audit_targets


async def create_account_with_password(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    person: PersonData,
    password: str,
    ip: str,
    user_agent: str,
    replaces: uuid.UUID | None,
) -> PasswordAccount:
    problems: list[FieldProblem] = []
    clean: CleanPerson | None = None
    try:
        clean = validate_person(person)
    except ValidationFailed as error:
        problems += error.problems
    if clean is not None and clean.sign_in_name is None:
        problems.append(FieldProblem("input.email", ValidationErrorCode.REQUIRED))
    personal = tuple(
        p
        for p in (person.full_name, person.email or "", person.mobile or "", person.document_number)
        if p
    )
    try:
        validate_password(password, personal=personal)
    except ValidationFailed as error:
        problems += error.problems
    if problems or clean is None:
        raise ValidationFailed(problems)
    await _ensure_person_is_new(connection, clean)
    account = await _create_person(connection, clean, user_handle=_handle())
    secret = passwords.new_totp_secret()
    await PasswordCredential.create(
        using_db=connection,
        account=account,
        password_hash=passwords.hash_password(password),
        totp_secret_encrypted=encrypt(settings.secret_key, purpose="totp", plaintext=secret),
    )
    issued = await sessions.start(
        connection,
        account=account,
        method=SessionMethod.PASSWORD,
        ip=ip,
        user_agent=user_agent,
        replaces=replaces,
    )
    return PasswordAccount(
        signed_in=SignedIn(account=account, token=issued.token, session=issued.session),
        totp_secret=secret,
        totp_uri=passwords.totp_uri(secret, account_name=clean.sign_in_name or clean.full_name),
    )


async def confirm_totp(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    code: str,
    ip: str,
    user_agent: str,
) -> SignedIn:
    """Prove the authenticator app works; get the recovery codes; reach level 2 (unless the
    session began with a recovery code, which must sign in again with the second factor)."""
    account_id = _require_account(principal)
    credential = await PasswordCredential.get_or_none(account_id=account_id, using_db=connection)
    if credential is None or credential.totp_secret_encrypted is None or credential.totp_confirmed:
        raise AccountProblem(AccountErrorCode.TOTP_NOT_PENDING)
    secret = decrypt(settings.secret_key, purpose="totp", token=credential.totp_secret_encrypted)
    step = passwords.totp_step(secret, code, last_step=credential.totp_last_step)
    if step is None:
        raise SignInFailed(SignInErrorCode.TOTP_INVALID, account_id=str(account_id))
    await (
        PasswordCredential.filter(id=credential.id)
        .using_db(connection)
        .update(totp_confirmed=True, totp_last_step=step)
    )
    codes = passwords.new_recovery_codes()
    await RecoveryCode.filter(account_id=account_id).using_db(connection).delete()
    for code_value in codes:
        await RecoveryCode.create(
            using_db=connection,
            account_id=account_id,
            code_hash=passwords.recovery_code_digest(code_value),
        )
    current = await Session.get(id=principal.session_id, using_db=connection)
    account = await Account.get(id=account_id, using_db=connection)
    method = (
        SessionMethod.RECOVERY
        if current.method is SessionMethod.RECOVERY
        else SessionMethod.PASSWORD_TOTP
    )
    issued = await sessions.start(
        connection,
        account=account,
        method=method,
        ip=ip,
        user_agent=user_agent,
        replaces=principal.session_id,
    )
    return SignedIn(
        account=account, token=issued.token, session=issued.session, recovery_codes=codes
    )


async def sign_in_with_password(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    sign_in_name: str,
    password: str,
    totp_code: str | None,
    recovery_code: str | None,
    ip: str,
    user_agent: str,
    replaces: uuid.UUID | None,
) -> SignedIn:
    account = await _sign_in_account(connection, sign_in_name)
    credential = (
        await PasswordCredential.get_or_none(account_id=account.id, using_db=connection)
        if account
        else None
    )
    if not passwords.verify_password(credential.password_hash if credential else None, password):
        raise SignInFailed(
            SignInErrorCode.INVALID_CREDENTIALS, account_id=str(account.id) if account else None
        )
    assert account is not None
    assert credential is not None
    method = SessionMethod.PASSWORD
    if recovery_code:
        used = (
            await RecoveryCode.filter(
                account_id=account.id,
                code_hash=passwords.recovery_code_digest(recovery_code),
                used_at=None,
            )
            .using_db(connection)
            .update(used_at=clock.now())
        )
        if used != 1:
            raise SignInFailed(SignInErrorCode.RECOVERY_CODE_INVALID, account_id=str(account.id))
        method = SessionMethod.RECOVERY
        # The lost authenticator app must be replaced: a new secret, confirmed from this session.
        await (
            PasswordCredential.filter(id=credential.id)
            .using_db(connection)
            .update(
                totp_confirmed=False,
                totp_last_step=0,
                totp_secret_encrypted=encrypt(
                    settings.secret_key, purpose="totp", plaintext=passwords.new_totp_secret()
                ),
            )
        )
    elif credential.totp_confirmed:
        assert credential.totp_secret_encrypted is not None
        secret = decrypt(
            settings.secret_key, purpose="totp", token=credential.totp_secret_encrypted
        )
        step = passwords.totp_step(secret, totp_code or "", last_step=credential.totp_last_step)
        if step is None:
            raise SignInFailed(SignInErrorCode.TOTP_INVALID, account_id=str(account.id))
        await (
            PasswordCredential.filter(id=credential.id)
            .using_db(connection)
            .update(totp_last_step=step)
        )
        method = SessionMethod.PASSWORD_TOTP
    issued = await sessions.start(
        connection,
        account=account,
        method=method,
        ip=ip,
        user_agent=user_agent,
        replaces=replaces,
    )
    return SignedIn(account=account, token=issued.token, session=issued.session)


async def pending_totp_uri(
    connection: BaseDBAsyncClient, settings: Settings, *, account_id: uuid.UUID
) -> tuple[str, str] | None:
    credential = await PasswordCredential.get_or_none(account_id=account_id, using_db=connection)
    if credential is None or credential.totp_confirmed or not credential.totp_secret_encrypted:
        return None
    secret = decrypt(settings.secret_key, purpose="totp", token=credential.totp_secret_encrypted)
    account = await Account.get(id=account_id, using_db=connection)
    return secret, passwords.totp_uri(secret, account_name=account.sign_in_name or "Palm Customs")


# ---------------------------------------------------------------- sessions


async def end_session(
    connection: BaseDBAsyncClient, *, principal: Principal, session_id: str | None
) -> Done:
    account_id = _require_account(principal)
    target = principal.session_id
    if session_id is not None:
        try:
            target = uuid.UUID(session_id)
        except ValueError:
            raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    ended = (
        await Session.filter(id=target, account_id=account_id, ended_at=None)
        .using_db(connection)
        .update(ended_at=clock.now(), ended_reason="signed_out")
    )
    if ended != 1:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    assert target is not None
    # The signed-out device stops receiving this person's pushes.
    await forget_session_devices(connection, session_id=target)
    return Done(targets=(f"session:{target}",))


async def end_every_session(connection: BaseDBAsyncClient, *, principal: Principal) -> Done:
    account_id = _require_account(principal)
    count = await sessions.end_all(
        connection, account_id=account_id, reason="signed_out_everywhere"
    )
    await PushSubscription.filter(account_id=account_id).using_db(connection).delete()
    return Done(targets=(f"account:{account_id}", f"sessions:{count}"))


# ---------------------------------------------------------------- enterprises


async def register_enterprise(
    connection: BaseDBAsyncClient, *, principal: Principal, name: str, uscc: str
) -> Done:
    account_id = _require_account(principal)
    check = Validator()
    clean_name = check.text("input.name", name, max_len=200)
    code = ""
    try:
        code = documents.parse_uscc(uscc).code
    except documents.DocumentNumberInvalid as error:
        check.problems.append(_document_problem(error, "input.uscc"))
    check.raise_if_any()
    if await Enterprise.filter(uscc=code).using_db(connection).exists():
        raise AccountProblem(AccountErrorCode.ENTERPRISE_ALREADY_REGISTERED, field="input.uscc")
    try:
        enterprise = await Enterprise.create(
            using_db=connection, id=uuid.uuid4(), name=clean_name, uscc=code
        )
    except IntegrityError:
        raise AccountProblem(
            AccountErrorCode.ENTERPRISE_ALREADY_REGISTERED, field="input.uscc"
        ) from None
    await EnterpriseMembership.create(
        using_db=connection,
        id=uuid.uuid4(),
        enterprise=enterprise,
        account_id=account_id,
        role=EnterpriseRole.ADMINISTRATOR,
        status=MembershipStatus.ACTIVE,
    )
    return Done(targets=(f"enterprise:{enterprise.id}",))


async def _administered(
    connection: BaseDBAsyncClient, principal: Principal, enterprise_id: str
) -> Enterprise:
    account_id = _require_account(principal)
    try:
        key = uuid.UUID(enterprise_id)
    except ValueError:
        raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    membership = await EnterpriseMembership.get_or_none(
        enterprise_id=key,
        account_id=account_id,
        status=MembershipStatus.ACTIVE,
        using_db=connection,
    )
    if membership is None:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    if membership.role is not EnterpriseRole.ADMINISTRATOR:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    return await Enterprise.get(id=key, using_db=connection)


async def invite_member(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    enterprise_id: str,
    document_type: DocumentType,
    document_number: str,
    full_name: str,
    role: EnterpriseRole,
) -> Done:
    enterprise = await _administered(connection, principal, enterprise_id)
    number = document_number.strip().upper()
    person = await Person.get_or_none(
        document_type=document_type, document_number=number, using_db=connection
    )
    # The name must match too: an administrator cannot probe who has an account by number alone.
    if person is None or person.full_name.strip() != full_name.strip():
        raise AccountProblem(AccountErrorCode.NOT_FOUND, field="input.documentNumber")
    existing = await EnterpriseMembership.get_or_none(
        enterprise=enterprise,
        account_id=person.account_id,
        using_db=connection,
    )
    if existing is not None and existing.status is not MembershipStatus.REMOVED:
        raise AccountProblem(AccountErrorCode.ALREADY_MEMBER)
    if existing is not None:
        await (
            EnterpriseMembership.filter(id=existing.id)
            .using_db(connection)
            .update(status=MembershipStatus.INVITED, role=role, invited_by_id=principal.account_id)
        )
        membership_id = existing.id
    else:
        membership = await EnterpriseMembership.create(
            using_db=connection,
            id=uuid.uuid4(),
            enterprise=enterprise,
            account_id=person.account_id,
            role=role,
            status=MembershipStatus.INVITED,
            invited_by_id=principal.account_id,
        )
        membership_id = membership.id
    return Done(targets=(f"enterprise:{enterprise.id}", f"membership:{membership_id}"))


async def accept_invitation(
    connection: BaseDBAsyncClient, *, principal: Principal, membership_id: str
) -> Done:
    account_id = _require_account(principal)
    try:
        key = uuid.UUID(membership_id)
    except ValueError:
        raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    accepted = (
        await EnterpriseMembership.filter(
            id=key, account_id=account_id, status=MembershipStatus.INVITED
        )
        .using_db(connection)
        .update(status=MembershipStatus.ACTIVE)
    )
    if accepted != 1:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    return Done(targets=(f"membership:{key}",))


async def remove_member(
    connection: BaseDBAsyncClient, *, principal: Principal, membership_id: str
) -> Done:
    try:
        key = uuid.UUID(membership_id)
    except ValueError:
        raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    membership = await EnterpriseMembership.get_or_none(id=key, using_db=connection)
    if membership is None:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    enterprise = await _administered(connection, principal, str(membership.enterprise_id))
    if (
        membership.role is EnterpriseRole.ADMINISTRATOR
        and membership.status is MembershipStatus.ACTIVE
    ):
        admins = (
            await EnterpriseMembership.filter(
                enterprise=enterprise,
                role=EnterpriseRole.ADMINISTRATOR,
                status=MembershipStatus.ACTIVE,
            )
            .using_db(connection)
            .count()
        )
        if admins <= 1:
            raise AccountProblem(AccountErrorCode.LAST_ADMINISTRATOR)
    await (
        EnterpriseMembership.filter(id=key)
        .using_db(connection)
        .update(status=MembershipStatus.REMOVED)
    )
    return Done(targets=(f"enterprise:{enterprise.id}", f"membership:{key}"))


# ---------------------------------------------------------------- officers


OFFICER_ROLES = frozenset(
    r for r in Role if r is not Role.PERSON and r not in (Role.ENTERPRISE_ADMIN, Role.DECLARANT)
)


@dataclass(frozen=True, slots=True)
class OfficerCreated:
    officer: Officer
    enrolment_code: str

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"account:{self.officer.account_id}",)


async def create_officer(
    connection: BaseDBAsyncClient,
    *,
    badge_number: str,
    full_name: str,
    unit: str,
    roles: list[str],
) -> OfficerCreated:
    check = Validator()
    badge = check.text("input.badgeNumber", badge_number, max_len=20).upper()
    name = check.text("input.fullName", full_name, max_len=120)
    clean_unit = check.text("input.unit", unit, max_len=80)
    if badge and not re.fullmatch(r"[A-Z0-9\-]{3,20}", badge):
        check.problems.append(FieldProblem("input.badgeNumber", ValidationErrorCode.INVALID_FORMAT))
    valid_roles = sorted({r for r in roles if r in {x.value for x in OFFICER_ROLES}})
    if not roles or len(valid_roles) != len(set(roles)):
        check.problems.append(FieldProblem("input.roles", ValidationErrorCode.INVALID_CHOICE))
    check.raise_if_any()
    if await Officer.filter(badge_number=badge).using_db(connection).exists():
        raise AccountProblem(AccountErrorCode.BADGE_TAKEN, field="input.badgeNumber")
    code = "-".join(secrets.token_hex(3).upper() for _ in range(3))
    account = await Account.create(
        using_db=connection,
        id=uuid.uuid4(),
        kind=AccountKind.OFFICER,
        user_handle=_handle(),
        sign_in_name=badge.lower(),
    )
    officer = await Officer.create(
        using_db=connection,
        account=account,
        badge_number=badge,
        full_name=name,
        unit=clean_unit,
        roles=valid_roles,
        enrolment_code_hash=token_digest(code),
        enrolment_expires_at=clock.now() + ENROLMENT_CODE_TTL,
    )
    return OfficerCreated(officer=officer, enrolment_code=code)


async def begin_officer_enrolment(
    connection: BaseDBAsyncClient, settings: Settings, *, badge_number: str, code: str
) -> Ceremony:
    officer = await Officer.get_or_none(
        badge_number=badge_number.strip().upper(), using_db=connection
    )
    now = clock.now()
    valid = (
        officer is not None
        and officer.enrolment_code_hash is not None
        and officer.enrolment_expires_at is not None
        and officer.enrolment_expires_at > now
        and secrets.compare_digest(officer.enrolment_code_hash, token_digest(code.strip().upper()))
    )
    if not valid:
        raise SignInFailed(
            SignInErrorCode.ENROLMENT_CODE_INVALID,
            account_id=str(officer.account_id) if officer else None,
        )
    assert officer is not None
    account = await Account.get(id=officer.account_id, using_db=connection)
    challenge = await passkeys.issue_challenge(
        connection,
        purpose=ChallengePurpose.OFFICER_ENROL,
        account=account,
        pending={"code_hash": officer.enrolment_code_hash},
    )
    options = passkeys.registration_options(
        settings,
        challenge=challenge,
        user_handle=account.user_handle,
        user_name=officer.badge_number,
        display_name=officer.full_name,
        exclude=[],
    )
    return Ceremony(challenge_id=challenge.id, options_json=options, account_id=account.id)


async def finish_officer_enrolment(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    challenge: Challenge,
    credential_json: str,
    passkey_name: str,
    ip: str,
    user_agent: str,
    replaces: uuid.UUID | None,
) -> SignedIn:
    name = _passkey_name(passkey_name)
    new = passkeys.verify_new_credential(
        settings, credential_json=credential_json, challenge=challenge
    )
    account = await Account.get(id=challenge.account_id, using_db=connection)
    # The code is single-use: only the enrolment that clears it may finish.
    cleared = (
        await Officer.filter(
            account=account, enrolment_code_hash=challenge.pending.get("code_hash")
        )
        .using_db(connection)
        .update(enrolment_code_hash=None, enrolment_expires_at=None, enrolled_at=clock.now())
    )
    if cleared != 1:
        raise SignInFailed(SignInErrorCode.ENROLMENT_CODE_INVALID, account_id=str(account.id))
    await _store_passkey(connection, account=account, new=new, name=name)
    issued = await sessions.start(
        connection,
        account=account,
        method=SessionMethod.PASSKEY,
        ip=ip,
        user_agent=user_agent,
        stepped_up=True,
        replaces=replaces,
    )
    return SignedIn(account=account, token=issued.token, session=issued.session)


# ---------------------------------------------------------------- deletion


async def delete_account(connection: BaseDBAsyncClient, *, principal: Principal) -> Done:
    """Erase what the person owns; keep the account row (submitted records and the audit trail
    refer to it) detached from every personal field."""
    account_id = _require_account(principal)
    account = await Account.get(id=account_id, using_db=connection)
    if account.kind is not AccountKind.PERSON:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    admin_of = (
        await EnterpriseMembership.filter(
            account=account, role=EnterpriseRole.ADMINISTRATOR, status=MembershipStatus.ACTIVE
        )
        .using_db(connection)
        .values_list("enterprise_id", flat=True)
    )
    for enterprise_id in admin_of:
        admins = (
            await EnterpriseMembership.filter(
                enterprise_id=enterprise_id,
                role=EnterpriseRole.ADMINISTRATOR,
                status=MembershipStatus.ACTIVE,
            )
            .using_db(connection)
            .count()
        )
        if admins <= 1:
            raise AccountProblem(AccountErrorCode.LAST_ADMINISTRATOR)
    await Person.filter(account=account).using_db(connection).delete()
    await Passkey.filter(account=account).using_db(connection).delete()
    await PasswordCredential.filter(account=account).using_db(connection).delete()
    await RecoveryCode.filter(account=account).using_db(connection).delete()
    await (
        EnterpriseMembership.filter(account=account)
        .using_db(connection)
        .update(status=MembershipStatus.REMOVED)
    )
    await sessions.end_all(connection, account_id=account_id, reason="account_deleted")
    await (
        Account.filter(id=account_id)
        .using_db(connection)
        .update(status=AccountStatus.DELETED, sign_in_name=None, deleted_at=clock.now())
    )
    return Done(targets=(f"account:{account_id}",))
