"""The database and Redis rate limiters pass the same tests (Redis must run under CI)."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from redis.asyncio import Redis

from palm_customs.core.ratelimit import DatabaseRateLimiter, Policy, RateLimiter, RedisRateLimiter
from tests.conftest import redis_url

POLICY = Policy(
    window=timedelta(minutes=1), slow_after=2, lock_after=4, lock_for=timedelta(minutes=5)
)


def _redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), 1).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["database", "redis"])
async def limiter(request: pytest.FixtureRequest, db: None) -> AsyncIterator[RateLimiter]:
    if request.param == "database":
        yield DatabaseRateLimiter()
        return
    if not _redis_available():
        if os.environ.get("CI") == "true":
            pytest.fail("Redis at 127.0.0.1:6379 is required under CI")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    redis = Redis.from_url(redis_url(3))
    try:
        yield RedisRateLimiter(redis)
    finally:
        await redis.aclose()


def _key() -> str:
    return f"test:{uuid.uuid4().hex}"


async def test_a_few_failures_impose_no_wait(limiter: RateLimiter) -> None:
    key = _key()
    assert await limiter.failure(key, POLICY) == 0
    assert await limiter.retry_after(key) == 0


async def test_failures_past_the_threshold_slow_down_then_lock(limiter: RateLimiter) -> None:
    key = _key()
    waits = [await limiter.failure(key, POLICY) for _ in range(4)]
    assert waits[:3] == [0, 2, 4]
    assert waits[3] == 300
    assert 295 <= await limiter.retry_after(key) <= 300


async def test_reset_clears_the_count_and_the_lock(limiter: RateLimiter) -> None:
    key = _key()
    for _ in range(4):
        await limiter.failure(key, POLICY)
    await limiter.reset(key)
    assert await limiter.retry_after(key) == 0
    assert await limiter.failure(key, POLICY) == 0


async def test_keys_are_independent(limiter: RateLimiter) -> None:
    locked, free = _key(), _key()
    for _ in range(4):
        await limiter.failure(locked, POLICY)
    assert await limiter.retry_after(free) == 0
