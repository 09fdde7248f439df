"""The WebAuthn registration ceremony every new passkey goes through: a person creating an
account, an officer enrolling with a one-time code, anyone adding a passkey to their account.
Each caller adds its own checks between the steps (a new person, a single-use code)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.errors import Validator
from palm_customs.identity import passkeys, sessions
from palm_customs.identity.errors import WebAuthnErrorCode, WebAuthnFailed
from palm_customs.identity.models import (
    Account,
    Challenge,
    ChallengePurpose,
    Passkey,
    SessionMethod,
)
from palm_customs.identity.services.results import Ceremony, SignedIn
from palm_customs.settings import Settings


async def begin_registration(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    purpose: ChallengePurpose,
    user_handle: str,
    user_name: str,
    display_name: str,
    account: Account | None = None,
    session_id: uuid.UUID | None = None,
    pending: dict[str, Any] | None = None,
    exclude: Sequence[Passkey] = (),
) -> Ceremony:
    """Issue the challenge and the options for navigator.credentials.create()."""
    challenge = await passkeys.issue_challenge(
        connection, purpose=purpose, account=account, session_id=session_id, pending=pending
    )
    options = passkeys.registration_options(
        settings,
        challenge=challenge,
        user_handle=user_handle,
        user_name=user_name,
        display_name=display_name,
        exclude=list(exclude),
    )
    return Ceremony(
        challenge_id=challenge.id,
        options_json=options,
        account_id=account.id if account is not None else None,
    )


def verified_credential(
    settings: Settings, *, challenge: Challenge, credential_json: str, passkey_name: str
) -> tuple[str, passkeys.NewCredential]:
    """The passkey's cleaned name (checked first) and the verified new credential."""
    name = _passkey_name(passkey_name)
    new = passkeys.verify_new_credential(
        settings, credential_json=credential_json, challenge=challenge
    )
    return name, new


async def store_and_sign_in(
    connection: BaseDBAsyncClient,
    *,
    account: Account,
    new: passkeys.NewCredential,
    name: str,
    ip: str,
    user_agent: str,
    replaces: uuid.UUID | None,
) -> SignedIn:
    """Keep the passkey and start a session with it."""
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
