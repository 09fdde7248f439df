"""An officer recording the inspection outcome of a declaration."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.principal import Principal
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem
from palm_customs.declarations.models import (
    Declaration,
    DeclarationStatus,
    InspectionOutcome,
    OutcomeKind,
)
from palm_customs.declarations.money_text import cny_in_every_language
from palm_customs.declarations.services.inputs import _decimal_ok
from palm_customs.declarations.services.submission import _idempotency
from palm_customs.identity.services.officers import officer_posts
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType, Urgency


@dataclass(frozen=True, slots=True)
class OutcomeRecorded:
    outcome: InspectionOutcome
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"declaration:{self.outcome.declaration_id}", f"outcome:{self.outcome.id}")


async def record_outcome(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    number: str,
    version: int,
    kind: OutcomeKind,
    duty_assessed: Decimal | None,
    reason: str,
    receipt_number: str,
    idempotency_key: str,
    observed_at: datetime,
) -> OutcomeRecorded:
    """An officer's outcome, possibly recorded offline earlier; the key makes a resend harmless."""
    key = _idempotency(idempotency_key)
    existing = await InspectionOutcome.get_or_none(idempotency_key=key, using_db=connection)
    if existing is not None:
        if existing.officer_id != principal.account_id:
            raise DeclarationProblem(DeclarationErrorCode.OUTCOME_CONFLICT)
        return OutcomeRecorded(outcome=existing, replayed=True)
    check = Validator()
    clean_reason = check.text(
        "input.reason", reason, required=kind is OutcomeKind.ARTICLES_RETAINED, max_len=500
    )
    clean_receipt = check.text(
        "input.receiptNumber",
        receipt_number,
        required=kind is OutcomeKind.ARTICLES_RETAINED,
        max_len=40,
    )
    if kind is OutcomeKind.DUTY_ASSESSED:
        if duty_assessed is None:
            check.problems.append(FieldProblem("input.dutyAssessed", ValidationErrorCode.REQUIRED))
        elif not _decimal_ok(duty_assessed) or not Decimal("0.01") <= duty_assessed <= Decimal(
            "100000000"
        ):
            check.problems.append(
                FieldProblem(
                    "input.dutyAssessed",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": "0.01", "high": 100_000_000},
                )
            )
    now = clock.now()
    when = observed_at if observed_at.tzinfo else observed_at.replace(tzinfo=UTC)
    if when > now + timedelta(minutes=5) or when < now - timedelta(days=7):
        check.problems.append(
            FieldProblem(
                "input.observedAt",
                ValidationErrorCode.OUT_OF_RANGE,
                {
                    "low": clock.day_of(now - timedelta(days=7)).isoformat(),
                    "high": clock.day_of(now).isoformat(),
                },
            )
        )
    check.raise_if_any()
    declaration = await Declaration.get_or_none(
        number=number.strip().upper(), version=version, using_db=connection
    )
    # Officers act only at the ports where they serve: elsewhere it is "not found" (audited).
    if declaration is None or declaration.port_code not in await officer_posts(
        principal.account_id, connection
    ):
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND)
    if declaration.status is DeclarationStatus.SUPERSEDED:
        raise DeclarationProblem(DeclarationErrorCode.SUPERSEDED)
    # One outcome per declaration version: the conditional update is the guard.
    claimed = (
        await Declaration.filter(id=declaration.id, status=DeclarationStatus.SUBMITTED)
        .using_db(connection)
        .update(status=DeclarationStatus.CLEARED)
    )
    if claimed != 1:
        raise DeclarationProblem(DeclarationErrorCode.OUTCOME_CONFLICT)
    assert principal.account_id is not None
    outcome = await InspectionOutcome.create(
        using_db=connection,
        id=uuid.uuid4(),
        declaration_id=declaration.id,
        officer_id=principal.account_id,
        kind=kind,
        duty_assessed=duty_assessed if kind is OutcomeKind.DUTY_ASSESSED else None,
        reason=clean_reason,
        receipt_number=clean_receipt,
        idempotency_key=key,
        recorded_at=now,
        observed_at=when,
    )
    # Paid on account more than the officer assessed: the difference goes back.
    from palm_customs.payments import settlement as payments

    await payments.after_outcome(connection, number=declaration.number)
    await notifications.notify(
        connection,
        recipient_id=declaration.account_id,
        message=notifications.Message(
            type=NotificationType.DECLARATION_OUTCOME,
            subject=f"declaration:{declaration.number}",
            subject_version=declaration.version,
            title_key="notify.declaration_outcome.title",
            body_key=f"notify.declaration_outcome.body.{kind.value}",
            params={
                "number": declaration.number,
                "duty": cny_in_every_language(duty_assessed),
                "receipt": clean_receipt,
            },
            link=f"/declare/declarations/{declaration.id}",
            urgency=Urgency.HIGH,
        ),
        now=now,
    )
    return OutcomeRecorded(outcome=outcome)
