"""Failure-based rate limits (sign-in, enrolment codes) that hold across replicas.

Each key (an account, a client address) counts failures in a window. After `slow_after`
failures each further attempt must wait 2^n seconds; at `lock_after` the key is locked for
`lock_for`. Redis holds the counters when REDIS_URL is set, the database otherwise; both
implementations pass the same tests.
"""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from redis.asyncio import Redis
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from palm_customs.core import clock
from palm_customs.core.models import RateLimitBucket


@dataclass(frozen=True, slots=True)
class Policy:
    window: timedelta
    slow_after: int
    lock_after: int
    lock_for: timedelta

    def wait_after(self, failures: int) -> timedelta:
        if failures >= self.lock_after:
            return self.lock_for
        if failures >= self.slow_after:
            return timedelta(seconds=2 ** (failures - self.slow_after + 1))
        return timedelta(0)


SIGN_IN_ACCOUNT = Policy(
    window=timedelta(minutes=15), slow_after=3, lock_after=8, lock_for=timedelta(minutes=15)
)
SIGN_IN_ADDRESS = Policy(
    window=timedelta(minutes=15), slow_after=20, lock_after=50, lock_for=timedelta(minutes=15)
)


def sign_up_policy(per_hour: int) -> Policy:
    """Accounts created from one network: `per_hour`, then none until the hour is over."""
    return Policy(
        window=timedelta(hours=1),
        slow_after=per_hour,
        lock_after=per_hour,
        lock_for=timedelta(hours=1),
    )


def network_of(ip: str) -> str:
    """The network an address belongs to for rate limits: IPv4 /24, IPv6 /64 (one household
    or one mobile subscriber is one /64); anything else as it is."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    prefix = 24 if address.version == 4 else 64
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


class RateLimiter(Protocol):
    async def retry_after(self, key: str) -> int:
        """Seconds the key must still wait (0 when it may try now)."""

    async def failure(self, key: str, policy: Policy) -> int:
        """Count a failure; return the seconds the key must now wait."""

    async def reset(self, key: str) -> None: ...


def _seconds(delta: timedelta) -> int:
    return max(0, math.ceil(delta.total_seconds()))


class DatabaseRateLimiter:
    async def retry_after(self, key: str) -> int:
        bucket = await RateLimitBucket.get_or_none(key=key)
        if bucket is None or bucket.locked_until is None:
            return 0
        return _seconds(bucket.locked_until - clock.now())

    async def failure(self, key: str, policy: Policy) -> int:
        now = clock.now()
        # Its own transaction: a refused sign-in rolls its own work back, never this count.
        async with in_transaction() as connection:
            bucket, created = await RateLimitBucket.get_or_create(
                key=key, defaults={"window_start": now, "failures": 0}, using_db=connection
            )
            if not created and bucket.window_start < now - policy.window:
                await (
                    RateLimitBucket.filter(key=key)
                    .using_db(connection)
                    .update(window_start=now, failures=0, locked_until=None)
                )
            await (
                RateLimitBucket.filter(key=key)
                .using_db(connection)
                .update(failures=F("failures") + 1)
            )
            bucket = await RateLimitBucket.get(key=key, using_db=connection)
            wait = policy.wait_after(bucket.failures)
            locked_until = now + wait if wait else None
            await (
                RateLimitBucket.filter(key=key)
                .using_db(connection)
                .update(locked_until=locked_until)
            )
        return _seconds(wait)

    async def reset(self, key: str) -> None:
        await RateLimitBucket.filter(key=key).delete()


class RedisRateLimiter:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def retry_after(self, key: str) -> int:
        milliseconds = await self.redis.pttl(f"palm:lock:{key}")
        return math.ceil(milliseconds / 1000) if milliseconds > 0 else 0

    async def failure(self, key: str, policy: Policy) -> int:
        counter = f"palm:fail:{key}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(counter)
            pipe.pexpire(counter, int(policy.window.total_seconds() * 1000), nx=True)
            failures, _ = await pipe.execute()
        wait = policy.wait_after(int(failures))
        if wait:
            await self.redis.set(f"palm:lock:{key}", "1", px=int(wait.total_seconds() * 1000))
        return _seconds(wait)

    async def reset(self, key: str) -> None:
        await self.redis.delete(f"palm:fail:{key}", f"palm:lock:{key}")
