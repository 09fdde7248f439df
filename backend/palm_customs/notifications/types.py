from __future__ import annotations

from datetime import datetime, time
from typing import Annotated, Any

import strawberry

from palm_customs.core.i18n import translate
from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import LocalizedText, PageInfo, ValidationError
from palm_customs.notifications.models import Notification as NotificationRow
from palm_customs.notifications.models import NotificationType, Urgency
from palm_customs.notifications.services import NotificationProblem

strawberry.enum(NotificationType, description="What a notification is about.")
strawberry.enum(Urgency, description="Web Push urgency (RFC 8030).")


@strawberry.type(description="A notification action was refused.")
class NotificationError:
    notification_code: str = strawberry.field(
        description="not_found, endpoint_not_allowed, too_many_devices"
    )
    message: str
    field: str | None


_MESSAGES = {
    "not_found": "notifications.not_found",
    "endpoint_not_allowed": "notifications.endpoint_not_allowed",
    "too_many_devices": "notifications.endpoint_not_allowed",
}
# How the API answers each of the domain's exceptions (installed by schema.build_schema).
ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        NotificationProblem,
        lambda e, c: NotificationError(
            notification_code=e.code,
            message=translate(_MESSAGES[e.code], c.language),
            field=e.field,
        ),
    ),
)


@strawberry.type
class Notification:
    id: strawberry.ID
    type: NotificationType
    title: str
    body: str
    link: str
    topic: str
    urgency: Urgency
    created_at: datetime
    read_at: datetime | None
    superseded: bool

    @classmethod
    def from_row(cls, row: NotificationRow) -> Notification:
        return cls(
            id=strawberry.ID(str(row.id)),
            type=row.type,
            title=row.title,
            body=row.body,
            link=row.link,
            topic=row.topic,
            urgency=row.urgency,
            created_at=row.created_at,
            read_at=row.read_at,
            superseded=row.superseded_by_id is not None,
        )


@strawberry.type
class NotificationConnection:
    nodes: list[Notification]
    page_info: PageInfo
    unread_count: int


@strawberry.type
class NotificationSettingsInfo:
    quiet_start: time | None
    quiet_end: time | None
    timezone: str
    policy_categories: list[str]
    available_policy_categories: list[str]
    available_push_categories: list[str]


@strawberry.type
class PushDevice:
    id: strawberry.ID
    device: str
    categories: list[str]
    created_at: datetime
    last_success_at: datetime | None


@strawberry.input
class LocalizedTextInput:
    zh_hans: str
    zh_hant: str
    en: str


@strawberry.input
class PolicyNoticeInput:
    category: str
    title: LocalizedTextInput
    body: LocalizedTextInput
    link: str = ""


@strawberry.type
class PolicyNoticePublished:
    id: strawberry.ID
    category: str
    title: LocalizedText


@strawberry.type
class NotificationDone:
    changed: int


@strawberry.type
class FailedJob:
    id: strawberry.ID
    kind: str
    attempts: int
    last_error: str | None
    finished_at: datetime | None


NotificationResult = Annotated[
    NotificationDone | NotificationError | ValidationError, strawberry.union("NotificationResult")
]
PolicyNoticeResult = Annotated[
    PolicyNoticePublished | ValidationError, strawberry.union("PolicyNoticeResult")
]
