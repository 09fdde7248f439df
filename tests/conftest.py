"""Fixtures: a clean database per test, on SQLite or PostgreSQL (`--db`).

Migrations run once per session against a database created for this run (so parallel runs
don't collide); after each test every table is emptied. The app fixture runs the real
lifespan, which httpx.ASGITransport alone would not.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette
from tortoise import Tortoise
from tortoise.connection import get_connection

from palm_customs.app import create_app
from palm_customs.cli import migrate
from palm_customs.core import audit, clock
from palm_customs.core.db import tortoise_config
from palm_customs.settings import Settings, load_settings

ORIGIN = "http://localhost:8000"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
# The suite runs at an ordinary working morning in Shanghai (a Wednesday, no holiday), whatever
# the machine's date: nothing passes or fails by the day of the week. `--clock` moves it.
DEFAULT_MOMENT = "2026-06-10T10:00:00+08:00"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=("sqlite", "postgres"),
        default="sqlite",
        help="database the suite runs against",
    )
    parser.addoption(
        "--topology",
        action="store_true",
        help="run tests/topology (the production shape: proxy, replicas, workers; make test-topology)",
    )
    parser.addoption(
        "--clock",
        default=DEFAULT_MOMENT,
        help="the instant (ISO 8601 with offset) the server's clock reads when each test starts",
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    # The topology test starts a dozen processes: only `make test-topology` runs it.
    if collection_path.name == "topology" and not config.getoption("--topology"):
        return True
    return None


def pytest_report_header(config: pytest.Config) -> str:
    return (
        f"palm-customs database: {config.getoption('--db')}; clock: {config.getoption('--clock')}"
    )


@pytest.fixture(scope="session", autouse=True)
def moment(request: pytest.FixtureRequest) -> Iterator[datetime]:
    """The session starts at the same instant of the one clock, which then runs. Servers and
    CLI commands the tests start read the same clock (PALM_CLOCK, tests/liveserver.py)."""
    at = datetime.fromisoformat(request.config.getoption("--clock"))
    with clock.travel(at):
        yield at


async def _pg_admin(sql: str) -> None:
    connection = await asyncpg.connect(PG_ADMIN_URL, timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    kind = request.config.getoption("--db")
    if kind == "sqlite":
        path = tmp_path_factory.mktemp("db") / "palm-test.db"
        yield f"sqlite://{path}"
        return
    name = f"palm_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    except (OSError, asyncpg.PostgresError) as error:
        pytest.exit(f"PostgreSQL at 127.0.0.1:5432 is required for --db=postgres: {error}", 1)
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("var")


def make_settings(database_url: str, var_dir: Path, **overrides: str) -> Settings:
    environ = {
        "PALM_ENV": "test",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "PUBLIC_ORIGIN": ORIGIN,
        "PWA_DIST": str(var_dir / "no-pwa"),
        "EMBEDDED_WORKER": "0",
        # Every test signs up from one address: the per-network share is tested on its own.
        "SIGN_UP_NETWORK_LIMIT": "100000",
        **overrides,
    }
    return load_settings(environ)


@pytest.fixture(scope="session")
def migrated(database_url: str, var_dir: Path) -> str:
    asyncio.run(migrate(make_settings(database_url, var_dir)))
    return database_url


@pytest.fixture
def settings(migrated: str, var_dir: Path) -> Settings:
    return make_settings(migrated, var_dir)


def _forget_audit_heads(settings: Settings) -> None:
    """The emptied tables' signed heads go too (they live outside the database)."""
    shutil.rmtree(settings.audit_log_dir, ignore_errors=True)


async def _empty_tables() -> None:
    connection = get_connection("default")
    tables = [model._meta.db_table for app in Tortoise.apps.values() for model in app.values()]
    if connection.capabilities.dialect == "postgres":
        await connection.execute_script(
            "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
        )
    else:
        await connection.execute_script("PRAGMA foreign_keys = OFF")
        for table in tables:
            await connection.execute_script(f'DELETE FROM "{table}"')  # noqa: S608 (model table names)
        await connection.execute_script("PRAGMA foreign_keys = ON")


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[None]:
    """Tortoise connected to a database with every table empty (service-level tests)."""
    audit.configure(settings)
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        yield
    finally:
        await _empty_tables()
        _forget_audit_heads(settings)
        await Tortoise.close_connections()


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[Starlette]:
    """The real app with its lifespan running (Tortoise started by the app itself)."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        try:
            yield application
        finally:
            await _empty_tables()
            _forget_audit_heads(settings)


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as http:
        yield http


async def graphql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, object] | None = None,
    *,
    language: str = "en",
) -> dict[str, object]:
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"accept-language": language},
    )
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body
