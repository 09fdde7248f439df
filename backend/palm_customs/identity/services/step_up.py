"""Step-up: a fresh user-verified passkey assertion raises a session to level 3."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core.crypto import decrypt
from palm_customs.core.principal import Principal
from palm_customs.identity import passkeys, passwords, sessions
from palm_customs.identity.errors import (
    AccountErrorCode,
    AccountProblem,
    SignInErrorCode,
    SignInFailed,
    WebAuthnErrorCode,
    WebAuthnFailed,
)
from palm_customs.identity.models import (
    Account,
    Challenge,
    ChallengePurpose,
    Passkey,
    PasswordCredential,
)
from palm_customs.identity.services.results import Ceremony, Done, _require_account
from palm_customs.settings import Settings


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


async def step_up_with_password(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    password: str,
    totp_code: str,
) -> Done:
    """Level 3 for an account without any passkey: a fresh proof of the password and the
    authenticator app, so that such a person can add a first passkey or delete the account.
    An account with a passkey steps up with it (the stronger proof)."""
    account_id = _require_account(principal)
    if await Passkey.filter(account_id=account_id).using_db(connection).exists():
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    credential = await PasswordCredential.get_or_none(account_id=account_id, using_db=connection)
    if not passwords.verify_password(credential.password_hash if credential else None, password):
        raise SignInFailed(SignInErrorCode.INVALID_CREDENTIALS, account_id=str(account_id))
    assert credential is not None
    if not credential.totp_confirmed or credential.totp_secret_encrypted is None:
        raise SignInFailed(SignInErrorCode.TOTP_INVALID, account_id=str(account_id))
    secret = decrypt(settings.secret_key, purpose="totp", token=credential.totp_secret_encrypted)
    step = passwords.totp_step(secret, totp_code, last_step=credential.totp_last_step)
    if step is None:
        raise SignInFailed(SignInErrorCode.TOTP_INVALID, account_id=str(account_id))
    await (
        PasswordCredential.filter(id=credential.id).using_db(connection).update(totp_last_step=step)
    )
    assert principal.session_id is not None
    token = await sessions.rotate(connection, session_id=principal.session_id, step_up=True)
    return Done(targets=(f"account:{account_id}", f"session:{principal.session_id}"), token=token)
