from __future__ import annotations

import json
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications import services
from palm_customs.applications.mutations._common import application_done
from palm_customs.applications.types import ApplicationError, ApplicationResult
from palm_customs.context import Context
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


def _parse(value: str) -> dict[str, Any]:
    try:
        data = json.loads(value) if len(value) <= 64_000 else None
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        raise ValidationFailed([FieldProblem("draftJson", ValidationErrorCode.INVALID_FORMAT)])
    return data


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.REVIEWER, Role.SENIOR_REVIEWER),
    description="Save the review in progress (annotations, draft corrections).",
)
async def review_draft_save(
    info: Info[Context, Any], review_id: strawberry.ID, draft_json: str
) -> ApplicationResult:
    principal = info.context.principal

    async def perform(connection: Any) -> services.Changed:
        return await services.save_review_draft(
            connection, principal=principal, review_id=review_id, draft=_parse(draft_json)
        )

    return await run_mutation(
        info,
        after_commit=services.publish_queue_events,
        perform=perform,
        present=application_done,
        refused=refusals(ValidationError, ApplicationError),
    )
