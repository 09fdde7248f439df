"""An administrator's actions on the reconciliation screen (step-up, audited)."""

from __future__ import annotations

import uuid
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.payments import reconcile, refunds
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.types import (
    PaymentError,
    PaymentIntent,
    PaymentRefundRetried,
    PaymentRefundRetryResult,
    PaymentRequeried,
    PaymentRequeryResult,
)


def _uuid(value: str, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value)[:40])
    except ValueError:
        raise PaymentProblem(PaymentErrorCode.NOT_FOUND, field=field) from None


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Ask the provider now about a payment whose outcome is unknown, and record "
    "its answer.",
)
async def payment_requery(
    info: Info[Context, Any], intent_id: strawberry.ID
) -> PaymentRequeryResult:
    async def perform(connection: Any) -> reconcile.Requery:
        return await reconcile.prepare_requery(connection, intent_id=_uuid(intent_id, "intentId"))

    return await run_mutation(
        info,
        perform=perform,
        # The provider is asked after the audited check commits: a network call never holds
        # a transaction open.
        after_commit=reconcile.requery_now,
        present=lambda done: PaymentRequeried(
            intent=PaymentIntent.from_row(done.intent), outcome=done.outcome
        ),
        refused=refusals(ValidationError, PaymentError),
    )


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Send a pending or refused refund to the provider again, now (its number "
    "makes a repeat harmless).",
)
async def payment_refund_retry(
    info: Info[Context, Any], refund_id: strawberry.ID
) -> PaymentRefundRetryResult:
    async def perform(connection: Any) -> refunds.RefundRetried:
        return await refunds.retry_refund(connection, refund_id=_uuid(refund_id, "refundId"))

    return await run_mutation(
        info,
        perform=perform,
        present=PaymentRefundRetried.from_done,
        refused=refusals(ValidationError, PaymentError),
    )
