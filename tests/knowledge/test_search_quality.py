from __future__ import annotations

import re

import httpx

from tests.conftest import graphql
from tests.knowledge.flows import seeded_index
from tests.knowledge.queries import QUERIES

SEARCH = """
query($t: String!, $first: Int) {
  search(text: $t, first: $first) { hits { kind key } corrections }
}
"""


def test_the_query_set_has_sixty_queries_or_more_in_each_script() -> None:
    # then
    hans = [q for q, _ in QUERIES if re.search(r"[\u4e00-\u9fff]", q)]
    latin = [q for q, _ in QUERIES if re.fullmatch(r"[a-z ]+", q)]
    assert len(QUERIES) >= 60
    assert len(set(QUERIES)) == len(QUERIES)
    assert len(hans) >= 30
    assert len(latin) >= 20
    assert any("郵" in q or "稅" in q or "寵" in q for q in hans)  # traditional forms too


async def test_every_realistic_query_finds_its_answer_in_the_first_three(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    # when
    misses = []
    for text, expected in QUERIES:
        body = await graphql(client, SEARCH, {"t": text, "first": 3})
        hits = body["data"]["search"]["hits"]  # type: ignore[index]
        got = [f"{h['kind'].lower()}:{h['key']}" for h in hits]
        if expected not in got:
            misses.append((text, expected, got))
    # then
    assert misses == []
