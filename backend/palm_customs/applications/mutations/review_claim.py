from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications import services
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
    extensions=access(Level.VERIFIED, Role.REVIEWER, Role.SENIOR_REVIEWER),
    description="Take a review from the department queue.",
)
async def review_claim(info: Info[Context, Any], review_id: strawberry.ID) -> ApplicationResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        after_commit=services.publish_queue_events,
        perform=lambda c: services.claim(c, principal=principal, review_id=review_id),
        present=application_done,
        refused=refusals(ValidationError, ApplicationError),
    )
