from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications import services
from palm_customs.applications.models import ReviewStatus
from palm_customs.applications.mutations._common import application_done
from palm_customs.applications.types import (
    ApplicationError,
    ApplicationResult,
    CorrectionItemInput,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.REVIEWER, Role.SENIOR_REVIEWER),
    description="Send one complete list of corrections for this review.",
)
async def review_corrections_send(
    info: Info[Context, Any], review_id: strawberry.ID, corrections: list[CorrectionItemInput]
) -> ApplicationResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        after_commit=services.publish_queue_events,
        perform=lambda c: services.decide(
            c,
            principal=principal,
            review_id=review_id,
            outcome=ReviewStatus.CORRECTIONS,
            corrections=[
                services.CorrectionItem(target=x.target, problem=x.problem, action=x.action)
                for x in corrections[:60]
            ],
        ),
        present=application_done,
        refused=refusals(ValidationError, ApplicationError),
    )
