from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from palm_customs.identity.models import Account

# A port's code (PVG, LUOHU…), as declarations store it.
PORT_CODE_LENGTH = 12


class Direction(StrEnum):
    ARRIVING = "arriving"
    DEPARTING = "departing"


class TravelMode(StrEnum):
    FLIGHT = "flight"
    TRAIN = "train"
    VESSEL = "vessel"
    VEHICLE = "vehicle"


class DeclarationStatus(StrEnum):
    SUBMITTED = "submitted"
    SUPERSEDED = "superseded"
    CLEARED = "cleared"


class DutyRuleSet(Model):
    """A published version of the duty rules (allowances, categories, limits, thresholds)."""

    id = fields.IntField(primary_key=True)
    version = fields.CharField(max_length=40, unique=True)
    effective_from = fields.DateField()
    source = fields.CharField(max_length=300)
    data = fields.JSONField[dict[str, Any]]()
    published_at = fields.DatetimeField(auto_now_add=True)
    published_by = fields.CharField(max_length=80)

    class Meta:
        table = "duty_rule_set"


class ExchangeRateTable(Model):
    id = fields.IntField(primary_key=True)
    effective_date = fields.DateField(unique=True)
    source = fields.CharField(max_length=300)
    rates = fields.JSONField[dict[str, str]]()
    published_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "exchange_rate_table"


class Declaration(Model):
    """One submitted version of a traveller's declaration: immutable once written.

    Amending writes a new row with the same number and the next version, and the old one is then
    SUPERSEDED. The trip, travellers, articles and estimate are a snapshot (JSON) of what was
    declared and computed at submission.
    """

    id = fields.UUIDField(primary_key=True)
    number = fields.CharField(max_length=20)
    version = fields.IntField()
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="declarations", on_delete=fields.RESTRICT
    )
    account_id: uuid.UUID
    status = fields.CharEnumField(DeclarationStatus, max_length=12)
    idempotency_key = fields.CharField(max_length=64)
    draft_id = fields.UUIDField(null=True)
    direction = fields.CharEnumField(Direction, max_length=10)
    port_code = fields.CharField(max_length=PORT_CODE_LENGTH)
    travel_mode = fields.CharEnumField(TravelMode, max_length=8)
    travel_number = fields.CharField(max_length=20)
    scheduled_at = fields.DatetimeField()
    valid_from = fields.DatetimeField()
    valid_until = fields.DatetimeField()
    travellers = fields.JSONField[list[dict[str, Any]]]()
    articles = fields.JSONField[list[dict[str, Any]]]()
    cash = fields.JSONField[list[dict[str, Any]]]()
    restricted_yes = fields.JSONField[list[str]]()
    estimate = fields.JSONField[dict[str, Any]]()
    total_duty = fields.DecimalField(max_digits=14, decimal_places=2)
    channel = fields.CharField(max_length=20)
    rule_version = fields.CharField(max_length=40)
    rates_date = fields.DateField()
    credential = fields.TextField()
    credential_kid = fields.CharField(max_length=40)
    submitted_at = fields.DatetimeField()

    class Meta:
        table = "declaration"
        unique_together = (("number", "version"), ("account", "idempotency_key"))


class DeclarationDraft(Model):
    """A draft synced from a device, so it can be finished on another (optimistic versions)."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="declaration_drafts", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    version = fields.IntField()
    data = fields.JSONField[dict[str, Any]]()
    updated_at = fields.DatetimeField()
    device = fields.CharField(max_length=120)

    class Meta:
        table = "declaration_draft"


class OutcomeKind(StrEnum):
    RELEASED = "released"
    INSPECTED_NO_DISCREPANCY = "inspected_no_discrepancy"
    DUTY_ASSESSED = "duty_assessed"
    ARTICLES_RETAINED = "articles_retained"


class InspectionOutcome(Model):
    id = fields.UUIDField(primary_key=True)
    declaration: fields.ForeignKeyRelation[Declaration] = fields.ForeignKeyField(
        "palm.Declaration", related_name="outcomes", on_delete=fields.RESTRICT
    )
    declaration_id: uuid.UUID
    officer: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="inspection_outcomes", on_delete=fields.RESTRICT
    )
    officer_id: uuid.UUID
    kind = fields.CharEnumField(OutcomeKind, max_length=30)
    duty_assessed = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    reason = fields.CharField(max_length=500, default="")
    receipt_number = fields.CharField(max_length=40, default="")
    idempotency_key = fields.CharField(max_length=64, unique=True)
    recorded_at = fields.DatetimeField()
    # When the officer's tablet recorded it (it may have been offline for a while).
    observed_at = fields.DatetimeField()

    class Meta:
        table = "inspection_outcome"


class DeclarationPhoto(Model):
    """An article's photo (a vault document) in one declaration version.

    The article JSON holds the document id too. This row is its index, so the vault can ask
    "who may see this file" and "is it in use" without reading every declaration.
    """

    id = fields.IntField(primary_key=True)
    declaration: fields.ForeignKeyRelation[Declaration] = fields.ForeignKeyField(
        "palm.Declaration", related_name="photos", on_delete=fields.CASCADE
    )
    declaration_id: uuid.UUID
    article_key = fields.CharField(max_length=40)
    document_id = fields.UUIDField(db_index=True)

    class Meta:
        table = "declaration_photo"
        unique_together = (("declaration", "article_key"),)
