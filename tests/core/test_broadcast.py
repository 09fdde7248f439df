"""The in-process and Redis broadcasts pass the same tests (Redis at 127.0.0.1:6379)."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from palm_customs.core.broadcast import Broadcast, InProcessBroadcast, RedisBroadcast
from tests.conftest import redis_url


async def _redis() -> Redis:
    client = Redis.from_url(redis_url())
    try:
        await client.ping()
    except (RedisConnectionError, OSError) as error:
        await client.aclose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at 127.0.0.1:6379 is required under CI: {error}")
        pytest.skip(f"Redis at 127.0.0.1:6379 is not running: {error}")
    return client


@pytest.fixture(params=["in-process", "redis"])
async def broadcast(request: pytest.FixtureRequest) -> AsyncIterator[Broadcast]:
    if request.param == "in-process":
        yield InProcessBroadcast()
        return
    client = await _redis()
    # A prefix of its own, so parallel runs never hear each other.
    yield RedisBroadcast(client, prefix=f"test:{uuid.uuid4().hex}:")
    await client.aclose()


async def _next(messages: AsyncIterator[dict[str, Any]]) -> dict[str, Any]:
    return await asyncio.wait_for(anext(messages), timeout=5)


async def test_a_message_reaches_every_subscriber_of_its_channel(broadcast: Broadcast) -> None:
    # given
    async with (
        broadcast.subscribe("booking:1") as first,
        broadcast.subscribe("booking:1") as second,
    ):
        # when
        await broadcast.publish("booking:1", {"status": "called", "windowNumber": 3})
        # then
        assert await _next(first) == {"status": "called", "windowNumber": 3}
        assert await _next(second) == {"status": "called", "windowNumber": 3}


async def test_a_subscriber_hears_only_its_own_channel_in_order(broadcast: Broadcast) -> None:
    async with broadcast.subscribe("booking:1") as mine:
        await broadcast.publish("booking:2", {"n": 0})
        await broadcast.publish("booking:1", {"n": 1})
        await broadcast.publish("booking:1", {"n": 2})
        assert [await _next(mine), await _next(mine)] == [{"n": 1}, {"n": 2}]


async def test_publishing_with_nobody_listening_is_harmless(broadcast: Broadcast) -> None:
    await broadcast.publish("booking:nobody", {"n": 1})
    async with broadcast.subscribe("booking:nobody") as late:
        await broadcast.publish("booking:nobody", {"n": 2})
        assert await _next(late) == {"n": 2}


async def test_messages_are_json_values_not_shared_objects(broadcast: Broadcast) -> None:
    sent: dict[str, Any] = {"items": [1, 2], "window": None}
    async with broadcast.subscribe("c") as messages:
        await broadcast.publish("c", sent)
        sent["items"].append(3)
        assert await _next(messages) == {"items": [1, 2], "window": None}


async def test_a_message_published_on_one_replica_reaches_another() -> None:
    # given two replicas, each with its own Redis connection
    one, two = await _redis(), await _redis()
    prefix = f"test:{uuid.uuid4().hex}:"
    replica_a, replica_b = RedisBroadcast(one, prefix=prefix), RedisBroadcast(two, prefix=prefix)
    try:
        async with replica_a.subscribe("booking:9") as messages:
            # when
            await replica_b.publish("booking:9", {"status": "called"})
            # then
            assert await _next(messages) == {"status": "called"}
    finally:
        await one.aclose()
        await two.aclose()


async def test_an_in_process_subscriber_is_forgotten_when_it_leaves() -> None:
    broadcast = InProcessBroadcast()
    async with broadcast.subscribe("c"):
        assert broadcast.subscriber_count("c") == 1
    assert broadcast.subscriber_count("c") == 0
