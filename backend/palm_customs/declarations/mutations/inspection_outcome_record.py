from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.declarations import services
from palm_customs.declarations.types import (
    DeclarationError,
    InspectionOutcomeInfo,
    OutcomeInput,
    OutcomeRecorded,
    OutcomeRecordResult,
)


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.INSPECTOR, Role.SUPERVISOR),
    description="Record what happened at the channel (queued offline on the tablet; the key "
    "makes a resend harmless).",
)
async def inspection_outcome_record(
    info: Info[Context, Any], input: OutcomeInput, idempotency_key: str
) -> OutcomeRecordResult:
    principal = info.context.principal

    async def perform(connection: Any) -> services.OutcomeRecorded:
        duty = (
            services.parse_decimal(input.duty_assessed[:30], "input.dutyAssessed")
            if input.duty_assessed
            else None
        )
        return await services.record_outcome(
            connection,
            principal=principal,
            number=input.number,
            version=input.version,
            kind=input.kind,
            duty_assessed=duty,
            reason=input.reason,
            receipt_number=input.receipt_number,
            idempotency_key=idempotency_key,
            observed_at=input.observed_at,
        )

    return await run_mutation(
        info,
        perform=perform,
        present=lambda done: OutcomeRecorded(
            declaration_id=strawberry.ID(str(done.outcome.declaration_id)),
            outcome=InspectionOutcomeInfo.from_row(done.outcome),
            replayed=done.replayed,
        ),
        refused=refusals(ValidationError, DeclarationError),
    )
