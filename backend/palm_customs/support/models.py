from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class FeedbackKind(StrEnum):
    FEEDBACK = "feedback"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    REPORT = "report"


class FeedbackStatus(StrEnum):
    RECEIVED = "received"
    ESCALATED = "escalated"
    ANSWERED = "answered"
    PUBLISHED = "published"


class Feedback(Model):
    """Feedback, a complaint, a suggestion or a report (监督举报), signed or anonymous, with a
    reference the sender follows and a working-day time limit for the answer."""

    id = fields.UUIDField(primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    message = fields.TextField()
    page = fields.CharField(max_length=200)
    language = fields.CharField(max_length=8)
    kind = fields.CharEnumField(
        FeedbackKind, max_length=12, default=FeedbackKind.FEEDBACK, db_default="feedback"
    )
    # Null only for rows from before references existed.
    reference = fields.CharField(max_length=20, unique=True, null=True)
    account_id = fields.UUIDField(null=True, db_index=True)
    # SHA-256 of the code an anonymous sender keeps to follow the item.
    tracking_hash = fields.CharField(max_length=64, null=True)
    status = fields.CharEnumField(
        FeedbackStatus, max_length=12, default=FeedbackStatus.RECEIVED, db_default="received"
    )
    due_date = fields.DateField(null=True)
    escalated_at = fields.DatetimeField(null=True)
    # [{"at": iso, "by": actor, "text": ...}] in order.
    replies = fields.JSONField[list[dict[str, Any]]](default=list, db_default="[]")
    # None until the sender says; True when they agree to publication in the public column.
    publication_consent = fields.BooleanField(null=True)
    public_message = fields.TextField(null=True)
    public_reply = fields.TextField(null=True)
    published_at = fields.DatetimeField(null=True)
    published_by = fields.CharField(max_length=80, null=True)

    class Meta:
        table = "feedback"
        indexes = (("status", "due_date"),)
