"""`palm-customs worker`: a process that runs background jobs from the outbox.

It imports what it needs explicitly (palm_customs/registry.py installs every message and job
handler), never the GraphQL schema. With WORKER_HEALTH_PORT set it answers on that port:
`/healthz` (200 while its heartbeat is recent: the deployment's health check and readiness),
`/metrics` (with METRICS_TOKEN, like the server's) and, in tests only, `/__test__/clock`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Iterator

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from palm_customs.alerts import metrics as alert_metrics
from palm_customs.alerts import services as alert_services
from palm_customs.core import audit, metrics
from palm_customs.core.clock_endpoint import CLOCK_PATH, clock_endpoint
from palm_customs.core.job_workers import WorkerStatus, run_worker
from palm_customs.core.logs import configure_logging
from palm_customs.notifications import push
from palm_customs.settings import Settings

logger = logging.getLogger(__name__)


def health_app(settings: Settings, status: WorkerStatus) -> Starlette:
    async def healthz(request: Request) -> JSONResponse:
        healthy = status.healthy()
        return JSONResponse(
            {
                "status": "ok" if healthy else "unhealthy",
                "worker": status.name,
                "running": status.running,
            },
            status_code=200 if healthy else 503,
            headers={"cache-control": "no-store"},
        )

    token = settings.metrics_token.reveal() if settings.metrics_token else None
    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", healthz, methods=["GET"]),
        Route(
            "/metrics",
            metrics.metrics_endpoint(token, read_from_database=(alert_metrics.registry,)),
            methods=["GET"],
        ),
    ]
    if settings.is_test:
        routes.append(Route(CLOCK_PATH, clock_endpoint, methods=["GET", "PUT"]))
    return Starlette(routes=routes)


class _HealthServer(uvicorn.Server):
    """uvicorn inside the worker's own event loop: the worker handles the signals."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@contextlib.asynccontextmanager
async def serving_health(settings: Settings, status: WorkerStatus) -> AsyncIterator[None]:
    if settings.worker_health_port is None:
        yield
        return
    server = _HealthServer(
        uvicorn.Config(
            health_app(settings, status),
            host=settings.host,
            port=settings.worker_health_port,
            log_config=None,
            access_log=False,
            lifespan="off",
            server_header=False,
        )
    )
    task = asyncio.create_task(server.serve())
    try:
        yield
    finally:
        server.should_exit = True
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, timeout=5)


async def run(settings: Settings, *, idle_seconds: float) -> None:
    """Run jobs until SIGTERM or SIGINT (the ORM is started by the caller)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    sender = push.WebPushSender(settings)
    push.use_sender(sender)
    status = WorkerStatus()
    # Every worker runs a sealer; the sealers' own lock lets one seal at a time.
    sealer = asyncio.create_task(
        audit.run_sealer(
            stop, interval=settings.audit_seal_seconds, after_seal=alert_services.evaluate_all
        )
    )
    try:
        async with serving_health(settings, status):
            await run_worker(
                stop,
                database_url=settings.database_url,
                concurrency=settings.worker_concurrency,
                idle_seconds=idle_seconds,
                status=status,
            )
    finally:
        stop.set()
        await sealer
        await sender.close()


def configure(settings: Settings) -> None:
    from palm_customs.payments import services as payments

    configure_logging(json_lines=settings.is_production, level=settings.log_level)
    payments.configure(settings)
