"""The rules' data model: residency, limits, allowances, tax categories and value bands, a
`RuleSet` and an `ExchangeRateTable`, each read from and written to the plain dict (JSON) an
administrator publishes and the PWA receives (`RuleSet.from_dict(d).to_dict() == d`).

Pure: no I/O, no strawberry, no ORM.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

CNY = "CNY"


class Residency(StrEnum):
    RESIDENT = "resident"
    NON_RESIDENT = "non_resident"


class LimitKind(StrEnum):
    """Quantity-limited goods; each kind is measured in its own unit."""

    ALCOHOL = "alcohol"  # millilitres of drinks of 12 % vol or more
    CIGARETTES = "cigarettes"  # sticks
    CIGARS = "cigars"  # cigars
    PIPE_TOBACCO = "pipe_tobacco"  # grams


class LimitProfile(StrEnum):
    """Whose alcohol and tobacco limits apply."""

    GENERAL = "general"
    # Arriving from Hong Kong or Macau: their residents and mainland residents on private trips.
    HK_MACAU = "hk_macau"
    # Same-day or frequent crossers to and from Hong Kong or Macau.
    FREQUENT_CROSSER = "frequent_crosser"


class AllowanceOrigin(StrEnum):
    ANY = "any"
    HK_MACAU = "hk_macau"


class RulesDataError(ValueError):
    """A published rule set or rate table is malformed; refuse it before anyone relies on it."""


@dataclass(frozen=True, slots=True)
class Text:
    zh_hans: str
    zh_hant: str
    en: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Text:
        return cls(zh_hans=str(data["zh-Hans"]), zh_hant=str(data["zh-Hant"]), en=str(data["en"]))

    def to_dict(self) -> dict[str, str]:
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant, "en": self.en}


class BandPer(StrEnum):
    """What a value band is measured on."""

    UNIT = "unit"  # the value of one unit of the article (a watch)
    MEASURE = "measure"  # the value per ml or g (cosmetics: 10 yuan/ml or more is high-end)


@dataclass(frozen=True, slots=True)
class ValueBand:
    """A category defined by a value band: [from_cny, below_cny) per unit or per ml/g.

    Categories sharing a `group` tile the values from 0 with no gap or overlap, so every article
    of the group is placed in exactly one of them, whatever category the traveller picked.
    """

    group: str
    per: BandPer
    from_cny: Decimal
    below_cny: Decimal | None
    basis: str

    def contains(self, unit_cents: int, measure: int) -> bool:
        # from <= unit / measure < below, compared without dividing.
        low = _to_cents(self.from_cny) * measure
        high = None if self.below_cny is None else _to_cents(self.below_cny) * measure
        return low <= unit_cents and (high is None or unit_cents < high)


@dataclass(frozen=True, slots=True)
class TaxCategory:
    code: str
    name: Text
    examples: Text
    rate: Decimal
    limit_kind: LimitKind | None = None
    value_band: ValueBand | None = None
    # What people type for it, in the three languages (perfume, 香水, 香水).
    synonyms: tuple[str, ...] = ()
    # Goods the State taxes even within the allowance (the "20 kinds of goods"), with the basis.
    taxed_within_allowance: str = ""

    @property
    def needs_measure(self) -> bool:
        return self.limit_kind is not None or (
            self.value_band is not None and self.value_band.per is BandPer.MEASURE
        )


@dataclass(frozen=True, slots=True)
class AllowanceChoice:
    """How the articles the allowance exempts (whole articles only) are chosen, and why."""

    method: str
    basis: str


@dataclass(frozen=True, slots=True)
class PersonalAllowance:
    """Value of articles a traveller may bring in free of duty, per direction and residency."""

    direction: str
    residency: Residency
    amount_cny: Decimal
    basis: str
    # Arrival duty-free shop purchases may be exempted on top, up to this total with the
    # articles acquired abroad; None: they share `amount_cny` like any other article.
    with_duty_free_cny: Decimal | None = None
    duty_free_basis: str = ""
    # Where the traveller arrives from, and the age from which this allowance applies.
    origin: AllowanceOrigin = AllowanceOrigin.ANY
    min_age: int = 0


@dataclass(frozen=True, slots=True)
class QuantityLimit:
    """Alcohol or tobacco a traveller of `min_age` or more may bring in free of duty.

    Kinds sharing a `group` are alternatives ("400 cigarettes OR 100 cigars OR 500 g"): a mix
    uses the group pro rata, e.g. 200 cigarettes and 50 cigars together exhaust it.
    """

    kind: LimitKind
    group: str
    amount: int  # 0: none may be brought in free of duty
    unit: str
    min_age: int
    basis: str
    profile: LimitProfile = LimitProfile.GENERAL


@dataclass(frozen=True, slots=True)
class CashLimits:
    """Cash a traveller may carry without declaring it; declare when strictly more."""

    cny: Decimal
    foreign_usd: Decimal
    basis: str


@dataclass(frozen=True, slots=True)
class RuleSet:
    version: str
    effective_from: date
    effective_to: date | None
    source: str
    rates_basis: str
    allowances: tuple[PersonalAllowance, ...]
    categories: tuple[TaxCategory, ...]
    quantity_limits: tuple[QuantityLimit, ...]
    cash: CashLimits
    allowance_choice: AllowanceChoice = AllowanceChoice(method="", basis="")
    # Land ports facing Hong Kong or Macau: arriving there is arriving from Hong Kong or Macau.
    hk_macau_ports: tuple[str, ...] = ()

    def is_effective_on(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def category(self, code: str) -> TaxCategory | None:
        return next((c for c in self.categories if c.code == code), None)

    def band_members(self, group: str) -> tuple[TaxCategory, ...]:
        return tuple(
            c for c in self.categories if c.value_band is not None and c.value_band.group == group
        )

    def allowance(
        self, *, direction: str, residency: Residency, from_hk_macau: bool = False, age: int = 99
    ) -> PersonalAllowance:
        """The most specific allowance that applies: by origin first, then the higher min age."""
        fitting = [
            a
            for a in self.allowances
            if a.direction == direction
            and a.residency is residency
            and age >= a.min_age
            and (a.origin is AllowanceOrigin.ANY or from_hk_macau)
        ]
        if not fitting:
            raise RulesDataError(
                f"rule set {self.version} has no {direction} allowance for {residency}"
            )
        return max(fitting, key=lambda a: (a.origin is AllowanceOrigin.HK_MACAU, a.min_age))

    def quantity_limit(
        self, kind: LimitKind, profile: LimitProfile = LimitProfile.GENERAL
    ) -> QuantityLimit:
        """The limit of `profile`, or the general one where the profile has none of its own."""
        for wanted in (profile, LimitProfile.GENERAL):
            for limit in self.quantity_limits:
                if limit.kind is kind and limit.profile is wanted:
                    return limit
        raise RulesDataError(f"rule set {self.version} has no quantity limit for {kind}")

    def limits_of(self, profile: LimitProfile, group: str) -> tuple[QuantityLimit, ...]:
        kinds = {q.kind for q in self.quantity_limits if q.group == group}
        return tuple(self.quantity_limit(kind, profile) for kind in sorted(kinds))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleSet:
        try:
            rule_set = cls(
                version=str(data["version"]),
                effective_from=date.fromisoformat(data["effective_from"]),
                effective_to=(
                    None
                    if data["effective_to"] is None
                    else date.fromisoformat(data["effective_to"])
                ),
                source=str(data["source"]),
                rates_basis=str(data["rates_basis"]),
                allowances=tuple(
                    PersonalAllowance(
                        direction=str(a["direction"]),
                        residency=Residency(a["residency"]),
                        amount_cny=_money(a["amount_cny"]),
                        basis=str(a["basis"]),
                        with_duty_free_cny=(
                            None
                            if a.get("with_duty_free_cny") is None
                            else _money(a["with_duty_free_cny"])
                        ),
                        duty_free_basis=str(a.get("duty_free_basis", "")),
                        origin=AllowanceOrigin(a.get("origin", "any")),
                        min_age=_natural_int(a.get("min_age", 0)),
                    )
                    for a in data["allowances"]
                ),
                categories=tuple(
                    TaxCategory(
                        code=str(c["code"]),
                        name=Text.from_dict(c["name"]),
                        examples=Text.from_dict(c["examples"]),
                        rate=_rate(c["rate"]),
                        limit_kind=None if c["limit_kind"] is None else LimitKind(c["limit_kind"]),
                        value_band=_band(c.get("value_band")),
                        synonyms=tuple(str(w) for w in c.get("synonyms", [])),
                        taxed_within_allowance=str(c.get("taxed_within_allowance", "")),
                    )
                    for c in data["categories"]
                ),
                quantity_limits=tuple(
                    QuantityLimit(
                        kind=LimitKind(q["kind"]),
                        group=str(q["group"]),
                        amount=_natural_int(q["amount"]),
                        unit=str(q["unit"]),
                        min_age=_positive_int(q["min_age"]),
                        basis=str(q["basis"]),
                        profile=LimitProfile(q.get("profile", "general")),
                    )
                    for q in data["quantity_limits"]
                ),
                cash=CashLimits(
                    cny=_money(data["cash"]["cny"]),
                    foreign_usd=_money(data["cash"]["foreign_usd"]),
                    basis=str(data["cash"]["basis"]),
                ),
                allowance_choice=AllowanceChoice(
                    method=str(data.get("allowance_choice", {}).get("method", "")),
                    basis=str(data.get("allowance_choice", {}).get("basis", "")),
                ),
                hk_macau_ports=tuple(str(p) for p in data.get("hk_macau_ports", [])),
            )
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise RulesDataError(f"malformed rule set: {exc!r}") from exc
        codes = [c.code for c in rule_set.categories]
        if len(set(codes)) != len(codes):
            raise RulesDataError("category codes must be unique")
        keys = [(q.kind, q.profile) for q in rule_set.quantity_limits]
        if len(set(keys)) != len(keys):
            raise RulesDataError("one quantity limit per kind and profile")
        kinds = [q.kind for q in rule_set.quantity_limits if q.profile is LimitProfile.GENERAL]
        for limit in rule_set.quantity_limits:
            if limit.amount == 0 and limit.profile is LimitProfile.GENERAL:
                raise RulesDataError("a general quantity limit must allow some")
            if limit.kind not in kinds:
                raise RulesDataError(f"{limit.kind} has a {limit.profile} limit but no general one")
        for group in {q.group for q in rule_set.quantity_limits}:
            if {q.group for q in rule_set.limits_of(LimitProfile.GENERAL, group)} != {group}:
                raise RulesDataError(f"kinds of the group {group} must stay in it")
        for category in rule_set.categories:
            if category.limit_kind is not None and category.limit_kind not in kinds:
                raise RulesDataError(f"category {category.code} names a limit that is missing")
        _check_bands(rule_set)
        for allowance in rule_set.allowances:
            if (
                allowance.with_duty_free_cny is not None
                and allowance.with_duty_free_cny < allowance.amount_cny
            ):
                raise RulesDataError("the limit with duty-free purchases is below the allowance")
        return rule_set

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "effective_from": self.effective_from.isoformat(),
            "effective_to": None if self.effective_to is None else self.effective_to.isoformat(),
            "source": self.source,
            "rates_basis": self.rates_basis,
            "allowances": [
                {
                    "direction": a.direction,
                    "residency": a.residency.value,
                    "amount_cny": str(a.amount_cny),
                    "basis": a.basis,
                    "with_duty_free_cny": (
                        None if a.with_duty_free_cny is None else str(a.with_duty_free_cny)
                    ),
                    "duty_free_basis": a.duty_free_basis,
                    "origin": a.origin.value,
                    "min_age": a.min_age,
                }
                for a in self.allowances
            ],
            "categories": [
                {
                    "code": c.code,
                    "name": c.name.to_dict(),
                    "examples": c.examples.to_dict(),
                    "rate": str(c.rate),
                    "limit_kind": None if c.limit_kind is None else c.limit_kind.value,
                    "value_band": None if c.value_band is None else _band_dict(c.value_band),
                    "synonyms": list(c.synonyms),
                    "taxed_within_allowance": c.taxed_within_allowance,
                }
                for c in self.categories
            ],
            "quantity_limits": [
                {
                    "kind": q.kind.value,
                    "group": q.group,
                    "amount": q.amount,
                    "unit": q.unit,
                    "min_age": q.min_age,
                    "basis": q.basis,
                    "profile": q.profile.value,
                }
                for q in self.quantity_limits
            ],
            "cash": {
                "cny": str(self.cash.cny),
                "foreign_usd": str(self.cash.foreign_usd),
                "basis": self.cash.basis,
            },
            "allowance_choice": {
                "method": self.allowance_choice.method,
                "basis": self.allowance_choice.basis,
            },
            "hk_macau_ports": list(self.hk_macau_ports),
        }


@dataclass(frozen=True, slots=True)
class ExchangeRateTable:
    """CNY per one unit of each currency, valid for one date."""

    date: date
    source: str
    rates: Mapping[str, Decimal]

    def rate(self, currency: str) -> Decimal | None:
        return self.rates.get(currency)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExchangeRateTable:
        try:
            rates = {str(code): _rate(value) for code, value in data["rates"].items()}
            table = cls(
                date=date.fromisoformat(data["date"]),
                source=str(data["source"]),
                rates=MappingProxyType(rates),
            )
        except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError) as exc:
            raise RulesDataError(f"malformed exchange-rate table: {exc!r}") from exc
        if table.rates.get(CNY) != Decimal(1):
            raise RulesDataError("the CNY rate must be 1")
        if any(value <= 0 for value in table.rates.values()):
            raise RulesDataError("rates must be positive")
        return table

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "source": self.source,
            "rates": {code: str(value) for code, value in self.rates.items()},
        }


def _to_cents(amount: Decimal) -> int:
    return int(amount.scaleb(2))


def _band(data: Any) -> ValueBand | None:
    if data is None:
        return None
    return ValueBand(
        group=str(data["group"]),
        per=BandPer(data["per"]),
        from_cny=_money(data["from_cny"]),
        below_cny=None if data["below_cny"] is None else _money(data["below_cny"]),
        basis=str(data["basis"]),
    )


def _band_dict(band: ValueBand) -> dict[str, Any]:
    return {
        "group": band.group,
        "per": band.per.value,
        "from_cny": str(band.from_cny),
        "below_cny": None if band.below_cny is None else str(band.below_cny),
        "basis": band.basis,
    }


def _check_bands(rule_set: RuleSet) -> None:
    groups = {c.value_band.group for c in rule_set.categories if c.value_band is not None}
    for group in sorted(groups):
        bands = sorted(
            (c.value_band for c in rule_set.band_members(group) if c.value_band is not None),
            key=lambda b: b.from_cny,
        )
        if len({b.per for b in bands}) != 1:
            raise RulesDataError(f"value bands of {group} must measure the same thing")
        if bands[0].from_cny != 0 or bands[-1].below_cny is not None:
            raise RulesDataError(f"value bands of {group} must start at 0 and have no top")
        for low, high in itertools.pairwise(bands):
            if low.below_cny != high.from_cny:
                raise RulesDataError(f"value bands of {group} must meet without gap or overlap")


def _decimal(value: Any) -> Decimal:
    # Strings only: a float would carry binary noise into money.
    if not isinstance(value, str):
        raise TypeError(f"expected a decimal string, got {value!r}")
    number = Decimal(value)
    if not number.is_finite() or number < 0:
        raise ValueError(f"expected a non-negative decimal, got {value!r}")
    return number


def _money(value: Any) -> Decimal:
    number = _decimal(value)
    if number.as_tuple().exponent != -2:
        raise ValueError(f"money must have exactly 2 decimals, got {value!r}")
    return number


def _rate(value: Any) -> Decimal:
    return _decimal(value)


def _natural_int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"expected an integer of 0 or more, got {value!r}")
    return value


def _positive_int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"expected a positive integer, got {value!r}")
    return value
