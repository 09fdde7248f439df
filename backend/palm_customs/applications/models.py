from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from palm_customs.identity.models import Account


class ApplicationStatus(StrEnum):
    IN_REVIEW = "in_review"
    CORRECTIONS_REQUIRED = "corrections_required"
    PASSED = "passed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class ReviewStatus(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    PASSED = "passed"
    CORRECTIONS = "corrections"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class Application(Model):
    """An application under a frozen version of a service item, pre-reviewed online."""

    id = fields.UUIDField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True)
    applicant: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="applications", on_delete=fields.RESTRICT
    )
    applicant_id: uuid.UUID
    enterprise_id = fields.UUIDField(null=True)
    item_code = fields.CharField(max_length=40)
    item_version = fields.IntField()
    item_snapshot = fields.JSONField[dict[str, Any]]()
    status = fields.CharEnumField(ApplicationStatus, max_length=24)
    revision = fields.IntField(default=1)
    form_data = fields.JSONField[dict[str, Any]]()
    materials = fields.JSONField[list[dict[str, Any]]]()
    idempotency_key = fields.CharField(max_length=64)
    submitted_at = fields.DatetimeField()
    due_date = fields.DateField()
    paused_since = fields.DateField(null=True)
    decided_at = fields.DatetimeField(null=True)
    rating = fields.SmallIntField(null=True)
    rating_comment = fields.CharField(max_length=500, default="")

    class Meta:
        table = "application"
        unique_together = (("applicant", "idempotency_key"),)


class Review(Model):
    """One department's review of one revision at one level. Parallel reviews are rows side by
    side, and all of a level must pass before the next level or the decision."""

    id = fields.UUIDField(primary_key=True)
    application: fields.ForeignKeyRelation[Application] = fields.ForeignKeyField(
        "palm.Application", related_name="reviews", on_delete=fields.CASCADE
    )
    application_id: uuid.UUID
    revision = fields.IntField()
    level = fields.SmallIntField()
    department = fields.CharField(max_length=40)
    status = fields.CharEnumField(ReviewStatus, max_length=12, default=ReviewStatus.PENDING)
    reviewer_id = fields.UUIDField(null=True)
    claimed_at = fields.DatetimeField(null=True)
    decided_at = fields.DatetimeField(null=True)
    # The reviewer's work in progress (annotations, draft corrections): survives a dropped line.
    draft = fields.JSONField[dict[str, Any]](default=dict)

    class Meta:
        table = "review"
        indexes = (("department", "status"),)


class CorrectionList(Model):
    """The one complete list of corrections a review sent for a revision."""

    id = fields.UUIDField(primary_key=True)
    application: fields.ForeignKeyRelation[Application] = fields.ForeignKeyField(
        "palm.Application", related_name="corrections", on_delete=fields.CASCADE
    )
    application_id: uuid.UUID
    review_id = fields.UUIDField()
    revision = fields.IntField()
    items = fields.JSONField[list[dict[str, str]]]()
    created_at = fields.DatetimeField()

    class Meta:
        table = "correction_list"


class ApplicationEvent(Model):
    id = fields.BigIntField(primary_key=True)
    application: fields.ForeignKeyRelation[Application] = fields.ForeignKeyField(
        "palm.Application", related_name="events", on_delete=fields.CASCADE
    )
    application_id: uuid.UUID
    at = fields.DatetimeField()
    kind = fields.CharField(max_length=40)
    actor = fields.CharField(max_length=80)
    detail = fields.JSONField[dict[str, Any]](default=dict)

    class Meta:
        table = "application_event"


class ApplicationDraft(Model):
    """An application being filled in, synced from a device so it can be finished on another."""

    # One per person and item, as on each device. `enterprise_id` is whom the person acts for
    # (accepted only while an active member). Deleted when the application is submitted.

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="application_drafts", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    enterprise_id = fields.UUIDField(null=True)
    item_code = fields.CharField(max_length=40)
    version = fields.IntField()
    data = fields.JSONField[dict[str, Any]]()
    updated_at = fields.DatetimeField()
    device = fields.CharField(max_length=120)

    class Meta:
        table = "application_draft"
        unique_together = (("account", "item_code"),)


class Holiday(Model):
    """A public holiday, or (working=True) a weekend day made a working day."""

    id = fields.IntField(primary_key=True)
    day = fields.DateField(unique=True)
    name = fields.CharField(max_length=60)
    working = fields.BooleanField(default=False)

    class Meta:
        table = "holiday"
