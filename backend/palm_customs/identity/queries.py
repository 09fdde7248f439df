from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncGenerator
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core import clock
from palm_customs.core.permissions import Level, access
from palm_customs.identity import services, sessions
from palm_customs.identity.api import present_me
from palm_customs.identity.models import (
    EnterpriseMembership,
    MembershipStatus,
    Passkey,
    Person,
    Session,
)
from palm_customs.identity.mutations.identity_verify_online import my_identity_field
from palm_customs.identity.types import EnterpriseMember, Me, PasskeyInfo, SessionInfo


@strawberry.type
class PendingTotp:
    secret: str
    uri: str


@strawberry.type
class SessionStatus:
    active: bool
    assurance_level: int


def _account(info: Info[Context, Any]) -> uuid.UUID:
    account_id = info.context.principal.account_id
    assert account_id is not None  # guaranteed by the declared level
    return account_id


@strawberry.type
class IdentityQuery:
    my_identity = my_identity_field

    @strawberry.field(
        extensions=access(Level.ANONYMOUS), description="The signed-in account, or null."
    )
    async def me(self, info: Info[Context, Any]) -> Me | None:
        principal = info.context.principal
        account_id = principal.account_id or principal.enrolment_account_id
        if account_id is None or principal.session_id is None:
            return None
        session = await Session.get(id=principal.session_id)
        return await present_me(account_id, session)

    @strawberry.field(extensions=access(Level.SESSION), description="Your passkeys.")
    async def my_passkeys(self, info: Info[Context, Any]) -> list[PasskeyInfo]:
        rows = await Passkey.filter(account_id=_account(info)).order_by("created_at").limit(50)
        return [
            PasskeyInfo(
                id=strawberry.ID(str(p.id)),
                name=p.name,
                created_at=p.created_at,
                last_used_at=p.last_used_at,
                synced=p.backed_up,
            )
            for p in rows
        ]

    @strawberry.field(
        extensions=access(Level.SESSION), description="Your signed-in devices, newest first."
    )
    async def my_sessions(self, info: Info[Context, Any]) -> list[SessionInfo]:
        principal = info.context.principal
        rows = (
            await Session.filter(account_id=_account(info), ended_at=None)
            .order_by("-last_seen_at")
            .limit(50)
        )
        return [
            SessionInfo(
                id=strawberry.ID(str(s.id)),
                current=s.id == principal.session_id,
                created_at=s.created_at,
                last_seen_at=s.last_seen_at,
                user_agent=s.user_agent,
                sign_in_method=s.method,
            )
            for s in rows
        ]

    @strawberry.field(
        extensions=access(Level.SESSION, enrolment=True),
        description="The authenticator-app secret this session may confirm, if it holds one "
        "(only the session that created the account or used a recovery code ever does).",
    )
    async def pending_totp(self, info: Info[Context, Any]) -> PendingTotp | None:
        from tortoise import connections

        pending = await services.pending_totp_uri(
            connections.get("default"), info.context.settings, principal=info.context.principal
        )
        return PendingTotp(secret=pending[0], uri=pending[1]) if pending else None

    @strawberry.field(
        extensions=access(Level.SESSION),
        description="Members of an enterprise you belong to (members only: others get none).",
    )
    async def enterprise_members(
        self, info: Info[Context, Any], enterprise_id: strawberry.ID
    ) -> list[EnterpriseMember]:
        try:
            key = uuid.UUID(enterprise_id)
        except ValueError:
            return []
        mine = await EnterpriseMembership.exists(
            enterprise_id=key, account_id=_account(info), status=MembershipStatus.ACTIVE
        )
        if not mine:
            return []
        members = (
            await EnterpriseMembership.filter(
                enterprise_id=key, status__in=[MembershipStatus.INVITED, MembershipStatus.ACTIVE]
            )
            .order_by("created_at")
            .limit(500)
        )
        names = {
            p.account_id: p.full_name
            for p in await Person.filter(account_id__in=[m.account_id for m in members])
        }
        return [
            EnterpriseMember(
                membership_id=strawberry.ID(str(m.id)),
                full_name=names.get(m.account_id, ""),
                role=m.role,
                status=m.status,
            )
            for m in members
        ]


@strawberry.type
class IdentitySubscription:
    @strawberry.subscription(
        extensions=access(Level.SESSION, enrolment=True),
        description="This session's status every 15 s; ends when the session ends (signed out "
        "elsewhere, revoked, timed out).",
    )
    async def session_status(self, info: Info[Context, Any]) -> AsyncGenerator[SessionStatus, None]:
        session_id = info.context.principal.session_id
        while True:
            session = await Session.get_or_none(id=session_id, ended_at=None)
            now = clock.now()
            alive = (
                session is not None
                and now < session.expires_at
                and (now - session.last_seen_at < sessions.timeouts_for(session).idle)
            )
            if session is None or not alive:
                yield SessionStatus(active=False, assurance_level=0)
                return
            yield SessionStatus(active=True, assurance_level=int(sessions.level_of(session, now)))
            await asyncio.sleep(15)
