"""Liveness and readiness."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from redis.asyncio import Redis
from starlette.requests import Request
from starlette.responses import JSONResponse
from tortoise.connection import get_connection
from tortoise.migrations.executor import MigrationExecutor

from palm_customs.core import clock
from palm_customs.core.db import APP_LABEL
from palm_customs.core.job_workers import SQLITE_BEAT_WRITE_SECONDS, JobWorker

# A worker counts as beating if its beat was written this recently (SQLite writes seldom).
WORKER_BEAT_WITHIN = timedelta(seconds=2 * SQLITE_BEAT_WRITE_SECONDS)

logger = logging.getLogger(__name__)


async def pending_migrations() -> list[str]:
    """Names of migrations not yet applied to the default connection."""
    apps = {APP_LABEL: {"models": [], "migrations": "palm_customs.migrations"}}
    executor = MigrationExecutor(get_connection("default"), apps)
    plan = await executor.plan(None)
    return [f"{step.migration.app_label}.{step.migration.name}" for step in plan]


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers={"cache-control": "no-store"})


def readiness(redis: Redis | None) -> Callable[[Request], Awaitable[JSONResponse]]:
    """GET /readyz: the database answers with every migration applied, and Redis answers when
    it is configured (subscriptions and rate limits go through it). Job workers' heartbeats
    are reported, never required: a replica serves requests without them."""

    async def readyz(request: Request) -> JSONResponse:
        checks: dict[str, str] = {}
        ready = True
        try:
            await get_connection("default").execute_query("SELECT 1")
            checks["database"] = "ok"
        except Exception:
            logger.warning("readiness: database unreachable", exc_info=True)
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
        if redis is not None:
            try:
                await asyncio.wait_for(redis.ping(), timeout=2)
                checks["redis"] = "ok"
            except Exception:
                logger.warning("readiness: Redis unreachable", exc_info=True)
                checks["redis"] = "unreachable"
                ready = False
        if checks["database"] == "ok":
            with contextlib.suppress(Exception):
                beating = await JobWorker.filter(
                    stopped_at=None, beat_at__gte=clock.now() - WORKER_BEAT_WITHIN
                ).count()
                checks["workers"] = f"{beating} beating"
        return JSONResponse(
            {"status": "ready" if ready else "not ready", "checks": checks},
            status_code=200 if ready else 503,
            headers={"cache-control": "no-store"},
        )

    return readyz
