"""A WeChat Pay stand-in on a real socket (the adapter talks HTTP to it) for payment tests.

The stand-in runs in a thread of its own; notifications it sends are delivered into the
app under test (in the test's event loop) through `deliver_hook`, so the order of events a
real provider would cause (a notification while our own call to it is still open) happens.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette

from palm_customs.payments.standin import StandIn
from palm_customs.settings import Settings
from tests.conftest import ORIGIN, make_settings
from tests.liveserver import free_port


@pytest.fixture(scope="session")
def standin_server(migrated: str, var_dir: Path) -> Iterator[tuple[StandIn, str]]:
    standin = StandIn.from_settings(make_settings(migrated, var_dir))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            standin.app(), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the stand-in did not start"
        time.sleep(0.05)
    try:
        yield standin, f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def settings(migrated: str, var_dir: Path, standin_server: tuple[StandIn, str]) -> Settings:
    return make_settings(
        migrated, var_dir, WECHATPAY_GATEWAY=standin_server[1], WECHATPAY_TIMEOUT_SECONDS="1"
    )


@pytest.fixture
async def standin(standin_server: tuple[StandIn, str], app: Starlette) -> AsyncIterator[StandIn]:
    """The stand-in, delivering its notifications to the app under test."""
    standin, _ = standin_server
    loop = asyncio.get_running_loop()
    transport = httpx.ASGITransport(app=app)

    async def post(headers: dict[str, str], body: str) -> int:
        async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as provider:
            response = await provider.post(
                "/payments/wechat/notify", content=body.encode(), headers=headers
            )
            return response.status_code

    async def hook(headers: dict[str, str], body: str) -> int:
        future = asyncio.run_coroutine_threadsafe(post(headers, body), loop)
        return await asyncio.wrap_future(future)

    standin.deliver_hook = hook
    try:
        yield standin
    finally:
        standin.deliver_hook = None
        standin.state.create_delay_seconds = 0.0
        standin.state.notify_before_answer = False
