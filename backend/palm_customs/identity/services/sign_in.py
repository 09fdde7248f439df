"""Signing in with a passkey, and the sign-in rate limits."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core.ratelimit import SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, RateLimiter
from palm_customs.identity import passkeys, sessions
from palm_customs.identity.errors import TooManyAttemptsError, WebAuthnErrorCode, WebAuthnFailed
from palm_customs.identity.models import (
    Account,
    AccountStatus,
    Challenge,
    ChallengePurpose,
    Officer,
    Passkey,
    SessionMethod,
)
from palm_customs.identity.services.officers import BADGE_MAX_LENGTH
from palm_customs.identity.services.results import Ceremony, SignedIn
from palm_customs.settings import Settings


async def _sign_in_account(connection: BaseDBAsyncClient, name: str) -> Account | None:
    cleaned = name.strip().lower()
    if not cleaned or len(cleaned) > 120:
        return None
    account = await Account.get_or_none(
        sign_in_name=cleaned, status=AccountStatus.ACTIVE, using_db=connection
    )
    badge = name.strip().upper()
    # Only what could be a badge number is looked up as one (a longer value made the lookup
    # fail, which told apart long names that exist from those that do not).
    if account is None and cleaned.upper() == badge and len(badge) <= BADGE_MAX_LENGTH:
        officer = await Officer.get_or_none(badge_number=badge, using_db=connection)
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
