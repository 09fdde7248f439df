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
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.REVIEWER, Role.SENIOR_REVIEWER),
    description="Pass or reject (a fresh passkey check is required).",
)
async def review_decide(
    info: Info[Context, Any], review_id: strawberry.ID, passed: bool
) -> ApplicationResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        after_commit=services.publish_queue_events,
        perform=lambda c: services.decide(
            c,
            principal=principal,
            review_id=review_id,
            outcome=ReviewStatus.PASSED if passed else ReviewStatus.REJECTED,
            corrections=[],
        ),
        present=application_done,
        refused=refusals(ValidationError, ApplicationError),
    )
