from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.identity import services
from palm_customs.identity.types import AccountError, OfficerCreated, OfficerCreateResult


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Enrol an officer: returns a one-time code they use to register a passkey.",
)
async def officer_create(
    info: Info[Context, Any], badge_number: str, full_name: str, unit: str, roles: list[str]
) -> OfficerCreateResult:
    return await run_mutation(
        info,
        perform=lambda c: services.create_officer(
            c, badge_number=badge_number, full_name=full_name, unit=unit, roles=roles[:10]
        ),
        present=lambda done: OfficerCreated(
            badge_number=done.officer.badge_number,
            enrolment_code=done.enrolment_code,
            expires_at=done.officer.enrolment_expires_at,  # type: ignore[arg-type]
        ),
        refused=refusals(ValidationError, AccountError),
    )
