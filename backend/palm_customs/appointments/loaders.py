"""Per-request DataLoaders of the appointments domain (built by palm_customs.loaders.Loaders)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from palm_customs.appointments.models import Site
from palm_customs.core.loaders import one_by


async def _sites(keys: list[int]) -> list[Site]:
    return await Site.filter(id__in=keys)


class SiteByIdLoader(DataLoader[int, Site | None]):
    def __init__(self) -> None:
        super().__init__(load_fn=one_by(_sites, lambda row: row.id))
