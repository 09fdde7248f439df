from __future__ import annotations

import uuid
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.payments import application_fees
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.intents import Started, open_at_provider
from palm_customs.payments.types import (
    PaymentError,
    PaymentIntent,
    PaymentStarted,
    PaymentStartResult,
)


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.PERSON),
    description="Pay the fee of one of your applications, when its service says it is due (the "
    "server sets the amount). The same key, or a second device, gets the same payment.",
)
async def application_fee_payment_start(
    info: Info[Context, Any], application_id: strawberry.ID, idempotency_key: str
) -> PaymentStartResult:
    principal = info.context.principal

    async def perform(connection: Any) -> Started:
        try:
            key = uuid.UUID(str(application_id)[:40])
        except ValueError:
            raise PaymentProblem(PaymentErrorCode.NOT_FOUND, field="applicationId") from None
        return await application_fees.start_fee(
            connection, principal=principal, application_id=key, idempotency_key=idempotency_key
        )

    async def at_provider(done: Started) -> None:
        done.intent = await open_at_provider(done.intent)

    return await run_mutation(
        info,
        perform=perform,
        after_commit=at_provider,
        present=lambda done: PaymentStarted(
            intent=PaymentIntent.from_row(done.intent), replayed=done.replayed
        ),
        refused=refusals(ValidationError, PaymentError),
    )
