"""Paying a catalogue item's fee for an application (issue #16).

The fee is the one frozen into the application when it was submitted (catalogue/fees.py:
amount in fen and when it falls due). It is due on submission, or once pre-review passed,
as the item says; an application rejected or withdrawn before it was due owes nothing, and a
fee paid for one that is then rejected or withdrawn goes back in full (the service will not be
given). It is paid whole, once: the success slot "application:<number>:fee" is unique in the
database. Reads applications; changes nothing of them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications.models import Application, ApplicationStatus
from palm_customs.catalogue.fees import FeeDue, ItemFee, fee_of
from palm_customs.core import clock
from palm_customs.core.principal import Principal
from palm_customs.payments.base import SUBJECT_LINKS, provider
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.intents import Started, clean_key, create_intent, replay
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

# The application's states in which a fee that falls due at each point is owed.
_OWED_FROM: dict[FeeDue, frozenset[ApplicationStatus]] = {
    FeeDue.ON_SUBMISSION: frozenset(
        {
            ApplicationStatus.IN_REVIEW,
            ApplicationStatus.CORRECTIONS_REQUIRED,
            ApplicationStatus.PASSED,
        }
    ),
    FeeDue.AFTER_PREREVIEW: frozenset({ApplicationStatus.PASSED}),
}
_CLOSED = frozenset({ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN})


class FeeState(StrEnum):
    NO_FEE = "no_fee"
    NOT_YET_DUE = "not_yet_due"  # after pre-review passes
    DUE = "due"
    PENDING = "pending"
    PAID = "paid"
    REFUND_PENDING = "refund_pending"
    REFUNDED = "refunded"  # the application closed after it was paid: the fee went back
    NOT_OWED = "not_owed"  # rejected or withdrawn before it fell due


async def _link(connection: BaseDBAsyncClient, number: str) -> str:
    application = await Application.filter(number=number).using_db(connection).only("id").first()
    return f"/services/applications/{application.id}" if application else "/services"


SUBJECT_LINKS[SubjectKind.APPLICATION] = _link


def fee_ref(number: str) -> str:
    return f"application:{number}:fee"


@dataclass(frozen=True, slots=True)
class FeeSettlement:
    application: Application
    fee: ItemFee | None
    state: FeeState
    open_intent: PaymentIntent | None
    paid_intent: PaymentIntent | None
    intents: list[PaymentIntent]

    @property
    def due_fen(self) -> int:
        return self.fee.amount_fen if self.fee else 0

    @property
    def paid_fen(self) -> int:
        paid = self.paid_intent
        return paid.amount_fen - paid.refunded_fen if paid else 0


def _state(
    application: Application,
    fee: ItemFee | None,
    open_intent: PaymentIntent | None,
    paid: PaymentIntent | None,
    refund_pending: bool,
) -> FeeState:
    if refund_pending:
        return FeeState.REFUND_PENDING
    if paid is not None and paid.refunded_fen >= paid.amount_fen:
        return FeeState.REFUNDED
    if paid is not None:
        return FeeState.PAID
    if fee is None:
        return FeeState.NO_FEE
    if open_intent is not None:
        return FeeState.PENDING
    if application.status in _OWED_FROM[fee.due]:
        return FeeState.DUE
    if application.status in _CLOSED:
        return FeeState.NOT_OWED
    return FeeState.NOT_YET_DUE


async def fee_settlement(
    connection: BaseDBAsyncClient | None, application: Application
) -> FeeSettlement:
    fee = fee_of(application.item_snapshot)
    ref = fee_ref(application.number)
    intents = list(
        await PaymentIntent.filter(
            subject_kind=SubjectKind.APPLICATION, subject_ref=application.number
        )
        .using_db(connection)
        .order_by("-created_at")
    )
    paid = next((i for i in intents if i.success_slot == ref), None)
    open_intent = next((i for i in intents if i.open_slot == ref), None)
    refund_pending = bool(
        intents
        and await PaymentRefund.filter(
            intent_id__in=[i.id for i in intents], state=RefundState.PENDING
        )
        .using_db(connection)
        .exists()
    )
    return FeeSettlement(
        application=application,
        fee=fee,
        state=_state(application, fee, open_intent, paid, refund_pending),
        open_intent=open_intent,
        paid_intent=paid
        if paid and paid.state in (IntentState.SUCCEEDED, IntentState.REFUNDED)
        else None,
        intents=intents,
    )


async def start_fee(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    application_id: uuid.UUID,
    idempotency_key: str,
) -> Started:
    """An intent for the application's fee (or the open one already paying it); the amount
    is the fee frozen into the application, never the client's."""
    key = clean_key(idempotency_key)
    provider()
    application = await Application.get_or_none(id=application_id, using_db=connection)
    if application is None or application.applicant_id != principal.account_id:
        raise PaymentProblem(PaymentErrorCode.NOT_FOUND, field="applicationId")
    replayed = await replay(
        connection, principal=principal, key=key, subject_ref=application.number
    )
    if replayed is not None:
        return replayed
    current = await fee_settlement(connection, application)
    if current.state is FeeState.PENDING and current.open_intent is not None:
        return Started(intent=current.open_intent, replayed=True)
    if current.state is FeeState.NOT_YET_DUE:
        raise PaymentProblem(PaymentErrorCode.NOT_DUE_YET, field="applicationId")
    if current.state is not FeeState.DUE or current.fee is None:
        raise PaymentProblem(PaymentErrorCode.NOTHING_DUE)
    return await create_intent(
        connection,
        principal=principal,
        key=key,
        subject_kind=SubjectKind.APPLICATION,
        subject_ref=application.number,
        assessment_ref=fee_ref(application.number),
        basis=Basis.FEE,
        amount_fen=current.fee.amount_fen,
    )


async def refund_if_closed(connection: BaseDBAsyncClient, application: Application) -> None:
    """A fee paid for an application that was then withdrawn or rejected goes back in full
    (applications' APPLICATION_CLOSED hook, and a payment that succeeds after the application
    closed). Under a row lock on the paid order: a repeat refunds nothing more."""
    if application.status not in _CLOSED:
        return
    paid = (
        await PaymentIntent.filter(
            success_slot=fee_ref(application.number), state=IntentState.SUCCEEDED
        )
        .using_db(connection)
        .select_for_update()
        .first()
    )
    if paid is None or paid.refunded_fen >= paid.amount_fen:
        return
    amount = paid.amount_fen - paid.refunded_fen
    await (
        PaymentIntent.filter(id=paid.id)
        .using_db(connection)
        .update(refunded_fen=paid.amount_fen, updated_at=clock.now())
    )
    await start_refund(connection, paid, amount_fen=amount, reason=RefundReason.APPLICATION_CLOSED)


async def refund_if_closed_by_number(connection: BaseDBAsyncClient, number: str) -> None:
    application = await Application.get_or_none(number=number, using_db=connection)
    if application is not None:
        await refund_if_closed(connection, application)
