"""`/metrics` in the Prometheus text format: never public, the series operators need, and one
answer for every uvicorn worker of a replica."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import websockets
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from tortoise.transactions import in_transaction

from palm_customs.app import create_app
from palm_customs.core import jobs
from palm_customs.settings import Settings
from tests.conftest import ORIGIN, make_settings
from tests.identity.test_passwords import SIGN_IN, _create_and_confirm
from tests.liveserver import clock_env, free_port

TOKEN = "metrics-token-for-tests-0123456789"


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """(sample name, labels) -> value, parsed with prometheus-client's own parser."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, frozenset(labels.items())), 0.0)


@pytest.fixture
async def metered(
    migrated: str, var_dir: Path
) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    application = create_app(make_settings(migrated, var_dir, METRICS_TOKEN=TOKEN))
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(
            transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
        ) as client:
            try:
                yield application, client
            finally:
                from tests.conftest import _empty_tables

                await _empty_tables()


async def scrape(client: httpx.AsyncClient) -> str:
    response = await client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    return response.text


async def test_metrics_do_not_exist_without_a_token_setting(client: httpx.AsyncClient) -> None:
    # when the server has no METRICS_TOKEN
    response = await client.get("/metrics")
    # then there is no such page (and the PWA's index.html is not served for it either)
    assert response.status_code == 404
    assert "html" not in response.headers.get("content-type", "")


async def test_metrics_refuse_a_request_without_the_token(
    metered: tuple[Starlette, httpx.AsyncClient],
) -> None:
    _, client = metered
    # when
    anonymous = await client.get("/metrics")
    wrong = await client.get("/metrics", headers={"authorization": "Bearer not-the-token"})
    # then
    assert anonymous.status_code == 401
    assert wrong.status_code == 401
    assert "palm_" not in anonymous.text + wrong.text


async def test_requests_mutations_audit_and_rate_limits_are_counted(
    metered: tuple[Starlette, httpx.AsyncClient],
) -> None:
    _, client = metered
    before = await scrape(client)
    # given a person, and four wrong passwords (the fourth is refused by the rate limit)
    await _create_and_confirm(client)
    client.cookies.clear()
    for _ in range(4):
        await client.post(
            "/graphql",
            json={
                "query": SIGN_IN,
                "variables": {"name": "person1@example.cn", "password": "wrong wrong wrong"},
                "operationName": None,
            },
        )
    await client.post("/graphql", json={"query": "query Who { me { id } }"})
    # when
    after = await scrape(client)

    # then each series moved by what happened
    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("palm_graphql_request_seconds_count", operation="Who", type="query") == 1
    assert delta("palm_graphql_request_seconds_count", operation="anonymous", type="mutation") >= 4
    assert delta("palm_mutations_total", mutation="accountCreateWithPassword", outcome="OK") == 1
    assert delta("palm_mutations_total", mutation="totpConfirm", outcome="OK") == 1
    refused = {
        dict(labels)["outcome"]: count - value(before, name, **dict(labels))
        for (name, labels), count in samples(after).items()
        if name == "palm_mutations_total" and dict(labels)["mutation"] == "signInWithPassword"
    }
    assert (
        sum(n for outcome, n in refused.items() if outcome not in ("OK", "too_many_attempts")) == 3
    )
    assert (
        delta("palm_mutations_total", mutation="signInWithPassword", outcome="too_many_attempts")
        == 1
    )
    assert delta("palm_rate_limit_refusals_total", operation="signInWithPassword") == 1
    assert delta("palm_audit_append_seconds_count", outcome="ok") >= 1
    assert delta("palm_audit_append_seconds_count", outcome="refused") >= 4


async def test_the_job_queue_is_read_from_the_database_by_kind(
    metered: tuple[Starlette, httpx.AsyncClient],
) -> None:
    _, client = metered
    # given two due jobs of one kind and a failed one of another
    async with in_transaction() as connection:
        for n in range(2):
            await jobs.enqueue(connection, kind="test.queued", payload={"n": n})
        failed = await jobs.enqueue(connection, kind="test.broken", payload={})
    await jobs.Job.filter(id=failed.id).update(status=jobs.JobStatus.FAILED)
    # when
    text = await scrape(client)
    # then
    assert value(text, "palm_job_queue_depth", kind="test.queued") == 2
    assert value(text, "palm_job_queue_oldest_seconds", kind="test.queued") >= 0
    assert ("palm_job_queue_oldest_seconds", frozenset({("kind", "test.queued")})) in samples(text)
    assert value(text, "palm_jobs_failed", kind="test.broken") == 1


async def test_readiness_checks_redis_when_it_is_configured(migrated: str, var_dir: Path) -> None:
    # given one server whose Redis answers and one whose Redis is gone
    outcomes = {}
    for name, url in (
        ("up", "redis://127.0.0.1:6379/0"),
        ("down", f"redis://127.0.0.1:{free_port()}/0"),
    ):
        application = create_app(make_settings(migrated, var_dir, REDIS_URL=url))
        async with application.router.lifespan_context(application):
            transport = httpx.ASGITransport(app=application)
            async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as client:
                response = await client.get("/readyz")
                outcomes[name] = (response.status_code, response.json()["checks"].get("redis"))
    # then
    assert outcomes == {"up": (200, "ok"), "down": (503, "unreachable")}


@pytest.fixture
def two_worker_server(settings: Settings, tmp_path: Path) -> Iterator[str]:
    """`palm-customs serve` with two uvicorn workers (PostgreSQL only: SQLite is served from
    one process)."""
    if settings.uses_sqlite:
        pytest.skip("several uvicorn workers need PostgreSQL")
    port = free_port()
    origin = f"http://localhost:{port}"
    env = {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "DATABASE_URL": settings.database_url,
        "VAR_DIR": str(settings.var_dir),
        "PORT": str(port),
        "PUBLIC_ORIGIN": origin,
        "WEB_CONCURRENCY": "2",
        "METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
    }
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "palm_customs", "serve", "--no-migrate"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # generous: two interpreters start on a shared, loaded machine
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(origin + "/healthz", timeout=1):  # noqa: S310
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp_path / "serve.log").read_text()) from None
                time.sleep(0.2)
        yield origin
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


async def test_several_uvicorn_workers_answer_metrics_for_all_of_them(
    two_worker_server: str, tmp_path: Path
) -> None:
    origin = two_worker_server
    metrics_dir = tmp_path / "metrics"

    def writers() -> set[str]:
        return {p.name.rsplit("_", 1)[-1] for p in metrics_dir.glob("*.db")}

    # given requests, many at once on fresh connections, until both workers have served some
    # (the kernel decides which worker accepts a connection, so keep asking, within reason)
    sent = 0
    async with httpx.AsyncClient(base_url=origin, headers={"origin": origin}) as client:
        for _ in range(50):
            async with httpx.AsyncClient(base_url=origin, headers={"origin": origin}) as batch:
                await asyncio.gather(
                    *(
                        batch.post(
                            "/graphql", json={"query": "query Ping { serverInfo { version } }"}
                        )
                        for _ in range(20)
                    )
                )
            sent += 20
            if len(writers()) == 2 and sent >= 60:
                break
        # and a subscription open over the WebSocket
        async with websockets.connect(
            origin.replace("http", "ws") + "/graphql",
            subprotocols=[websockets.Subprotocol("graphql-transport-ws")],
            origin=websockets.Origin(origin),
        ) as socket:
            await socket.send(json.dumps({"type": "connection_init"}))
            assert json.loads(await socket.recv())["type"] == "connection_ack"
            await socket.send(
                json.dumps(
                    {
                        "id": "1",
                        "type": "subscribe",
                        "payload": {
                            "query": "subscription Tick { serverTime }",
                            "operationName": "Tick",
                        },
                    }
                )
            )
            assert json.loads(await socket.recv())["type"] == "next"
            # when Prometheus scrapes (several times: any worker may answer)
            scrapes = [
                (await client.get("/metrics", headers={"authorization": f"Bearer {TOKEN}"})).text
                for _ in range(4)
            ]
    # then every answer counts all of them, whichever worker served them, and the subscription
    assert len(writers()) == 2, "both workers served requests"
    for text in scrapes:
        assert (
            value(text, "palm_graphql_request_seconds_count", operation="Ping", type="query")
            == sent
        )
        assert value(text, "palm_subscriptions_open", operation="Tick") == 1
