from __future__ import annotations

import httpx

from palm_customs.catalogue.models import ServiceItem
from palm_customs.knowledge.models import SearchDoc, SpellingKey
from tests.conftest import graphql
from tests.declarations.flows import inspector
from tests.knowledge.flows import seeded_index

SEARCH = """
query($t: String!, $kinds: [SearchKind!], $first: Int) {
  search(text: $t, kinds: $kinds, first: $first) {
    hits { kind key title titleHighlights { start length } summary
           summaryHighlights { start length } language isFallback }
    corrections
  }
}
"""
UPDATE = """
mutation($code: String!, $input: ServiceItemUpdateInput!) {
  serviceItemUpdate(code: $code, input: $input) { __typename }
}
"""


def _marked(text: str, ranges: list[dict[str, int]]) -> list[str]:
    return [text[r["start"] : r["start"] + r["length"]] for r in ranges]


async def test_an_abbreviation_finds_the_item_whose_words_it_stands_for(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    # when
    body = await graphql(client, SEARCH, {"t": "行郵", "first": 3}, language="zh-HK")
    # then the traditional form of the abbreviation finds the postal-articles item
    hits = body["data"]["search"]["hits"]  # type: ignore[index]
    top = next(h for h in hits if h["key"] == "POSTAL_ARTICLES")
    assert top["language"] == "zh-Hant"
    assert top["isFallback"] is False
    assert any(
        "郵遞物品" in m or "行李物品" in m for m in _marked(top["title"], top["titleHighlights"])
    )


async def test_an_english_word_finds_a_chinese_duty_category_and_marks_the_match(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    # when
    body = await graphql(
        client, SEARCH, {"t": "Perfumes", "kinds": ["DUTY_CATEGORY"], "first": 3}, language="zh-CN"
    )
    # then
    hits = body["data"]["search"]["hits"]  # type: ignore[index]
    assert {h["kind"] for h in hits} == {"DUTY_CATEGORY"}
    cosmetics = next(h for h in hits if h["key"] == "cosmetics")
    assert _marked(cosmetics["title"], cosmetics["titleHighlights"]) == ["化妆品"]


async def test_a_misspelt_word_is_taken_for_the_indexed_word_one_edit_away(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    assert await SpellingKey.filter(key="perfum", term="perfum").exists()
    # when
    body = await graphql(client, SEARCH, {"t": "prefume", "first": 3})
    # then
    result = body["data"]["search"]  # type: ignore[index]
    assert result["corrections"] == ["perfum"]
    assert "cosmetics" in [h["key"] for h in result["hits"]]


async def test_nothing_matches_and_nothing_breaks_on_empty_or_odd_queries(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    # when
    empty = await graphql(client, SEARCH, {"t": "  ?! "})
    odd = await graphql(client, SEARCH, {"t": "税" * 3000 + ' AND OR NOT "*'})
    huge = await graphql(client, SEARCH, {"t": "税" * 5000})
    unknown = await graphql(client, SEARCH, {"t": "zzqx"})
    # then
    assert empty["data"]["search"] == {"hits": [], "corrections": []}  # type: ignore[index]
    assert "errors" not in odd
    # a query longer than any input may be is a typed error naming the field (core/input_guard)
    assert huge["errors"][0]["extensions"] == {  # type: ignore[index]
        "code": "BAD_USER_INPUT",
        "field": "text",
    }
    assert unknown["data"]["search"]["hits"] == []  # type: ignore[index]


async def test_a_page_larger_than_allowed_is_refused(client: httpx.AsyncClient) -> None:
    body = await graphql(client, SEARCH, {"t": "tax", "first": 10_000})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"  # type: ignore[index]


async def test_an_edited_item_is_found_by_its_new_words_at_once(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    await inspector(client, badge="A7001", roles=("administrator",))
    # when an administrator renames the item
    edited = await graphql(
        client,
        UPDATE,
        {
            "code": "BONDED_WAREHOUSE",
            "input": {
                "name": {"zhHans": "保税仓库设立", "zhHant": "保稅倉庫設立", "en": "Zebra depot"}
            },
        },
    )
    assert edited["data"]["serviceItemUpdate"]["__typename"] == "ServiceItemUpdated"  # type: ignore[index]
    body = await graphql(client, SEARCH, {"t": "zebra", "first": 3})
    # then
    hits = body["data"]["search"]["hits"]  # type: ignore[index]
    assert [h["key"] for h in hits] == ["BONDED_WAREHOUSE"]
    doc = await SearchDoc.get(key="BONDED_WAREHOUSE")
    assert doc.titles["en"] == "Zebra depot"
    assert (await ServiceItem.get(code="BONDED_WAREHOUSE")).version == 2
