from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments.services import fairness
from palm_customs.appointments.types import (
    FairnessRuleInfo,
    FairnessRuleInput,
    FairnessRuleResult,
    FairnessRuleSaved,
)
from palm_customs.context import Context
from palm_customs.core import clock
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Set how many seats of an item one person may hold (in all, per day) and how "
    "often they may reschedule or cancel it in a window, counted across all their accounts.",
)
async def fairness_rule_set(
    info: Info[Context, Any], input: FairnessRuleInput
) -> FairnessRuleResult:
    principal = info.context.principal
    result = await run_mutation(
        info,
        perform=lambda c: fairness.set_rule(
            c,
            principal=principal,
            item_code=input.item_code,
            max_per_item=input.max_per_item,
            max_per_day=input.max_per_day,
            max_reschedules=input.max_reschedules,
            max_cancellations=input.max_cancellations,
            change_window_hours=input.change_window_hours,
            now=clock.now(),
            verified_only=input.verified_only,
        ),
        refused=refusals(ValidationError),
    )
    if isinstance(result, fairness.RuleSet):
        rule = result.rule
        return FairnessRuleSaved(
            rule=FairnessRuleInfo(
                item_code=rule.item_code,
                max_per_item=rule.max_per_item,
                max_per_day=rule.max_per_day,
                max_reschedules=rule.max_reschedules,
                max_cancellations=rule.max_cancellations,
                change_window_hours=rule.change_window_hours,
                verified_only=rule.verified_only,
                updated_at=rule.updated_at,
            )
        )
    return result
