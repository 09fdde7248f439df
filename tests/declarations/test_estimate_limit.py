"""The anonymous duty estimate is rate limited per network (or account), in Redis when
configured and in the database otherwise, with a typed refusal in the caller's language."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
from redis.asyncio import Redis
from starlette.applications import Starlette

from palm_customs.app import create_app
from palm_customs.settings import Settings
from tests.conftest import ORIGIN, _empty_tables, graphql, make_settings, redis_url
from tests.declarations.flows import article

ESTIMATE = """
query($travellers: [EstimateTravellerInput!]!, $articles: [ArticleInput!]!) {
  dutyEstimate(travellers: $travellers, articles: $articles) {
    __typename
    ... on DutyEstimate { dutyCny }
    ... on DeclarationError { code message }
  }
}
"""
VARIABLES = {
    "travellers": [{"isResident": True, "dateOfBirth": "1980-01-01"}],
    "articles": [article(unitValue="8000.00")],
}
LIMIT = 3


def _redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), 1).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["database", "redis"])
async def limited(
    request: pytest.FixtureRequest, settings: Settings, migrated: str
) -> AsyncIterator[Starlette]:
    overrides = {"DUTY_ESTIMATE_LIMIT": str(LIMIT)}
    if request.param == "redis":
        if not _redis_available():
            if os.environ.get("CI") == "true":
                pytest.fail("Redis at 127.0.0.1:6379 is required under CI")
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        redis = Redis.from_url(redis_url(2))
        await redis.flushdb()
        await redis.aclose()
        overrides["REDIS_URL"] = redis_url(2)
    application = create_app(make_settings(migrated, settings.var_dir, **overrides))
    async with application.router.lifespan_context(application):
        try:
            yield application
        finally:
            await _empty_tables()


def _client(app: Starlette, ip: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(ip, 40000))
    return httpx.AsyncClient(transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN})


async def test_a_network_gets_its_share_of_estimates_then_a_typed_refusal(
    limited: Starlette,
) -> None:
    async with (
        _client(limited, "203.0.113.7") as first,
        _client(limited, "203.0.113.99") as neighbour,
        _client(limited, "198.51.100.1") as elsewhere,
    ):
        # given a network that has used its share of estimates this minute
        answers = [await graphql(first, ESTIMATE, VARIABLES) for _ in range(LIMIT)]
        assert "errors" not in answers[0], answers[0]
        assert [a["data"]["dutyEstimate"]["dutyCny"] for a in answers] == ["1040.00"] * LIMIT  # type: ignore[index]
        # when another phone on the same network (same /24) asks, in Chinese
        refused = (await graphql(neighbour, ESTIMATE, VARIABLES, language="zh-CN"))["data"]
        # then it is refused with a typed error in its language, naming the wait
        estimate = refused["dutyEstimate"]  # type: ignore[index]
        assert estimate["__typename"] == "DeclarationError"
        assert estimate["code"] == "TOO_MANY_ESTIMATES"
        assert "秒后再试" in estimate["message"]
        assert any(c.isdigit() and c != "0" for c in estimate["message"])
        # and another network is not affected
        other = (await graphql(elsewhere, ESTIMATE, VARIABLES))["data"]
        assert other["dutyEstimate"]["__typename"] == "DutyEstimate"  # type: ignore[index]
