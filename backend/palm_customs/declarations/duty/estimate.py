"""Duty estimate for travellers' articles arriving in China: one pure function.

The PWA runs a TypeScript port of this module offline
(`pwa/src/features/declarations/DeclarationDuty.ts`); both pass `tests/declarations/
duty_vectors.json`. Any change here needs the same change there, so the arithmetic is kept to
integer cents with explicit HALF_UP steps that both languages can reproduce exactly:

1. value of a line = quantity x unit value x rate, rounded to cents; value of one unit = unit
   value x rate, rounded to cents;
2. an article whose category is a value band (watches, cosmetics) is placed in the band its
   unit value (or value per ml/g) falls in, whatever band was picked;
3. the value allowance exempts whole articles, never part of one: each unit of a line is one
   article, a set (`indivisible`, quantity > 1) is one article. The articles exempted are the
   set within the allowance that saves the most duty (before rounding), found exactly by a
   meet-in-the-middle search (`_choose_exempt`); ties go to more value exempted, then to more
   units of earlier lines. Exempting k < quantity units exempts k x unit value; all of them,
   the line value;
4. an alcohol/tobacco limit covers whole bottles, packs or boxes (units of the line) only: a
   unit that does not fit in what is left of the limit is an indivisible single article, taxed
   in full (GACC Announcement 2010 No. 54: "对不可分割的单件物品，全额征税"; No. 43 treats a
   single indivisible postal article likewise). The taxable part is value x uncovered units /
   quantity, rounded to cents;
5. duty of a line = taxable x rate, rounded to cents; totals are sums of lines.

The inputs, results and cents arithmetic are in model.py.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from palm_customs.declarations.duty.model import (
    _EXACT,
    _SATURATE,
    ARRIVING,
    MAX_HALF_CHOICES,
    Article,
    Channel,
    DutyInputError,
    Estimate,
    EstimateLine,
    InvalidArticleError,
    LineRule,
    MeasureRequiredError,
    Reason,
    TooManyChoicesError,
    Traveller,
    TravellerTotal,
    UnknownCategoryError,
    UnknownCurrencyError,
    UnknownTravellerError,
    _cents,
    _div_half_up,
    _duty_cents,
    _money,
    _ordered,
    _round_cents,
    _Work,
)
from palm_customs.declarations.rules import (
    CNY,
    BandPer,
    ExchangeRateTable,
    LimitKind,
    LimitProfile,
    Residency,
    RuleSet,
    TaxCategory,
)


def estimate_duty(
    *,
    travellers: Sequence[Traveller],
    articles: Sequence[Article],
    checklist_yes: Sequence[str] = (),
    rules: RuleSet,
    rates: ExchangeRateTable,
) -> Estimate:
    """Estimate the duty on travellers' articles on arrival and advise a customs channel.

    `checklist_yes` holds the codes of restricted/prohibited checklist items answered "yes".
    Raises a `DutyInputError` subclass for input that validation should already have refused.
    """
    by_key = _index_travellers(travellers)
    works = [_start_line(i, a, by_key, rules, rates) for i, a in enumerate(articles)]

    totals: list[TravellerTotal] = []
    for key in sorted(by_key):
        traveller = by_key[key]
        own = [w for w in works if w.article.traveller_key == key]
        reasons: set[Reason] = set()
        allowance = rules.allowance(
            direction=ARRIVING,
            residency=traveller.residency,
            from_hk_macau=traveller.from_hk_macau or traveller.frequent_crosser,
            age=traveller.age,
        )
        allowance_cents = _cents(allowance.amount_cny)

        ordinary: list[_Work] = []
        limited: list[_Work] = []
        for work in own:
            if work.article.taken_out_again:
                work.rule = LineRule.NOT_TAXABLE_TAKEN_OUT
                work.legal_basis = allowance.basis
            elif work.category.limit_kind is not None:
                limited.append(work)
            elif work.category.taxed_within_allowance:
                work.rule = LineRule.TAXED_WITHIN_ALLOWANCE
                work.taxable = work.value
                work.legal_basis = work.category.taxed_within_allowance
            else:
                work.legal_basis = allowance.basis
                ordinary.append(work)

        with_duty_free = allowance.with_duty_free_cny
        allowance_used = _apply_value_allowance(
            ordinary,
            abroad=allowance_cents,
            total=allowance_cents if with_duty_free is None else _cents(with_duty_free),
            duty_free_apart=with_duty_free is not None,
        )
        if limited:
            reasons |= _apply_quantity_limits(limited, traveller, rules)

        duty = sum(_duty_cents(w) for w in own)
        if any(w.taxable > 0 for w in own):
            # Declaring is owed once anything is taxable, even if the duty rounds to 0.00.
            reasons.add(Reason.DUTY_OWED)
        if _cash_over_threshold(traveller, rules, rates):
            reasons.add(Reason.CASH_OVER_THRESHOLD)
        totals.append(
            TravellerTotal(
                traveller_key=key,
                allowance_cny=allowance.amount_cny,
                allowance_with_duty_free_cny=with_duty_free,
                allowance_used_cny=_money(allowance_used),
                value_cny=_money(sum(w.value for w in own)),
                taxable_cny=_money(sum(w.taxable for w in own)),
                duty_cny=_money(duty),
                reasons=_ordered(reasons),
            )
        )

    lines = tuple(
        EstimateLine(
            article_key=w.article.key,
            traveller_key=w.article.traveller_key,
            category=w.category.code,
            declared_category=w.article.category,
            value_cny=_money(w.value),
            allowance_used_cny=_money(w.allowance_used),
            units_exempt=w.units_exempt,
            taxable_cny=_money(w.taxable),
            rate=w.category.rate,
            duty_cny=_money(_duty_cents(w)),
            rule=w.rule,
            legal_basis=w.legal_basis,
        )
        for w in works
    )
    all_reasons = {r for t in totals for r in t.reasons}
    if any(code for code in checklist_yes):
        all_reasons.add(Reason.CHECKLIST_YES)
    overall = _ordered(all_reasons)
    return Estimate(
        lines=lines,
        travellers=tuple(totals),
        value_cny=sum((line.value_cny for line in lines), Decimal("0.00")),
        taxable_cny=sum((line.taxable_cny for line in lines), Decimal("0.00")),
        duty_cny=sum((line.duty_cny for line in lines), Decimal("0.00")),
        channel=Channel.DECLARE if overall else Channel.NOTHING_TO_DECLARE,
        reasons=overall,
        rule_set_version=rules.version,
        rates_date=rates.date,
    )


def _index_travellers(travellers: Sequence[Traveller]) -> dict[str, Traveller]:
    by_key: dict[str, Traveller] = {}
    for traveller in travellers:
        if traveller.key in by_key:
            raise DutyInputError(f"traveller {traveller.key!r} appears twice")
        if traveller.age < 0:
            raise DutyInputError(f"traveller {traveller.key!r} has a negative age")
        by_key[traveller.key] = traveller
    return by_key


def _start_line(
    index: int,
    article: Article,
    travellers: dict[str, Traveller],
    rules: RuleSet,
    rates: ExchangeRateTable,
) -> _Work:
    traveller = travellers.get(article.traveller_key)
    if traveller is None:
        raise UnknownTravellerError(
            f"article {article.key!r}: no traveller {article.traveller_key!r}"
        )
    declared = rules.category(article.category)
    if declared is None:
        raise UnknownCategoryError(
            f"article {article.key!r}: unknown category {article.category!r}"
        )
    if article.quantity < 1:
        raise InvalidArticleError(f"article {article.key!r}: quantity must be at least 1")
    if not article.unit_value.is_finite() or article.unit_value < 0:
        raise InvalidArticleError(f"article {article.key!r}: unit value must be 0 or more")
    if declared.limit_kind is not None and (article.unit_measure or 0) < 1:
        raise InvalidArticleError(f"article {article.key!r}: alcohol/tobacco needs unit_measure")
    if article.taken_out_again and traveller.residency is not Residency.NON_RESIDENT:
        raise InvalidArticleError(f"article {article.key!r}: only non-residents take articles out")
    rate = _rate(article.currency, rates)
    unit_in_cny = _EXACT.multiply(article.unit_value, rate)
    value = _round_cents(_EXACT.multiply(unit_in_cny, article.quantity))
    unit_value = _round_cents(unit_in_cny)
    category = _place_in_band(article, declared, rules, unit_value)
    return _Work(
        index=index,
        article=article,
        category=category,
        value=value,
        unit_value=unit_value,
    )


def _place_in_band(
    article: Article, declared: TaxCategory, rules: RuleSet, unit_value: int
) -> TaxCategory:
    band = declared.value_band
    if band is None:
        return declared
    measure = 1
    if band.per is BandPer.MEASURE:
        if (article.unit_measure or 0) < 1:
            raise MeasureRequiredError(f"article {article.key!r}: needs ml or g in one unit")
        measure = article.unit_measure or 1
    for member in rules.band_members(band.group):
        if member.value_band is not None and member.value_band.contains(unit_value, measure):
            return member
    raise InvalidArticleError(f"article {article.key!r}: no band of {band.group} fits")


def _rate(currency: str, rates: ExchangeRateTable) -> Decimal:
    rate = rates.rate(currency)
    if rate is None:
        raise UnknownCurrencyError(f"no exchange rate for {currency!r} on {rates.date}")
    return rate


@dataclass(frozen=True, slots=True)
class _Group:
    """One line as the allowance sees it: `count` interchangeable whole articles."""

    work: _Work
    duty_free: bool
    count: int
    unit: int  # value of one article of the line, in cents
    rate: int  # the tax rate scaled to an integer (all groups share the scale)
    most: int  # the most articles of the line that could be exempted on their own

    def weight(self, units: int) -> int:
        return self.work.value if units == self.count else units * self.unit


_Choice = tuple[int, int, tuple[int, ...]]  # (duty saved, value exempted, units per group)


def _apply_value_allowance(
    works: list[_Work], *, abroad: int, total: int, duty_free_apart: bool
) -> int:
    """Exempt whole articles; return the value exempted.

    `abroad` caps articles acquired abroad; `total` caps them together with arrival duty-free
    purchases (equal to `abroad` when those share the allowance).
    """
    groups = _groups(works, abroad=abroad, total=total, duty_free_apart=duty_free_apart)
    everything = [g.count for g in groups]
    abroad_all = sum(g.weight(g.count) for g in groups if not g.duty_free)
    all_value = sum(g.weight(g.count) for g in groups)
    if abroad_all <= abroad and all_value <= total:
        chosen = everything
    else:
        chosen = _choose_exempt(groups, abroad=abroad, total=total)
    used = 0
    for group, units in zip(groups, chosen, strict=True):
        work = group.work
        exempt = group.weight(units)
        used += exempt
        work.units_exempt = units
        work.allowance_used = exempt
        work.taxable = work.value - exempt
        if units == group.count:
            work.rule = LineRule.ALLOWANCE
        elif units > 0:
            work.rule = LineRule.ALLOWANCE_SOME_UNITS
        elif group.most == 0 and group.weight(min(1, group.count)) > 0:
            work.rule = LineRule.INDIVISIBLE_OVER_ALLOWANCE
        else:
            work.rule = LineRule.NOT_CHOSEN
    return used


def _groups(works: list[_Work], *, abroad: int, total: int, duty_free_apart: bool) -> list[_Group]:
    scale = max((_decimals(w.category.rate) for w in works), default=0)
    out: list[_Group] = []
    # Duty-free purchases first: the search keeps them all in its first half.
    ordered = sorted(
        works, key=lambda w: (not (duty_free_apart and w.article.duty_free_shop), w.index)
    )
    for work in ordered:
        duty_free = duty_free_apart and work.article.duty_free_shop
        single = work.article.quantity == 1 or work.article.indivisible
        count = 1 if single else work.article.quantity
        unit = work.value if single else work.unit_value
        cap = total if duty_free else min(abroad, total)
        group = _Group(
            work=work,
            duty_free=duty_free,
            count=count,
            unit=unit,
            rate=int(work.category.rate.scaleb(scale)),
            most=0,
        )
        most = max((k for k in _candidates(group, cap)), default=0)
        out.append(
            _Group(
                work=work, duty_free=duty_free, count=count, unit=unit, rate=group.rate, most=most
            )
        )
    return out


def _decimals(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _candidates(group: _Group, cap: int) -> range | list[int]:
    """Units of the group that could be exempted on their own (weight within `cap`)."""
    if group.weight(group.count) <= cap:
        top = group.count
    elif group.unit == 0:
        top = group.count - 1
    else:
        top = min(group.count - 1, cap // group.unit)
    return [k for k in range(top + 1) if group.weight(k) <= cap]


def _choose_exempt(groups: list[_Group], *, abroad: int, total: int) -> list[int]:
    """The exact most favourable choice: meet in the middle over the groups.

    The first half holds every duty-free group, so the second half weighs only articles
    acquired abroad and is searched with one bound.
    """
    options = [len(_candidates(g, total if g.duty_free else min(abroad, total))) for g in groups]
    first_duty_free = sum(1 for g in groups if g.duty_free)
    split = _split(options, first_duty_free)
    left_product = _product(options[:split])
    right_product = _product(options[split:])
    if max(left_product, right_product) > MAX_HALF_CHOICES:
        raise TooManyChoicesError("too many different articles to choose the exempt ones")

    left = _enumerate(groups[:split], abroad=abroad, total=total)
    right = sorted(
        ((a + d, p, c) for a, d, p, c in _enumerate(groups[split:], abroad=abroad, total=total)),
        key=lambda e: e[0],
    )
    weights = [w for w, _, _ in right]
    best_upto: list[_Choice] = []
    for w, p, c in right:
        here: _Choice = (p, w, c)
        best_upto.append(here if not best_upto or here > best_upto[-1] else best_upto[-1])

    best: _Choice | None = None
    for a, d, p, c in left:
        room = min(abroad - a, total - a - d)
        j = bisect.bisect_right(weights, room) - 1
        rp, rw, rc = best_upto[j]
        candidate: _Choice = (p + rp, a + d + rw, c + rc)
        if best is None or candidate > best:
            best = candidate
    assert best is not None  # exempting nothing is always possible
    return list(best[2])


def _split(options: list[int], first: int) -> int:
    """Where to cut the groups so the larger half enumerates the fewest combinations."""
    best_split, best_cost = first, _SATURATE + 1
    for split in range(first, len(options) + 1):
        cost = max(_product(options[:split]), _product(options[split:]))
        if cost < best_cost:
            best_split, best_cost = split, cost
    return best_split


def _product(values: list[int]) -> int:
    result = 1
    for value in values:
        result = min(result * value, _SATURATE)
    return result


def _enumerate(
    groups: list[_Group], *, abroad: int, total: int
) -> list[tuple[int, int, int, tuple[int, ...]]]:
    """Every feasible choice of units of `groups`: (abroad value, duty-free value, saved, units)."""
    found: list[tuple[int, int, int, tuple[int, ...]]] = [(0, 0, 0, ())]
    for group in groups:
        cap = total if group.duty_free else min(abroad, total)
        grown = []
        for a, d, p, c in found:
            for units in _candidates(group, cap):
                weight = group.weight(units)
                na, nd = (a, d + weight) if group.duty_free else (a + weight, d)
                if na <= abroad and na + nd <= total:
                    grown.append((na, nd, p + weight * group.rate, (*c, units)))
        found = grown
    return found


def _apply_quantity_limits(works: list[_Work], traveller: Traveller, rules: RuleSet) -> set[Reason]:
    reasons: set[Reason] = set()
    profile = traveller.limit_profile
    by_group: dict[str, list[_Work]] = {}
    for work in works:
        kind = work.category.limit_kind
        assert kind is not None
        limit = rules.quantity_limit(kind, profile)
        work.legal_basis = limit.basis
        if traveller.age < limit.min_age:
            work.rule = LineRule.MINOR_NO_ALCOHOL_TOBACCO
            work.taxable = work.value
            reasons.add(Reason.MINOR_ALCOHOL_TOBACCO)
            continue
        work.rule = LineRule.ALCOHOL_LIMIT if kind is LimitKind.ALCOHOL else LineRule.TOBACCO_LIMIT
        if limit.amount == 0:
            # None of it free of duty (frequent crossers' alcohol).
            work.taxable = work.value
            reasons.add(Reason.OVER_ALCOHOL_TOBACCO_LIMIT)
            continue
        by_group.setdefault(limit.group, []).append(work)

    for group, members in by_group.items():
        # Alternatives in a group share one budget in a common unit: with 400 cigarettes, 100
        # cigars or 500 g, the budget is lcm = 2000 units; a cigarette is 5, a cigar 20, a gram 4.
        amounts = [q.amount for q in rules.limits_of(profile, group) if q.amount > 0]
        budget = math.lcm(*amounts)
        sized = [(work, _units(work, budget, rules, profile)) for work in members]
        remaining = budget
        for work, units in sorted(sized, key=_limit_priority):
            # Whole units only: a bottle or pack is never split by the limit.
            per_unit = units // work.article.quantity
            covered = min(remaining // per_unit, work.article.quantity) * per_unit
            remaining -= covered
            work.taxable = _div_half_up(work.value * (units - covered), units)
            work.allowance_used = work.value - work.taxable
            if covered < units:
                reasons.add(Reason.OVER_ALCOHOL_TOBACCO_LIMIT)
    return reasons


def _units(work: _Work, budget: int, rules: RuleSet, profile: LimitProfile) -> int:
    kind = work.category.limit_kind
    assert kind is not None
    weight = budget // rules.quantity_limit(kind, profile).amount
    return work.article.quantity * (work.article.unit_measure or 0) * weight


def _limit_priority(item: tuple[_Work, int]) -> tuple[_Ratio, int, int]:
    # Most duty saved per unit of the limit first: rate x value / units, exactly.
    work, units = item
    return (_Ratio(_EXACT.multiply(work.category.rate, work.value), units), -work.value, work.index)


@dataclass(frozen=True, slots=True, eq=False)
class _Ratio:
    """Sorts descending by numerator / denominator without division."""

    numerator: Decimal
    denominator: int

    def __lt__(self, other: _Ratio) -> bool:
        return self.numerator * other.denominator > other.numerator * self.denominator

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Ratio):
            return NotImplemented
        return self.numerator * other.denominator == other.numerator * self.denominator


def _cash_over_threshold(traveller: Traveller, rules: RuleSet, rates: ExchangeRateTable) -> bool:
    cny = Decimal(0)
    foreign_in_cny = Decimal(0)
    for money in traveller.cash:
        if not money.amount.is_finite() or money.amount < 0:
            raise DutyInputError(f"traveller {traveller.key!r}: cash must be 0 or more")
        if money.currency == CNY:
            cny = _EXACT.add(cny, money.amount)
        else:
            rate = _rate(money.currency, rates)
            foreign_in_cny = _EXACT.add(foreign_in_cny, _EXACT.multiply(money.amount, rate))
    if cny > rules.cash.cny:
        return True
    if foreign_in_cny == 0:
        return False
    # Compare in CNY exactly rather than dividing by the USD rate.
    usd_limit_in_cny = _EXACT.multiply(rules.cash.foreign_usd, _rate("USD", rates))
    return foreign_in_cny > usd_limit_in_cny
