"""Per-request DataLoaders of the applications domain (built by palm_customs.loaders.Loaders)."""

from __future__ import annotations

import uuid
from datetime import date

from strawberry.dataloader import DataLoader

from palm_customs.applications.models import (
    Application,
    ApplicationEvent,
    CorrectionList,
    Review,
)
from palm_customs.applications.services import calendar
from palm_customs.core.loaders import many_by, one_by


async def _applications(keys: list[uuid.UUID]) -> list[Application]:
    return await Application.filter(id__in=keys)


async def _reviews(keys: list[uuid.UUID]) -> list[Review]:
    return await Review.filter(application_id__in=keys).order_by("revision", "level", "department")


async def _events(keys: list[uuid.UUID]) -> list[ApplicationEvent]:
    return await ApplicationEvent.filter(application_id__in=keys).order_by("at", "id")


async def _corrections(keys: list[tuple[uuid.UUID, int]]) -> list[CorrectionList]:
    wanted = set(keys)
    rows = await CorrectionList.filter(
        application_id__in=list({application for application, _ in keys})
    ).order_by("created_at")
    return [row for row in rows if (row.application_id, row.revision) in wanted]


class ApplicationByIdLoader(DataLoader[uuid.UUID, Application | None]):
    def __init__(self) -> None:
        super().__init__(load_fn=one_by(_applications, lambda row: row.id))


class ReviewsByApplicationLoader(DataLoader[uuid.UUID, list[Review]]):
    def __init__(self) -> None:
        super().__init__(load_fn=many_by(_reviews, lambda row: row.application_id))


class EventsByApplicationLoader(DataLoader[uuid.UUID, list[ApplicationEvent]]):
    def __init__(self) -> None:
        super().__init__(load_fn=many_by(_events, lambda row: row.application_id))


class CorrectionListsByRevisionLoader(DataLoader[tuple[uuid.UUID, int], list[CorrectionList]]):
    """Keyed by (application id, revision)."""

    def __init__(self) -> None:
        super().__init__(
            load_fn=many_by(_corrections, lambda row: (row.application_id, row.revision))
        )


async def _calendars(keys: list[None]) -> list[tuple[set[date], set[date]]]:
    found = await calendar()
    return [found for _ in keys]


class HolidayCalendarLoader(DataLoader[None, tuple[set[date], set[date]]]):
    """The holiday calendar (holidays, extra working days), read once per request."""

    def __init__(self) -> None:
        super().__init__(load_fn=_calendars)
