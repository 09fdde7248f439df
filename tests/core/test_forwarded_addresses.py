"""A client never picks its own address (issue #11): X-Forwarded-For is believed only from
the proxies named in TRUSTED_PROXIES (none by default), so per-address limits hold against a
client that varies the header, and the audit trail records the real peer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from palm_customs.app import create_app
from palm_customs.core.models import AuditEvent
from palm_customs.settings import ConfigurationError, load_settings
from tests.conftest import ORIGIN, make_settings
from tests.liveserver import live_server

SIGN_IN = """
mutation($n: String!) { signInWithPassword(signInName: $n, password: "wrong wrong wrong") {
  __typename } }
"""


async def _attempts(app: Starlette, forwarded: list[str]) -> list[str]:
    answers = []
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as client:
        for index, address in enumerate(forwarded):
            response = await client.post(
                "/graphql",
                json={"query": SIGN_IN, "variables": {"n": f"nobody{index}@example.org"}},
                headers={"x-forwarded-for": address},
            )
            answers.append(response.json()["data"]["signInWithPassword"]["__typename"])
    return answers


@pytest.fixture
async def app_with(migrated: str, var_dir: Path) -> AsyncIterator[dict[str, Starlette]]:
    made: dict[str, Starlette] = {}
    contexts = []
    for name, proxies in (("default", ""), ("behind_proxy", "127.0.0.1")):
        application = create_app(make_settings(migrated, var_dir, TRUSTED_PROXIES=proxies))
        context = application.router.lifespan_context(application)
        await context.__aenter__()
        contexts.append(context)
        made[name] = application
    try:
        yield made
    finally:
        from tests.conftest import _empty_tables

        await _empty_tables()
        for context in reversed(contexts):
            await context.__aexit__(None, None, None)


async def test_a_client_varying_x_forwarded_for_still_meets_the_per_address_limit(
    app_with: dict[str, Starlette],
) -> None:
    # when one client (no proxy configured) claims a new address on every attempt
    answers = await _attempts(app_with["default"], [f"198.51.100.{i}" for i in range(25)])
    # then the per-address limit (slow after 20 failures) still counts them as one address
    assert answers[:20] == ["SignInError"] * 20
    assert "TooManyAttempts" in answers[20:]
    addresses = {e.ip for e in await AuditEvent.filter(operation="signInWithPassword")}
    assert addresses == {"127.0.0.1"}


async def test_behind_a_trusted_proxy_the_address_it_reports_is_used_not_one_the_client_sent(
    app_with: dict[str, Starlette],
) -> None:
    # when the trusted proxy appends the real client's address to one the client made up
    await _attempts(app_with["behind_proxy"], ["6.6.6.6, 203.0.113.9"])
    # then
    event = await AuditEvent.get(operation="signInWithPassword")
    assert event.ip == "203.0.113.9"


def test_trusted_proxies_must_be_addresses_or_networks() -> None:
    assert load_settings({"TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1"}).trusted_proxies == (
        "10.0.0.0/8",
        "127.0.0.1/32",
    )
    assert load_settings({}).trusted_proxies == ()
    for bad in ("*", "proxy.internal"):
        with pytest.raises(ConfigurationError):
            load_settings({"TRUSTED_PROXIES": bad})


def test_the_served_process_does_not_believe_a_clients_x_forwarded_for(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # given the real `palm-customs serve` (uvicorn) with no proxy configured
    with live_server(tmp_path_factory.mktemp("xff"), seed=False) as server:
        answers = []
        with httpx.Client(base_url=server.origin, headers={"origin": server.origin}) as client:
            # when the client claims a new address on every attempt
            for index in range(25):
                response = client.post(
                    "/graphql",
                    json={"query": SIGN_IN, "variables": {"n": f"nobody{index}@example.org"}},
                    headers={"x-forwarded-for": f"198.51.100.{index}"},
                )
                answers.append(response.json()["data"]["signInWithPassword"]["__typename"])
    # then the limit for its one real address applies
    assert "TooManyAttempts" in answers[20:]
