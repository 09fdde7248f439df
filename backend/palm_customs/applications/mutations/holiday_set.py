from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

import strawberry
from strawberry.types import Info
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications.models import Holiday
from palm_customs.context import Context
from palm_customs.core.errors import Validator
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.type
class HolidaySaved:
    day: date
    name: str
    working: bool
    removed: bool


HolidayResult = Annotated[HolidaySaved | ValidationError, strawberry.union("HolidayResult")]


@dataclass(frozen=True, slots=True)
class _Saved:
    day: date
    name: str
    working: bool
    removed: bool

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"holiday:{self.day.isoformat()}",)


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Maintain the working-day calendar: a public holiday, a weekend day made a "
    "working day (working: true), or remove the entry. Time limits use it from now on.",
)
async def holiday_set(
    info: Info[Context, Any], day: date, name: str = "", working: bool = False, remove: bool = False
) -> HolidayResult:
    async def perform(connection: BaseDBAsyncClient) -> _Saved:
        if remove:
            await Holiday.filter(day=day).using_db(connection).delete()
            return _Saved(day, "", working, True)
        check = Validator()
        clean = check.text("name", name, max_len=60)
        if not 2000 <= day.year <= 2100:
            check.int_range("day", day.year, low=2000, high=2100)
        check.raise_if_any()
        await Holiday.update_or_create(
            day=day, defaults={"name": clean, "working": working}, using_db=connection
        )
        return _Saved(day, clean, working, False)

    return await run_mutation(
        info,
        perform=perform,
        present=lambda s: HolidaySaved(
            day=s.day, name=s.name, working=s.working, removed=s.removed
        ),
        refused=refusals(ValidationError),
    )
