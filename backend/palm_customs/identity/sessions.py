"""Server-side sessions: any replica serves any request.

The browser holds a random 256-bit token in an HttpOnly cookie; the database holds its SHA-256.
Sessions expire after an idle period and at an absolute limit (shorter for officers), are
rotated at sign-in and step-up, and end at sign-out, on "sign out everywhere", when a credential
is revoked and when a password changes.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.crypto import token_digest
from palm_customs.core.principal import Level, Principal, Role
from palm_customs.identity.models import Account, AccountKind, Session, SessionMethod

STEP_UP_VALID_FOR = timedelta(minutes=5)
LAST_SEEN_PRECISION = timedelta(seconds=60)


@dataclass(frozen=True, slots=True)
class Timeouts:
    idle: timedelta
    absolute: timedelta


PUBLIC = Timeouts(idle=timedelta(minutes=30), absolute=timedelta(hours=12))
OFFICERS = Timeouts(idle=timedelta(minutes=15), absolute=timedelta(hours=10))

COOKIE_NAME = "palm_session"
SECURE_COOKIE_NAME = "__Host-palm_session"


def cookie_name(https: bool) -> str:
    # The __Host- prefix makes the browser refuse the cookie unless Secure, Path=/ and no Domain.
    return SECURE_COOKIE_NAME if https else COOKIE_NAME


def timeouts_for(session: Session) -> Timeouts:
    return OFFICERS if session.is_officer else PUBLIC


def is_enrolment_only(session: Session) -> bool:
    """A password alone proves too little to act: it may only finish enrolling a second factor."""
    return session.method is SessionMethod.PASSWORD


def level_of(session: Session, now: datetime) -> Level:
    if is_enrolment_only(session):
        return Level.ANONYMOUS
    if session.step_up_at is not None and now - session.step_up_at <= STEP_UP_VALID_FOR:
        return Level.STEP_UP
    return Level(session.base_level)


def principal_for(session: Session, now: datetime) -> Principal:
    if is_enrolment_only(session):
        return Principal(
            actor=f"account:{session.account_id}",
            level=Level.ANONYMOUS,
            roles=frozenset(),
            session_id=session.id,
            enrolment_account_id=session.account_id,
        )
    return Principal(
        actor=f"account:{session.account_id}",
        level=level_of(session, now),
        roles=frozenset(Role(r) for r in session.roles),
        account_id=session.account_id,
        session_id=session.id,
    )


def base_level_for(method: SessionMethod) -> Level:
    if method in (SessionMethod.PASSKEY, SessionMethod.PASSWORD_TOTP):
        return Level.VERIFIED
    if method is SessionMethod.PASSWORD:
        return Level.ANONYMOUS
    return Level.SESSION


async def roles_of(account: Account, connection: BaseDBAsyncClient | None = None) -> list[str]:
    if account.kind is AccountKind.OFFICER:
        from palm_customs.identity.models import Officer

        officer = await Officer.get(account_id=account.id, using_db=connection)
        return sorted(officer.roles)
    return [Role.PERSON.value]


@dataclass(frozen=True, slots=True)
class IssuedSession:
    session: Session
    token: str


async def start(
    connection: BaseDBAsyncClient,
    *,
    account: Account,
    method: SessionMethod,
    ip: str,
    user_agent: str,
    stepped_up: bool = False,
    replaces: uuid.UUID | None = None,
    pending_totp_encrypted: str | None = None,
) -> IssuedSession:
    """A new session with a new token; the session the request came with (if any) ends."""
    now = clock.now()
    if replaces is not None:
        await end(connection, session_id=replaces, reason="replaced")
    is_officer = account.kind is AccountKind.OFFICER
    limits = OFFICERS if is_officer else PUBLIC
    token = secrets.token_urlsafe(32)
    session = await Session.create(
        using_db=connection,
        id=uuid.uuid4(),
        token_hash=token_digest(token),
        account=account,
        method=method,
        base_level=int(base_level_for(method)),
        roles=await roles_of(account, connection),
        is_officer=is_officer,
        step_up_at=now if stepped_up else None,
        created_at=now,
        last_seen_at=now,
        expires_at=now + limits.absolute,
        ip=ip[:64],
        user_agent=user_agent[:300],
        pending_totp_encrypted=pending_totp_encrypted,
    )
    return IssuedSession(session=session, token=token)


async def rotate(connection: BaseDBAsyncClient, *, session_id: uuid.UUID, step_up: bool) -> str:
    """Give an existing session a new token (and, at step-up, a fresh proof time)."""
    token = secrets.token_urlsafe(32)
    changes: dict[str, object] = {"token_hash": token_digest(token)}
    if step_up:
        changes["step_up_at"] = clock.now()
    await Session.filter(id=session_id, ended_at=None).using_db(connection).update(**changes)
    return token


async def end(connection: BaseDBAsyncClient, *, session_id: uuid.UUID, reason: str) -> int:
    return (
        await Session.filter(id=session_id, ended_at=None)
        .using_db(connection)
        .update(ended_at=clock.now(), ended_reason=reason)
    )


async def end_all(
    connection: BaseDBAsyncClient,
    *,
    account_id: uuid.UUID,
    reason: str,
    except_session: uuid.UUID | None = None,
) -> int:
    query = Session.filter(account_id=account_id, ended_at=None).using_db(connection)
    if except_session is not None:
        query = query.exclude(id=except_session)
    return await query.update(ended_at=clock.now(), ended_reason=reason)


async def resolve(token: str | None) -> Session | None:
    """The live session for a cookie token, ending it if it has timed out."""
    if not token or len(token) > 100:
        return None
    session = await Session.get_or_none(token_hash=token_digest(token), ended_at=None)
    if session is None:
        return None
    now = clock.now()
    limits = timeouts_for(session)
    if now >= session.expires_at:
        await Session.filter(id=session.id, ended_at=None).update(
            ended_at=now, ended_reason="absolute"
        )
        return None
    if now - session.last_seen_at >= limits.idle:
        await Session.filter(id=session.id, ended_at=None).update(ended_at=now, ended_reason="idle")
        return None
    if now - session.last_seen_at >= LAST_SEEN_PRECISION:
        await Session.filter(id=session.id).update(last_seen_at=now)
        session.last_seen_at = now
    return session
