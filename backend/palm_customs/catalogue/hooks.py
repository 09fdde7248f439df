"""What the catalogue tells the domains above it (installed by palm_customs.registry)."""

from __future__ import annotations

from typing import Protocol

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.catalogue.models import ServiceItem
from palm_customs.core.hooks import Hook


class ServiceItemChanged(Protocol):
    """Called in the transaction that made `item` its next version (the search index keeps
    the item's entry in step)."""

    async def __call__(self, connection: BaseDBAsyncClient | None, item: ServiceItem) -> None: ...


SERVICE_ITEM_CHANGED: Hook[ServiceItemChanged] = Hook("catalogue.service_item_changed")
