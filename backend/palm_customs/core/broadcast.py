"""Publish/subscribe for real-time updates (GraphQL subscriptions).

One small interface, two implementations that pass the same tests: in-process (the embedded
single-process default) and Redis pub/sub (REDIS_URL set), which fans a message out to every
replica. Messages are JSON objects; delivery is at most once, to subscribers present when the
message is published, so a subscriber reads the current state first and then listens.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from typing import Any

from redis.asyncio import Redis

Message = dict[str, Any]
QUEUE_SIZE = 100


class Broadcast(ABC):
    @abstractmethod
    async def publish(self, channel: str, message: Message) -> None:
        """Send `message` to everyone subscribed to `channel` now."""

    @abstractmethod
    def subscribe(
        self, channel: str
    ) -> contextlib.AbstractAsyncContextManager[AsyncIterator[Message]]:
        """`async with b.subscribe(ch) as messages: async for m in messages: ...`.

        The subscription is in place when the block is entered.
        """

    async def close(self) -> None:  # noqa: B027 (optional hook)
        """Release connections (nothing to do in-process)."""


class InProcessBroadcast(Broadcast):
    """Subscribers in this process only: enough for the embedded single-process server."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue[Message]]] = {}

    async def publish(self, channel: str, message: Message) -> None:
        # A JSON round trip: subscribers get the same (copied, JSON-typed) data as from Redis.
        data = json.loads(json.dumps(message))
        for queue in list(self._queues.get(channel, ())):
            if queue.full():  # a stalled subscriber loses its oldest message, not the newest
                queue.get_nowait()
            queue.put_nowait(data)

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[Message]]:
        queue: asyncio.Queue[Message] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self._queues.setdefault(channel, set()).add(queue)

        async def messages() -> AsyncIterator[Message]:
            while True:
                yield await queue.get()

        try:
            yield messages()
        finally:
            subscribers = self._queues.get(channel)
            if subscribers is not None:
                subscribers.discard(queue)
                if not subscribers:
                    del self._queues[channel]

    def subscriber_count(self, channel: str) -> int:
        return len(self._queues.get(channel, ()))


class RedisBroadcast(Broadcast):
    """Redis pub/sub: a message published on any replica reaches subscribers on all of them."""

    def __init__(self, redis: Redis, *, prefix: str = "palm:") -> None:
        self._redis = redis
        self._prefix = prefix

    async def publish(self, channel: str, message: Message) -> None:
        await self._redis.publish(self._prefix + channel, json.dumps(message))

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[Message]]:
        pubsub = self._redis.pubsub()
        name = self._prefix + channel
        await pubsub.subscribe(name)
        try:
            # Wait for the server's confirmation, so a publish right after entering is received.
            while True:
                confirmation = await pubsub.get_message(timeout=5.0)
                if confirmation is None:
                    raise ConnectionError(f"no subscription confirmation for {name}")
                if confirmation["type"] == "subscribe":
                    break

            async def messages() -> AsyncIterator[Message]:
                while True:
                    item = await pubsub.get_message(ignore_subscribe_messages=True, timeout=None)
                    if item is not None and item["type"] == "message":
                        yield json.loads(item["data"])

            yield messages()
        finally:
            with contextlib.suppress(Exception):
                await pubsub.unsubscribe(name)
            await pubsub.aclose()


_current: Broadcast = InProcessBroadcast()


def use(broadcast: Broadcast) -> None:
    """Install the broadcast this process publishes and subscribes with (app lifespan)."""
    global _current
    _current = broadcast


def current() -> Broadcast:
    return _current


def for_redis(redis: Redis | None) -> Broadcast:
    """Redis pub/sub when a client is configured, in-process otherwise."""
    return RedisBroadcast(redis) if redis is not None else InProcessBroadcast()
