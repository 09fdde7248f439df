"""Working days: the holiday calendar and the days an application has left."""

from __future__ import annotations

from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications import workdays
from palm_customs.applications.models import (
    Application,
    Holiday,
)


async def calendar(connection: BaseDBAsyncClient | None = None) -> tuple[set[date], set[date]]:
    rows = await Holiday.all().using_db(connection)
    return {r.day for r in rows if not r.working}, {r.day for r in rows if r.working}


async def seed_holidays() -> int:
    created = 0
    for day, name in workdays.DEMO_HOLIDAYS:
        _, new = await Holiday.get_or_create(day=date.fromisoformat(day), defaults={"name": name})
        created += int(new)
    return created


async def days_left(application: Application, today: date) -> int:
    holidays, extra = await calendar()
    reference = application.paused_since or today
    return workdays.working_days_between(
        reference, application.due_date, holidays=holidays, extra_workdays=extra
    )
