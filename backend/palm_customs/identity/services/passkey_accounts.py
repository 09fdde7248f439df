"""Creating an account with a passkey (the WebAuthn registration ceremony)."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.identity.models import Challenge, ChallengePurpose
from palm_customs.identity.services.passkey_registration import (
    begin_registration,
    store_and_sign_in,
    verified_credential,
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
    return await begin_registration(
        connection,
        settings,
        purpose=ChallengePurpose.REGISTER,
        pending={"person": clean.as_json(), "user_handle": user_handle},
        user_handle=user_handle,
        user_name=clean.sign_in_name or clean.full_name,
        display_name=clean.full_name,
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
    name, new = verified_credential(
        settings, challenge=challenge, credential_json=credential_json, passkey_name=passkey_name
    )
    clean = CleanPerson.from_json(challenge.pending["person"])  # type: ignore[arg-type]
    await _ensure_person_is_new(connection, clean)
    account = await _create_person(
        connection, clean, user_handle=str(challenge.pending["user_handle"]), settings=settings
    )
    return await store_and_sign_in(
        connection,
        account=account,
        new=new,
        name=name,
        ip=ip,
        user_agent=user_agent,
        replaces=replaces,
    )
