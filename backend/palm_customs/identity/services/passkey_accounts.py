"""Creating an account with a passkey (the WebAuthn registration ceremony)."""

from __future__ import annotations

import uuid

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
from palm_customs.identity.services.people import (
    CleanPerson,
    PersonData,
    _create_person,
    _ensure_person_is_new,
    validate_person,
)
from palm_customs.identity.services.results import Ceremony, SignedIn, _handle
from palm_customs.settings import Settings


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
        connection, clean, user_handle=str(challenge.pending["user_handle"]), settings=settings
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
