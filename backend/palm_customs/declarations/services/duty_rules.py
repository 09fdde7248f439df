"""The duty rules in force on a day (rules-as-data in the database), and seeding them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from palm_customs.core import clock
from palm_customs.declarations.models import DutyRuleSet, ExchangeRateTable
from palm_customs.declarations.rules import ExchangeRateTable as RatesData
from palm_customs.declarations.rules import RuleSet, seed_rates, seed_rule_set


@dataclass(frozen=True, slots=True)
class CurrentRules:
    rules: RuleSet
    rates: RatesData


async def current_rules(today: date | None = None) -> CurrentRules:
    """The rule set and rate table in force today (the seeded ones until others are published)."""
    today = today or clock.today()
    row = (
        await DutyRuleSet.filter(effective_from__lte=today)
        .order_by("-effective_from", "-id")
        .first()
    )
    rates_row = (
        await ExchangeRateTable.filter(effective_date__lte=today)
        .order_by("-effective_date")
        .first()
    )
    rules = RuleSet.from_dict(row.data) if row else seed_rule_set()
    rates = (
        RatesData.from_dict(
            {
                "date": rates_row.effective_date.isoformat(),
                "source": rates_row.source,
                "rates": rates_row.rates,
            }
        )
        if rates_row
        else seed_rates()
    )
    return CurrentRules(rules=rules, rates=rates)


async def seed_rules() -> int:
    """Demo data: publish the seeded rule set and rate table if absent (idempotent)."""
    created = 0
    rules = seed_rule_set()
    _, new = await DutyRuleSet.get_or_create(
        version=rules.version,
        defaults={
            "effective_from": rules.effective_from,
            "source": rules.source[:300],
            "data": rules.to_dict(),
            "published_by": "seed",
        },
    )
    created += int(new)
    rates = seed_rates()
    _, new = await ExchangeRateTable.get_or_create(
        effective_date=rates.date,
        defaults={
            "source": rates.source[:300],
            "rates": {k: str(v) for k, v in rates.rates.items()},
        },
    )
    return created + int(new)
