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
    extensions=access(Level.SESSION, Role.PERSON),
    description="Rate the service once it is complete (1 to 5).",
)
async def application_rate(
    info: Info[Context, Any], application_id: strawberry.ID, rating: int, comment: str = ""
) -> ApplicationResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        after_commit=services.publish_queue_events,
        perform=lambda c: services.rate(
            c, principal=principal, application_id=application_id, rating=rating, comment=comment
        ),
        present=application_done,
        refused=refusals(ValidationError, ApplicationError),
    )
