"""Ending sessions: this one, or every one of the account.

Other domains act when sessions end (notifications: a signed-out device stops receiving the
person's pushes), but identity knows no domain above it (the contracts in pyproject.toml,
`make lint`): they are listed in `palm_customs/registry.py`, which installs them at start.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.hooks import Hook
from palm_customs.core.principal import Principal
from palm_customs.identity import sessions
from palm_customs.identity.errors import AccountErrorCode, AccountProblem
from palm_customs.identity.models import Session
from palm_customs.identity.services.results import Done, _require_account


class SessionsEnded(Protocol):
    """Called in the transaction that ends the sessions: one (`session_id`) or every one of
    the account (`session_id` None)."""

    async def __call__(
        self,
        connection: BaseDBAsyncClient,
        *,
        account_id: uuid.UUID,
        session_id: uuid.UUID | None,
    ) -> None: ...


# Installed by palm_customs.registry (notifications: a signed-out device stops receiving pushes).
SESSIONS_ENDED: Hook[SessionsEnded] = Hook("identity.sessions_ended")


async def _sessions_ended(
    connection: BaseDBAsyncClient, *, account_id: uuid.UUID, session_id: uuid.UUID | None
) -> None:
    for listener in SESSIONS_ENDED.listeners():
        await listener(connection, account_id=account_id, session_id=session_id)


async def end_session(
    connection: BaseDBAsyncClient, *, principal: Principal, session_id: str | None
) -> Done:
    if session_id is None and principal.enrolment_account_id is not None:
        # An enrolment-only session may end itself, nothing else.
        account_id = principal.enrolment_account_id
    else:
        account_id = _require_account(principal)
    target = principal.session_id
    if session_id is not None:
        try:
            target = uuid.UUID(session_id)
        except ValueError:
            raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    ended = (
        await Session.filter(id=target, account_id=account_id, ended_at=None)
        .using_db(connection)
        .update(ended_at=clock.now(), ended_reason="signed_out")
    )
    if ended != 1:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    assert target is not None
    await _sessions_ended(connection, account_id=account_id, session_id=target)
    return Done(targets=(f"session:{target}",))


async def end_every_session(connection: BaseDBAsyncClient, *, principal: Principal) -> Done:
    account_id = _require_account(principal)
    count = await sessions.end_all(
        connection, account_id=account_id, reason="signed_out_everywhere"
    )
    await _sessions_ended(connection, account_id=account_id, session_id=None)
    return Done(targets=(f"account:{account_id}", f"sessions:{count}"))
