"""Ending sessions: this one, or every one of the account."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.permissions import Principal
from palm_customs.identity import sessions
from palm_customs.identity.errors import AccountErrorCode, AccountProblem
from palm_customs.identity.models import Session
from palm_customs.identity.services.results import Done, _require_account
from palm_customs.notifications.models import PushSubscription
from palm_customs.notifications.services import forget_session_devices


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
    # The signed-out device stops receiving this person's pushes.
    await forget_session_devices(connection, session_id=target)
    return Done(targets=(f"session:{target}",))


async def end_every_session(connection: BaseDBAsyncClient, *, principal: Principal) -> Done:
    account_id = _require_account(principal)
    count = await sessions.end_all(
        connection, account_id=account_id, reason="signed_out_everywhere"
    )
    await PushSubscription.filter(account_id=account_id).using_db(connection).delete()
    return Done(targets=(f"account:{account_id}", f"sessions:{count}"))
