"""Issue #15 through HTTP: value bands, whole articles, the exact allowance choice, duty-free
purchases and category synonyms, as the live estimate and a submitted declaration give them."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.conftest import graphql
from tests.declarations.flows import article, submit, traveller, trip

ESTIMATE = """
query($travellers: [EstimateTravellerInput!]!, $articles: [ArticleInput!]!) {
  dutyEstimate(travellers: $travellers, articles: $articles) {
    __typename
    ... on DutyEstimate {
      dutyCny channel
      lines { articleKey category declaredCategory rule unitsExempt allowanceUsedCny dutyCny }
      travellers { allowanceCny allowanceWithDutyFreeCny allowanceUsedCny }
    }
    ... on ValidationError { errors { field code } }
    ... on DeclarationError { code field message }
  }
}
"""
RESIDENT = {"isResident": True, "dateOfBirth": "1980-01-01"}


async def estimate(client: httpx.AsyncClient, *articles: dict[str, Any]) -> dict[str, Any]:
    body = await graphql(client, ESTIMATE, {"travellers": [RESIDENT], "articles": list(articles)})
    return body["data"]["dutyEstimate"]  # type: ignore[index,no-any-return]


async def test_a_12000_watch_picked_as_an_ordinary_watch_is_taxed_at_50_percent(
    client: httpx.AsyncClient,
) -> None:
    # when
    result = await estimate(client, article(categoryCode="watches", unitValue="12000.00"))
    # then: 12,000 x 50 % = 6,000.00 in full
    line = result["lines"][0]
    assert (line["declaredCategory"], line["category"], line["dutyCny"]) == (
        "watches",
        "watches_high_value",
        "6000.00",
    )


async def test_an_unticked_8000_laptop_is_taxed_in_full(client: httpx.AsyncClient) -> None:
    # when
    result = await estimate(
        client, article(categoryCode="computers", unitValue="8000.00", indivisible=False)
    )
    # then: 8,000 x 13 % = 1,040.00, not (8,000 - 5,000) x 13 % = 390.00 (and computers are
    # among the goods taxed even within the allowance)
    assert (result["dutyCny"], result["lines"][0]["rule"]) == (
        "1040.00",
        "taxed_within_allowance",
    )


async def test_a_single_article_over_the_allowance_is_taxed_in_full(
    client: httpx.AsyncClient,
) -> None:
    # when: one handbag of 6,000 (unticked)
    result = await estimate(client, article(categoryCode="bags", unitValue="6000.00"))
    # then: 6,000 x 20 % = 1,200.00, not (6,000 - 5,000) x 20 % = 200.00
    assert (result["dutyCny"], result["lines"][0]["rule"]) == (
        "1200.00",
        "indivisible_over_allowance",
    )


async def test_the_allowance_exempts_the_articles_that_save_the_most(
    client: httpx.AsyncClient,
) -> None:
    # when: golf balls of 1,000 (50 %) and books of 5,000 (13 %)
    result = await estimate(
        client,
        article("golf", categoryCode="golf", unitValue="1000.00"),
        article("books", categoryCode="books", unitValue="5000.00"),
    )
    # then: the books save 650 > 500, so the golf balls are taxed: 1,000 x 50 % = 500.00
    assert [(line["rule"], line["dutyCny"]) for line in result["lines"]] == [
        ("not_chosen", "500.00"),
        ("allowance", "0.00"),
    ]


async def test_arrival_duty_free_purchases_have_room_up_to_8000(
    client: httpx.AsyncClient,
) -> None:
    # when: a 4,000 coat from abroad and a 3,000 perfume (100 ml) from the arrival shop
    result = await estimate(
        client,
        article("coat", categoryCode="clothing", unitValue="4000.00"),
        article(
            "perfume",
            categoryCode="cosmetics",
            unitValue="3000.00",
            unitMeasure=100,
            dutyFreeShop=True,
        ),
    )
    # then
    assert (result["dutyCny"], result["channel"]) == ("0.00", "NOTHING_TO_DECLARE")
    assert result["travellers"][0]["allowanceWithDutyFreeCny"] == "8000.00"


async def test_cosmetics_without_their_ml_or_g_are_refused_with_the_field(
    client: httpx.AsyncClient,
) -> None:
    result = await estimate(client, article(categoryCode="cosmetics", unitValue="300.00"))
    assert result["errors"] == [{"field": "articles.0.unitMeasure", "code": "REQUIRED"}]


async def test_too_many_different_articles_for_an_exact_choice_are_refused_clearly(
    client: httpx.AsyncClient,
) -> None:
    # when: 40 different books over the allowance
    articles = [
        article(f"b{i}", categoryCode="books", unitValue=f"{200 + i}.00") for i in range(40)
    ]
    result = await estimate(client, *articles)
    # then
    assert (result["__typename"], result["code"], result["field"]) == (
        "DeclarationError",
        "TOO_MANY_ALLOWANCE_CHOICES",
        "articles",
    )
    assert "one line with a quantity" in result["message"]


async def test_a_submitted_declaration_keeps_the_band_and_the_whole_article_rule(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    # when
    result = await submit(
        client,
        trip(articles=[article(categoryCode="watches", unitValue="12000.00", indivisible=False)]),
    )
    # then
    line = result["declaration"]["estimate"]["lines"][0]
    assert (line["category"], line["dutyCny"]) == ("watches_high_value", "6000.00")


async def test_the_offline_rules_carry_synonyms_and_the_choice_with_its_source(
    client: httpx.AsyncClient,
) -> None:
    body = await graphql(
        client, "{ dutyRules { ruleSetJson categories { code synonyms needsMeasure } } }"
    )
    rules = body["data"]["dutyRules"]  # type: ignore[index]
    perfume = {c["code"] for c in rules["categories"] if "香水" in c["synonyms"]}
    assert perfume == {"cosmetics", "cosmetics_high_end"}
    assert {c["code"] for c in rules["categories"] if c["needsMeasure"]} >= {
        "alcohol",
        "cosmetics",
    }
    choice = json.loads(rules["ruleSetJson"])["allowance_choice"]
    assert "2010年第54号" in choice["basis"]


async def test_an_adult_resident_arriving_at_luohu_has_the_12000_allowance(
    client: httpx.AsyncClient,
) -> None:
    query = """
    query($travellers: [EstimateTravellerInput!]!, $articles: [ArticleInput!]!, $port: String!) {
      dutyEstimate(travellers: $travellers, articles: $articles, portCode: $port) {
        ... on DutyEstimate { dutyCny travellers { allowanceCny } }
      }
    }
    """
    articles = [article(categoryCode="bags", unitValue="9500.00", indivisible=False)]

    async def at(port: str) -> dict[str, Any]:
        body = await graphql(
            client, query, {"travellers": [RESIDENT], "articles": articles, "port": port}
        )
        return body["data"]["dutyEstimate"]  # type: ignore[index,no-any-return]

    # when: the same 9,500 bag at Luohu (from Hong Kong) and at Pudong airport
    luohu, pudong = await at("LUOHU"), await at("PVG")
    # then: 12,000 covers it at Luohu; at Pudong it is one article over 5,000: x 20 % = 1,900.00
    assert (luohu["dutyCny"], luohu["travellers"][0]["allowanceCny"]) == ("0.00", "12000.00")
    assert (pudong["dutyCny"], pudong["travellers"][0]["allowanceCny"]) == ("1900.00", "5000.00")


async def test_a_frequent_crosser_at_gongbei_has_no_free_alcohol(
    client: httpx.AsyncClient,
) -> None:
    query = """
    query($travellers: [EstimateTravellerInput!]!, $articles: [ArticleInput!]!, $port: String!,
          $frequent: Boolean!) {
      dutyEstimate(travellers: $travellers, articles: $articles, portCode: $port,
                   frequentCrosser: $frequent) {
        ... on DutyEstimate { dutyCny }
      }
    }
    """
    wine = [article(categoryCode="alcohol", unitValue="300.00", unitMeasure=750)]

    async def duty(port: str, *, frequent: bool) -> str:
        variables = {"travellers": [RESIDENT], "articles": wine, "port": port, "frequent": frequent}
        body = await graphql(client, query, variables)
        return body["data"]["dutyEstimate"]["dutyCny"]  # type: ignore[index,no-any-return]

    # when / then: one 750 ml bottle is free from Macau, not for a frequent crosser
    # (300 x 50 % = 150.00); away from Hong Kong and Macau the answer does not apply
    assert [
        await duty("GONGBEI", frequent=False),
        await duty("GONGBEI", frequent=True),
        await duty("PVG", frequent=True),
    ] == ["0.00", "150.00", "0.00"]
