from __future__ import annotations

from datetime import datetime, time
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core import jobs
from palm_customs.core.pagination import check_page_size, decode_cursor, encode_cursor
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import PageInfo
from palm_customs.notifications.models import Notification as NotificationRow
from palm_customs.notifications.models import NotificationSettings, PushSubscription
from palm_customs.notifications.services import POLICY_CATEGORIES, PUSH_CATEGORIES
from palm_customs.notifications.types import (
    FailedJob,
    Notification,
    NotificationConnection,
    NotificationSettingsInfo,
    PushDevice,
)


def _time(minutes: int | None) -> time | None:
    return None if minutes is None else time(minutes // 60, minutes % 60)


@strawberry.type
class NotificationQuery:
    @strawberry.field(
        extensions=access(Level.SESSION),
        description="Your inbox, newest first, with the unread count.",
    )
    async def my_notifications(
        self,
        info: Info[Context, Any],
        first: int = 20,
        after: str | None = None,
        unread_only: bool = False,
    ) -> NotificationConnection:
        context = info.context
        limit = check_page_size(first, context.language)
        cursor = decode_cursor(after, context.language)
        query = NotificationRow.filter(recipient_id=context.principal.account_id)
        if unread_only:
            query = query.filter(read_at=None, superseded_by_id=None)
        if cursor:
            try:
                query = query.filter(created_at__lt=datetime.fromisoformat(cursor))
            except ValueError:
                query = query.filter(id=None)
        rows = await query.order_by("-created_at").limit(limit + 1)
        page = rows[:limit]
        unread = await NotificationRow.filter(
            recipient_id=context.principal.account_id, read_at=None, superseded_by_id=None
        ).count()
        return NotificationConnection(
            nodes=[Notification.from_row(r) for r in page],
            page_info=PageInfo(
                has_next_page=len(rows) > limit,
                end_cursor=encode_cursor(page[-1].created_at.isoformat()) if page else None,
            ),
            unread_count=unread,
        )

    @strawberry.field(extensions=access(Level.SESSION), description="Unread, not superseded.")
    async def unread_notification_count(self, info: Info[Context, Any]) -> int:
        return await NotificationRow.filter(
            recipient_id=info.context.principal.account_id, read_at=None, superseded_by_id=None
        ).count()

    @strawberry.field(
        extensions=access(Level.SESSION), description="Quiet hours and policy topics."
    )
    async def my_notification_settings(self, info: Info[Context, Any]) -> NotificationSettingsInfo:
        row = await NotificationSettings.get_or_none(account_id=info.context.principal.account_id)
        return NotificationSettingsInfo(
            quiet_start=_time(row.quiet_start_minute) if row else None,
            quiet_end=_time(row.quiet_end_minute) if row else None,
            timezone=row.timezone if row else "Asia/Shanghai",
            policy_categories=list(row.policy_categories) if row else [],
            available_policy_categories=sorted(POLICY_CATEGORIES),
            available_push_categories=sorted(PUSH_CATEGORIES),
        )

    @strawberry.field(extensions=access(Level.SESSION), description="Devices that get your pushes.")
    async def my_push_devices(self, info: Info[Context, Any]) -> list[PushDevice]:
        rows = await PushSubscription.filter(account_id=info.context.principal.account_id).limit(50)
        return [
            PushDevice(
                id=strawberry.ID(str(r.id)),
                device=r.device,
                categories=list(r.categories),
                created_at=r.created_at,
                last_success_at=r.last_success_at,
            )
            for r in rows
        ]

    @strawberry.field(
        extensions=access(Level.VERIFIED, Role.ADMINISTRATOR),
        description="Background jobs that gave up (e.g. pushes after their last retry).",
    )
    async def failed_jobs(self, first: int = 50) -> list[FailedJob]:
        rows = (
            await jobs.Job.filter(status=jobs.JobStatus.FAILED)
            .order_by("-finished_at")
            .limit(max(1, min(first, 100)))
        )
        return [
            FailedJob(
                id=strawberry.ID(str(r.id)),
                kind=r.kind,
                attempts=r.attempts,
                last_error=r.last_error,
                finished_at=r.finished_at,
            )
            for r in rows
        ]
