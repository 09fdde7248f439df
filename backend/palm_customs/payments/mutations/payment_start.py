from __future__ import annotations

import uuid
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.payments import intents as services
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.types import (
    PaymentError,
    PaymentIntent,
    PaymentStarted,
    PaymentStartResult,
)


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.PERSON),
    description="Pay what is due on one of your declarations now (the server sets the amount). "
    "The same key, or a second device, gets the same payment.",
)
async def payment_start(
    info: Info[Context, Any], declaration_id: strawberry.ID, idempotency_key: str
) -> PaymentStartResult:
    principal = info.context.principal

    async def perform(connection: Any) -> services.Started:
        try:
            key = uuid.UUID(str(declaration_id)[:40])
        except ValueError:
            raise PaymentProblem(PaymentErrorCode.NOT_FOUND, field="declarationId") from None
        return await services.start(
            connection, principal=principal, declaration_id=key, idempotency_key=idempotency_key
        )

    async def at_provider(done: services.Started) -> None:
        # The provider's order is made after our record committed (a network call never
        # holds a transaction open); a timeout leaves it `created` for reconciliation.
        done.intent = await services.open_at_provider(done.intent)

    return await run_mutation(
        info,
        perform=perform,
        after_commit=at_provider,
        present=lambda done: PaymentStarted(
            intent=PaymentIntent.from_row(done.intent), replayed=done.replayed
        ),
        refused=refusals(ValidationError, PaymentError),
    )
