"""One production-shaped stack for the whole module (tests/topology/stack.py): starting it costs
most of the run, so the scenarios share it, each with data of its own."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from tortoise import Tortoise

from palm_customs.core.db import tortoise_config
from tests.notifications.receiver import Receiver
from tests.topology.stack import Stack, topology


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    started = time.monotonic()
    with topology(tmp_path_factory.mktemp("topology"), run=asyncio.run) as running:
        print(f"\ntopology started in {time.monotonic() - started:.1f} s")
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def orm(stack: Stack) -> AsyncIterator[None]:
    """The test's own connection to the stack's database (seeding, and reading what happened)."""
    await Tortoise.init(config=tortoise_config(stack.database_url))
    try:
        yield
    finally:
        await Tortoise.close_connections()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def receiver() -> AsyncIterator[Receiver]:
    """A push service of our own that decrypts every message (the phones' side)."""
    running = Receiver()
    await running.start()
    try:
        yield running
    finally:
        await running.stop()
