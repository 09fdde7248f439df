"""A declaration's duty: what is due, paid and owed back, and settlement against the
officer's assessment (refunds of what was paid on account beyond it)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.declarations.models import Declaration, InspectionOutcome, OutcomeKind
from palm_customs.payments.base import fen
from palm_customs.payments.models import (
    Basis,
    IntentState,
    PaymentIntent,
    PaymentRefund,
    RefundReason,
    RefundState,
    SubjectKind,
)
from palm_customs.payments.refunds import start_refund


class SettlementState(StrEnum):
    NOTHING_DUE = "nothing_due"
    DUE = "due"
    PENDING = "pending"
    PAID = "paid"
    # Paid on account more than the latest estimate: settled at the officer's assessment.
    HELD_ON_ACCOUNT = "held_on_account"
    REFUND_PENDING = "refund_pending"


@dataclass(frozen=True, slots=True)
class Settlement:
    number: str
    declaration: Declaration
    outcome: InspectionOutcome | None
    basis: Basis
    assessment_ref: str
    due_fen: int
    paid_fen: int
    refund_pending_fen: int
    open_intent: PaymentIntent | None
    intents: list[PaymentIntent]

    @property
    def balance_fen(self) -> int:
        return self.due_fen - self.paid_fen

    @property
    def final(self) -> bool:
        return self.outcome is not None

    @property
    def state(self) -> SettlementState:
        if self.refund_pending_fen:
            return SettlementState.REFUND_PENDING
        if self.open_intent is not None:
            return SettlementState.PENDING
        if self.balance_fen > 0:
            return SettlementState.DUE
        if self.balance_fen < 0 and not self.final:
            return SettlementState.HELD_ON_ACCOUNT
        return SettlementState.PAID if self.paid_fen > 0 else SettlementState.NOTHING_DUE


def _due(declaration: Declaration, outcome: InspectionOutcome | None) -> tuple[int, Basis, str]:
    """What is due on the declaration now. The officer's outcome is final: an assessment
    replaces the estimate, retained articles owe nothing, any other outcome confirms the
    declared estimate."""
    if outcome is None:
        ref = f"declaration:{declaration.number}:v{declaration.version}"
        return fen(declaration.total_duty), Basis.ESTIMATE, ref
    ref = f"declaration:{declaration.number}:outcome:{outcome.id}"
    if outcome.kind is OutcomeKind.DUTY_ASSESSED:
        return fen(outcome.duty_assessed), Basis.ASSESSMENT, ref
    if outcome.kind is OutcomeKind.ARTICLES_RETAINED:
        return 0, Basis.ASSESSMENT, ref
    return fen(declaration.total_duty), Basis.ASSESSMENT, ref


async def settlement(connection: BaseDBAsyncClient | None, number: str) -> Settlement | None:
    latest = (
        await Declaration.filter(number=number).using_db(connection).order_by("-version").first()
    )
    if latest is None:
        return None
    outcome = await InspectionOutcome.get_or_none(declaration_id=latest.id, using_db=connection)
    due, basis, ref = _due(latest, outcome)
    intents = (
        await PaymentIntent.filter(subject_kind=SubjectKind.DECLARATION, subject_ref=number)
        .using_db(connection)
        .order_by("-created_at")
    )
    paid = sum(
        i.amount_fen - i.refunded_fen
        for i in intents
        if i.state in (IntentState.SUCCEEDED, IntentState.REFUNDED)
    )
    pending_refunds = await PaymentRefund.filter(
        intent_id__in=[i.id for i in intents], state=RefundState.PENDING
    ).using_db(connection)
    open_intent = next((i for i in intents if i.open_slot == ref), None)
    return Settlement(
        number=number,
        declaration=latest,
        outcome=outcome,
        basis=basis,
        assessment_ref=ref,
        due_fen=due,
        paid_fen=paid,
        refund_pending_fen=sum(r.amount_fen for r in pending_refunds),
        open_intent=open_intent,
        intents=list(intents),
    )


async def settle(connection: BaseDBAsyncClient, number: str) -> list[PaymentRefund]:
    """Once the officer's outcome is recorded, pay back what was paid beyond it (latest
    payments first). Before it, an overpayment is held on account."""
    current = await settlement(connection, number)
    if current is None or not current.final:
        return []
    excess = current.paid_fen - current.due_fen
    refunds: list[PaymentRefund] = []
    for intent in current.intents:
        if excess <= 0:
            break
        if intent.state is not IntentState.SUCCEEDED:
            continue
        # A row lock: two settlements of the same declaration never refund the same fen.
        locked = (
            await PaymentIntent.filter(id=intent.id).using_db(connection).select_for_update()
        )[0]
        available = locked.amount_fen - locked.refunded_fen
        amount = min(available, excess)
        if amount <= 0:
            continue
        await (
            PaymentIntent.filter(id=intent.id)
            .using_db(connection)
            .update(refunded_fen=locked.refunded_fen + amount, updated_at=clock.now())
        )
        refunds.append(
            await start_refund(
                connection, locked, amount_fen=amount, reason=RefundReason.ASSESSED_LOWER
            )
        )
        excess -= amount
    return refunds


async def after_outcome(connection: BaseDBAsyncClient, *, number: str) -> None:
    """Called in the officer's transaction when an outcome is recorded (declarations)."""
    await settle(connection, number)
