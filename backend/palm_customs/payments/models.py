"""Payments: intents (one order at the provider each), refunds and the provider's notifications.

Money is integer fen (CNY). Two unique columns make the database itself the guard:
`open_slot` holds the assessment an intent pays while it is open (so two phones paying the
same assessment get the same order) and `success_slot` holds it once the intent succeeded
(so an assessment is never paid twice, whatever order notifications arrive in).
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from palm_customs.identity.models import Account


class IntentState(StrEnum):
    CREATED = "created"
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    EXPIRED = "expired"
    REFUNDED = "refunded"


OPEN_STATES = (IntentState.CREATED, IntentState.PENDING)


class SubjectKind(StrEnum):
    DECLARATION = "declaration"
    APPLICATION = "application"  # an item's fee (payments/application_fees.py)


class Basis(StrEnum):
    """What the amount was computed from."""

    ESTIMATE = "estimate"  # paid on account before the officer's assessment
    ASSESSMENT = "assessment"
    FEE = "fee"  # a catalogue item's fee, frozen into the application


class RefundState(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class RefundReason(StrEnum):
    ASSESSED_LOWER = "assessed_lower"
    DUPLICATE = "duplicate"
    APPLICATION_CLOSED = "application_closed"  # withdrawn or rejected after its fee was paid


class PaymentIntent(Model):
    id = fields.UUIDField(primary_key=True)
    # Our order number at the provider (out_trade_no): 6-32 letters and digits.
    number = fields.CharField(max_length=32, unique=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="payment_intents", on_delete=fields.RESTRICT
    )
    account_id: uuid.UUID
    subject_kind = fields.CharEnumField(SubjectKind, max_length=20)
    # The declaration number (all its versions share it) or the application number.
    subject_ref = fields.CharField(max_length=40, db_index=True)
    # What exactly is paid: "declaration:<number>:v<version>", "...:outcome:<id>" or
    # "application:<number>:fee" (so an application's fee succeeds once: success_slot).
    assessment_ref = fields.CharField(max_length=100)
    basis = fields.CharEnumField(Basis, max_length=12)
    amount_fen = fields.BigIntField()
    currency = fields.CharField(max_length=3, default="CNY")
    state = fields.CharEnumField(IntentState, max_length=10)
    idempotency_key = fields.CharField(max_length=64)
    provider = fields.CharField(max_length=20)
    code_url = fields.CharField(max_length=300, default="")
    provider_transaction_id = fields.CharField(max_length=64, null=True)
    open_slot = fields.CharField(max_length=100, null=True, unique=True)
    success_slot = fields.CharField(max_length=100, null=True, unique=True)
    refunded_fen = fields.BigIntField(default=0)
    receipt_credential = fields.TextField(default="")
    failure = fields.CharField(max_length=60, default="")
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    succeeded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "payment_intent"
        unique_together = (("account", "idempotency_key"),)


class PaymentRefund(Model):
    id = fields.UUIDField(primary_key=True)
    # Our refund number at the provider (out_refund_no): the provider refunds it once.
    number = fields.CharField(max_length=64, unique=True)
    intent: fields.ForeignKeyRelation[PaymentIntent] = fields.ForeignKeyField(
        "palm.PaymentIntent", related_name="refunds", on_delete=fields.RESTRICT
    )
    intent_id: uuid.UUID
    amount_fen = fields.BigIntField()
    reason = fields.CharEnumField(RefundReason, max_length=20)
    state = fields.CharEnumField(RefundState, max_length=10)
    provider_refund_id = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()
    settled_at = fields.DatetimeField(null=True)

    class Meta:
        table = "payment_refund"


class ProviderNotification(Model):
    """Each notification the provider sent us, by its id: a replay finds its row."""

    id = fields.IntField(primary_key=True)
    provider = fields.CharField(max_length=20)
    event_id = fields.CharField(max_length=64)
    event_type = fields.CharField(max_length=40)
    order_number = fields.CharField(max_length=64, default="")
    # applied, duplicate, amount_mismatch, currency_mismatch, merchant_mismatch, unknown_order
    outcome = fields.CharField(max_length=30)
    received_at = fields.DatetimeField()

    class Meta:
        table = "payment_notification"
        unique_together = (("provider", "event_id"),)
