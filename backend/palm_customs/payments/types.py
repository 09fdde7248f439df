from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, NewType

import strawberry

from palm_customs.catalogue.fees import FeeDue
from palm_customs.core.i18n import translate
from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import ValidationError
from palm_customs.payments.application_fees import FeeSettlement, FeeState
from palm_customs.payments.base import yuan
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.models import Basis, IntentState, RefundReason, RefundState
from palm_customs.payments.models import PaymentIntent as IntentRow
from palm_customs.payments.models import PaymentRefund as RefundRow
from palm_customs.payments.models import ProviderNotification as NotificationRow
from palm_customs.payments.refunds import RefundRetried
from palm_customs.payments.settlement import Settlement, SettlementState

strawberry.enum(PaymentErrorCode, description="Why a payment action was refused.")
strawberry.enum(IntentState, description="Where one payment (an order at the provider) stands.")
strawberry.enum(Basis, description="What an amount was computed from.")
strawberry.enum(SettlementState, description="Where paying a declaration's duty stands.")
strawberry.enum(FeeState, description="Where paying an application's fee stands.")
strawberry.enum(RefundState, description="Where a refund stands.")
strawberry.enum(RefundReason, description="Why money goes back.")

# GraphQL's Int is 32-bit (21 million yuan in fen): amounts get a scalar of their own,
# an integer in JSON (exact up to 2^53). Installed through StrawberryConfig.scalar_map.
Fen = NewType("Fen", int)
FEN_SCALAR = strawberry.scalar(
    name="Fen",
    serialize=int,
    parse_value=int,
    description="An amount of CNY in fen (1 yuan = 100 fen), an integer.",
)
SCALARS: dict[object, Any] = {Fen: FEN_SCALAR}


@strawberry.type(description="A payment action was refused.")
class PaymentError:
    code: PaymentErrorCode
    message: str
    field: str | None


ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        PaymentProblem,
        lambda e, c: PaymentError(
            code=e.error_code, message=translate(f"payment.{e.code}", c.language), field=e.field
        ),
    ),
)


@strawberry.type(description="One payment: an order at the provider for an amount the server set.")
class PaymentIntent:
    id: strawberry.ID
    number: str
    state: IntentState
    basis: Basis
    amount_fen: Fen
    amount_cny: str
    refunded_fen: Fen
    code_url: str = strawberry.field(description="Open (or show as a QR) to pay at the provider.")
    created_at: datetime
    expires_at: datetime
    succeeded_at: datetime | None
    receipt: str | None = strawberry.field(
        description="The signed receipt (PC1:…), shown as a QR and verified offline."
    )

    @classmethod
    def from_row(cls, row: IntentRow) -> PaymentIntent:
        return cls(
            id=strawberry.ID(str(row.id)),
            number=row.number,
            state=row.state,
            basis=row.basis,
            amount_fen=Fen(row.amount_fen),
            amount_cny=yuan(row.amount_fen),
            refunded_fen=Fen(row.refunded_fen),
            code_url=row.code_url,
            created_at=row.created_at,
            expires_at=row.expires_at,
            succeeded_at=row.succeeded_at,
            receipt=row.receipt_credential or None,
        )


@strawberry.type(description="Paying a declaration's duty: what is due, paid and owed back.")
class DeclarationPayment:
    number: str
    state: SettlementState
    basis: Basis
    final: bool = strawberry.field(description="The officer's outcome is recorded.")
    due_fen: Fen
    paid_fen: Fen
    balance_fen: Fen = strawberry.field(
        description="Due less paid: positive is to pay, negative is to be refunded."
    )
    refund_pending_fen: Fen
    open_intent: PaymentIntent | None
    intents: list[PaymentIntent]
    receipt: str | None = strawberry.field(description="The latest receipt (PC1:…).")

    @classmethod
    def from_settlement(cls, s: Settlement) -> DeclarationPayment:
        paid = [i for i in s.intents if i.receipt_credential and i.state is IntentState.SUCCEEDED]
        return cls(
            number=s.number,
            state=s.state,
            basis=s.basis,
            final=s.final,
            due_fen=Fen(s.due_fen),
            paid_fen=Fen(s.paid_fen),
            balance_fen=Fen(s.balance_fen),
            refund_pending_fen=Fen(s.refund_pending_fen),
            open_intent=PaymentIntent.from_row(s.open_intent) if s.open_intent else None,
            intents=[PaymentIntent.from_row(i) for i in s.intents[:20]],
            receipt=paid[0].receipt_credential if paid else None,
        )


@strawberry.type(description="Paying an application's fee (the item's, frozen when it was sent).")
class ApplicationFeePayment:
    application_id: strawberry.ID
    number: str
    state: FeeState
    fee_due: FeeDue | None = strawberry.field(description="When the item says the fee is paid.")
    due_fen: Fen
    paid_fen: Fen
    open_intent: PaymentIntent | None
    intents: list[PaymentIntent]
    receipt: str | None = strawberry.field(description="The receipt (PC1:…) once paid.")
    receipt_order: str | None = strawberry.field(description="The paid order (its PDF receipt).")

    @classmethod
    def from_settlement(cls, s: FeeSettlement) -> ApplicationFeePayment:
        paid = s.paid_intent
        return cls(
            application_id=strawberry.ID(str(s.application.id)),
            number=s.application.number,
            state=s.state,
            fee_due=s.fee.due if s.fee else None,
            due_fen=Fen(s.due_fen),
            paid_fen=Fen(s.paid_fen),
            open_intent=PaymentIntent.from_row(s.open_intent) if s.open_intent else None,
            intents=[PaymentIntent.from_row(i) for i in s.intents[:20]],
            # a fee refunded in full has no receipt to show any more (the PDF stays for records)
            receipt=(paid.receipt_credential or None)
            if paid and s.state is not FeeState.REFUNDED
            else None,
            receipt_order=paid.number if paid else None,
        )


@strawberry.type
class PaymentStarted:
    intent: PaymentIntent
    replayed: bool


PaymentStartResult = Annotated[
    PaymentStarted | PaymentError | ValidationError, strawberry.union("PaymentStartResult")
]


@strawberry.type(description="A scanned payment receipt, checked online.")
class PaymentReceiptVerification:
    valid: bool
    expired: bool
    problem: PaymentErrorCode | None
    message: str | None
    declaration_number: str | None
    application_number: str | None = strawberry.field(
        description="Set instead of the declaration's for a receipt of an application's fee."
    )
    order_number: str | None
    amount_fen: Fen | None
    paid_fen: Fen | None
    due_fen: Fen | None


@strawberry.type
class PaymentRefund:
    id: strawberry.ID
    number: str
    amount_fen: Fen
    reason: RefundReason
    state: RefundState
    created_at: datetime

    @classmethod
    def from_row(cls, row: RefundRow) -> PaymentRefund:
        return cls(
            id=strawberry.ID(str(row.id)),
            number=row.number,
            amount_fen=Fen(row.amount_fen),
            reason=row.reason,
            state=row.state,
            created_at=row.created_at,
        )


@strawberry.type(description="A genuine provider notification that disagreed with our record.")
class PaymentMismatch:
    order_number: str
    outcome: str
    received_at: datetime

    @classmethod
    def from_row(cls, row: NotificationRow) -> PaymentMismatch:
        return cls(order_number=row.order_number, outcome=row.outcome, received_at=row.received_at)


@strawberry.type(description="What an administrator must look at.")
class PaymentReconciliation:
    unknown: list[PaymentIntent] = strawberry.field(
        description="Open past the time a notification should have come: outcome unknown."
    )
    mismatches: list[PaymentMismatch]
    refunds_pending: list[PaymentRefund]
    refunds_failed: list[PaymentRefund]


@strawberry.type(description="The provider was asked again about a payment.")
class PaymentRequeried:
    intent: PaymentIntent
    outcome: str = strawberry.field(
        description="applied, duplicate, not_paid, expired, failed, order_made_again, "
        "no_answer, amount_mismatch or currency_mismatch."
    )


PaymentRequeryResult = Annotated[
    PaymentRequeried | PaymentError | ValidationError, strawberry.union("PaymentRequeryResult")
]


@strawberry.type(description="A refund was sent to the provider again.")
class PaymentRefundRetried:
    refund: PaymentRefund

    @classmethod
    def from_done(cls, done: RefundRetried) -> PaymentRefundRetried:
        return cls(refund=PaymentRefund.from_row(done.refund))


PaymentRefundRetryResult = Annotated[
    PaymentRefundRetried | PaymentError | ValidationError,
    strawberry.union("PaymentRefundRetryResult"),
]
