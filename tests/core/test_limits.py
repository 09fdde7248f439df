from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from palm_customs.core import documents
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


async def test_a_repeated_query_is_parsed_and_validated_once(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a query text this process has not seen
    validations: list[object] = []
    validate = documents.validate_document

    def counted(*args: Any) -> Any:
        validations.append(args[1])
        return validate(*args)

    monkeypatch.setattr(documents, "validate_document", counted)
    query = {"query": f"query Probe{uuid.uuid4().hex} {{ serverInfo {{ version webauthnRpId }} }}"}
    parsed = documents._parse.cache_info()
    # when it comes four times
    for _ in range(4):
        response = await client.post("/graphql", json=query)
        assert response.json()["data"]["serverInfo"]["version"]
    # then it was parsed once and validated once, with the depth and alias rules
    assert documents._parse.cache_info().misses - parsed.misses == 1
    assert documents._parse.cache_info().hits - parsed.hits == 3
    assert len(validations) == 1


async def test_a_syntax_error_is_answered_every_time(client: httpx.AsyncClient) -> None:
    for _ in range(2):
        body = (await client.post("/graphql", json={"query": "{ serverInfo { "})).json()
        assert "Syntax Error" in body["errors"][0]["message"]
