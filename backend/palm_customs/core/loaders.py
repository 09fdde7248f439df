"""Batch functions for DataLoaders: one query per relation for a whole response.

A page query resolves each row's relations concurrently; the per-request loaders
(`palm_customs.loaders.Loaders`, built in `get_context`) collect the keys asked for in one
turn of the event loop and fetch them with a single `IN (...)` query.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")

Fetch = Callable[[list[K]], Awaitable[Iterable[R]]]


def one_by(
    fetch: Fetch[K, R], key: Callable[[R], K]
) -> Callable[[list[K]], Awaitable[list[R | None]]]:
    """A batch function answering, for each key, the first row `fetch` returned for it (or None)."""

    async def load(keys: list[K]) -> list[R | None]:
        found: dict[K, R] = {}
        for row in await fetch(keys):
            found.setdefault(key(row), row)
        return [found.get(k) for k in keys]

    return load


def many_by(
    fetch: Fetch[K, R], key: Callable[[R], K]
) -> Callable[[list[K]], Awaitable[list[list[R]]]]:
    """A batch function answering, for each key, every row `fetch` returned for it, in its order."""

    async def load(keys: list[K]) -> list[list[R]]:
        groups: dict[K, list[R]] = {k: [] for k in keys}
        for row in await fetch(keys):
            group = groups.get(key(row))
            if group is not None:
                group.append(row)
        return [groups[k] for k in keys]

    return load
