"""Starting a payment: an intent for what the server says is due (a declaration's balance
here, an application's fee in application_fees.py), then the provider's order for it."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.core import clock, jobs
from palm_customs.core.principal import Principal
from palm_customs.declarations.models import Declaration, DeclarationStatus
from palm_customs.payments.base import (
    INTENT_LIFETIME,
    RECONCILE_AFTER,
    RECONCILE_JOB,
    new_number,
    provider,
    record,
    subject_target,
)
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.models import Basis, IntentState, PaymentIntent, SubjectKind
from palm_customs.payments.provider import OutcomeUnknown, ProviderRefused
from palm_customs.payments.settlement import settlement

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Started:
    intent: PaymentIntent
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"payment:{self.intent.id}", subject_target(self.intent))


def clean_key(idempotency_key: str) -> str:
    key = idempotency_key.strip()[:64]
    if len(key) < 8:
        raise PaymentProblem(PaymentErrorCode.KEY_REUSED, field="idempotencyKey")
    return key


async def replay(
    connection: BaseDBAsyncClient, *, principal: Principal, key: str, subject_ref: str
) -> Started | None:
    """The intent this key already made (for the same subject), or None."""
    existing = await PaymentIntent.get_or_none(
        account_id=principal.account_id, idempotency_key=key, using_db=connection
    )
    if existing is None:
        return None
    if existing.subject_ref != subject_ref:
        raise PaymentProblem(PaymentErrorCode.KEY_REUSED, field="idempotencyKey")
    return Started(intent=existing, replayed=True)


async def create_intent(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    key: str,
    subject_kind: SubjectKind,
    subject_ref: str,
    assessment_ref: str,
    basis: Basis,
    amount_fen: int,
) -> Started:
    """A new intent holding the open slot of what it pays (the unique column is the guard
    against a second device at the same moment), its reconciliation job, audit and inbox."""
    assert principal.account_id is not None
    now = clock.now()
    try:
        intent = await PaymentIntent.create(
            using_db=connection,
            id=uuid.uuid4(),
            number=new_number(now),
            account_id=principal.account_id,
            subject_kind=subject_kind,
            subject_ref=subject_ref,
            assessment_ref=assessment_ref,
            basis=basis,
            amount_fen=amount_fen,
            state=IntentState.CREATED,
            idempotency_key=key,
            provider=provider().name,
            open_slot=assessment_ref,
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
    await record(
        connection, intent, operation="payment.created", body_key="created", actor=principal.actor
    )
    return Started(intent=intent)


async def start(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    declaration_id: uuid.UUID,
    idempotency_key: str,
) -> Started:
    """An intent for the balance due on the declaration (or the open one already paying
    it): the order at the provider is made after this commits (`open_at_provider`)."""
    key = clean_key(idempotency_key)
    assert principal.account_id is not None
    provider()
    declaration = await Declaration.get_or_none(id=declaration_id, using_db=connection)
    if declaration is None or declaration.account_id != principal.account_id:
        raise PaymentProblem(PaymentErrorCode.NOT_FOUND, field="declarationId")
    replayed = await replay(
        connection, principal=principal, key=key, subject_ref=declaration.number
    )
    if replayed is not None:
        return replayed
    if declaration.status is DeclarationStatus.SUPERSEDED:
        raise PaymentProblem(PaymentErrorCode.ASSESSMENT_CHANGED, field="declarationId")
    current = await settlement(connection, declaration.number)
    assert current is not None
    if current.open_intent is not None:
        # The same order for a second device: the provider never charges one order twice.
        return Started(intent=current.open_intent, replayed=True)
    if current.balance_fen <= 0:
        raise PaymentProblem(PaymentErrorCode.NOTHING_DUE)
    return await create_intent(
        connection,
        principal=principal,
        key=key,
        subject_kind=SubjectKind.DECLARATION,
        subject_ref=declaration.number,
        assessment_ref=current.assessment_ref,
        basis=current.basis,
        amount_fen=current.balance_fen,
    )


def _description(intent: PaymentIntent) -> str:
    if intent.subject_kind is SubjectKind.APPLICATION:
        return f"海关规费 Customs fee {intent.subject_ref}"
    return f"海关税款 Customs duty {intent.subject_ref}"


async def open_at_provider(intent: PaymentIntent) -> PaymentIntent:
    """Make the provider's order (outside any transaction: it is a network call) and record
    it pending. Without an answer the intent stays `created`: the reconciliation job asks
    the provider later, and a retry of the same start makes the same order again."""
    if intent.state is not IntentState.CREATED:
        return intent
    try:
        code_url = await provider().create_order(
            number=intent.number,
            amount_fen=intent.amount_fen,
            description=_description(intent),
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
            await record(connection, fresh, operation="payment.pending", body_key="pending")
        elif not fresh.code_url:
            # A notification already settled it (it came before our answer): keep the link.
            await (
                PaymentIntent.filter(id=intent.id)
                .using_db(connection)
                .update(code_url=code_url[:300])
            )
            fresh.code_url = code_url[:300]
    return fresh
