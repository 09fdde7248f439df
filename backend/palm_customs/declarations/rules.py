"""China's passenger-article rules and exchange rates as data.

An administrator publishes a new `RuleSet` or `ExchangeRateTable` as a plain dict (JSON) without
a release; `duty.estimate_duty` only reads them. The PWA receives the same dicts and runs the
TypeScript port (`pwa/src/features/declarations/DeclarationDuty.ts`) offline, so the dict shape is
a contract: `RuleSet.from_dict(d).to_dict() == d`.

Pure: no I/O, no strawberry, no ORM.
"""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class TaxCategory:
    code: str
    name: Text
    examples: Text
    rate: Decimal
    limit_kind: LimitKind | None = None


@dataclass(frozen=True, slots=True)
class PersonalAllowance:
    """Value of articles a traveller may bring in free of duty, per direction and residency."""

    direction: str
    residency: Residency
    amount_cny: Decimal
    basis: str


@dataclass(frozen=True, slots=True)
class QuantityLimit:
    """Alcohol or tobacco a traveller of `min_age` or more may bring in free of duty.

    Kinds sharing a `group` are alternatives ("400 cigarettes OR 100 cigars OR 500 g"): a mix
    uses the group pro rata, e.g. 200 cigarettes and 50 cigars together exhaust it.
    """

    kind: LimitKind
    group: str
    amount: int
    unit: str
    min_age: int
    basis: str


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

    def is_effective_on(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def category(self, code: str) -> TaxCategory | None:
        return next((c for c in self.categories if c.code == code), None)

    def allowance(self, *, direction: str, residency: Residency) -> PersonalAllowance:
        for allowance in self.allowances:
            if allowance.direction == direction and allowance.residency is residency:
                return allowance
        raise RulesDataError(
            f"rule set {self.version} has no {direction} allowance for {residency}"
        )

    def quantity_limit(self, kind: LimitKind) -> QuantityLimit:
        for limit in self.quantity_limits:
            if limit.kind is kind:
                return limit
        raise RulesDataError(f"rule set {self.version} has no quantity limit for {kind}")

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
                    )
                    for c in data["categories"]
                ),
                quantity_limits=tuple(
                    QuantityLimit(
                        kind=LimitKind(q["kind"]),
                        group=str(q["group"]),
                        amount=_positive_int(q["amount"]),
                        unit=str(q["unit"]),
                        min_age=_positive_int(q["min_age"]),
                        basis=str(q["basis"]),
                    )
                    for q in data["quantity_limits"]
                ),
                cash=CashLimits(
                    cny=_money(data["cash"]["cny"]),
                    foreign_usd=_money(data["cash"]["foreign_usd"]),
                    basis=str(data["cash"]["basis"]),
                ),
            )
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise RulesDataError(f"malformed rule set: {exc!r}") from exc
        codes = [c.code for c in rule_set.categories]
        if len(set(codes)) != len(codes):
            raise RulesDataError("category codes must be unique")
        kinds = [q.kind for q in rule_set.quantity_limits]
        if len(set(kinds)) != len(kinds):
            raise RulesDataError("one quantity limit per kind")
        for category in rule_set.categories:
            if category.limit_kind is not None and category.limit_kind not in kinds:
                raise RulesDataError(f"category {category.code} names a limit that is missing")
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
                }
                for q in self.quantity_limits
            ],
            "cash": {
                "cny": str(self.cash.cny),
                "foreign_usd": str(self.cash.foreign_usd),
                "basis": self.cash.basis,
            },
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


def _positive_int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"expected a positive integer, got {value!r}")
    return value


# --- Seed data ------------------------------------------------------------------------------

_ALLOWANCE_BASIS = (
    "海关总署公告2010年第54号 (GACC Announcement No. 54 of 2010): residents' articles acquired "
    "abroad up to RMB 5,000, non-residents' articles staying in China up to RMB 2,000, are "
    "exempt; over that only the excess is taxed, a single indivisible article in full."
)
_LIMIT_BASIS = (
    "海关总署公告2010年第54号: alcoholic drinks of 12 % vol or more 1,500 ml; cigarettes 400 "
    "sticks or cigars 100 or pipe tobacco 500 g; travellers under 16 have no such allowance."
)

# Arrival duty-free shop purchases: 财关税〔2016〕8号 (口岸进境免税店管理暂行办法) lets residents
# buy in the arrival shop on top of the 5,000 allowance. To keep the estimate simple those
# purchases count toward the same allowance as articles bought abroad; the estimate can then only
# overstate the duty, never hide a declaration that was needed.

SEED_RULES: dict[str, Any] = {
    "version": "cn-passenger-2019-04-09.1",
    "effective_from": "2019-04-09",
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
        },
        {
            "direction": "arriving",
            "residency": "non_resident",
            "amount_cny": "2000.00",
            "basis": _ALLOWANCE_BASIS,
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
        },
        {
            "code": "furniture",
            "name": {"zh-Hans": "家具", "zh-Hant": "家具", "en": "Furniture"},
            "examples": {"zh-Hans": "椅子、灯具", "zh-Hant": "椅子、燈具", "en": "chairs, lamps"},
            "rate": "0.13",
            "limit_kind": None,
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
        },
        {
            "code": "cigarettes",
            "name": {"zh-Hans": "香烟", "zh-Hant": "香煙", "en": "Cigarettes"},
            "examples": {"zh-Hans": "卷烟", "zh-Hant": "捲煙", "en": "cigarettes"},
            "rate": "0.50",
            "limit_kind": "cigarettes",
        },
        {
            "code": "cigars",
            "name": {"zh-Hans": "雪茄", "zh-Hant": "雪茄", "en": "Cigars"},
            "examples": {"zh-Hans": "雪茄烟", "zh-Hant": "雪茄煙", "en": "cigars"},
            "rate": "0.50",
            "limit_kind": "cigars",
        },
        {
            "code": "pipe_tobacco",
            "name": {"zh-Hans": "烟丝", "zh-Hant": "煙絲", "en": "Pipe tobacco"},
            "examples": {"zh-Hans": "斗烟丝", "zh-Hant": "斗煙絲", "en": "pipe tobacco"},
            "rate": "0.50",
            "limit_kind": "pipe_tobacco",
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
        },
        {
            "kind": "cigarettes",
            "group": "tobacco",
            "amount": 400,
            "unit": "stick",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
        },
        {
            "kind": "cigars",
            "group": "tobacco",
            "amount": 100,
            "unit": "cigar",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
        },
        {
            "kind": "pipe_tobacco",
            "group": "tobacco",
            "amount": 500,
            "unit": "g",
            "min_age": 16,
            "basis": _LIMIT_BASIS,
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
