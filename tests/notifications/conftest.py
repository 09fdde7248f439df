from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from palm_customs.notifications import push
from palm_customs.settings import Settings
from tests.notifications.receiver import Receiver


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    running = Receiver()
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


@pytest.fixture
async def sender(settings: Settings) -> AsyncIterator[push.WebPushSender]:
    installed = push.WebPushSender(settings)
    push.use_sender(installed)
    try:
        yield installed
    finally:
        push.use_sender(None)
        await installed.close()
