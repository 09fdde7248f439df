"""The owner's notice that a way to sign in changed (installed by palm_customs.registry as a
listener of identity.hooks.SIGN_IN_FACTOR_CHANGED; identity knows no domain above it)."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.identity.hooks import SecurityEvent
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType, Urgency


async def tell_owner(
    connection: BaseDBAsyncClient,
    *,
    account_id: uuid.UUID,
    event: SecurityEvent,
    params: dict[str, str | int] | None = None,
) -> None:
    await notifications.notify(
        connection,
        recipient_id=account_id,
        message=notifications.Message(
            type=NotificationType.ACCOUNT_SECURITY,
            # Each change is its own notice: none replaces another in the inbox.
            subject=f"security:{event.value}:{uuid.uuid4()}",
            subject_version=1,
            title_key=f"notify.security.{event.value}.title",
            body_key=f"notify.security.{event.value}.body",
            params=dict(params or {}),
            link="/me",
            urgency=Urgency.HIGH,
        ),
        now=clock.now(),
    )
