"""Per-request DataLoaders of the appointments domain (built by palm_customs.loaders.Loaders)."""

from __future__ import annotations

import uuid

from strawberry.dataloader import DataLoader

from palm_customs.appointments.models import Site
from palm_customs.core.loaders import one_by


async def _sites(keys: list[int]) -> list[Site]:
    return await Site.filter(id__in=keys)


class SiteByIdLoader(DataLoader[int, Site | None]):
    def __init__(self) -> None:
        super().__init__(load_fn=one_by(_sites, lambda row: row.id))


async def _application_numbers(ids: list[str]) -> list[str | None]:
    from palm_customs.applications.models import Application

    keys: dict[str, uuid.UUID] = {}
    for value in ids:
        try:
            keys[value] = uuid.UUID(value)
        except ValueError:
            continue
    rows = await Application.filter(id__in=list(keys.values())).values_list("id", "number")
    numbers = {str(row_id): str(number) for row_id, number in rows}
    return [numbers.get(str(keys[i])) if i in keys else None for i in ids]


class ApplicationNumberByIdLoader(DataLoader[str, str | None]):
    """A booking's application, as the number people read (never its internal id)."""

    def __init__(self) -> None:
        super().__init__(load_fn=_application_numbers)
