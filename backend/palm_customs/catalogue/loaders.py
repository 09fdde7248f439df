"""Per-request DataLoaders of the catalogue (built by palm_customs.loaders.Loaders)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from palm_customs.catalogue.models import MaterialType, ServiceItem
from palm_customs.core.columns import fitting
from palm_customs.core.loaders import one_by


async def _items(codes: list[str]) -> list[ServiceItem]:
    return await ServiceItem.filter(code__in=fitting(ServiceItem, "code", codes))


class ServiceItemByCodeLoader(DataLoader[str, ServiceItem | None]):
    def __init__(self) -> None:
        super().__init__(load_fn=one_by(_items, lambda row: row.code))


async def _materials(codes: list[str]) -> list[MaterialType]:
    return await MaterialType.filter(code__in=fitting(MaterialType, "code", codes))


class MaterialTypeByCodeLoader(DataLoader[str, MaterialType | None]):
    def __init__(self) -> None:
        super().__init__(load_fn=one_by(_materials, lambda row: row.code))
