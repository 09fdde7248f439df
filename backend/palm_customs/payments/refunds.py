"""Money going back: a refund row per amount, sent to the provider by a job (its number
makes a repeat harmless), and an administrator's retry of one that is stuck or refused."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from palm_customs.core import audit, clock, jobs
from palm_customs.payments.base import REFUND_JOB, SYSTEM_ACTOR, record
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.models import (
    IntentState,
    PaymentIntent,
    PaymentRefund,
    RefundReason,
    RefundState,
)
from palm_customs.payments.provider import OutcomeUnknown, ProviderRefused, current_provider


async def start_refund(
    connection: BaseDBAsyncClient,
    intent: PaymentIntent,
    *,
    amount_fen: int,
    reason: RefundReason,
) -> PaymentRefund:
    refund = await PaymentRefund.create(
        using_db=connection,
        id=uuid.uuid4(),
        number=f"RF{intent.number[2:]}{secrets.token_hex(3).upper()}",
        intent_id=intent.id,
        amount_fen=amount_fen,
        reason=reason,
        state=RefundState.PENDING,
        created_at=clock.now(),
    )
    await jobs.enqueue(connection, kind=REFUND_JOB, payload={"refund_id": str(refund.id)})
    await record(
        connection,
        intent,
        operation="payment.refund_started",
        body_key="refund_started",
        amount_fen=amount_fen,
    )
    return refund


async def refund(payload: dict[str, Any]) -> None:
    """Send one refund to the provider (job). The refund number makes a repeat harmless: a
    run after a worker died between the provider's answer and our record refunds once."""
    row = await PaymentRefund.get_or_none(id=payload["refund_id"])
    if row is None or row.state is not RefundState.PENDING:
        return
    intent = await PaymentIntent.get(id=row.intent_id)
    provider = current_provider()
    if provider is None:
        raise jobs.RetryLater(timedelta(minutes=10), "no payment provider configured")
    await jobs.hand_over()
    try:
        outcome = await provider.refund(
            refund_number=row.number,
            order_number=intent.number,
            amount_fen=row.amount_fen,
            total_fen=intent.amount_fen,
        )
    except OutcomeUnknown as error:
        raise jobs.RetryLater(None, f"provider: {error}") from None
    except ProviderRefused as error:
        async with in_transaction() as connection:
            await (
                PaymentRefund.filter(id=row.id)
                .using_db(connection)
                .update(state=RefundState.FAILED, settled_at=clock.now())
            )
            await audit.append(
                connection,
                audit.AuditRecord(
                    actor=SYSTEM_ACTOR,
                    operation="payment.refund_failed",
                    target_ids=(f"payment:{intent.id}", f"refund:{row.id}"),
                    outcome=str(error)[:40],
                    request_id="-",
                    ip="",
                    user_agent="",
                ),
            )
        return
    if outcome.status not in ("SUCCESS", "PROCESSING"):
        raise jobs.RetryLater(None, f"refund status {outcome.status}")
    await record_refund(row, provider_refund_id=outcome.provider_refund_id)


async def record_refund(row: PaymentRefund, *, provider_refund_id: str) -> None:
    async with in_transaction() as connection:
        moved = (
            await PaymentRefund.filter(id=row.id, state=RefundState.PENDING)
            .using_db(connection)
            .update(
                state=RefundState.SUCCEEDED,
                provider_refund_id=provider_refund_id[:64],
                settled_at=clock.now(),
            )
        )
        if not moved:
            return
        intent = await PaymentIntent.get(id=row.intent_id, using_db=connection)
        if intent.refunded_fen >= intent.amount_fen and intent.state is IntentState.SUCCEEDED:
            await (
                PaymentIntent.filter(id=intent.id)
                .using_db(connection)
                .update(state=IntentState.REFUNDED, updated_at=clock.now())
            )
        full = intent.refunded_fen >= intent.amount_fen
        await record(
            connection,
            intent,
            operation="payment.refunded" if full else "payment.refund_done",
            body_key="refunded" if full else "refund_done",
            amount_fen=row.amount_fen,
        )


@dataclass(frozen=True, slots=True)
class RefundRetried:
    refund: PaymentRefund

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"payment:{self.refund.intent_id}", f"refund:{self.refund.id}")


async def retry_refund(connection: BaseDBAsyncClient, *, refund_id: uuid.UUID) -> RefundRetried:
    """An administrator sends a pending or refused refund again, now (the same refund number:
    the provider never refunds it twice)."""
    row = await PaymentRefund.filter(id=refund_id).using_db(connection).select_for_update().first()
    if row is None:
        raise PaymentProblem(PaymentErrorCode.NOT_FOUND, field="refundId")
    if row.state is RefundState.SUCCEEDED:
        raise PaymentProblem(PaymentErrorCode.ALREADY_SETTLED, field="refundId")
    await (
        PaymentRefund.filter(id=row.id)
        .using_db(connection)
        .update(state=RefundState.PENDING, settled_at=None)
    )
    await row.refresh_from_db(using_db=connection)
    await jobs.enqueue(connection, kind=REFUND_JOB, payload={"refund_id": str(row.id)})
    return RefundRetried(row)
