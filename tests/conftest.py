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
from typing import Any

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette
from tortoise import Tortoise
from tortoise.connection import get_connection

import palm_customs.app
from palm_customs.app import create_app
from palm_customs.cli import migrate
from palm_customs.core import audit, clock, jobs
from palm_customs.core.db import tortoise_config
from palm_customs.settings import Settings, load_settings
from tests import liveserver

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


# The SQLite and PostgreSQL runs go side by side against one Redis (make test-databases): each
# has Redis databases of its own, so that neither counts, finds or flushes the other's keys
# (their tests use the same test networks and names). Set once the run's database is known.
_REDIS_FIRST_DATABASE = {"sqlite": 4, "postgres": 8}
_redis_first_database: int | None = None
REDIS_DATABASES_PER_RUN = 4


def pytest_configure(config: pytest.Config) -> None:
    global _redis_first_database
    _redis_first_database = _REDIS_FIRST_DATABASE[config.getoption("--db")]


def redis_url(n: int = 0) -> str:
    """The URL of this run's Redis database `n` (0 to 3) on 127.0.0.1:6379."""
    if _redis_first_database is None:
        raise RuntimeError("redis_url() before pytest_configure")
    if not 0 <= n < REDIS_DATABASES_PER_RUN:
        raise ValueError(f"a run has Redis databases 0 to {REDIS_DATABASES_PER_RUN - 1}")
    return f"redis://127.0.0.1:6379/{_redis_first_database + n}"


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


@pytest.fixture(scope="session", autouse=True)
def one_schema_per_process() -> Iterator[None]:
    """`create_app` builds the GraphQL schema (~0.1 s of CPU, on each of the ~1000 tests that
    start the app); a server process builds it once, so the tests share one too, per kind
    (production or not). Tests that build a schema themselves still get a new one."""
    built: dict[bool, Any] = {}
    original = palm_customs.app.build_schema

    def build_schema(*, production: bool = False) -> Any:
        if production not in built:
            built[production] = original(production=production)
        return built[production]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(palm_customs.app, "build_schema", build_schema)
        yield


async def _pg_admin(sql: str) -> None:
    connection = await asyncpg.connect(PG_ADMIN_URL, timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def create_test_database(name: str) -> None:
    """A database of the run's own on the shared server. Its commits do not wait for the WAL to
    reach the disk (synchronous_commit off, for this database only): what a commit makes
    visible, locks and refuses is the same; only a crash of the PostgreSQL server could lose
    the last commits, which no test here does. On a disk shared by several runs each commit's
    sync was most of a test's time."""
    await _pg_admin(f'CREATE DATABASE "{name}"')
    await _pg_admin(f'ALTER DATABASE "{name}" SET synchronous_commit = off')


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
        asyncio.run(create_test_database(name))
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
        "DUTY_ESTIMATE_LIMIT": "100000",
        **overrides,
    }
    return load_settings(environ)


@pytest.fixture(scope="session")
def migrated(database_url: str, var_dir: Path) -> str:
    if database_url.startswith("sqlite://"):
        # a copy of the migrated template the live servers of the run use (tests/liveserver.py)
        liveserver.migrate(
            {
                **os.environ,
                "PALM_ENV": "test",
                "VAR_DIR": str(var_dir),
                "DATABASE_URL": database_url,
            }
        )
    else:
        asyncio.run(migrate(make_settings(database_url, var_dir)))
    return database_url


@pytest.fixture
def settings(migrated: str, var_dir: Path) -> Settings:
    return make_settings(migrated, var_dir)


def _forget_audit_heads(settings: Settings) -> None:
    """The emptied tables' signed heads go too (they live outside the database)."""
    shutil.rmtree(settings.audit_log_dir, ignore_errors=True)


async def _empty_tables() -> None:
    await jobs.settle()  # finishes a test's runs left to be written (core/coalesce.py Deferred)
    connection = get_connection("default")
    tables = [model._meta.db_table for app in Tortoise.apps.values() for model in app.values()]
    if connection.capabilities.dialect == "postgres":
        # What `TRUNCATE … RESTART IDENTITY CASCADE` did, at about 1/100 of its cost: TRUNCATE
        # gives each table and index a new file (0.3-1.6 s per test here, many minutes over the
        # suite), DELETE of the few rows a test wrote does not. One implicit transaction: SET
        # LOCAL `replica` skips the foreign-key checks for it only (any order will do; no table
        # has a trigger of its own), and the identities restart as they did.
        deletes = "".join(f'DELETE FROM "{t}"; ' for t in tables)  # noqa: S608 (model tables)
        await connection.execute_script(
            "SET LOCAL session_replication_role = replica; "  # noqa: S608 (model table names)
            + deletes
            + "SELECT setval(c.oid::regclass, 1, false) FROM pg_class c "
            "WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace"
        )
    else:
        # One transaction, so one sync of the WAL instead of one per table (144 ms → 18 ms a
        # test here); foreign keys are off around it (the pragma is a no-op inside one).
        await connection.execute_script(
            "PRAGMA foreign_keys = OFF; BEGIN; "  # noqa: S608 (model table names)
            + "".join(f'DELETE FROM "{t}"; ' for t in tables)  # noqa: S608
            + "COMMIT; PRAGMA foreign_keys = ON;"
        )


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
