from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from palm_customs.applications.workdays import (
    add_working_days,
    is_working_day,
    working_days_between,
)

NATIONAL_DAY = {date(2026, 10, d) for d in (1, 2, 5, 6, 7)}
MAKE_UP = {date(2026, 10, 10)}  # a Saturday worked in exchange


def test_weekends_do_not_count() -> None:
    # Friday 2026-11-27 + 1 working day = Monday 2026-11-30
    assert add_working_days(date(2026, 11, 27), 1, holidays=set(), extra_workdays=set()) == date(
        2026, 11, 30
    )


def test_holidays_do_not_count_and_make_up_days_do() -> None:
    # Wednesday 30 Sep 2026 + 3 working days: 1, 2 Oct holidays, 3-4 weekend, 5-7 holidays,
    # 8 (Thu) is 1, 9 (Fri) is 2, Saturday 10 (make-up) is 3.
    assert add_working_days(
        date(2026, 9, 30), 3, holidays=NATIONAL_DAY, extra_workdays=MAKE_UP
    ) == date(2026, 10, 10)
    assert is_working_day(date(2026, 10, 10), holidays=NATIONAL_DAY, extra_workdays=MAKE_UP)
    assert not is_working_day(date(2026, 10, 5), holidays=NATIONAL_DAY, extra_workdays=MAKE_UP)


def test_days_between_counts_working_days_and_is_negative_when_overdue() -> None:
    assert (
        working_days_between(
            date(2026, 11, 27), date(2026, 12, 4), holidays=set(), extra_workdays=set()
        )
        == 5
    )
    assert (
        working_days_between(
            date(2026, 12, 4), date(2026, 11, 27), holidays=set(), extra_workdays=set()
        )
        == -5
    )


@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 1, 1)),
    st.integers(min_value=0, max_value=60),
)
def test_adding_then_counting_gives_back_the_same_number(start: date, days: int) -> None:
    end = add_working_days(start, days, holidays=NATIONAL_DAY, extra_workdays=MAKE_UP)
    assert working_days_between(start, end, holidays=NATIONAL_DAY, extra_workdays=MAKE_UP) == days
    assert end >= start
    assert end - start <= timedelta(days=days * 3 + 10)
