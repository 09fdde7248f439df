from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.context import Context
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.declarations.models import DutyRuleSet, ExchangeRateTable
from palm_customs.declarations.rules import ExchangeRateTable as RatesData
from palm_customs.declarations.rules import RulesDataError, RuleSet
from palm_customs.declarations.types import DutyRulesPublished, DutyRulesPublishResult


@dataclass(frozen=True, slots=True)
class _Published:
    version: str | None
    rates_date: str | None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return tuple(
            t
            for t in (
                f"duty_rules:{self.version}" if self.version else "",
                f"rates:{self.rates_date}" if self.rates_date else "",
            )
            if t
        )


def _parse(value: str | None, path: str, build: Any) -> Any:
    if value is None:
        return None
    try:
        return build(json.loads(value[:200_000]))
    except (json.JSONDecodeError, RulesDataError, TypeError):
        raise ValidationFailed([FieldProblem(path, ValidationErrorCode.INVALID_FORMAT)]) from None


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Publish a new duty rule set and/or exchange-rate table (JSON in the form "
    "dutyRules returns), effective from its own date: no release needed.",
)
async def duty_rules_publish(
    info: Info[Context, Any], rule_set_json: str | None = None, rates_json: str | None = None
) -> DutyRulesPublishResult:
    editor = info.context.principal.actor

    async def perform(connection: BaseDBAsyncClient) -> _Published:
        rules: RuleSet | None = _parse(rule_set_json, "ruleSetJson", RuleSet.from_dict)
        rates: RatesData | None = _parse(rates_json, "ratesJson", RatesData.from_dict)
        if rules is None and rates is None:
            raise ValidationFailed([FieldProblem("ruleSetJson", ValidationErrorCode.REQUIRED)])
        if rules is not None:
            if await DutyRuleSet.filter(version=rules.version).using_db(connection).exists():
                raise ValidationFailed(
                    [FieldProblem("ruleSetJson", ValidationErrorCode.INVALID_CHOICE)]
                )
            await DutyRuleSet.create(
                using_db=connection,
                version=rules.version,
                effective_from=rules.effective_from,
                source=rules.source[:300],
                data=rules.to_dict(),
                published_by=editor[:80],
            )
        if rates is not None:
            await ExchangeRateTable.update_or_create(
                effective_date=rates.date,
                defaults={
                    "source": rates.source[:300],
                    "rates": {k: str(v) for k, v in rates.rates.items()},
                },
                using_db=connection,
            )
        return _Published(
            version=rules.version if rules else None,
            rates_date=rates.date.isoformat() if rates else None,
        )

    return await run_mutation(
        info,
        perform=perform,
        present=lambda done: DutyRulesPublished(version=done.version, rates_date=done.rates_date),
        refused=refusals(ValidationError),
    )
