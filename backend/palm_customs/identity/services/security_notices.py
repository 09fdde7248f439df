"""Telling the owner, in the inbox and by push, whenever a way to sign in changes.

Called in the same transaction as the change, so a change is never made without the notice.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock


class SecurityEvent(StrEnum):
    AUTHENTICATOR_APP_SET = "authenticator_app_set"
    RECOVERY_CODE_USED = "recovery_code_used"
    PASSKEY_ADDED = "passkey_added"
    PASSKEY_REMOVED = "passkey_removed"


async def tell_owner(
    connection: BaseDBAsyncClient,
    *,
    account_id: uuid.UUID,
    event: SecurityEvent,
    params: dict[str, str | int] | None = None,
) -> None:
    # Imported here: notifications imports identity's models.
    from palm_customs.notifications import services as notifications
    from palm_customs.notifications.models import NotificationType, Urgency

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
