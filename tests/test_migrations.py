from __future__ import annotations

from pathlib import Path

import httpx
from tortoise.context import TortoiseContext
from tortoise.migrations.autodetector import MigrationAutodetector

from palm_customs.app import create_app
from palm_customs.core.db import MIGRATIONS_CONFIG
from tests.conftest import ORIGIN, make_settings


async def test_models_have_no_changes_without_a_migration() -> None:
    # given the models as they are and the migration files as committed
    apps = {label: dict(app) for label, app in MIGRATIONS_CONFIG["apps"].items()}
    async with TortoiseContext() as context:
        await context.init(config=MIGRATIONS_CONFIG)
        # when
        writers = await MigrationAutodetector(context.apps, apps).changes()
    # then
    assert [w.name for w in writers] == [], "run: palm-customs makemigrations --name <what>"


async def test_readyz_is_503_until_migrations_are_applied(tmp_path: Path) -> None:
    # given an empty database
    settings = make_settings(f"sqlite://{tmp_path / 'empty.db'}", tmp_path)
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as http:
            # when
            response = await http.get("/readyz")
    # then
    assert response.status_code == 503
    assert response.json()["status"] == "not ready"


async def test_readyz_is_ready_on_a_migrated_database(client: httpx.AsyncClient) -> None:
    # when
    response = await client.get("/readyz")
    # then
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["migrations"] == "ok"


async def test_healthz_answers_alive(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.json() == {"status": "ok"}
    assert response.headers["cache-control"] == "no-store"


def test_no_model_description_holds_a_semicolon() -> None:
    # Tortoise's SQLite schema editor splits statements on ";", so a docstring (which becomes
    # the table description) with one breaks `migrate` on SQLite.
    import importlib
    import inspect

    from tortoise.models import Model

    offenders = [
        f"{module_name}.{name}"
        for module_name in MIGRATIONS_CONFIG["apps"]["palm"]["models"]
        for name, value in inspect.getmembers(importlib.import_module(module_name), inspect.isclass)
        if issubclass(value, Model) and value is not Model and ";" in (value.__doc__ or "")
    ]
    assert offenders == []
