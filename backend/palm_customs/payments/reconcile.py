"""Orders whose notification never came: the reconciliation job asks the provider, an
administrator can ask again from the reconciliation screen, and what needs a person's eye
(unknown outcomes, mismatches, refunds pending or refused) is listed for them."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from palm_customs.core import clock, jobs
from palm_customs.payments.base import RECONCILE_AFTER, record
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.events import apply_transaction
from palm_customs.payments.intents import open_at_provider
from palm_customs.payments.models import (
    OPEN_STATES,
    IntentState,
    PaymentIntent,
    PaymentRefund,
    ProviderNotification,
    RefundState,
)
from palm_customs.payments.provider import (
    OutcomeUnknown,
    ProviderRefused,
    TradeState,
    current_provider,
)

logger = logging.getLogger(__name__)


async def _expire(intent: PaymentIntent, state: IntentState) -> None:
    async with in_transaction() as connection:
        moved = (
            await PaymentIntent.filter(id=intent.id, state__in=list(OPEN_STATES))
            .using_db(connection)
            .update(state=state, open_slot=None, updated_at=clock.now())
        )
        if moved:
            await record(
                connection, intent, operation=f"payment.{state.value}", body_key=state.value
            )


async def reconcile(payload: dict[str, Any]) -> None:
    """Ask the provider about an intent whose notification has not come (job)."""
    intent = await PaymentIntent.get_or_none(id=payload["intent_id"])
    if intent is None or intent.state not in OPEN_STATES:
        return
    provider = current_provider()
    if provider is None:
        raise jobs.RetryLater(timedelta(minutes=10), "no payment provider configured")
    now = clock.now()
    try:
        transaction = await provider.query_order(number=intent.number)
        if transaction is None:
            if now >= intent.expires_at:
                await _expire(intent, IntentState.EXPIRED)
                return
            await open_at_provider(intent)  # the order never reached the provider
            raise jobs.RetryLater(RECONCILE_AFTER, "order made again")
        if transaction.state is TradeState.SUCCESS:
            async with in_transaction() as connection:
                outcome = await apply_transaction(
                    connection, transaction, actor=f"provider:{provider.name}"
                )
            if outcome != "applied" and outcome != "duplicate":
                logger.error("payment %s: provider record disagrees: %s", intent.number, outcome)
            return
        if transaction.state in (TradeState.CLOSED, TradeState.REVOKED):
            await _expire(intent, IntentState.EXPIRED)
            return
        if transaction.state is TradeState.PAYERROR:
            await _expire(intent, IntentState.FAILED)
            return
        if now < intent.expires_at:
            raise jobs.RetryLater(min(intent.expires_at - now, RECONCILE_AFTER), "not paid yet")
        await provider.close_order(number=intent.number)
    except (OutcomeUnknown, ProviderRefused) as error:
        # ProviderRefused on close: it was paid in between; the next query will say so.
        raise jobs.RetryLater(None, f"provider: {error}") from None
    await _expire(intent, IntentState.EXPIRED)


# --- An administrator's re-query from the reconciliation screen ---------------------------


@dataclass(slots=True)
class Requery:
    intent: PaymentIntent
    # What the provider said: applied, duplicate, not_paid, expired, failed, order_made_again,
    # no_answer, or a disagreement (amount_mismatch, currency_mismatch).
    outcome: str = "no_answer"

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"payment:{self.intent.id}",)


async def prepare_requery(connection: BaseDBAsyncClient, *, intent_id: uuid.UUID) -> Requery:
    """Checked (and audited) in the administrator's transaction; the provider is asked after
    it commits (`requery_now`), as a network call never holds a transaction open."""
    intent = await PaymentIntent.get_or_none(id=intent_id, using_db=connection)
    if intent is None:
        raise PaymentProblem(PaymentErrorCode.NOT_FOUND, field="intentId")
    if intent.state not in OPEN_STATES:
        raise PaymentProblem(PaymentErrorCode.ALREADY_SETTLED, field="intentId")
    if current_provider() is None:
        raise PaymentProblem(PaymentErrorCode.UNAVAILABLE)
    return Requery(intent)


async def requery_now(requery: Requery) -> None:
    """Ask the provider once, now, and record its answer as the job would (no retry here:
    the reconciliation job keeps asking on its own schedule)."""
    intent = requery.intent
    provider = current_provider()
    if provider is None:
        return
    try:
        transaction = await provider.query_order(number=intent.number)
        if transaction is None:
            if clock.now() >= intent.expires_at:
                await _expire(intent, IntentState.EXPIRED)
                requery.outcome = "expired"
            else:
                await open_at_provider(intent)
                requery.outcome = "order_made_again"
        elif transaction.state is TradeState.SUCCESS:
            async with in_transaction() as connection:
                requery.outcome = await apply_transaction(
                    connection, transaction, actor=f"provider:{provider.name}"
                )
        elif transaction.state in (TradeState.CLOSED, TradeState.REVOKED):
            await _expire(intent, IntentState.EXPIRED)
            requery.outcome = "expired"
        elif transaction.state is TradeState.PAYERROR:
            await _expire(intent, IntentState.FAILED)
            requery.outcome = "failed"
        else:
            requery.outcome = "not_paid"
    except (OutcomeUnknown, ProviderRefused):
        requery.outcome = "no_answer"
    requery.intent = await PaymentIntent.get(id=intent.id)


# --- Reading ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reconciliation:
    unknown: list[PaymentIntent]
    mismatches: list[ProviderNotification]
    refunds_pending: list[PaymentRefund]
    refunds_failed: list[PaymentRefund]


async def reconciliation(*, limit: int) -> Reconciliation:
    """What an administrator must look at: intents whose outcome we do not know (open past
    their reconciliation time), genuine notifications that disagreed with our record, and
    refunds not yet made or refused."""
    cutoff = clock.now() - RECONCILE_AFTER
    return Reconciliation(
        unknown=await PaymentIntent.filter(state__in=list(OPEN_STATES), created_at__lte=cutoff)
        .order_by("created_at")
        .limit(limit),
        mismatches=await ProviderNotification.filter(
            outcome__in=["amount_mismatch", "currency_mismatch"]
        )
        .order_by("-received_at")
        .limit(limit),
        refunds_pending=await PaymentRefund.filter(state=RefundState.PENDING)
        .order_by("created_at")
        .limit(limit),
        refunds_failed=await PaymentRefund.filter(state=RefundState.FAILED)
        .order_by("-created_at")
        .limit(limit),
    )
