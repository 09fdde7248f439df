"""What identity tells the domains above it, which it does not know (the contracts in
pyproject.toml): they list their listeners and palm_customs.registry installs them."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core.hooks import Hook


class AccountDeleted(Protocol):
    """Called in the transaction deleting the account, before its personal data is erased
    (appointments: future bookings, offers and holds end and the seats go to people
    waiting)."""

    async def __call__(
        self, connection: BaseDBAsyncClient, *, account_id: uuid.UUID, now: datetime | None = ...
    ) -> object: ...


class SecurityEvent(StrEnum):
    AUTHENTICATOR_APP_SET = "authenticator_app_set"
    RECOVERY_CODE_USED = "recovery_code_used"
    PASSKEY_ADDED = "passkey_added"
    PASSKEY_REMOVED = "passkey_removed"


class SignInFactorChanged(Protocol):
    """Called in the transaction changing a way to sign in (notifications: the owner is told
    in the inbox and by push), so a change is never made without the notice."""

    async def __call__(
        self,
        connection: BaseDBAsyncClient,
        *,
        account_id: uuid.UUID,
        event: SecurityEvent,
        params: dict[str, str | int] | None = ...,
    ) -> None: ...


ACCOUNT_DELETED: Hook[AccountDeleted] = Hook("identity.account_deleted")
SIGN_IN_FACTOR_CHANGED: Hook[SignInFactorChanged] = Hook("identity.sign_in_factor_changed")
