"""core/columns.py: a lookup by client-given values finds nothing for a value too long for the
column instead of failing the query."""

from __future__ import annotations

import pytest
from tortoise.exceptions import ValidationError

from palm_customs.catalogue.models import ServiceItem
from palm_customs.core.columns import column_length, fitting


def test_only_values_that_fit_the_column_are_kept_in_order() -> None:
    limit = column_length(ServiceItem, "code")
    values = ["A" * limit, "B" * (limit + 1), "C"]
    assert fitting(ServiceItem, "code", values) == ["A" * limit, "C"]


def test_a_field_that_is_not_text_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="version"):
        column_length(ServiceItem, "version")


async def test_the_orm_fails_a_lookup_with_a_value_too_long_and_fitting_avoids_it(
    db: None,
) -> None:
    too_long = "X" * (column_length(ServiceItem, "code") + 1)
    with pytest.raises(ValidationError):
        await ServiceItem.filter(code__in=["PETS_ENTRY", too_long]).count()
    assert await ServiceItem.filter(code__in=fitting(ServiceItem, "code", [too_long])).count() == 0
