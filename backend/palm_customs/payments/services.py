"""Paying a declaration's duty: intents, provider notifications, settlement and refunds.

No strawberry here. The amount is always the server's: the balance of what is due on the
declaration now (the officer's assessment once recorded, else the latest version's estimate,
paid on account) less what was paid and not refunded. Every state change writes an inbox
notification and an audit event in the same transaction.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.core import audit, clock, jobs, signing
from palm_customs.core.logs import request_id_var
from palm_customs.core.principal import Principal
from palm_customs.declarations.models import (
    Declaration,
    DeclarationStatus,
    InspectionOutcome,
    OutcomeKind,
)
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType, Urgency
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.models import (
    OPEN_STATES,
    Basis,
    IntentState,
    PaymentIntent,
    PaymentRefund,
    ProviderNotification,
    RefundReason,
    RefundState,
    SubjectKind,
)
from palm_customs.payments.provider import (
    NotificationRejected,
    OutcomeUnknown,
    PaymentProvider,
    ProviderRefused,
    TradeState,
    Transaction,
    current_provider,
    use_provider,
)
from palm_customs.settings import Settings

logger = logging.getLogger(__name__)

CREDENTIAL_TYPE = "payment_receipt"
INTENT_LIFETIME = timedelta(minutes=30)
# The reconciliation job first looks at an intent this long after it was made (a
# notification normally arrives within seconds), then as the provider's answer asks.
RECONCILE_AFTER = timedelta(minutes=2)
RECONCILE_JOB = "payments.reconcile"
REFUND_JOB = "payments.refund"
RECEIPT_LIFETIME = timedelta(days=30)
SYSTEM_ACTOR = "system:payments"

_settings: Settings | None = None


def configure(settings: Settings) -> None:
    """Install the provider (and the settings receipts are signed with) in this process."""
    global _settings
    _settings = settings
    if settings.wechatpay is None:
        use_provider(None)
        return
    from palm_customs.payments.wechat import WeChatPayProvider

    use_provider(WeChatPayProvider(settings.wechatpay))


def _provider() -> PaymentProvider:
    provider = current_provider()
    if provider is None:
        raise PaymentProblem(PaymentErrorCode.UNAVAILABLE)
    return provider


def fen(amount: Decimal | None) -> int:
    if amount is None:
        return 0
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def yuan(amount_fen: int) -> str:
    sign = "-" if amount_fen < 0 else ""
    value = abs(amount_fen)
    return f"{sign}{value // 100}.{value % 100:02d}"


# --- Settlement: what is due, paid and owed back ------------------------------------------


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


# --- Audit and inbox for every state change -----------------------------------------------


async def _record(
    connection: BaseDBAsyncClient,
    intent: PaymentIntent,
    *,
    operation: str,
    body_key: str,
    amount_fen: int | None = None,
    actor: str = SYSTEM_ACTOR,
) -> None:
    await audit.append(
        connection,
        audit.AuditRecord(
            actor=actor,
            operation=operation,
            target_ids=(f"payment:{intent.id}", f"declaration:{intent.subject_ref}"),
            outcome="OK",
            request_id=request_id_var.get() or "-",
            ip="",
            user_agent="",
        ),
    )
    await notifications.notify(
        connection,
        recipient_id=intent.account_id,
        message=notifications.Message(
            type=NotificationType.PAYMENT,
            subject=f"payment:{intent.number}",
            subject_version=1,
            title_key="notify.payment.title",
            body_key=f"notify.payment.body.{body_key}",
            params={
                "number": intent.subject_ref,
                "order": intent.number,
                "amount": yuan(intent.amount_fen if amount_fen is None else amount_fen),
            },
            link=f"/declare/declarations/{await _latest_id(connection, intent.subject_ref)}",
            urgency=Urgency.HIGH if body_key != "created" else Urgency.NORMAL,
        ),
    )


async def _latest_id(connection: BaseDBAsyncClient, number: str) -> str:
    latest = (
        await Declaration.filter(number=number)
        .using_db(connection)
        .order_by("-version")
        .only("id")
        .first()
    )
    return str(latest.id) if latest else ""


# --- Starting a payment -------------------------------------------------------------------


@dataclass(slots=True)
class Started:
    intent: PaymentIntent
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"payment:{self.intent.id}", f"declaration:{self.intent.subject_ref}")


def _new_number(now: datetime) -> str:
    return "PC" + clock.day_of(now).strftime("%Y%m%d") + secrets.token_hex(8).upper()


async def start(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    declaration_id: uuid.UUID,
    idempotency_key: str,
) -> Started:
    """An intent for the balance due on the declaration (or the open one already paying
    it): the order at the provider is made after this commits (`open_at_provider`)."""
    key = idempotency_key.strip()[:64]
    if len(key) < 8:
        raise PaymentProblem(PaymentErrorCode.KEY_REUSED, field="idempotencyKey")
    assert principal.account_id is not None
    _provider()
    declaration = await Declaration.get_or_none(id=declaration_id, using_db=connection)
    if declaration is None or declaration.account_id != principal.account_id:
        raise PaymentProblem(PaymentErrorCode.NOT_FOUND, field="declarationId")
    existing = await PaymentIntent.get_or_none(
        account_id=principal.account_id, idempotency_key=key, using_db=connection
    )
    if existing is not None:
        if existing.subject_ref != declaration.number:
            raise PaymentProblem(PaymentErrorCode.KEY_REUSED, field="idempotencyKey")
        return Started(intent=existing, replayed=True)
    if declaration.status is DeclarationStatus.SUPERSEDED:
        raise PaymentProblem(PaymentErrorCode.ASSESSMENT_CHANGED, field="declarationId")
    current = await settlement(connection, declaration.number)
    assert current is not None
    if current.open_intent is not None:
        # The same order for a second device: the provider never charges one order twice.
        return Started(intent=current.open_intent, replayed=True)
    if current.balance_fen <= 0:
        raise PaymentProblem(PaymentErrorCode.NOTHING_DUE)
    now = clock.now()
    try:
        intent = await PaymentIntent.create(
            using_db=connection,
            id=uuid.uuid4(),
            number=_new_number(now),
            account_id=principal.account_id,
            subject_kind=SubjectKind.DECLARATION,
            subject_ref=declaration.number,
            assessment_ref=current.assessment_ref,
            basis=current.basis,
            amount_fen=current.balance_fen,
            state=IntentState.CREATED,
            idempotency_key=key,
            provider=_provider().name,
            open_slot=current.assessment_ref,
            created_at=now,
            updated_at=now,
            expires_at=now + INTENT_LIFETIME,
        )
    except IntegrityError:
        # Another device opened one for the same assessment at this very moment.
        raise PaymentProblem(PaymentErrorCode.IN_PROGRESS) from None
    await jobs.enqueue(
        connection,
        kind=RECONCILE_JOB,
        payload={"intent_id": str(intent.id)},
        run_after=now + RECONCILE_AFTER,
    )
    await _record(
        connection,
        intent,
        operation="payment.created",
        body_key="created",
        actor=principal.actor,
    )
    return Started(intent=intent)


async def open_at_provider(intent: PaymentIntent) -> PaymentIntent:
    """Make the provider's order (outside any transaction: it is a network call) and record
    it pending. Without an answer the intent stays `created`: the reconciliation job asks
    the provider later, and a retry of the same start makes the same order again."""
    if intent.state is not IntentState.CREATED:
        return intent
    provider = _provider()
    try:
        code_url = await provider.create_order(
            number=intent.number,
            amount_fen=intent.amount_fen,
            description=f"海关税款 Customs duty {intent.subject_ref}",
            expires_at=intent.expires_at,
        )
    except (OutcomeUnknown, ProviderRefused) as error:
        logger.warning("payment %s: order not made: %s", intent.number, error)
        return intent
    async with in_transaction() as connection:
        moved = (
            await PaymentIntent.filter(id=intent.id, state=IntentState.CREATED)
            .using_db(connection)
            .update(state=IntentState.PENDING, code_url=code_url[:300], updated_at=clock.now())
        )
        fresh = await PaymentIntent.get(id=intent.id, using_db=connection)
        if moved:
            await _record(connection, fresh, operation="payment.pending", body_key="pending")
        elif not fresh.code_url:
            # A notification already settled it (it came before our answer): keep the link.
            await (
                PaymentIntent.filter(id=intent.id)
                .using_db(connection)
                .update(code_url=code_url[:300])
            )
            fresh.code_url = code_url[:300]
    return fresh


# --- The provider's word: notifications and queries ---------------------------------------


async def _issue_receipt(connection: BaseDBAsyncClient, intent: PaymentIntent) -> str:
    assert _settings is not None, "payments.configure() was not called"
    current = await settlement(connection, intent.subject_ref)
    assert current is not None
    now = clock.now()
    issued = await signing.issue(
        settings=_settings,
        credential_type=CREDENTIAL_TYPE,
        claims={
            "n": intent.subject_ref,
            "p": intent.number,
            "a": intent.amount_fen,
            "paid": current.paid_fen,
            "due": current.due_fen,
            "b": current.basis.value,
            "at": now.isoformat(timespec="seconds"),
        },
        issued_at=now,
        expires_at=now + RECEIPT_LIFETIME,
    )
    return issued.text


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
        await _start_refund(
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
    receipt = await _issue_receipt(connection, intent)
    await PaymentIntent.filter(id=intent.id).using_db(connection).update(receipt_credential=receipt)
    await _record(
        connection, intent, operation="payment.succeeded", body_key="succeeded", actor=actor
    )
    await settle(connection, intent.subject_ref)
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


# --- Settlement against the officer's assessment: refunds ---------------------------------


async def _start_refund(
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
    await _record(
        connection,
        intent,
        operation="payment.refund_started",
        body_key="refund_started",
        amount_fen=amount_fen,
    )
    return refund


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
            await _start_refund(
                connection, locked, amount_fen=amount, reason=RefundReason.ASSESSED_LOWER
            )
        )
        excess -= amount
    return refunds


async def after_outcome(connection: BaseDBAsyncClient, *, number: str) -> None:
    """Called in the officer's transaction when an outcome is recorded (declarations)."""
    await settle(connection, number)


# --- Background jobs ----------------------------------------------------------------------


async def _expire(intent: PaymentIntent, state: IntentState) -> None:
    async with in_transaction() as connection:
        moved = (
            await PaymentIntent.filter(id=intent.id, state__in=list(OPEN_STATES))
            .using_db(connection)
            .update(state=state, open_slot=None, updated_at=clock.now())
        )
        if moved:
            await _record(
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
        await _record(
            connection,
            intent,
            operation="payment.refunded" if full else "payment.refund_done",
            body_key="refunded" if full else "refund_done",
            amount_fen=row.amount_fen,
        )


# Installed by palm_customs/registry.py.
JOB_HANDLERS: dict[str, jobs.HandlerEntry] = {
    RECONCILE_JOB: jobs.JobKind(run=reconcile, timeout=120.0, budget=timedelta(days=2)),
    REFUND_JOB: jobs.JobKind(run=refund, timeout=120.0, budget=timedelta(days=7)),
}


# --- Reading -------------------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class ReceiptCheck:
    claims: dict[str, Any] | None
    problem: PaymentErrorCode | None
    expired: bool = False


async def verify_receipt(text: str) -> ReceiptCheck:
    try:
        credential = await signing.verify(text, now=clock.now())
        expired = False
    except signing.CredentialExpired as error:
        credential, expired = error.credential, True
    except signing.CredentialInvalid:
        return ReceiptCheck(None, PaymentErrorCode.RECEIPT_INVALID)
    if credential.credential_type != CREDENTIAL_TYPE:
        return ReceiptCheck(None, PaymentErrorCode.RECEIPT_INVALID)
    return ReceiptCheck(dict(credential.claims), None, expired)
