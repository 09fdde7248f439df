"""Notifications: the inbox first, Web Push as the fast path to it.

Every notification is written in the same transaction as the event that caused it, with one
push job per subscribed device (the transactional outbox in core.jobs). A newer notification
about the same subject supersedes the older one, and its push carries the same Topic so a push
service replaces an undelivered older message.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock, jobs
from palm_customs.core.errors import DomainError, FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.i18n import Language, translate
from palm_customs.core.principal import Principal
from palm_customs.identity.models import Account, AccountStatus
from palm_customs.notifications.hooks import NOTICE_PUBLISHED
from palm_customs.notifications.models import (
    Notification,
    NotificationSettings,
    NotificationType,
    PolicyNotice,
    PushSubscription,
    Urgency,
)
from palm_customs.settings import Settings

PUSH_JOB = "push.deliver"
FANOUT_JOB = "policy.fanout"
# A push is retried for as long as a push service keeps it (its TTL, push.py): 24 hours.
PUSH_BUDGET = timedelta(hours=24)
FANOUT_BATCH = 1000
MAX_SUBSCRIPTIONS = 20

# Which push categories a notification type belongs to (a device opts in per category).
CATEGORY = {
    NotificationType.DECLARATION_RECEIVED: "declaration_outcomes",
    NotificationType.DECLARATION_OUTCOME: "declaration_outcomes",
    NotificationType.PREREVIEW_RESULT: "prereview_results",
    NotificationType.APPOINTMENT_REMINDER: "appointment_reminders",
    NotificationType.APPOINTMENT_OFFER: "appointment_offers",
    NotificationType.POLICY_NOTICE: "policy_notices",
    NotificationType.WORK_QUEUE: "work_queue",
    # Paying a declaration's duty (payments/) is part of its outcome.
    NotificationType.PAYMENT: "declaration_outcomes",
    NotificationType.FEEDBACK_REPLY: "feedback_replies",
    NotificationType.ACCOUNT_SECURITY: "account_security",
}
# Pushed to every device of the account whatever it opted into: the owner must hear at once
# that a sign-in factor changed (identity/services/security_notices.py).
ALWAYS_PUSHED = frozenset({"account_security"})
PUSH_CATEGORIES = frozenset(CATEGORY.values()) - ALWAYS_PUSHED
POLICY_CATEGORIES = frozenset(
    {"passenger_articles", "goods_clearance", "tax", "processing_trade", "enterprise", "general"}
)
# Hosts of the push services browsers use. The server POSTs to subscription endpoints, so a
# client must not be able to point it at an arbitrary (internal) address.
PUSH_SERVICE_HOSTS = (
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    "push.services.mozilla.com",
    "web.push.apple.com",
    "notify.windows.com",
)


class NotificationProblem(DomainError):
    def __init__(self, code: str, *, field: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.field = field


@dataclass(frozen=True, slots=True)
class Published:
    notice: PolicyNotice

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"policy_notice:{self.notice.id}",)


def topic_for(subject: str) -> str:
    """RFC 8030 Topic: at most 32 URL-safe base64 characters, stable per subject."""
    digest = hashlib.sha256(subject.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")[:32]


def _language(account: Account) -> Language:
    try:
        return Language(account.language)
    except ValueError:
        return Language.ZH_HANS


def _quiet_until(settings_row: NotificationSettings | None, now: datetime) -> datetime | None:
    """When quiet hours end, if `now` falls inside them."""
    if (
        settings_row is None
        or settings_row.quiet_start_minute is None
        or settings_row.quiet_end_minute is None
    ):
        return None
    try:
        zone = ZoneInfo(settings_row.timezone)
    except ZoneInfoNotFoundError:
        zone = ZoneInfo("Asia/Shanghai")
    local = now.astimezone(zone)
    start = time(settings_row.quiet_start_minute // 60, settings_row.quiet_start_minute % 60)
    end = time(settings_row.quiet_end_minute // 60, settings_row.quiet_end_minute % 60)
    current = local.timetz().replace(tzinfo=None)
    inside = start <= current < end if start < end else (current >= start or current < end)
    if not inside:
        return None
    end_day = local.date() if current < end else local.date() + timedelta(days=1)
    return datetime.combine(end_day, end, tzinfo=zone).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Message:
    type: NotificationType
    subject: str
    subject_version: int
    title_key: str
    body_key: str
    params: dict[str, Any]
    link: str
    urgency: Urgency = Urgency.NORMAL


async def notify(
    connection: BaseDBAsyncClient,
    *,
    recipient_id: uuid.UUID,
    message: Message,
    now: datetime | None = None,
) -> Notification:
    """Store the notification (in the caller's transaction) and queue its pushes."""
    now = now or clock.now()
    account = await Account.get(id=recipient_id, using_db=connection)
    language = _language(account)
    # A parameter given in every language (e.g. a service's name) is worded for the recipient.
    params = {
        name: value[language.value] if isinstance(value, dict) else value
        for name, value in message.params.items()
    }
    notification = await Notification.create(
        using_db=connection,
        id=uuid.uuid4(),
        recipient_id=recipient_id,
        type=message.type,
        subject=message.subject[:80],
        subject_version=message.subject_version,
        topic=topic_for(message.subject),
        title=translate(message.title_key, language, **params)[:120],
        body=translate(message.body_key, language, **params)[:400],
        link=message.link[:200],
        language=language.value,
        urgency=message.urgency,
        created_at=now,
    )
    await (
        Notification.filter(
            recipient_id=recipient_id, subject=notification.subject, superseded_by_id=None
        )
        .exclude(id=notification.id)
        .using_db(connection)
        .update(superseded_by_id=notification.id)
    )
    await queue_pushes(connection, notifications=[notification], now=now)
    return notification


async def queue_pushes(
    connection: BaseDBAsyncClient, *, notifications: list[Notification], now: datetime
) -> int:
    """One push job per (notification, device that wants its category), deferred past quiet
    hours unless urgent."""
    if not notifications:
        return 0
    recipients = {n.recipient_id for n in notifications}
    subscriptions: dict[uuid.UUID, list[PushSubscription]] = {}
    for row in await PushSubscription.filter(account_id__in=list(recipients)).using_db(connection):
        subscriptions.setdefault(row.account_id, []).append(row)
    quiet = {
        row.account_id: row
        for row in await NotificationSettings.filter(account_id__in=list(recipients)).using_db(
            connection
        )
    }
    queued: list[jobs.Job] = []
    for notification in notifications:
        category = CATEGORY[notification.type]
        deferred = (
            None
            if notification.urgency is Urgency.HIGH
            else _quiet_until(quiet.get(notification.recipient_id), now)
        )
        for subscription in subscriptions.get(notification.recipient_id, []):
            if category not in subscription.categories and category not in ALWAYS_PUSHED:
                continue
            queued.append(
                jobs.new_job(
                    kind=PUSH_JOB,
                    payload={
                        "notification": str(notification.id),
                        "subscription": str(subscription.id),
                    },
                    run_after=deferred or now,
                    budget=PUSH_BUDGET,
                )
            )
    if queued:
        await jobs.Job.bulk_create(queued, using_db=connection)
    return len(queued)


# ------------------------------------------------------------------ inbox


@dataclass(frozen=True, slots=True)
class Changed:
    targets: tuple[str, ...]
    count: int = 1

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return self.targets


async def mark_read(
    connection: BaseDBAsyncClient, *, principal: Principal, notification_id: str
) -> Changed:
    try:
        key = uuid.UUID(notification_id)
    except ValueError:
        raise NotificationProblem("not_found") from None
    found = (
        await Notification.filter(id=key, recipient_id=principal.account_id)
        .using_db(connection)
        .exists()
    )
    if not found:
        raise NotificationProblem("not_found")
    await Notification.filter(id=key, read_at=None).using_db(connection).update(read_at=clock.now())
    return Changed(targets=(f"notification:{key}",))


async def mark_all_read(connection: BaseDBAsyncClient, *, principal: Principal) -> Changed:
    count = (
        await Notification.filter(recipient_id=principal.account_id, read_at=None)
        .using_db(connection)
        .update(read_at=clock.now())
    )
    return Changed(targets=(f"account:{principal.account_id}",), count=count)


# ------------------------------------------------------------------ devices and preferences


def _b64url_bytes(value: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, TypeError):
        return None


def endpoint_allowed(endpoint: str, settings: Settings) -> bool:
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    if parts.scheme == "https" and any(
        host == allowed or host.endswith("." + allowed) for allowed in PUSH_SERVICE_HOSTS
    ):
        return True
    if settings.is_production:
        return False
    # Development and tests: a local push service receiver on loopback only.
    try:
        return parts.scheme in ("http", "https") and (
            host == "localhost" or ipaddress.ip_address(host).is_loopback
        )
    except ValueError:
        return False


async def save_subscription(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    endpoint: str,
    p256dh: str,
    auth: str,
    device: str,
    categories: list[str],
) -> Changed:
    check = Validator()
    if len(endpoint) > 800 or not endpoint_allowed(endpoint, settings):
        raise NotificationProblem("endpoint_not_allowed", field="endpoint")
    key = _b64url_bytes(p256dh)
    if key is None or len(key) != 65 or key[0] != 4:
        check.problems.append(FieldProblem("p256dh", ValidationErrorCode.INVALID_FORMAT))
    secret = _b64url_bytes(auth)
    if secret is None or len(secret) != 16:
        check.problems.append(FieldProblem("auth", ValidationErrorCode.INVALID_FORMAT))
    unknown = [c for c in categories if c not in PUSH_CATEGORIES]
    if unknown or len(categories) > len(PUSH_CATEGORIES):
        check.problems.append(FieldProblem("categories", ValidationErrorCode.INVALID_CHOICE))
    label = check.text("device", device, required=False, max_len=80)
    check.raise_if_any()
    existing = await PushSubscription.get_or_none(endpoint=endpoint, using_db=connection)
    values = {
        "account_id": principal.account_id,
        "session_id": principal.session_id,
        "p256dh": p256dh,
        "auth": auth,
        "device": label,
        "categories": sorted(set(categories)),
    }
    if existing is not None:
        # The browser re-subscribed (pushsubscriptionchange, or another person on this device).
        await PushSubscription.filter(id=existing.id).using_db(connection).update(**values)
        return Changed(targets=(f"push_subscription:{existing.id}",))
    if (
        await PushSubscription.filter(account_id=principal.account_id).using_db(connection).count()
        >= MAX_SUBSCRIPTIONS
    ):
        raise NotificationProblem("too_many_devices")
    row = await PushSubscription.create(
        using_db=connection, id=uuid.uuid4(), endpoint=endpoint, **values
    )
    return Changed(targets=(f"push_subscription:{row.id}",))


async def delete_subscription(
    connection: BaseDBAsyncClient, *, principal: Principal, endpoint: str
) -> Changed:
    deleted = (
        await PushSubscription.filter(endpoint=endpoint, account_id=principal.account_id)
        .using_db(connection)
        .delete()
    )
    if deleted == 0:
        raise NotificationProblem("not_found")
    return Changed(targets=(f"account:{principal.account_id}",))


async def forget_session_devices(connection: BaseDBAsyncClient, *, session_id: uuid.UUID) -> int:
    """At sign-out a device stops receiving that person's pushes."""
    return await PushSubscription.filter(session_id=session_id).using_db(connection).delete()


async def forget_devices_of_ended_sessions(
    connection: BaseDBAsyncClient, *, account_id: uuid.UUID, session_id: uuid.UUID | None
) -> None:
    """Sessions ended (identity tells, through the registry): the signed-out device stops
    receiving the person's pushes, or every device when they signed out everywhere."""
    devices = PushSubscription.filter(account_id=account_id)
    if session_id is not None:
        devices = devices.filter(session_id=session_id)
    await devices.using_db(connection).delete()


# Installed by palm_customs.registry into identity (which knows no domain above it).
SESSION_END_LISTENERS = (forget_devices_of_ended_sessions,)


def _minutes(value: time | None) -> int | None:
    return None if value is None else value.hour * 60 + value.minute


async def save_settings(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    quiet_start: time | None,
    quiet_end: time | None,
    timezone: str,
    policy_categories: list[str],
) -> Changed:
    check = Validator()
    if (quiet_start is None) != (quiet_end is None):
        check.problems.append(FieldProblem("quietEnd", ValidationErrorCode.REQUIRED))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        check.problems.append(FieldProblem("timezone", ValidationErrorCode.INVALID_CHOICE))
    if any(c not in POLICY_CATEGORIES for c in policy_categories):
        check.problems.append(FieldProblem("policyCategories", ValidationErrorCode.INVALID_CHOICE))
    check.raise_if_any()
    await NotificationSettings.update_or_create(
        account_id=principal.account_id,
        defaults={
            "quiet_start_minute": _minutes(quiet_start),
            "quiet_end_minute": _minutes(quiet_end),
            "timezone": timezone,
            "policy_categories": sorted(set(policy_categories)),
        },
        using_db=connection,
    )
    return Changed(targets=(f"account:{principal.account_id}",))


# ------------------------------------------------------------------ policy notices


@dataclass(frozen=True, slots=True)
class NoticeText:
    zh_hans: str
    zh_hant: str
    en: str


async def publish_policy_notice(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    category: str,
    title: NoticeText,
    body: NoticeText,
    link: str,
) -> Published:
    check = Validator()
    if category not in POLICY_CATEGORIES:
        check.problems.append(FieldProblem("input.category", ValidationErrorCode.INVALID_CHOICE))
    titles = [
        check.text(f"input.title.{lang}", value, max_len=limit)
        for lang, value, limit in (
            ("zhHans", title.zh_hans, 80),
            ("zhHant", title.zh_hant, 80),
            ("en", title.en, 120),
        )
    ]
    bodies = [
        check.text(f"input.body.{lang}", value, max_len=limit)
        for lang, value, limit in (
            ("zhHans", body.zh_hans, 300),
            ("zhHant", body.zh_hant, 300),
            ("en", body.en, 400),
        )
    ]
    clean_link = link.strip()
    if clean_link and not re.fullmatch(r"/[A-Za-z0-9/_\-?=&.%]{0,199}", clean_link):
        check.problems.append(FieldProblem("input.link", ValidationErrorCode.INVALID_FORMAT))
    check.raise_if_any()
    assert principal.account_id is not None
    notice = await PolicyNotice.create(
        using_db=connection,
        id=uuid.uuid4(),
        category=category,
        title_zh_hans=titles[0],
        title_zh_hant=titles[1],
        title_en=titles[2],
        body_zh_hans=bodies[0],
        body_zh_hant=bodies[1],
        body_en=bodies[2],
        link=clean_link or "/inbox",
        published_by_id=principal.account_id,
        published_at=clock.now(),
    )
    await jobs.enqueue(connection, kind=FANOUT_JOB, payload={"notice": str(notice.id)})
    # The search index (knowledge/, above this domain) adds the notice in this transaction.
    for listener in NOTICE_PUBLISHED.listeners():
        await listener(connection, notice)
    return Published(notice=notice)


async def fan_out_batch(notice_id: str) -> bool:
    """Write one batch of inbox notifications (+ pushes); True when every recipient is done."""
    from tortoise.expressions import F
    from tortoise.transactions import in_transaction

    now = clock.now()
    async with in_transaction() as connection:
        notice = await PolicyNotice.get(id=notice_id, using_db=connection)
        if notice.fanned_out_at is not None:
            return True
        after = notice.fanout_cursor
        query = NotificationSettings.filter(account__status=AccountStatus.ACTIVE).using_db(
            connection
        )
        if after:
            query = query.filter(account_id__gt=after)
        rows = await query.order_by("account_id").limit(FANOUT_BATCH).prefetch_related("account")
        wanted = [r for r in rows if notice.category in r.policy_categories]
        texts = {
            Language.ZH_HANS.value: (notice.title_zh_hans, notice.body_zh_hans),
            Language.ZH_HANT.value: (notice.title_zh_hant, notice.body_zh_hant),
            Language.EN.value: (notice.title_en, notice.body_en),
        }
        created = []
        for row in wanted:
            language = _language(row.account).value
            title, body = texts[language]
            created.append(
                Notification(
                    id=uuid.uuid4(),
                    recipient_id=row.account_id,
                    type=NotificationType.POLICY_NOTICE,
                    subject=f"policy:{notice.id}",
                    subject_version=1,
                    topic=topic_for(f"policy:{notice.id}"),
                    title=title,
                    body=body,
                    link=notice.link,
                    language=language,
                    urgency=Urgency.LOW,
                    created_at=now,
                )
            )
        if created:
            await Notification.bulk_create(created, using_db=connection)
            await queue_pushes(connection, notifications=created, now=now)
        done = len(rows) < FANOUT_BATCH
        await (
            PolicyNotice.filter(id=notice.id)
            .using_db(connection)
            .update(
                recipients=F("recipients") + len(created),
                fanout_cursor=str(rows[-1].account_id) if rows else after,
                fanned_out_at=now if done else None,
            )
        )
        return done


async def _fanout_handler(payload: dict[str, Any]) -> None:
    while not await fan_out_batch(str(payload["notice"])):
        pass


# Installed by palm_customs/registry.py (with notifications/push.py's PUSH_JOB).
# A fan-out resumes from its cursor when retried; a big one may take minutes.
JOB_HANDLERS: dict[str, jobs.HandlerEntry] = {
    FANOUT_JOB: jobs.JobKind(run=_fanout_handler, timeout=600.0)
}
