"""What the applications domain tells the domains above it (installed by palm_customs.registry)."""

from __future__ import annotations

from typing import Protocol

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications.models import Application
from palm_customs.core.hooks import Hook


class ApplicationClosed(Protocol):
    """Called in the transaction that withdrew or rejected `application` (payments: a fee
    paid for a service that will not be given goes back)."""

    async def __call__(self, connection: BaseDBAsyncClient, application: Application) -> None: ...


APPLICATION_CLOSED: Hook[ApplicationClosed] = Hook("applications.application_closed")


async def closed(connection: BaseDBAsyncClient, application: Application) -> None:
    for listener in APPLICATION_CLOSED.listeners():
        await listener(connection, application)
