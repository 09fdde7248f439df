from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palm_customs.declarations.duty import (
    Article,
    Channel,
    DutyInputError,
    Estimate,
    InvalidArticleError,
    LineRule,
    MeasureRequiredError,
    Money,
    Reason,
    TooManyChoicesError,
    Traveller,
    UnknownCategoryError,
    UnknownCurrencyError,
    UnknownTravellerError,
    estimate_duty,
)
from palm_customs.declarations.rules import (
    SEED_RATES,
    SEED_RULES,
    ExchangeRateTable,
    Residency,
    RulesDataError,
    RuleSet,
    seed_rates,
    seed_rule_set,
)

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parent / "duty_vectors.json").read_text(encoding="utf-8")
)
CASES: dict[str, dict[str, Any]] = {case["name"]: case for case in VECTORS["cases"]}
RULES = seed_rule_set()
RATES = seed_rates()

# Hand-computed headline of every vector: (total duty, channel). The full expected estimate is
# in duty_vectors.json, shared with the PWA.
HEADLINES: dict[str, tuple[str, Channel]] = {
    # 2 x 1,000 clothing + 500 books = 2,500 <= 5,000
    "resident_under_allowance": ("0.00", Channel.NOTHING_TO_DECLARE),
    # a 5,000.00 laptop fits, but computers are taxed even within the allowance: x 13 % = 650.00
    "computers_are_taxed_even_within_the_allowance": ("650.00", Channel.DECLARE),
    # one article of 5,000.01 is taxed in full: x 50 % = 2,500.005 -> 2,500.01 (HALF_UP)
    "resident_single_article_one_cent_over_taxed_in_full": ("2500.01", Channel.DECLARE),
    # 5,000.01 x 13 % = 650.0013 -> 650.00
    "resident_one_book_set_one_cent_over_at_13_percent": ("650.00", Channel.DECLARE),
    # shoes (saves 300) exempted, toys 600 x 13 % = 78.00 in full
    "non_resident_over_2000": ("78.00", Channel.DECLARE),
    # the camera leaves again; the 300 tea is covered
    "non_resident_taking_articles_out": ("0.00", Channel.NOTHING_TO_DECLARE),
    # 6,000 x 13 % = 780.00 in full; the coat keeps the whole allowance
    "resident_indivisible_camera_over_allowance": ("780.00", Channel.DECLARE),
    # golf + coat + watch (4,500, saves 1,350) beat golf + books (1,140): books 3,000 x 13 %
    "resident_mixed_rates_over_allowance": ("390.00", Channel.DECLARE),
    # 999.99 USD x 7.10 = 7,099.93, one article: x 13 % = 922.9909 -> 922.99
    "resident_foreign_currencies": ("922.99", Channel.DECLARE),
    # the kid's one 5,200 Lego set: x 13 % = 676.00; the adults stay under their own 5,000
    "companions_each_have_their_own_allowance": ("676.00", Channel.DECLARE),
    # 300 x 50 % = 150.00; minors have no alcohol allowance
    "minor_with_wine": ("150.00", Channel.DECLARE),
    # 2 x 750 ml = 1,500 ml: exempt
    "adult_two_bottles_of_wine_exactly_at_limit": ("0.00", Channel.NOTHING_TO_DECLARE),
    # 936.00 x 750 / 2,250 = 312.00 x 50 % = 156.00
    "adult_three_bottles_of_wine_one_taxed": ("156.00", Channel.DECLARE),
    # whole bottles: the second 1,000 ml in full, 155.54 / 2 = 77.77 x 50 % = 38.885 -> 38.89
    "alcohol_second_bottle_over_the_limit_is_taxed_in_full": ("38.89", Channel.DECLARE),
    # one 2,000 ml bottle over 1,500 ml cannot be split: 400.00 x 50 % = 200.00
    "single_bottle_over_the_alcohol_limit_is_taxed_in_full": ("200.00", Channel.DECLARE),
    # one box of 120 cigars over 100: 1,200.00 x 50 % = 600.00
    "single_box_of_cigars_over_the_limit_is_taxed_in_full": ("600.00", Channel.DECLARE),
    # 1,000 ml then 500 ml fill 1,500 ml exactly: nothing taxed
    "a_smaller_bottle_still_fits_what_the_limit_leaves": ("0.00", Channel.NOTHING_TO_DECLARE),
    # cigars covered first; 8 of 10 packs fit the rest: 300.00 x 2 / 10 = 60.00 x 50 % = 30.00
    "tobacco_mix_shares_one_limit": ("30.00", Channel.DECLARE),
    # RMB 20,000 and USD 5,000 are at, not over; EUR 4,600 = 35,880 > 35,500 CNY
    "cash_thresholds_are_strictly_more_than": ("0.00", Channel.DECLARE),
    "checklist_yes_means_declare": ("0.00", Channel.DECLARE),
    # 1.005 -> 1.01 and 0.15 x 7.10 = 1.065 -> 1.07, both covered
    "values_round_half_up_to_the_cent": ("0.00", Channel.NOTHING_TO_DECLARE),
    # 12,000 is in the >= 10,000 band (50 %), one article over 5,000: 6,000.00
    "watch_of_12000_is_placed_in_the_high_value_band": ("6000.00", Channel.DECLARE),
    # 9,000 is in the < 10,000 band (20 %): 1,800.00
    "watch_of_9000_declared_high_value_is_placed_below": ("1800.00", Channel.DECLARE),
    # 8,000 x 13 % = 1,040.00, not (8,000 - 5,000) x 13 % = 390.00
    "unticked_laptop_of_8000_is_taxed_in_full": ("1040.00", Channel.DECLARE),
    # 3 shirts exempted, the 4th: 1,300 x 20 % = 260.00
    "units_of_a_line_are_whole_articles": ("260.00", Channel.DECLARE),
    # one set of 6,000: x 50 % = 3,000.00
    "a_set_is_one_article": ("3000.00", Channel.DECLARE),
    # books save 650 > golf 500: golf 1,000 x 50 % = 500.00
    "allowance_exempts_what_saves_the_most_duty": ("500.00", Channel.DECLARE),
    # perfume (12/ml, 50 %) + cream (6/ml, 20 %) save 660 > laptop + cream 580: 4,000 x 13 %
    "cosmetics_are_placed_by_value_per_ml": ("520.00", Channel.DECLARE),
    # 4,000 abroad + 3,000 duty-free = 7,000 <= 8,000
    "duty_free_purchases_fit_the_8000_limit": ("0.00", Channel.NOTHING_TO_DECLARE),
    # 8,500 > 8,000: perfume saves 2,000 > coat 900: 4,500 x 20 % = 900.00
    "duty_free_purchases_over_the_8000_limit": ("900.00", Channel.DECLARE),
    # only one 3,000 shirt fits the 5,000 for articles from abroad: 3,000 x 20 % = 600.00
    "duty_free_purchases_do_not_raise_the_allowance_for_articles_from_abroad": (
        "600.00",
        Channel.DECLARE,
    ),
    # non-residents: 2,500 > 2,000; bag saves 300 > books 130: 1,000 x 13 % = 130.00
    "non_resident_duty_free_purchases_share_the_2000": ("130.00", Channel.DECLARE),
    # an adult resident from Hong Kong or Macau: 9,500 <= 12,000
    "resident_from_hong_kong_has_12000": ("0.00", Channel.NOTHING_TO_DECLARE),
    # aged 17: 5,000; one 3,000 toy taxed: x 13 % = 390.00
    "resident_aged_17_from_macau_keeps_5000": ("390.00", Channel.DECLARE),
    # 11,000 <= 12,000 from abroad, 14,500 <= 15,000 with the duty-free perfume
    "from_hong_kong_with_duty_free_up_to_15000": ("0.00", Channel.NOTHING_TO_DECLARE),
    # 200 of 400 cigarettes over: 600 x 200 / 400 = 300 x 50 % = 150.00
    "hk_macau_tobacco_limit_is_200_cigarettes": ("150.00", Channel.DECLARE),
    # 750 of 1,500 ml over: 800 x 750 / 1,500 = 400 x 50 % = 200.00
    "hk_macau_one_bottle_of_wine": ("200.00", Channel.DECLARE),
    # no free alcohol: 300 x 50 % = 150.00; 20 cigarettes within 40
    "frequent_crosser_has_no_alcohol_allowance": ("150.00", Channel.DECLARE),
    # visitors keep 2,000: toys 600 x 13 % = 78.00
    "non_resident_from_hong_kong_keeps_2000": ("78.00", Channel.DECLARE),
}


def traveller_from_json(data: dict[str, Any]) -> Traveller:
    return Traveller(
        key=data["key"],
        residency=Residency(data["residency"]),
        age=data["age"],
        cash=tuple(Money(Decimal(c["amount"]), c["currency"]) for c in data.get("cash", [])),
        from_hk_macau=data.get("from_hk_macau", False),
        frequent_crosser=data.get("frequent_crosser", False),
    )


def article_from_json(data: dict[str, Any]) -> Article:
    return Article(
        key=data["key"],
        traveller_key=data["traveller_key"],
        category=data["category"],
        quantity=data["quantity"],
        unit_value=Decimal(data["unit_value"]),
        currency=data["currency"],
        unit_measure=data.get("unit_measure"),
        indivisible=data.get("indivisible", False),
        taken_out_again=data.get("taken_out_again", False),
        duty_free_shop=data.get("duty_free_shop", False),
    )


def estimate_case(name: str) -> Estimate:
    given_input = CASES[name]["input"]
    return estimate_duty(
        travellers=[traveller_from_json(t) for t in given_input["travellers"]],
        articles=[article_from_json(a) for a in given_input["articles"]],
        checklist_yes=given_input["checklist_yes"],
        rules=RuleSet.from_dict(VECTORS["rule_set"]),
        rates=ExchangeRateTable.from_dict(VECTORS["rates"]),
    )


def without_legal_basis(estimate: dict[str, Any]) -> dict[str, Any]:
    lines = [{k: v for k, v in line.items() if k != "legal_basis"} for line in estimate["lines"]]
    return {**estimate, "lines": lines}


def create_traveller(*, key: str = "me", residency: Residency = Residency.RESIDENT) -> Traveller:
    return Traveller(key=key, residency=residency, age=40)


def create_article(
    *,
    key: str = "a",
    traveller_key: str = "me",
    category: str = "books",
    quantity: int = 1,
    unit_value: str = "100.00",
    currency: str = "CNY",
    unit_measure: int | None = None,
    taken_out_again: bool = False,
) -> Article:
    return Article(
        key=key,
        traveller_key=traveller_key,
        category=category,
        quantity=quantity,
        unit_value=Decimal(unit_value),
        currency=currency,
        unit_measure=unit_measure,
        taken_out_again=taken_out_again,
    )


# --- Vectors (the same file the PWA's port is tested against) -------------------------------


def test_the_vectors_use_the_seeded_rules_and_rates() -> None:
    assert VECTORS["rule_set"] == SEED_RULES
    assert VECTORS["rates"] == SEED_RATES


def test_every_vector_has_a_hand_computed_headline() -> None:
    assert set(CASES) == set(HEADLINES)


@pytest.mark.parametrize("name", sorted(HEADLINES))
def test_vector_headline_matches_the_hand_computation(name: str) -> None:
    # given
    duty, channel = HEADLINES[name]
    # when
    estimate = estimate_case(name)
    # then
    assert (estimate.duty_cny, estimate.channel) == (Decimal(duty), channel)


@pytest.mark.parametrize("name", sorted(CASES))
def test_vector_estimate_matches_expected_json(name: str) -> None:
    # when
    estimate = estimate_case(name)
    # then
    assert without_legal_basis(estimate.to_dict()) == CASES[name]["expected"]


# --- Named behaviour -------------------------------------------------------------------------


def test_estimate_records_rule_set_version_and_rates_date() -> None:
    # when
    estimate = estimate_case("resident_under_allowance")
    # then
    assert (estimate.rule_set_version, estimate.rates_date.isoformat()) == (
        "cn-passenger-2024-08-01.2",
        "2025-01-01",
    )


def test_money_in_the_estimate_has_two_decimals() -> None:
    # when
    estimate = estimate_case("resident_foreign_currencies")
    # then
    amounts = [estimate.duty_cny, estimate.value_cny] + [line.value_cny for line in estimate.lines]
    assert {a.as_tuple().exponent for a in amounts} == {-2}


def test_a_line_cites_the_legal_basis_of_the_rule_applied() -> None:
    # when
    estimate = estimate_case("adult_three_bottles_of_wine_one_taxed")
    # then
    assert (
        estimate.lines[0].legal_basis
        == RULES.quantity_limit(
            RULES.category("alcohol").limit_kind  # type: ignore[union-attr, arg-type]
        ).basis
    )


def test_an_allowance_line_cites_the_allowance_basis() -> None:
    # when
    estimate = estimate_case("resident_mixed_rates_over_allowance")
    # then
    assert {line.legal_basis for line in estimate.lines} == {
        RULES.allowance(direction="arriving", residency=Residency.RESIDENT).basis
    }


def test_the_demo_rate_table_says_it_is_not_official() -> None:
    assert "NOT OFFICIAL" in RATES.source


def test_every_category_is_named_in_three_languages() -> None:
    missing = [
        c.code for c in RULES.categories if not (c.name.zh_hans and c.name.zh_hant and c.name.en)
    ]
    assert missing == []


def test_seeded_categories_use_only_the_three_rates() -> None:
    assert {c.rate for c in RULES.categories} == {
        Decimal("0.13"),
        Decimal("0.20"),
        Decimal("0.50"),
    }


def test_the_seeded_currencies_are_the_twelve_agreed() -> None:
    assert set(RATES.rates) == {
        "CNY", "USD", "EUR", "JPY", "HKD", "MOP", "TWD", "GBP", "KRW", "AUD", "SGD", "THB"
    }  # fmt: skip


def test_the_rule_set_round_trips_through_its_dict_form() -> None:
    assert RuleSet.from_dict(SEED_RULES).to_dict() == SEED_RULES


def test_the_rate_table_round_trips_through_its_dict_form() -> None:
    assert ExchangeRateTable.from_dict(SEED_RATES).to_dict() == SEED_RATES


def test_a_published_rule_set_changes_the_allowance_without_a_release() -> None:
    # given
    data = json.loads(json.dumps(SEED_RULES))
    data["version"] = "cn-passenger-test.2"
    data["allowances"][0]["amount_cny"] = "8000.00"
    # when
    estimate = estimate_duty(
        travellers=[create_traveller()],
        articles=[create_article(unit_value="6000.00")],
        rules=RuleSet.from_dict(data),
        rates=RATES,
    )
    # then
    assert (estimate.duty_cny, estimate.rule_set_version) == (
        Decimal("0.00"),
        "cn-passenger-test.2",
    )


def test_a_rule_set_with_float_money_is_refused() -> None:
    data = json.loads(json.dumps(SEED_RULES))
    data["allowances"][0]["amount_cny"] = 5000.0
    with pytest.raises(RulesDataError):
        RuleSet.from_dict(data)


def test_a_rate_table_without_cny_at_one_is_refused() -> None:
    data = json.loads(json.dumps(SEED_RATES))
    data["rates"]["CNY"] = "1.01"
    with pytest.raises(RulesDataError):
        ExchangeRateTable.from_dict(data)


def test_a_rule_set_is_effective_from_its_start_date() -> None:
    assert (
        RULES.is_effective_on(RULES.effective_from),
        RULES.is_effective_on(RULES.effective_from - timedelta(days=1)),
    ) == (True, False)


def test_an_unknown_category_is_a_value_error_with_a_code() -> None:
    with pytest.raises(UnknownCategoryError) as caught:
        estimate_duty(
            travellers=[create_traveller()],
            articles=[create_article(category="spaceships")],
            rules=RULES,
            rates=RATES,
        )
    assert isinstance(caught.value, ValueError)
    assert caught.value.code == "unknown_category"


def test_an_unknown_currency_is_refused() -> None:
    with pytest.raises(UnknownCurrencyError):
        estimate_duty(
            travellers=[create_traveller()],
            articles=[create_article(currency="XYZ")],
            rules=RULES,
            rates=RATES,
        )


def test_unknown_foreign_cash_currency_is_refused() -> None:
    with pytest.raises(UnknownCurrencyError):
        estimate_duty(
            travellers=[replace(create_traveller(), cash=(Money(Decimal(1), "XYZ"),))],
            articles=[],
            rules=RULES,
            rates=RATES,
        )


def test_an_article_of_an_unknown_traveller_is_refused() -> None:
    with pytest.raises(UnknownTravellerError):
        estimate_duty(
            travellers=[create_traveller()],
            articles=[create_article(traveller_key="ghost")],
            rules=RULES,
            rates=RATES,
        )


def test_alcohol_without_a_measure_is_refused() -> None:
    with pytest.raises(InvalidArticleError):
        estimate_duty(
            travellers=[create_traveller()],
            articles=[create_article(category="alcohol")],
            rules=RULES,
            rates=RATES,
        )


def test_a_resident_cannot_mark_an_article_taken_out_again() -> None:
    with pytest.raises(InvalidArticleError):
        estimate_duty(
            travellers=[create_traveller()],
            articles=[create_article(taken_out_again=True)],
            rules=RULES,
            rates=RATES,
        )


def test_two_travellers_with_one_key_are_refused() -> None:
    with pytest.raises(DutyInputError):
        estimate_duty(
            travellers=[create_traveller(), create_traveller()],
            articles=[],
            rules=RULES,
            rates=RATES,
        )


def test_a_non_resident_taking_wine_out_again_owes_nothing_for_it() -> None:
    # given: 5 bottles would be over the 1,500 ml limit if they stayed
    article = create_article(category="alcohol", quantity=5, unit_measure=750, taken_out_again=True)
    # when
    estimate = estimate_duty(
        travellers=[create_traveller(residency=Residency.NON_RESIDENT)],
        articles=[article],
        rules=RULES,
        rates=RATES,
    )
    # then
    assert (estimate.lines[0].rule, estimate.duty_cny, estimate.channel) == (
        LineRule.NOT_TAXABLE_TAKEN_OUT,
        Decimal("0.00"),
        Channel.NOTHING_TO_DECLARE,
    )


def test_alcohol_within_the_limit_does_not_use_the_value_allowance() -> None:
    # given: 1,500 ml of wine worth 1,000.00 and 5,000.00 of books
    articles = [
        create_article(key="wine", category="alcohol", quantity=2, unit_measure=750,
                       unit_value="500.00"),
        create_article(key="books", unit_value="5000.00"),
    ]  # fmt: skip
    # when
    estimate = estimate_duty(
        travellers=[create_traveller()], articles=articles, rules=RULES, rates=RATES
    )
    # then
    assert estimate.duty_cny == Decimal("0.00")


def test_cash_one_cent_over_twenty_thousand_yuan_must_be_declared() -> None:
    # when
    estimate = estimate_duty(
        travellers=[replace(create_traveller(), cash=(Money(Decimal("20000.01"), "CNY"),))],
        articles=[],
        rules=RULES,
        rates=RATES,
    )
    # then
    assert estimate.reasons == (Reason.CASH_OVER_THRESHOLD,)


# --- Properties ------------------------------------------------------------------------------

CATEGORY_CODES = [c.code for c in RULES.categories]
CURRENCIES = sorted(RATES.rates)
TRAVELLER_KEYS = ["a", "b", "c"]


@st.composite
def travellers_strategy(draw: st.DrawFn) -> list[Traveller]:
    count = draw(st.integers(min_value=1, max_value=3))
    return [
        Traveller(
            key=key,
            residency=draw(st.sampled_from(list(Residency))),
            age=draw(st.integers(min_value=0, max_value=90)),
            cash=tuple(
                draw(
                    st.lists(
                        st.builds(
                            Money,
                            st.decimals(min_value=0, max_value=50000, places=2),
                            st.sampled_from(CURRENCIES),
                        ),
                        max_size=2,
                    )
                )
            ),
            from_hk_macau=draw(st.booleans()),
            frequent_crosser=draw(st.booleans()),
        )
        for key in TRAVELLER_KEYS[:count]
    ]


@st.composite
def article_strategy(draw: st.DrawFn, travellers: list[Traveller], key: str) -> Article:
    owner = draw(st.sampled_from(travellers))
    category = draw(st.sampled_from(CATEGORY_CODES))
    limited = RULES.category(category).needs_measure  # type: ignore[union-attr]
    return Article(
        key=key,
        traveller_key=owner.key,
        category=category,
        quantity=draw(st.integers(min_value=1, max_value=5)),
        unit_value=draw(st.decimals(min_value=0, max_value=8000, places=2)),
        currency=draw(st.sampled_from(CURRENCIES)),
        unit_measure=draw(st.integers(min_value=1, max_value=1000)) if limited else None,
        indivisible=draw(st.booleans()),
        taken_out_again=owner.residency is Residency.NON_RESIDENT and draw(st.booleans()),
        duty_free_shop=draw(st.booleans()),
    )


@st.composite
def declarations(draw: st.DrawFn) -> tuple[list[Traveller], list[Article], Article]:
    travellers = draw(travellers_strategy())
    count = draw(st.integers(min_value=0, max_value=6))
    articles = [draw(article_strategy(travellers, f"x{i}")) for i in range(count)]
    extra = draw(article_strategy(travellers, "extra"))
    return travellers, articles, extra


def estimate_of(travellers: list[Traveller], articles: list[Article]) -> Estimate:
    return estimate_duty(travellers=travellers, articles=articles, rules=RULES, rates=RATES)


@settings(max_examples=150, deadline=None)
@given(declarations())
def test_duty_is_never_negative(case: tuple[list[Traveller], list[Article], Article]) -> None:
    travellers, articles, _ = case
    estimate = estimate_of(travellers, articles)
    assert min([line.duty_cny for line in estimate.lines], default=Decimal(0)) >= 0


@settings(max_examples=150, deadline=None)
@given(declarations())
def test_taxable_never_exceeds_value(case: tuple[list[Traveller], list[Article], Article]) -> None:
    travellers, articles, _ = case
    estimate = estimate_of(travellers, articles)
    assert [line for line in estimate.lines if line.taxable_cny > line.value_cny] == []


@settings(max_examples=150, deadline=None)
@given(declarations(), st.data())
def test_adding_an_article_never_lowers_the_total_duty(
    case: tuple[list[Traveller], list[Article], Article], data: st.DataObject
) -> None:
    # given
    travellers, articles, extra = case
    position = data.draw(st.integers(min_value=0, max_value=len(articles)))
    # when
    before = estimate_of(travellers, articles)
    after = estimate_of(travellers, [*articles[:position], extra, *articles[position:]])
    # then
    assert after.duty_cny >= before.duty_cny


@settings(max_examples=150, deadline=None)
@given(declarations())
def test_the_allowance_used_never_exceeds_the_allowance(
    case: tuple[list[Traveller], list[Article], Article],
) -> None:
    travellers, articles, _ = case
    estimate = estimate_of(travellers, articles)
    # with arrival duty-free purchases, up to the combined limit
    assert [
        t
        for t in estimate.travellers
        if t.allowance_used_cny > (t.allowance_with_duty_free_cny or t.allowance_cny)
    ] == []


@settings(max_examples=150, deadline=None)
@given(declarations(), st.randoms(use_true_random=False))
def test_the_estimate_does_not_depend_on_the_order_of_travellers(
    case: tuple[list[Traveller], list[Article], Article], random: Any
) -> None:
    # given
    travellers, articles, _ = case
    shuffled = list(travellers)
    random.shuffle(shuffled)
    # when / then
    assert estimate_of(shuffled, articles) == estimate_of(travellers, articles)


@settings(max_examples=100, deadline=None)
@given(declarations())
def test_the_estimate_is_deterministic(
    case: tuple[list[Traveller], list[Article], Article],
) -> None:
    travellers, articles, _ = case
    assert estimate_of(travellers, articles) == estimate_of(travellers, articles)


# --- Whole articles and the exact choice ----------------------------------------------------


@st.composite
def ordinary_articles(draw: st.DrawFn) -> list[Article]:
    codes = ["books", "clothing", "golf", "toys", "jewellery"]
    return [
        Article(
            key=f"x{i}",
            traveller_key="a",
            category=draw(st.sampled_from(codes)),
            quantity=draw(st.integers(min_value=1, max_value=3)),
            unit_value=Decimal(draw(st.integers(min_value=1, max_value=400))) * 10,
            currency="CNY",
            indivisible=draw(st.booleans()),
            duty_free_shop=draw(st.booleans()),
        )
        for i in range(draw(st.integers(min_value=1, max_value=5)))
    ]


def best_by_brute_force(articles: list[Article], *, abroad: int, total: int) -> Decimal:
    """Duty saved (before rounding) by the best set of whole articles, trying every set."""
    units: list[tuple[Decimal, Decimal, bool]] = []
    for article in articles:
        rate = RULES.category(article.category).rate  # type: ignore[union-attr]
        if article.indivisible or article.quantity == 1:
            units.append((article.unit_value * article.quantity, rate, article.duty_free_shop))
        else:
            units.extend([(article.unit_value, rate, article.duty_free_shop)] * article.quantity)
    best = Decimal(0)
    for mask in range(1 << len(units)):
        chosen = [u for i, u in enumerate(units) if mask >> i & 1]
        from_abroad = sum((v for v, _, df in chosen if not df), Decimal(0))
        everything = sum((v for v, _, _ in chosen), Decimal(0))
        if from_abroad <= abroad and everything <= total:
            best = max(best, sum((v * r for v, r, _ in chosen), Decimal(0)))
    return best


@settings(max_examples=150, deadline=None)
@given(ordinary_articles(), st.sampled_from(list(Residency)))
def test_the_allowance_exempts_the_best_set_of_whole_articles(
    articles: list[Article], residency: Residency
) -> None:
    # given: the best any set of whole articles could do, by trying them all
    allowance = RULES.allowance(direction="arriving", residency=residency)
    total = allowance.with_duty_free_cny or allowance.amount_cny
    best = best_by_brute_force(articles, abroad=int(allowance.amount_cny), total=int(total))
    # when
    estimate = estimate_duty(
        travellers=[Traveller(key="a", residency=residency, age=30)],
        articles=articles,
        rules=RULES,
        rates=RATES,
    )
    # then: the estimate saves exactly that much, and exempts only whole articles
    saved = sum((line.allowance_used_cny * line.rate for line in estimate.lines), Decimal(0))
    assert saved == best
    for article, line in zip(articles, estimate.lines, strict=True):
        whole = article.unit_value * (article.quantity if article.indivisible else 1)
        assert line.allowance_used_cny % whole == 0


def test_too_many_different_articles_for_an_exact_choice_are_refused() -> None:
    # given: 40 different single articles over the allowance
    articles = [create_article(key=f"a{i}", unit_value=f"{200 + i}.00") for i in range(40)]
    # when / then
    with pytest.raises(TooManyChoicesError):
        estimate_duty(travellers=[create_traveller()], articles=articles, rules=RULES, rates=RATES)


def test_many_articles_within_the_allowance_need_no_choice() -> None:
    # given: 100 articles of 10.00 (1,000.00 in all)
    articles = [create_article(key=f"a{i}", unit_value="10.00") for i in range(100)]
    # when
    estimate = estimate_duty(
        travellers=[create_traveller()], articles=articles, rules=RULES, rates=RATES
    )
    # then
    assert (estimate.duty_cny, estimate.channel) == (Decimal("0.00"), Channel.NOTHING_TO_DECLARE)


def test_cosmetics_without_a_measure_are_refused() -> None:
    with pytest.raises(MeasureRequiredError):
        estimate_duty(
            travellers=[create_traveller()],
            articles=[create_article(category="cosmetics")],
            rules=RULES,
            rates=RATES,
        )


def test_a_watch_at_exactly_10000_is_in_the_high_value_band() -> None:
    # when
    estimate = estimate_duty(
        travellers=[create_traveller()],
        articles=[create_article(category="watches", unit_value="10000.00")],
        rules=RULES,
        rates=RATES,
    )
    # then: 10,000 x 50 % = 5,000.00
    line = estimate.lines[0]
    assert (line.declared_category, line.category, line.duty_cny) == (
        "watches",
        "watches_high_value",
        Decimal("5000.00"),
    )


def test_value_bands_with_a_gap_are_refused() -> None:
    data = json.loads(json.dumps(SEED_RULES))
    for category in data["categories"]:
        if category["code"] == "watches_high_value":
            category["value_band"]["from_cny"] = "12000.00"
    with pytest.raises(RulesDataError):
        RuleSet.from_dict(data)


def test_every_category_has_synonyms_in_chinese_and_english() -> None:
    def has_han(word: str) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in word)

    lacking = [
        c.code
        for c in RULES.categories
        if not any(has_han(w) for w in c.synonyms) or all(has_han(w) for w in c.synonyms)
    ]
    assert lacking == []


def test_a_rule_set_published_before_value_bands_still_loads() -> None:
    # given: the shape published before this rule set version
    data = json.loads(json.dumps(SEED_RULES))
    del data["allowance_choice"]
    for category in data["categories"]:
        del category["value_band"], category["synonyms"]
    for allowance in data["allowances"]:
        del allowance["with_duty_free_cny"], allowance["duty_free_basis"]
    # when
    rules = RuleSet.from_dict(data)
    # then
    assert rules.category("watches").value_band is None  # type: ignore[union-attr]


def test_the_agreement_cases_are_what_the_server_computes() -> None:
    # given: the random cases the PWA's port is checked against (tests/declarations/
    # duty_agreement.json), and the same cases generated afresh
    from tests.declarations import duty_agreement

    stored = json.loads(duty_agreement.PATH.read_text(encoding="utf-8"))["cases"]
    # when / then
    assert stored == duty_agreement.cases()
