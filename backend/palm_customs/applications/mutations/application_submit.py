from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications import services
from palm_customs.applications.mutations._common import application_done, form
from palm_customs.applications.mutations._common import materials as _materials
from palm_customs.applications.types import (
    ApplicationError,
    ApplicationResult,
    FormValueInput,
    MaterialRefInput,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Apply for a service; the same idempotency key never creates a second application.",
)
async def application_submit(
    info: Info[Context, Any],
    item_code: str,
    form_data: list[FormValueInput],
    materials: list[MaterialRefInput],
    idempotency_key: str,
    enterprise_id: strawberry.ID | None = None,
) -> ApplicationResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        after_commit=services.publish_queue_events,
        perform=lambda c: services.submit(
            c,
            principal=principal,
            item_code=item_code,
            form_data=form(form_data),
            materials=_materials(materials),
            idempotency_key=idempotency_key,
            enterprise_id=enterprise_id,
        ),
        present=application_done,
        refused=refusals(ValidationError, ApplicationError),
    )
