"""Deferred writes (core/coalesce.py): made together, written on settle, a failure dropped."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from palm_customs.core.coalesce import Deferred, settle_all


async def test_items_added_within_the_linger_go_in_one_batch_and_settle_writes_at_once() -> None:
    batches: list[list[int]] = []

    async def write(items: Sequence[int]) -> None:
        batches.append(list(items))

    deferred = Deferred(write, linger=60.0)  # far longer than the test: only settle writes
    for n in range(5):
        deferred.add(n)
    await asyncio.sleep(0.01)
    assert batches == []
    await settle_all()
    assert batches == [[0, 1, 2, 3, 4]]
    deferred.add(5)
    await deferred.settle()
    assert batches == [[0, 1, 2, 3, 4], [5]]


async def test_without_settle_the_batch_is_written_after_the_linger() -> None:
    written = asyncio.Event()
    batches: list[list[int]] = []

    async def write(items: Sequence[int]) -> None:
        batches.append(list(items))
        written.set()

    deferred = Deferred(write, linger=0.02)
    deferred.add(1)
    deferred.add(2)
    await asyncio.wait_for(written.wait(), timeout=5)
    assert batches == [[1, 2]]


async def test_a_failed_batch_is_logged_and_later_items_are_still_written(
    caplog: pytest.LogCaptureFixture,
) -> None:
    batches: list[list[int]] = []

    async def write(items: Sequence[int]) -> None:
        if 0 in items:
            raise ConnectionError("database down")
        batches.append(list(items))

    deferred = Deferred(write, linger=60.0)
    deferred.add(0)
    await deferred.settle()
    deferred.add(1)
    await deferred.settle()
    assert batches == [[1]]
    assert "deferred write(s) failed" in caplog.text
