from __future__ import annotations

import httpx
from strawberry.extensions.validation_cache import _get_validate_cache

from palm_customs.core.limits import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS


async def test_a_query_deeper_than_the_limit_is_refused(client: httpx.AsyncClient) -> None:
    # given a selection nested deeper than allowed (ports -> nodes -> name -> en = 4 levels)
    fields = "en"
    for _ in range(MAX_DEPTH):
        fields = f"name {{ {fields} }}"
    query = "{ ports { nodes { " + fields + " } } }"
    # when
    response = await client.post("/graphql", json={"query": query})
    # then
    body = response.json()
    assert response.status_code == 200
    assert body["data"] is None
    assert any("depth" in e["message"] for e in body["errors"])


async def test_too_many_aliases_are_refused(client: httpx.AsyncClient) -> None:
    # given
    aliases = " ".join(f"a{i}: serverInfo {{ version }}" for i in range(MAX_ALIASES + 1))
    # when
    response = await client.post("/graphql", json={"query": "{ " + aliases + " }"})
    # then
    body = response.json()
    assert body["data"] is None
    assert any("aliases" in e["message"] for e in body["errors"])


async def test_a_query_within_the_alias_limit_runs(client: httpx.AsyncClient) -> None:
    # given
    aliases = " ".join(f"a{i}: serverInfo {{ version }}" for i in range(MAX_ALIASES))
    # when
    response = await client.post("/graphql", json={"query": "{ " + aliases + " }"})
    # then
    assert "errors" not in response.json()
    assert len(response.json()["data"]) == MAX_ALIASES


async def test_too_many_tokens_are_refused(client: httpx.AsyncClient) -> None:
    # given
    query = "{ " + " ".join("serverInfo { version }" for _ in range(MAX_TOKENS // 4)) + " }"
    # when
    response = await client.post("/graphql", json={"query": query})
    # then
    body = response.json()
    assert body["data"] is None
    assert "token" in body["errors"][0]["message"].lower()


async def test_a_repeated_query_hits_the_validation_cache(client: httpx.AsyncClient) -> None:
    # given
    cache = _get_validate_cache(512)
    query = {"query": "query CacheProbe { serverInfo { version webauthnRpId } }"}
    await client.post("/graphql", json=query)
    before = cache.cache_info()
    # when
    for _ in range(3):
        response = await client.post("/graphql", json=query)
        assert response.json()["data"]["serverInfo"]["version"]
    # then
    after = cache.cache_info()
    assert after.hits - before.hits == 3
    assert after.misses == before.misses
