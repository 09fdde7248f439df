"""A person's own passkeys: adding, renaming and revoking them."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core.principal import Principal
from palm_customs.identity import sessions
from palm_customs.identity.errors import (
    AccountErrorCode,
    AccountProblem,
    WebAuthnErrorCode,
    WebAuthnFailed,
)
from palm_customs.identity.models import (
    Account,
    AccountKind,
    Challenge,
    ChallengePurpose,
    Officer,
    Passkey,
    PasswordCredential,
    Person,
)
from palm_customs.identity.services.passkey_registration import (
    _passkey_name,
    _store_passkey,
    begin_registration,
    verified_credential,
)
from palm_customs.identity.services.results import Ceremony, Done, _require_account
from palm_customs.identity.services.security_notices import SecurityEvent, tell_owner
from palm_customs.settings import Settings

MAX_PASSKEYS = 20


async def begin_add_passkey(
    connection: BaseDBAsyncClient, settings: Settings, *, principal: Principal
) -> Ceremony:
    account_id = _require_account(principal)
    account = await Account.get(id=account_id, using_db=connection)
    existing = list(await Passkey.filter(account=account).using_db(connection))
    if len(existing) >= MAX_PASSKEYS:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    display = await _display_name(connection, account)
    return await begin_registration(
        connection,
        settings,
        purpose=ChallengePurpose.ADD_PASSKEY,
        account=account,
        session_id=principal.session_id,
        user_handle=account.user_handle,
        user_name=account.sign_in_name or display,
        display_name=display,
        exclude=existing,
    )


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
    clean_name, new = verified_credential(
        settings, challenge=challenge, credential_json=credential_json, passkey_name=name
    )
    account = await Account.get(id=account_id, using_db=connection)
    passkey = await _store_passkey(connection, account=account, new=new, name=clean_name)
    await tell_owner(
        connection,
        account_id=account_id,
        event=SecurityEvent.PASSKEY_ADDED,
        params={"name": passkey.name},
    )
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
    await tell_owner(
        connection,
        account_id=account_id,
        event=SecurityEvent.PASSKEY_REMOVED,
        params={"name": passkey.name},
    )
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
