"""Statutory time limits count working days: not weekends, not public holidays, but yes the
weekend days that the holiday schedule turns into working days (调休)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta


def is_working_day(
    day: date, *, holidays: Collection[date], extra_workdays: Collection[date]
) -> bool:
    if day in extra_workdays:
        return True
    return day.weekday() < 5 and day not in holidays


def add_working_days(
    start: date, days: int, *, holidays: Collection[date], extra_workdays: Collection[date]
) -> date:
    """The date `days` working days after `start` (the day of submission does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    counted = 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current, holidays=holidays, extra_workdays=extra_workdays):
            counted += 1
    return current


def working_days_between(
    start: date, end: date, *, holidays: Collection[date], extra_workdays: Collection[date]
) -> int:
    """Working days in (start, end]: how long a pause lasted, or how many are left (negative
    when overdue)."""
    if end < start:
        return -working_days_between(end, start, holidays=holidays, extra_workdays=extra_workdays)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(
            start + timedelta(days=offset), holidays=holidays, extra_workdays=extra_workdays
        )
    )


# Demo calendar for 2026-2027 (public holidays only, from the State Council's published pattern).
# Administrators maintain the real calendar, including make-up working days, in the holiday table.
DEMO_HOLIDAYS: list[tuple[str, str]] = [
    ("2026-01-01", "元旦"),
    ("2026-02-16", "春节"),
    ("2026-02-17", "春节"),
    ("2026-02-18", "春节"),
    ("2026-02-19", "春节"),
    ("2026-02-20", "春节"),
    ("2026-04-06", "清明节"),
    ("2026-05-01", "劳动节"),
    ("2026-05-04", "劳动节"),
    ("2026-05-05", "劳动节"),
    ("2026-06-19", "端午节"),
    ("2026-09-25", "中秋节"),
    ("2026-10-01", "国庆节"),
    ("2026-10-02", "国庆节"),
    ("2026-10-05", "国庆节"),
    ("2026-10-06", "国庆节"),
    ("2026-10-07", "国庆节"),
    ("2027-01-01", "元旦"),
]
