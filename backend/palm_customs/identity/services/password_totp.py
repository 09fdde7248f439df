"""The fallback: an account with a password and a TOTP authenticator, recovery codes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.crypto import decrypt, encrypt
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.principal import Principal
from palm_customs.identity import passwords, sessions
from palm_customs.identity.errors import (
    AccountErrorCode,
    AccountProblem,
    SignInErrorCode,
    SignInFailed,
)
from palm_customs.identity.models import (
    Account,
    PasswordCredential,
    RecoveryCode,
    Session,
    SessionMethod,
)
from palm_customs.identity.services.people import (
    CleanPerson,
    PersonData,
    _create_person,
    _ensure_person_is_new,
    validate_person,
)
from palm_customs.identity.services.results import SignedIn, _handle
from palm_customs.identity.services.security_notices import SecurityEvent, tell_owner
from palm_customs.identity.services.sign_in import _sign_in_account
from palm_customs.settings import Settings


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
    account = await _create_person(connection, clean, user_handle=_handle(), settings=settings)
    secret = passwords.new_totp_secret()
    # No second factor yet: the secret waits in the session that created the account, the only
    # one that may confirm it (a later password-only session cannot read or confirm it).
    await PasswordCredential.create(
        using_db=connection,
        account=account,
        password_hash=passwords.hash_password(password),
        totp_secret_encrypted=None,
    )
    issued = await sessions.start(
        connection,
        account=account,
        method=SessionMethod.PASSWORD,
        ip=ip,
        user_agent=user_agent,
        replaces=replaces,
        pending_totp_encrypted=encrypt(settings.secret_key, purpose="totp", plaintext=secret),
    )
    return PasswordAccount(
        signed_in=SignedIn(account=account, token=issued.token, session=issued.session),
        totp_secret=secret,
        totp_uri=passwords.totp_uri(secret, account_name=clean.sign_in_name or clean.full_name),
    )


# What a session keeps once it has confirmed an authenticator app: confirming never raises a
# session above what it proved (a recovery session stays a recovery session).
_AFTER_CONFIRMING = {
    SessionMethod.PASSWORD: SessionMethod.PASSWORD_TOTP,  # created the password, proved the app
    SessionMethod.RECOVERY: SessionMethod.RECOVERY,
    SessionMethod.PASSWORD_TOTP: SessionMethod.PASSWORD_TOTP,
    SessionMethod.PASSKEY: SessionMethod.PASSKEY,
}


def _session_account(principal: Principal) -> uuid.UUID:
    account_id = principal.account_id or principal.enrolment_account_id
    if account_id is None or principal.session_id is None:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    return account_id


async def confirm_totp(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    code: str,
    ip: str,
    user_agent: str,
) -> SignedIn:
    """Prove the authenticator app works; get the recovery codes. Only the secret held by this
    very session can be confirmed (the account's creation session, or a session that proved a
    recovery code); the owner is told; every other session of the account ends."""
    account_id = _session_account(principal)
    current = await Session.get_or_none(
        id=principal.session_id, account_id=account_id, ended_at=None, using_db=connection
    )
    credential = await PasswordCredential.get_or_none(account_id=account_id, using_db=connection)
    if current is None or credential is None or current.pending_totp_encrypted is None:
        raise AccountProblem(AccountErrorCode.TOTP_NOT_PENDING)
    secret = decrypt(settings.secret_key, purpose="totp", token=current.pending_totp_encrypted)
    step = passwords.totp_step(secret, code, last_step=0)
    if step is None:
        raise SignInFailed(SignInErrorCode.TOTP_INVALID, account_id=str(account_id))
    await (
        PasswordCredential.filter(id=credential.id)
        .using_db(connection)
        .update(
            totp_secret_encrypted=current.pending_totp_encrypted,
            totp_confirmed=True,
            totp_last_step=step,
        )
    )
    codes = passwords.new_recovery_codes()
    await RecoveryCode.filter(account_id=account_id).using_db(connection).delete()
    for code_value in codes:
        await RecoveryCode.create(
            using_db=connection,
            account_id=account_id,
            code_hash=passwords.recovery_code_digest(code_value),
        )
    account = await Account.get(id=account_id, using_db=connection)
    issued = await sessions.start(
        connection,
        account=account,
        method=_AFTER_CONFIRMING[current.method],
        ip=ip,
        user_agent=user_agent,
        replaces=current.id,
    )
    # Whoever else was signed in did so with the factor that was just replaced.
    await sessions.end_all(
        connection, account_id=account_id, reason="second_factor", except_session=issued.session.id
    )
    await tell_owner(connection, account_id=account_id, event=SecurityEvent.AUTHENTICATOR_APP_SET)
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
    # the same statement for a name that does not exist (no account has the nil id), and the
    # same hashing (verify_password checks a dummy hash): answers and timing do not tell apart
    credential = await PasswordCredential.get_or_none(
        account_id=account.id if account else uuid.UUID(int=0), using_db=connection
    )
    if not passwords.verify_password(credential.password_hash if credential else None, password):
        raise SignInFailed(
            SignInErrorCode.INVALID_CREDENTIALS, account_id=str(account.id) if account else None
        )
    assert account is not None
    assert credential is not None
    # A password alone (an account whose authenticator app was never confirmed) gives an
    # enrolment-only session, with nothing to confirm unless it created the account.
    method = SessionMethod.PASSWORD
    pending: str | None = None
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
        # The lost authenticator app may be replaced from this session only: the new secret
        # waits here, the current one keeps working until the new one is confirmed.
        pending = encrypt(
            settings.secret_key, purpose="totp", plaintext=passwords.new_totp_secret()
        )
        remaining = (
            await RecoveryCode.filter(account_id=account.id, used_at=None)
            .using_db(connection)
            .count()
        )
        await tell_owner(
            connection,
            account_id=account.id,
            event=SecurityEvent.RECOVERY_CODE_USED,
            params={"remaining": remaining},
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
        pending_totp_encrypted=pending,
    )
    return SignedIn(account=account, token=issued.token, session=issued.session)


async def pending_totp_uri(
    connection: BaseDBAsyncClient, settings: Settings, *, principal: Principal
) -> tuple[str, str] | None:
    """The secret this session may confirm, if it holds one (no other session's, ever)."""
    account_id = principal.account_id or principal.enrolment_account_id
    if account_id is None or principal.session_id is None:
        return None
    current = await Session.get_or_none(
        id=principal.session_id, account_id=account_id, ended_at=None, using_db=connection
    )
    if current is None or current.pending_totp_encrypted is None:
        return None
    secret = decrypt(settings.secret_key, purpose="totp", token=current.pending_totp_encrypted)
    account = await Account.get(id=account_id, using_db=connection)
    return secret, passwords.totp_uri(secret, account_name=account.sign_in_name or "Palm Customs")
