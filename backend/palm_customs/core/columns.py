"""Values a client gave, kept to those that can be in a column at all.

Tortoise checks a CharField's length on the values of a filter too (`code__in=[...]`): a value
longer than the column fails the whole query with a validation error, where the caller means
"no such row". A lookup by client-given values filters through `fitting` first, so a value too
long for the column is simply not found (and is reported as the unknown choice it is)."""

from __future__ import annotations

from collections.abc import Iterable

from tortoise.fields import CharField
from tortoise.models import Model


def column_length(model: type[Model], field: str) -> int:
    """The declared length of a CharField (a programming error if it is not one)."""
    column = model._meta.fields_map[field]
    if not isinstance(column, CharField):
        raise TypeError(f"{model.__name__}.{field} is not a CharField")
    return int(column.max_length)


def fitting(model: type[Model], field: str, values: Iterable[str]) -> list[str]:
    """The values that fit `model.field`, in order: the others cannot match any row."""
    limit = column_length(model, field)
    return [value for value in values if len(value) <= limit]
