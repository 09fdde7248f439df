"""Liveness and readiness."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse
from tortoise.connection import get_connection
from tortoise.migrations.executor import MigrationExecutor

from palm_customs.core.db import APP_LABEL

logger = logging.getLogger(__name__)


async def pending_migrations() -> list[str]:
    """Names of migrations not yet applied to the default connection."""
    apps = {APP_LABEL: {"models": [], "migrations": "palm_customs.migrations"}}
    executor = MigrationExecutor(get_connection("default"), apps)
    plan = await executor.plan(None)
    return [f"{step.migration.app_label}.{step.migration.name}" for step in plan]


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers={"cache-control": "no-store"})


async def readyz(request: Request) -> JSONResponse:
    checks: dict[str, str] = {}
    ready = True
    try:
        await get_connection("default").execute_query("SELECT 1")
        checks["database"] = "ok"
    except Exception:
        logger.exception("readiness: database unreachable")
        checks["database"] = "unreachable"
        ready = False
    if ready:
        try:
            pending = await pending_migrations()
            checks["migrations"] = "ok" if not pending else f"{len(pending)} pending"
            ready = not pending
        except Exception:
            logger.exception("readiness: cannot read migration state")
            checks["migrations"] = "unknown"
            ready = False
    return JSONResponse(
        {"status": "ready" if ready else "not ready", "checks": checks},
        status_code=200 if ready else 503,
        headers={"cache-control": "no-store"},
    )
