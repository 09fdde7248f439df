"""`palm-customs worker`: a process that runs background jobs from the outbox.

It imports what it needs explicitly (palm_customs/registry.py installs every message and job
handler), never the GraphQL schema.
"""

from __future__ import annotations

import asyncio
import signal

from palm_customs.core.jobs import run_worker
from palm_customs.core.logs import configure_logging
from palm_customs.notifications import push
from palm_customs.settings import Settings


async def run(settings: Settings, *, idle_seconds: float) -> None:
    """Run jobs until SIGTERM or SIGINT (the ORM is started by the caller)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    sender = push.WebPushSender(settings)
    push.use_sender(sender)
    try:
        await run_worker(stop, idle_seconds=idle_seconds)
    finally:
        await sender.close()


def configure(settings: Settings) -> None:
    configure_logging(json_lines=settings.is_production, level=settings.log_level)
