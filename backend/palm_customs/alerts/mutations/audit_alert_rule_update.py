from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.alerts import services
from palm_customs.alerts.types import (
    AuditAlertError,
    AuditAlertRule,
    AuditAlertRuleSaved,
    AuditAlertRuleUpdateInput,
    AuditAlertRuleUpdateResult,
    Done,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Switch an anomaly rule on or off, or change its threshold, window or working "
    "hours (step-up; audited). The evaluator uses it from its next run.",
)
async def audit_alert_rule_update(
    info: Info[Context, Any], input: AuditAlertRuleUpdateInput
) -> AuditAlertRuleUpdateResult:
    principal = info.context.principal
    language = info.context.language

    async def perform(connection: BaseDBAsyncClient) -> Done:
        rule = await services.update_rule(
            connection,
            principal,
            input.code,
            {
                "enabled": input.enabled,
                "threshold": input.threshold,
                "window_minutes": input.window_minutes,
                "hours_start": input.hours_start,
                "hours_end": input.hours_end,
            },
        )
        return Done(rule, f"alert_rule:{rule.code}")

    return await run_mutation(
        info,
        prepare=services.ensure_rules,
        perform=perform,
        present=lambda done: AuditAlertRuleSaved(rule=AuditAlertRule.from_row(done.row, language)),
        refused=refusals(ValidationError, AuditAlertError),
    )
