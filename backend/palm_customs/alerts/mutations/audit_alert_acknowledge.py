from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.alerts import services
from palm_customs.alerts.errors import AlertErrorCode, AlertProblem
from palm_customs.alerts.queries import present
from palm_customs.alerts.types import (
    AuditAlertAcknowledged,
    AuditAlertAcknowledgeResult,
    AuditAlertError,
    Done,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.SUPERVISOR, Role.ADMINISTRATOR),
    description="Acknowledge an anomaly alert I can see, with an optional note (audited).",
)
async def audit_alert_acknowledge(
    info: Info[Context, Any], id: strawberry.ID, note: str = ""
) -> AuditAlertAcknowledgeResult:
    principal = info.context.principal
    language = info.context.language
    text = str(id)

    async def perform(connection: BaseDBAsyncClient) -> Done:
        if not (text.isascii() and text.isdigit() and len(text) <= 18):
            raise AlertProblem(AlertErrorCode.NOT_FOUND)
        alert = await services.acknowledge(connection, principal, int(text), note)
        return Done(alert, f"alert:{alert.id}")

    async def show(done: Done) -> AuditAlertAcknowledged:
        return AuditAlertAcknowledged(alert=(await present([done.row], language))[0])

    result = await run_mutation(
        info,
        perform=perform,
        refused=refusals(ValidationError, AuditAlertError),
    )
    if isinstance(result, Done):
        return await show(result)
    return result
