"""Signing in with a passkey, and the sign-in rate limits."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q

from palm_customs.core.ratelimit import SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, RateLimiter
from palm_customs.identity import passkeys, sessions
from palm_customs.identity.errors import TooManyAttemptsError, WebAuthnErrorCode, WebAuthnFailed
from palm_customs.identity.models import (
    Account,
    AccountStatus,
    Challenge,
    ChallengePurpose,
    SessionMethod,
)
from palm_customs.identity.services.officers import BADGE_MAX_LENGTH
from palm_customs.identity.services.results import Ceremony, SignedIn
from palm_customs.settings import Settings


async def _sign_in_account(connection: BaseDBAsyncClient, name: str) -> Account | None:
    """The active account a sign-in name (or an officer's badge number) names, if any.

    One statement, whatever the answer: a name that exists and one that does not cost the same
    work (the badge alternative depends on the value's shape only, never on what exists).
    """
    cleaned = name.strip().lower()
    if not cleaned or len(cleaned) > 120:
        return None
    badge = name.strip().upper()
    # Only what could be a badge number is looked up as one (a longer value made the lookup
    # fail, which told apart long names that exist from those that do not); anything else is
    # compared with the empty badge number, which no officer has: the same statement always.
    if cleaned.upper() != badge or len(badge) > BADGE_MAX_LENGTH:
        badge = ""
    named = Q(sign_in_name=cleaned) | Q(officer__badge_number=badge)
    found = await Account.filter(named, status=AccountStatus.ACTIVE).limit(2).using_db(connection)
    # a sign-in name wins over another account's badge number
    return next((a for a in found if a.sign_in_name == cleaned), found[0] if found else None)


async def begin_sign_in(
    connection: BaseDBAsyncClient, settings: Settings, *, sign_in_name: str | None
) -> Ceremony:
    """Usernameless (no name: any discoverable passkey) or username-first.

    Every passkey is discoverable (registration requires a resident key), so the answer never
    lists credentials: a known name, a known name without passkeys and an unknown name get the
    same options (a fresh challenge, no allowCredentials), after the same work. The name only
    binds the challenge to its account, so a passkey of another account is refused at finish.
    """
    account = await _sign_in_account(connection, sign_in_name) if sign_in_name else None
    challenge = await passkeys.issue_challenge(
        connection, purpose=ChallengePurpose.AUTHENTICATE, account=account
    )
    return Ceremony(
        challenge_id=challenge.id,
        options_json=passkeys.authentication_options(settings, challenge=challenge, allow=[]),
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
