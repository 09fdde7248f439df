"""What a duty estimate takes and gives (travellers, articles, lines, totals, the
advised channel), the errors for input validation should have refused, and the integer-cents
arithmetic every step shares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from enum import StrEnum
from typing import Any

from palm_customs.declarations.rules import (
    LimitProfile,
    Residency,
    TaxCategory,
)

ARRIVING = "arriving"
CENT = Decimal("0.01")
_EXACT = Context(prec=100)


class DutyInputError(ValueError):
    """The input should have been refused by validation before reaching the estimate."""

    code = "invalid_input"


class UnknownCategoryError(DutyInputError):
    code = "unknown_category"


class UnknownCurrencyError(DutyInputError):
    code = "unknown_currency"


class UnknownTravellerError(DutyInputError):
    code = "unknown_traveller"


class InvalidArticleError(DutyInputError):
    code = "invalid_article"


class MeasureRequiredError(InvalidArticleError):
    """A category banded by value per ml/g needs the ml or g in one unit."""

    code = "measure_required"


class TooManyChoicesError(DutyInputError):
    """Too many different articles compete for one allowance to choose among them exactly."""

    code = "too_many_allowance_choices"


# The exact choice of exempted articles enumerates at most this many combinations in each half
# of the meet-in-the-middle search (a traveller's articles are split in two halves). Thirty
# different single articles, or fewer lines with quantities, fit; more is refused (the API
# answers TOO_MANY_ALLOWANCE_CHOICES) rather than answered slowly or approximately.
MAX_HALF_CHOICES = 2**15
_SATURATE = 2**40


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class Traveller:
    key: str
    residency: Residency
    age: int
    cash: tuple[Money, ...] = ()
    # Arriving from Hong Kong or Macau (a port facing them): their allowance and limits apply.
    from_hk_macau: bool = False
    # Crossing to and from Hong Kong or Macau the same day or often: the lowest limits apply.
    frequent_crosser: bool = False

    @property
    def limit_profile(self) -> LimitProfile:
        if self.frequent_crosser:
            return LimitProfile.FREQUENT_CROSSER
        return LimitProfile.HK_MACAU if self.from_hk_macau else LimitProfile.GENERAL


@dataclass(frozen=True, slots=True)
class Article:
    key: str
    traveller_key: str
    category: str
    quantity: int
    unit_value: Decimal
    currency: str
    # Alcohol and tobacco only: ml, sticks, cigars or grams in one unit (a 750 ml bottle: 750).
    unit_measure: int | None = None
    # Quantity > 1 only: the units form one set that is used only together (a set of golf
    # clubs), so the line is one article. Otherwise each unit is one article; a single article
    # is indivisible by nature.
    indivisible: bool = False
    # Non-residents only: the article leaves China again with the traveller.
    taken_out_again: bool = False
    # Bought in an arrival duty-free shop at the port.
    duty_free_shop: bool = False


class LineRule(StrEnum):
    ALLOWANCE = "allowance"  # every unit exempted
    ALLOWANCE_SOME_UNITS = "allowance_some_units"  # some whole units exempted, the rest taxed
    NOT_CHOSEN = "not_chosen"  # fits the allowance alone, but others save more duty
    INDIVISIBLE_OVER_ALLOWANCE = "indivisible_over_allowance"  # one article worth more
    TAXED_WITHIN_ALLOWANCE = "taxed_within_allowance"  # goods the allowance never covers
    ALCOHOL_LIMIT = "alcohol_limit"
    TOBACCO_LIMIT = "tobacco_limit"
    MINOR_NO_ALCOHOL_TOBACCO = "minor_no_alcohol_tobacco"
    NOT_TAXABLE_TAKEN_OUT = "not_taxable_taken_out"


class Channel(StrEnum):
    NOTHING_TO_DECLARE = "NOTHING_TO_DECLARE"
    DECLARE = "DECLARE"


class Reason(StrEnum):
    """Why to use the red channel; listed in this order."""

    DUTY_OWED = "duty_owed"
    OVER_ALCOHOL_TOBACCO_LIMIT = "over_alcohol_tobacco_limit"
    MINOR_ALCOHOL_TOBACCO = "minor_alcohol_tobacco"
    CASH_OVER_THRESHOLD = "cash_over_threshold"
    CHECKLIST_YES = "checklist_yes"


_REASON_ORDER = list(Reason)


@dataclass(frozen=True, slots=True)
class EstimateLine:
    article_key: str
    traveller_key: str
    # The category taxed: the band the value falls in, which may differ from the one declared.
    category: str
    declared_category: str
    value_cny: Decimal
    # Value exempted on this line by the allowance `rule` names (value or quantity allowance).
    allowance_used_cny: Decimal
    # Value allowance only: how many whole units (articles) of the line it exempts.
    units_exempt: int
    taxable_cny: Decimal
    rate: Decimal
    duty_cny: Decimal
    rule: LineRule
    legal_basis: str


@dataclass(frozen=True, slots=True)
class TravellerTotal:
    traveller_key: str
    allowance_cny: Decimal
    # The limit for articles acquired abroad and arrival duty-free purchases together, if any.
    allowance_with_duty_free_cny: Decimal | None
    # Of the value allowance only; alcohol/tobacco limits are counted in their lines.
    allowance_used_cny: Decimal
    value_cny: Decimal
    taxable_cny: Decimal
    duty_cny: Decimal
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Estimate:
    lines: tuple[EstimateLine, ...]
    travellers: tuple[TravellerTotal, ...]
    value_cny: Decimal
    taxable_cny: Decimal
    duty_cny: Decimal
    channel: Channel
    reasons: tuple[Reason, ...]
    rule_set_version: str
    rates_date: date

    def to_dict(self) -> dict[str, Any]:
        """The JSON form shared with the PWA: decimals as strings."""
        return {
            "rule_set_version": self.rule_set_version,
            "rates_date": self.rates_date.isoformat(),
            "channel": self.channel.value,
            "reasons": [r.value for r in self.reasons],
            "value_cny": str(self.value_cny),
            "taxable_cny": str(self.taxable_cny),
            "duty_cny": str(self.duty_cny),
            "travellers": [
                {
                    "traveller_key": t.traveller_key,
                    "allowance_cny": str(t.allowance_cny),
                    "allowance_with_duty_free_cny": (
                        None
                        if t.allowance_with_duty_free_cny is None
                        else str(t.allowance_with_duty_free_cny)
                    ),
                    "allowance_used_cny": str(t.allowance_used_cny),
                    "value_cny": str(t.value_cny),
                    "taxable_cny": str(t.taxable_cny),
                    "duty_cny": str(t.duty_cny),
                    "reasons": [r.value for r in t.reasons],
                }
                for t in self.travellers
            ],
            "lines": [
                {
                    "article_key": line.article_key,
                    "traveller_key": line.traveller_key,
                    "category": line.category,
                    "declared_category": line.declared_category,
                    "value_cny": str(line.value_cny),
                    "allowance_used_cny": str(line.allowance_used_cny),
                    "units_exempt": line.units_exempt,
                    "taxable_cny": str(line.taxable_cny),
                    "rate": str(line.rate),
                    "duty_cny": str(line.duty_cny),
                    "rule": line.rule.value,
                    "legal_basis": line.legal_basis,
                }
                for line in self.lines
            ],
        }


@dataclass(slots=True)
class _Work:
    """A line being computed, in integer cents."""

    index: int
    article: Article
    category: TaxCategory
    value: int
    unit_value: int
    allowance_used: int = 0
    units_exempt: int = 0
    taxable: int = 0
    rule: LineRule = LineRule.ALLOWANCE
    legal_basis: str = ""


def _duty_cents(work: _Work) -> int:
    return _round_cents(_EXACT.multiply(_money(work.taxable), work.category.rate))


def _round_cents(amount: Decimal) -> int:
    return int(amount.quantize(CENT, rounding=ROUND_HALF_UP).scaleb(2))


def _div_half_up(numerator: int, denominator: int) -> int:
    # Both non-negative here.
    return (2 * numerator + denominator) // (2 * denominator)


def _cents(amount: Decimal) -> int:
    return _round_cents(amount)


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2).quantize(CENT)


def _ordered(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    return tuple(sorted(set(reasons), key=_REASON_ORDER.index))
