"""China's passenger-article rules and exchange rates as data.

An administrator publishes a new `RuleSet` or `ExchangeRateTable` as a plain dict (JSON) without
a release; `duty.estimate_duty` only reads them. The PWA receives the same dicts and runs the
TypeScript port (`pwa/src/features/declarations/DeclarationDuty.ts`) offline, so the dict shape is
a contract: `RuleSet.from_dict(d).to_dict() == d`.

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


# --- Seed data ------------------------------------------------------------------------------

_ALLOWANCE_BASIS = (
    "海关总署公告2010年第54号 (GACC Announcement No. 54 of 2010): residents' articles acquired "
    "abroad up to RMB 5,000, non-residents' articles staying in China up to RMB 2,000, are "
    "exempt; over that only the articles in excess are taxed, a single indivisible article in "
    "full."
)
_LIMIT_BASIS = (
    "海关总署公告2010年第54号: alcoholic drinks of 12 % vol or more 1,500 ml; cigarettes 400 "
    "sticks or cigars 100 or pipe tobacco 500 g; travellers under 16 have no such allowance."
)
_DUTY_FREE_BASIS = (
    "财政部 商务部 海关总署 国家税务总局 国家旅游局公告2016年第19号 and 财关税〔2016〕8号 "
    "(口岸进境免税店管理暂行办法): residents may add purchases in an arrival duty-free shop, "
    "exempt together with the articles acquired abroad up to RMB 8,000 in all; the RMB 5,000 "
    "allowance for articles acquired abroad is unchanged."
)
_HK_MACAU_ALLOWANCE_BASIS = (
    "财政部 海关总署 税务总局关于提高自香港澳门进境居民旅客携带行李物品免税额度的公告 (28 June "
    "2024): residents aged 18 or more arriving from Hong Kong or Macau, RMB 12,000; with "
    "purchases in an arrival duty-free shop, RMB 15,000 in all; from 1 July 2024 at Luohu, "
    "Futian, Shenzhen Bay, West Kowloon, Gongbei and the HZMB Zhuhai port, from 1 August 2024 "
    "at every port of entry."
)
_HK_MACAU_LIMIT_BASIS = (
    "海关总署令第58号 and (88)署行字第980号: Hong Kong and Macau residents, and mainland "
    "residents travelling there privately, 200 cigarettes or 50 cigars or 250 g of pipe "
    "tobacco, and one bottle (0.75 l or less) of drinks of 12 % vol or more."
)
_FREQUENT_LIMIT_BASIS = (
    "(88)署行字第980号: travellers crossing to and from Hong Kong or Macau the same day or "
    "often: 40 cigarettes (once a day) or 5 cigars or 40 g of pipe tobacco; no alcohol free of "
    "duty."
)
_TWENTY_GOODS_BASIS = (
    '海关总署公告2010年第54号: the allowance does not cover tobacco, alcohol and "the 20 kinds '
    'of goods the State taxes" (国家规定应当征税的20种商品: televisions, video cameras and '
    "recorders, audio equipment, air conditioners, refrigerators, washing machines, cameras, "
    "photocopiers, telephone exchanges, computers and peripherals, telephones, pagers, fax "
    "machines, calculators, printers, furniture, lamps, foodstuffs): these are taxed even "
    "within the allowance."
)
_CHOICE_BASIS = (
    '海关总署公告2010年第54号 taxes "only the articles in excess" (仅对超出部分的个人自用物品'
    "征税) and a single indivisible article in full, so the allowance exempts whole articles, "
    "never part of one. The announcement does not say which articles are the ones in excess; "
    "this estimate exempts the set of whole articles, within the allowance, that saves the "
    "traveller the most duty (exactly, not greedily). The officer's assessment is final."
)
_WATCH_BAND_BASIS = (
    "税委会〔2019〕17号 (进境物品进口税率表): watches with a dutiable value of RMB 10,000 or "
    "more each are in 税目3 (50 %); below that in 税目2 (20 %)."
)
_COSMETICS_BAND_BASIS = (
    "税委会〔2019〕17号 税目3 covers 高档化妆品; 财税〔2016〕103号 defines them as selling at "
    "RMB 10 or more per ml or g (or RMB 15 or more per sheet, not modelled here): below "
    "that, 税目2 "
    "(20 %)."
)

SEED_RULES: dict[str, Any] = {
    "version": "cn-passenger-2024-08-01.2",
    "effective_from": "2024-08-01",
    "effective_to": None,
    "source": (
        "海关总署公告2010年第54号; 国务院关税税则委员会 税委会〔2019〕17号 (rates of the "
        "import tax on articles, effective 2019-04-09); 汇发〔2003〕102号; 中国人民银行公告"
        "〔2004〕第18号"
    ),
    "rates_basis": (
        "税委会〔2019〕17号: import tax on inbound articles 13 % / 20 % / 50 %, "
        "effective 2019-04-09"
    ),
    "allowances": [
        {
            "direction": "arriving",
            "residency": "resident",
            "amount_cny": "5000.00",
            "basis": _ALLOWANCE_BASIS,
            "with_duty_free_cny": "8000.00",
            "duty_free_basis": _DUTY_FREE_BASIS,
            "origin": "any",
            "min_age": 0,
        },
        {
            "direction": "arriving",
            "residency": "resident",
            "amount_cny": "12000.00",
            "basis": _HK_MACAU_ALLOWANCE_BASIS,
            "with_duty_free_cny": "15000.00",
            "duty_free_basis": _HK_MACAU_ALLOWANCE_BASIS,
            "origin": "hk_macau",
            "min_age": 18,
        },
        {
            "direction": "arriving",
            "residency": "non_resident",
            "amount_cny": "2000.00",
            "basis": _ALLOWANCE_BASIS,
            "with_duty_free_cny": None,
            "duty_free_basis": "",
            "origin": "any",
            "min_age": 0,
        },
    ],
    "categories": [
        # 13 % (税目1)
        {
            "code": "food",
            "name": {"zh-Hans": "食品", "zh-Hant": "食品", "en": "Food"},
            "examples": {
                "zh-Hans": "糖果、巧克力、奶粉",
                "zh-Hant": "糖果、朱古力、奶粉",
                "en": "sweets, chocolate, milk powder",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "snacks",
                "sweets",
                "candy",
                "chocolate",
                "milk powder",
                "formula",
                "零食",
                "糖果",
                "奶粉",
                "巧克力",
                "朱古力",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "drinks",
            "name": {
                "zh-Hans": "饮料（不含酒）",
                "zh-Hant": "飲料（不含酒）",
                "en": "Drinks (not alcohol)",
            },
            "examples": {
                "zh-Hans": "茶叶、咖啡、果汁",
                "zh-Hant": "茶葉、咖啡、果汁",
                "en": "tea, coffee, juice",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["tea", "coffee", "juice", "茶叶", "咖啡", "果汁", "茶葉"],
            "taxed_within_allowance": "",
        },
        {
            "code": "books",
            "name": {"zh-Hans": "书报刊物", "zh-Hant": "書報刊物", "en": "Books and periodicals"},
            "examples": {
                "zh-Hans": "图书、杂志、教育用影视资料",
                "zh-Hant": "圖書、雜誌、教育用影視資料",
                "en": "books, magazines, educational films",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["book", "magazine", "newspaper", "书", "杂志", "書", "雜誌"],
            "taxed_within_allowance": "",
        },
        {
            "code": "computers",
            "name": {"zh-Hans": "计算机", "zh-Hant": "電腦", "en": "Computers"},
            "examples": {
                "zh-Hans": "笔记本电脑、平板电脑",
                "zh-Hant": "筆記型電腦、平板電腦",
                "en": "laptops, tablets",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "laptop",
                "notebook",
                "tablet",
                "ipad",
                "pc",
                "computer",
                "电脑",
                "笔记本",
                "平板",
                "電腦",
                "筆電",
                "平板電腦",
            ],
            "taxed_within_allowance": _TWENTY_GOODS_BASIS,
        },
        {
            "code": "cameras",
            "name": {"zh-Hans": "照相机、摄像机", "zh-Hant": "相機、攝錄機", "en": "Cameras"},
            "examples": {
                "zh-Hans": "数字照相机、视频摄录一体机",
                "zh-Hant": "數碼相機、攝錄一體機",
                "en": "digital cameras, camcorders",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["camera", "camcorder", "lens", "相机", "镜头", "相機", "鏡頭", "攝影機"],
            "taxed_within_allowance": _TWENTY_GOODS_BASIS,
        },
        {
            "code": "phones",
            "name": {"zh-Hans": "手机", "zh-Hant": "手機", "en": "Mobile phones"},
            "examples": {
                "zh-Hans": "智能手机",
                "zh-Hant": "智能手機",
                "en": "smartphones",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "phone",
                "smartphone",
                "mobile",
                "iphone",
                "cell phone",
                "手机",
                "電話",
                "手機",
                "电话",
            ],
            "taxed_within_allowance": _TWENTY_GOODS_BASIS,
        },
        {
            "code": "furniture",
            "name": {"zh-Hans": "家具", "zh-Hant": "家具", "en": "Furniture"},
            "examples": {"zh-Hans": "椅子、灯具", "zh-Hant": "椅子、燈具", "en": "chairs, lamps"},
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["chair", "lamp", "table", "椅子", "灯", "燈", "桌子"],
            "taxed_within_allowance": _TWENTY_GOODS_BASIS,
        },
        {
            "code": "toys",
            "name": {"zh-Hans": "玩具、游戏品", "zh-Hant": "玩具、遊戲品", "en": "Toys and games"},
            "examples": {
                "zh-Hans": "积木、游戏机",
                "zh-Hant": "積木、遊戲機",
                "en": "building bricks, game consoles",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "toy",
                "game",
                "lego",
                "console",
                "玩具",
                "游戏机",
                "遊戲機",
                "積木",
                "积木",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "medicines",
            "name": {"zh-Hans": "药品", "zh-Hant": "藥品", "en": "Medicines"},
            "examples": {
                "zh-Hans": "非处方药、保健药品",
                "zh-Hant": "非處方藥、保健藥品",
                "en": "over-the-counter medicines",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "medicine",
                "drug",
                "vitamins",
                "pills",
                "药",
                "维生素",
                "藥",
                "維他命",
                "保健品",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "gold_silver",
            "name": {"zh-Hans": "金银", "zh-Hant": "金銀", "en": "Gold and silver"},
            "examples": {
                "zh-Hans": "金条、银币",
                "zh-Hant": "金條、銀幣",
                "en": "gold bars, silver coins",
            },
            "rate": "0.13",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["gold", "silver", "coin", "bullion", "金", "银", "銀", "金币", "金幣"],
            "taxed_within_allowance": "",
        },
        # 20 % (税目2, including "other goods" not in 税目1 or 3)
        {
            "code": "textiles",
            "name": {"zh-Hans": "纺织品", "zh-Hant": "紡織品", "en": "Textiles"},
            "examples": {
                "zh-Hans": "床单、毛巾、布料",
                "zh-Hant": "床單、毛巾、布料",
                "en": "bed linen, towels, fabric",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["towel", "sheet", "fabric", "毛巾", "床单", "布", "床單"],
            "taxed_within_allowance": "",
        },
        {
            "code": "clothing",
            "name": {"zh-Hans": "服装", "zh-Hant": "服裝", "en": "Clothing"},
            "examples": {
                "zh-Hans": "大衣、衬衫",
                "zh-Hant": "大衣、襯衫",
                "en": "coats, shirts",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "clothes",
                "shirt",
                "coat",
                "dress",
                "jacket",
                "衣服",
                "衬衫",
                "外套",
                "大衣",
                "襯衫",
                "裙子",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "shoes",
            "name": {"zh-Hans": "鞋靴", "zh-Hant": "鞋靴", "en": "Shoes"},
            "examples": {
                "zh-Hans": "皮鞋、运动鞋",
                "zh-Hant": "皮鞋、運動鞋",
                "en": "shoes, trainers",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["shoe", "trainers", "sneakers", "boots", "鞋", "运动鞋", "靴子", "運動鞋"],
            "taxed_within_allowance": "",
        },
        {
            "code": "bags",
            "name": {"zh-Hans": "箱包", "zh-Hant": "箱包", "en": "Bags"},
            "examples": {
                "zh-Hans": "手提包、行李箱",
                "zh-Hant": "手袋、行李箱",
                "en": "handbags, suitcases",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "bag",
                "handbag",
                "suitcase",
                "backpack",
                "wallet",
                "包",
                "手袋",
                "背包",
                "钱包",
                "錢包",
                "行李箱",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "watches",
            "name": {"zh-Hans": "手表（非高档）", "zh-Hant": "手錶（非高檔）", "en": "Watches"},
            "examples": {
                "zh-Hans": "每只完税价格低于10000元的手表",
                "zh-Hant": "每隻完稅價格低於10000元的手錶",
                "en": "watches worth less than RMB 10,000 each",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": {
                "group": "watches",
                "per": "unit",
                "from_cny": "0.00",
                "below_cny": "10000.00",
                "basis": _WATCH_BAND_BASIS,
            },
            "synonyms": ["watch", "wristwatch", "smartwatch", "手表", "手錶", "腕表", "腕錶"],
            "taxed_within_allowance": "",
        },
        {
            "code": "bicycles",
            "name": {"zh-Hans": "自行车", "zh-Hant": "自行車", "en": "Bicycles"},
            "examples": {
                "zh-Hans": "自行车及零件",
                "zh-Hant": "自行車及零件",
                "en": "bicycles and parts",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["bicycle", "bike", "cycle", "单车", "單車", "自行车"],
            "taxed_within_allowance": "",
        },
        {
            "code": "sports",
            "name": {"zh-Hans": "运动用品", "zh-Hant": "運動用品", "en": "Sports goods"},
            "examples": {
                "zh-Hans": "球拍、钓鱼用品（不含高尔夫用品）",
                "zh-Hant": "球拍、釣魚用品（不含高爾夫用品）",
                "en": "rackets, fishing gear (not golf)",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["racket", "fishing", "sport", "球拍", "钓鱼", "釣魚", "运动", "運動"],
            "taxed_within_allowance": "",
        },
        {
            "code": "appliances",
            "name": {"zh-Hans": "电器用品", "zh-Hant": "電器用品", "en": "Electrical appliances"},
            "examples": {
                "zh-Hans": "电视摄像机、吹风机、电动牙刷",
                "zh-Hant": "電視攝像機、風筒、電動牙刷",
                "en": "TV cameras, hair dryers, electric toothbrushes",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "hair dryer",
                "toothbrush",
                "shaver",
                "headphones",
                "appliance",
                "吹风机",
                "电动牙刷",
                "剃须刀",
                "耳机",
                "風筒",
                "電動牙刷",
                "耳機",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "cosmetics",
            "name": {
                "zh-Hans": "化妆品（非高档）",
                "zh-Hant": "化妝品（非高檔）",
                "en": "Cosmetics",
            },
            "examples": {
                "zh-Hans": "护肤品、洗发水",
                "zh-Hant": "護膚品、洗髮水",
                "en": "skin care, shampoo",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": {
                "group": "cosmetics",
                "per": "measure",
                "from_cny": "0.00",
                "below_cny": "10.00",
                "basis": _COSMETICS_BAND_BASIS,
            },
            "synonyms": [
                "perfume",
                "fragrance",
                "cologne",
                "cosmetics",
                "make-up",
                "makeup",
                "skin care",
                "lipstick",
                "cream",
                "香水",
                "化妆品",
                "护肤品",
                "口红",
                "化妝品",
                "護膚品",
                "口紅",
                "面霜",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "other",
            "name": {"zh-Hans": "其他物品", "zh-Hant": "其他物品", "en": "Other goods"},
            "examples": {
                "zh-Hans": "未列入其他类别的物品",
                "zh-Hant": "未列入其他類別的物品",
                "en": "anything not in another category",
            },
            "rate": "0.20",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["other", "gift", "其他", "礼物", "禮物"],
            "taxed_within_allowance": "",
        },
        # 50 % (税目3)
        {
            "code": "alcohol",
            "name": {
                "zh-Hans": "酒（12度及以上）",
                "zh-Hant": "酒（12度及以上）",
                "en": "Alcoholic drinks (12 % vol or more)",
            },
            "examples": {
                "zh-Hans": "葡萄酒、白酒、威士忌",
                "zh-Hant": "葡萄酒、白酒、威士忌",
                "en": "wine, baijiu, whisky",
            },
            "rate": "0.50",
            "limit_kind": "alcohol",
            "value_band": None,
            "synonyms": [
                "wine",
                "whisky",
                "whiskey",
                "baijiu",
                "spirits",
                "vodka",
                "cognac",
                "liquor",
                "红酒",
                "白酒",
                "威士忌",
                "葡萄酒",
                "紅酒",
                "烈酒",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "alcohol_light",
            "name": {
                "zh-Hans": "酒（12度以下）",
                "zh-Hant": "酒（12度以下）",
                "en": "Alcoholic drinks (under 12 % vol)",
            },
            "examples": {"zh-Hans": "啤酒、苹果酒", "zh-Hant": "啤酒、蘋果酒", "en": "beer, cider"},
            "rate": "0.50",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["beer", "cider", "啤酒", "苹果酒", "蘋果酒"],
            "taxed_within_allowance": "",
        },
        {
            "code": "cigarettes",
            "name": {"zh-Hans": "香烟", "zh-Hant": "香煙", "en": "Cigarettes"},
            "examples": {"zh-Hans": "卷烟", "zh-Hant": "捲煙", "en": "cigarettes"},
            "rate": "0.50",
            "limit_kind": "cigarettes",
            "value_band": None,
            "synonyms": ["cigarettes", "cigarette", "tobacco", "香烟", "烟", "香菸", "煙"],
            "taxed_within_allowance": "",
        },
        {
            "code": "cigars",
            "name": {"zh-Hans": "雪茄", "zh-Hant": "雪茄", "en": "Cigars"},
            "examples": {"zh-Hans": "雪茄烟", "zh-Hant": "雪茄煙", "en": "cigars"},
            "rate": "0.50",
            "limit_kind": "cigars",
            "value_band": None,
            "synonyms": ["cigar", "雪茄"],
            "taxed_within_allowance": "",
        },
        {
            "code": "pipe_tobacco",
            "name": {"zh-Hans": "烟丝", "zh-Hant": "煙絲", "en": "Pipe tobacco"},
            "examples": {"zh-Hans": "斗烟丝", "zh-Hant": "斗煙絲", "en": "pipe tobacco"},
            "rate": "0.50",
            "limit_kind": "pipe_tobacco",
            "value_band": None,
            "synonyms": ["pipe tobacco", "tobacco", "烟丝", "煙絲", "烟草", "煙草"],
            "taxed_within_allowance": "",
        },
        {
            "code": "cosmetics_high_end",
            "name": {"zh-Hans": "高档化妆品", "zh-Hant": "高檔化妝品", "en": "High-end cosmetics"},
            "examples": {
                "zh-Hans": "高档美容、修饰类化妆品及护肤品",
                "zh-Hant": "高檔美容、修飾類化妝品及護膚品",
                "en": "high-end make-up and skin care",
            },
            "rate": "0.50",
            "limit_kind": None,
            "value_band": {
                "group": "cosmetics",
                "per": "measure",
                "from_cny": "10.00",
                "below_cny": None,
                "basis": _COSMETICS_BAND_BASIS,
            },
            "synonyms": [
                "perfume",
                "fragrance",
                "luxury cosmetics",
                "高档化妆品",
                "香水",
                "高檔化妝品",
            ],
            "taxed_within_allowance": "",
        },
        {
            "code": "golf",
            "name": {"zh-Hans": "高尔夫球及球具", "zh-Hant": "高爾夫球及球具", "en": "Golf goods"},
            "examples": {
                "zh-Hans": "高尔夫球杆、高尔夫球",
                "zh-Hant": "高爾夫球桿、高爾夫球",
                "en": "golf clubs, golf balls",
            },
            "rate": "0.50",
            "limit_kind": None,
            "value_band": None,
            "synonyms": ["golf", "golf clubs", "高尔夫", "高爾夫", "球杆", "球桿"],
            "taxed_within_allowance": "",
        },
        {
            "code": "watches_high_value",
            "name": {"zh-Hans": "高档手表", "zh-Hant": "高檔手錶", "en": "High-value watches"},
            "examples": {
                "zh-Hans": "每只完税价格10000元及以上的手表",
                "zh-Hant": "每隻完稅價格10000元及以上的手錶",
                "en": "watches worth RMB 10,000 or more each",
            },
            "rate": "0.50",
            "limit_kind": None,
            "value_band": {
                "group": "watches",
                "per": "unit",
                "from_cny": "10000.00",
                "below_cny": None,
                "basis": _WATCH_BAND_BASIS,
            },
            "synonyms": ["watch", "luxury watch", "rolex", "名表", "手表", "手錶", "名錶"],
            "taxed_within_allowance": "",
        },
        {
            "code": "jewellery",
            "name": {
                "zh-Hans": "贵重首饰及珠宝玉石",
                "zh-Hant": "貴重首飾及珠寶玉石",
                "en": "Jewellery",
            },
            "examples": {
                "zh-Hans": "钻石、翡翠、珍珠首饰",
                "zh-Hant": "鑽石、翡翠、珍珠首飾",
                "en": "diamonds, jade, pearl jewellery",
            },
            "rate": "0.50",
            "limit_kind": None,
            "value_band": None,
            "synonyms": [
                "jewelry",
                "jewellery",
                "ring",
                "necklace",
                "diamond",
                "jade",
                "首饰",
                "戒指",
                "项链",
                "钻石",
                "翡翠",
                "首飾",
                "項鍊",
                "鑽石",
            ],
            "taxed_within_allowance": "",
        },
    ],
    "quantity_limits": [
        {
            "kind": "alcohol",
            "group": "alcohol",
            "amount": 1500,
            "unit": "ml",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
            "profile": "general",
        },
        {
            "kind": "cigarettes",
            "group": "tobacco",
            "amount": 400,
            "unit": "stick",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
            "profile": "general",
        },
        {
            "kind": "cigars",
            "group": "tobacco",
            "amount": 100,
            "unit": "cigar",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
            "profile": "general",
        },
        {
            "kind": "pipe_tobacco",
            "group": "tobacco",
            "amount": 500,
            "unit": "g",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
            "profile": "general",
        },
        {
            "kind": "alcohol",
            "group": "alcohol",
            "amount": 750,
            "unit": "ml",
            "min_age": 16,
            "basis": _HK_MACAU_LIMIT_BASIS,
            "profile": "hk_macau",
        },
        {
            "kind": "cigarettes",
            "group": "tobacco",
            "amount": 200,
            "unit": "stick",
            "min_age": 16,
            "basis": _HK_MACAU_LIMIT_BASIS,
            "profile": "hk_macau",
        },
        {
            "kind": "cigars",
            "group": "tobacco",
            "amount": 50,
            "unit": "cigar",
            "min_age": 16,
            "basis": _HK_MACAU_LIMIT_BASIS,
            "profile": "hk_macau",
        },
        {
            "kind": "pipe_tobacco",
            "group": "tobacco",
            "amount": 250,
            "unit": "g",
            "min_age": 16,
            "basis": _HK_MACAU_LIMIT_BASIS,
            "profile": "hk_macau",
        },
        {
            "kind": "alcohol",
            "group": "alcohol",
            "amount": 0,
            "unit": "ml",
            "min_age": 16,
            "basis": _FREQUENT_LIMIT_BASIS,
            "profile": "frequent_crosser",
        },
        {
            "kind": "cigarettes",
            "group": "tobacco",
            "amount": 40,
            "unit": "stick",
            "min_age": 16,
            "basis": _FREQUENT_LIMIT_BASIS,
            "profile": "frequent_crosser",
        },
        {
            "kind": "cigars",
            "group": "tobacco",
            "amount": 5,
            "unit": "cigar",
            "min_age": 16,
            "basis": _FREQUENT_LIMIT_BASIS,
            "profile": "frequent_crosser",
        },
        {
            "kind": "pipe_tobacco",
            "group": "tobacco",
            "amount": 40,
            "unit": "g",
            "min_age": 16,
            "basis": _FREQUENT_LIMIT_BASIS,
            "profile": "frequent_crosser",
        },
    ],
    "cash": {
        "cny": "20000.00",
        "foreign_usd": "5000.00",
        "basis": (
            "中国人民银行公告〔2004〕第18号: more than RMB 20,000 in cash; 汇发〔2003〕102号: "
            "foreign cash worth more than USD 5,000 — declare to customs"
        ),
    },
    "allowance_choice": {
        "method": "most_favourable_whole_articles",
        "basis": _CHOICE_BASIS,
    },
    "hk_macau_ports": ["LUOHU", "FUTIAN", "SZBAY", "GONGBEI", "HZMB"],
}

SEED_RATES: dict[str, Any] = {
    "date": "2025-01-01",
    "source": (
        "DEMO TABLE, NOT OFFICIAL: round figures for development and tests. Replace with the "
        "monthly rates customs publishes for assessing duty before relying on any estimate."
    ),
    "rates": {
        "CNY": "1",
        "USD": "7.10",
        "EUR": "7.80",
        "JPY": "0.048",
        "HKD": "0.91",
        "MOP": "0.88",
        "TWD": "0.22",
        "GBP": "9.10",
        "KRW": "0.0052",
        "AUD": "4.70",
        "SGD": "5.30",
        "THB": "0.20",
    },
}


def seed_rule_set() -> RuleSet:
    return RuleSet.from_dict(SEED_RULES)


def seed_rates() -> ExchangeRateTable:
    return ExchangeRateTable.from_dict(SEED_RATES)
