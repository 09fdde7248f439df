"""What notifications tell the domains above them (installed by palm_customs.registry)."""

from __future__ import annotations

from typing import Protocol

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core.hooks import Hook
from palm_customs.notifications.models import PolicyNotice


class NoticePublished(Protocol):
    """Called in the transaction that published `notice` (the search index adds it)."""

    async def __call__(
        self, connection: BaseDBAsyncClient | None, notice: PolicyNotice
    ) -> None: ...


NOTICE_PUBLISHED: Hook[NoticePublished] = Hook("notifications.notice_published")
