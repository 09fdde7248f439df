"""Telling the owner, in the inbox and by push, whenever a way to sign in changes.

Called in the same transaction as the change, so a change is never made without the notice.
The notice itself is written by notifications (above identity), through the listeners of
`identity.hooks.SIGN_IN_FACTOR_CHANGED` that palm_customs.registry installs
(notifications/security_notices.py).
"""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.identity.hooks import SIGN_IN_FACTOR_CHANGED, SecurityEvent

__all__ = ["SecurityEvent", "tell_owner"]


async def tell_owner(
    connection: BaseDBAsyncClient,
    *,
    account_id: uuid.UUID,
    event: SecurityEvent,
    params: dict[str, str | int] | None = None,
) -> None:
    for listener in SIGN_IN_FACTOR_CHANGED.listeners():
        await listener(connection, account_id=account_id, event=event, params=params)
