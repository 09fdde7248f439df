"""China's passenger-article rules and exchange rates as data.

An administrator publishes a new `RuleSet` or `ExchangeRateTable` as a plain dict (JSON) without
a release; `duty.estimate_duty` only reads them. The PWA receives the same dicts and runs the
TypeScript port (`pwa/src/features/declarations/DeclarationDuty.ts`) offline, so the dict shape is
a contract: `RuleSet.from_dict(d).to_dict() == d`.

Pure: no I/O, no strawberry, no ORM. The data model is in `model.py`, the seed rules and rates
in `seed.py`; everything public is re-exported here.
"""

from palm_customs.declarations.rules.model import (
    CNY,
    AllowanceChoice,
    AllowanceOrigin,
    BandPer,
    CashLimits,
    ExchangeRateTable,
    LimitKind,
    LimitProfile,
    PersonalAllowance,
    QuantityLimit,
    Residency,
    RulesDataError,
    RuleSet,
    TaxCategory,
    Text,
    ValueBand,
)
from palm_customs.declarations.rules.seed import (
    SEED_RATES,
    SEED_RULES,
    seed_rates,
    seed_rule_set,
)

__all__ = [
    "CNY",
    "SEED_RATES",
    "SEED_RULES",
    "AllowanceChoice",
    "AllowanceOrigin",
    "BandPer",
    "CashLimits",
    "ExchangeRateTable",
    "LimitKind",
    "LimitProfile",
    "PersonalAllowance",
    "QuantityLimit",
    "Residency",
    "RuleSet",
    "RulesDataError",
    "TaxCategory",
    "Text",
    "ValueBand",
    "seed_rates",
    "seed_rule_set",
]
