from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from palm_customs.identity.models import Account


class NotificationType(StrEnum):
    DECLARATION_RECEIVED = "declaration_received"
    DECLARATION_OUTCOME = "declaration_outcome"
    PREREVIEW_RESULT = "prereview_result"
    APPOINTMENT_REMINDER = "appointment_reminder"
    APPOINTMENT_OFFER = "appointment_offer"
    POLICY_NOTICE = "policy_notice"
    WORK_QUEUE = "work_queue"
    PAYMENT = "payment"
    FEEDBACK_REPLY = "feedback_reply"
    ACCOUNT_SECURITY = "account_security"


class Urgency(StrEnum):
    VERY_LOW = "very-low"
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class Notification(Model):
    """One message in a recipient's inbox, worded in their language when it was created."""

    id = fields.UUIDField(primary_key=True)
    recipient: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="notifications", on_delete=fields.CASCADE
    )
    recipient_id: uuid.UUID
    type = fields.CharEnumField(NotificationType, max_length=30)
    # What the message is about ("declaration:<number>") and which version of it.
    subject = fields.CharField(max_length=80)
    subject_version = fields.IntField(default=1)
    topic = fields.CharField(max_length=32)
    title = fields.CharField(max_length=120)
    body = fields.CharField(max_length=400)
    link = fields.CharField(max_length=200)
    language = fields.CharField(max_length=8)
    urgency = fields.CharEnumField(Urgency, max_length=10, default=Urgency.NORMAL)
    created_at = fields.DatetimeField()
    read_at = fields.DatetimeField(null=True)
    superseded_by_id = fields.UUIDField(null=True)

    class Meta:
        table = "notification"
        indexes = (("recipient_id", "created_at"), ("recipient_id", "read_at"))


class PushSubscription(Model):
    """A device's Web Push endpoint (one per browser install), and what it wants pushed."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="push_subscriptions", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    session_id = fields.UUIDField(null=True)
    endpoint = fields.CharField(max_length=800, unique=True)
    p256dh = fields.CharField(max_length=120)
    auth = fields.CharField(max_length=40)
    device = fields.CharField(max_length=80)
    # Push categories this device wants; the inbox always gets everything.
    categories = fields.JSONField[list[str]]()
    created_at = fields.DatetimeField(auto_now_add=True)
    last_success_at = fields.DatetimeField(null=True)

    class Meta:
        table = "push_subscription"


class NotificationSettings(Model):
    id = fields.IntField(primary_key=True)
    account: fields.OneToOneRelation[Account] = fields.OneToOneField(
        "palm.Account", related_name="notification_settings", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    # Minutes after local midnight (Tortoise's TimeField does not bind on SQLite).
    quiet_start_minute = fields.SmallIntField(null=True)
    quiet_end_minute = fields.SmallIntField(null=True)
    timezone = fields.CharField(max_length=40, default="Asia/Shanghai")
    policy_categories = fields.JSONField[list[str]](default=list)

    class Meta:
        table = "notification_settings"


class PolicyNotice(Model):
    id = fields.UUIDField(primary_key=True)
    category = fields.CharField(max_length=30)
    title_zh_hans = fields.CharField(max_length=80)
    title_zh_hant = fields.CharField(max_length=80)
    title_en = fields.CharField(max_length=120)
    body_zh_hans = fields.CharField(max_length=300)
    body_zh_hant = fields.CharField(max_length=300)
    body_en = fields.CharField(max_length=400)
    link = fields.CharField(max_length=200)
    published_by_id = fields.UUIDField()
    published_at = fields.DatetimeField()
    recipients = fields.IntField(default=0)
    # The last account written by the fan-out, committed with each batch: a crashed worker's
    # successor resumes after it instead of writing anyone twice.
    fanout_cursor = fields.CharField(max_length=40, default="")
    fanned_out_at = fields.DatetimeField(null=True)

    class Meta:
        table = "policy_notice"
