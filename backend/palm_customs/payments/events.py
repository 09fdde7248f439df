"""The provider's word about our orders: verified notifications and query answers, applied
once (the unique success slot: one success per declaration assessment or application fee)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.core import clock
from palm_customs.payments.application_fees import refund_if_closed_by_number
from palm_customs.payments.base import record
from palm_customs.payments.models import (
    IntentState,
    PaymentIntent,
    ProviderNotification,
    RefundReason,
    SubjectKind,
)
from palm_customs.payments.provider import (
    NotificationRejected,
    TradeState,
    Transaction,
    current_provider,
)
from palm_customs.payments.receipts import issue_receipt
from palm_customs.payments.refunds import start_refund
from palm_customs.payments.settlement import settle

logger = logging.getLogger(__name__)


async def apply_transaction(
    connection: BaseDBAsyncClient, transaction: Transaction, *, actor: str
) -> str:
    """Record what the provider says about one of our orders; returns the outcome. Called
    with a verified notification or a query's answer, as often as they come: idempotent."""
    intent = (
        await PaymentIntent.filter(number=transaction.order_number)
        .using_db(connection)
        .select_for_update()
        .first()
    )
    if intent is None:
        return "unknown_order"
    if transaction.currency != intent.currency:
        return "currency_mismatch"
    if transaction.amount_fen != intent.amount_fen:
        return "amount_mismatch"
    if transaction.state is not TradeState.SUCCESS:
        return "not_paid"
    if intent.state in (IntentState.SUCCEEDED, IntentState.REFUNDED):
        return "duplicate"
    now = clock.now()
    taken = await PaymentIntent.filter(success_slot=intent.assessment_ref).using_db(connection)
    if taken:
        # Paid after another order for the same assessment succeeded (e.g. an order that
        # expired here was paid late): the money goes back in full.
        await (
            PaymentIntent.filter(id=intent.id)
            .using_db(connection)
            .update(
                state=IntentState.REFUNDED,
                open_slot=None,
                provider_transaction_id=transaction.transaction_id,
                refunded_fen=intent.amount_fen,
                updated_at=now,
            )
        )
        await start_refund(
            connection, intent, amount_fen=intent.amount_fen, reason=RefundReason.DUPLICATE
        )
        return "duplicate_payment_refunded"
    # The unique success slot is the guard: a concurrent success for the same assessment
    # fails this transaction (the provider retries and then finds it taken, above).
    moved = (
        await PaymentIntent.filter(id=intent.id, state=intent.state)
        .using_db(connection)
        .update(
            state=IntentState.SUCCEEDED,
            success_slot=intent.assessment_ref,
            open_slot=None,
            provider_transaction_id=transaction.transaction_id,
            succeeded_at=now,
            updated_at=now,
        )
    )
    if moved != 1:
        raise RuntimeError(f"payment {intent.number} changed under a row lock")
    await intent.refresh_from_db(using_db=connection)
    receipt = await issue_receipt(connection, intent)
    await PaymentIntent.filter(id=intent.id).using_db(connection).update(receipt_credential=receipt)
    await record(
        connection, intent, operation="payment.succeeded", body_key="succeeded", actor=actor
    )
    if intent.subject_kind is SubjectKind.DECLARATION:
        await settle(connection, intent.subject_ref)
    if intent.subject_kind is SubjectKind.APPLICATION:
        # paid after the application was withdrawn or rejected: the money goes back
        await refund_if_closed_by_number(connection, intent.subject_ref)
    return "applied"


@dataclass(frozen=True, slots=True)
class NotificationAnswer:
    status: int
    outcome: str


async def receive_notification(*, headers: Mapping[str, str], body: bytes) -> NotificationAnswer:
    """The provider's asynchronous notification: verified, then applied once.

    A notification for an order we cannot see yet (its record not committed) is answered
    with a failure, so the provider sends it again later; so is one that lost a race. A
    genuine notification that disagrees with our record (amount, currency) is stored for
    the reconciliation screen and acknowledged: repeating it cannot help.
    """
    provider = current_provider()
    if provider is None:
        return NotificationAnswer(404, "no_provider")
    try:
        note = provider.verify_notification(headers=headers, body=body)
    except NotificationRejected as error:
        logger.warning("payment notification rejected: %s", error.reason)
        return NotificationAnswer(401, f"rejected:{error.reason}")
    if note.event_type != "TRANSACTION.SUCCESS":
        return NotificationAnswer(200, "ignored")
    try:
        async with in_transaction() as connection:
            seen = await ProviderNotification.filter(
                provider=provider.name, event_id=note.event_id
            ).using_db(connection)
            if seen:
                return NotificationAnswer(200, "replayed")
            outcome = await apply_transaction(
                connection, note.transaction, actor=f"provider:{provider.name}"
            )
            if outcome == "unknown_order":
                raise _NotYet
            await ProviderNotification.create(
                using_db=connection,
                provider=provider.name,
                event_id=note.event_id,
                event_type=note.event_type,
                order_number=note.transaction.order_number[:64],
                outcome=outcome,
                received_at=clock.now(),
            )
    except _NotYet:
        return NotificationAnswer(503, "unknown_order")
    except IntegrityError:
        return NotificationAnswer(503, "conflict")
    return NotificationAnswer(200, outcome)


class _NotYet(Exception):
    pass
