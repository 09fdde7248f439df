"""Step-up: a fresh user-verified passkey assertion raises a session to level 3."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core.principal import Principal
from palm_customs.identity import passkeys, sessions
from palm_customs.identity.errors import (
    AccountErrorCode,
    AccountProblem,
    WebAuthnErrorCode,
    WebAuthnFailed,
)
from palm_customs.identity.models import Account, Challenge, ChallengePurpose, Passkey
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
