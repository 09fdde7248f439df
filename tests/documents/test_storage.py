"""The same contract for both stores (the settings fixture runs each test on each)."""

from __future__ import annotations

import hashlib

from palm_customs.documents.storage import blob_key, build_store
from palm_customs.settings import Settings


async def test_a_blob_comes_back_as_it_was_put(settings: Settings) -> None:
    # given
    store = build_store(settings)
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10
    key = blob_key(hashlib.sha256(data).hexdigest())
    # when
    await store.put(key, data, media_type="image/png")
    # then
    assert await store.exists(key)
    assert await store.get(key) == data


async def test_putting_the_same_blob_twice_is_harmless(settings: Settings) -> None:
    # given
    store = build_store(settings)
    data = b"same bytes"
    key = blob_key(hashlib.sha256(data).hexdigest())
    # when
    await store.put(key, data, media_type="application/pdf")
    await store.put(key, data, media_type="application/pdf")
    # then
    assert await store.get(key) == data


async def test_a_missing_blob_is_none_and_deleting_it_is_harmless(settings: Settings) -> None:
    # given
    store = build_store(settings)
    key = blob_key("0" * 64)
    # when
    await store.delete(key)
    # then
    assert await store.get(key) is None
    assert not await store.exists(key)


async def test_a_deleted_blob_is_gone(settings: Settings) -> None:
    # given
    store = build_store(settings)
    data = b"to be forgotten"
    key = blob_key(hashlib.sha256(data).hexdigest())
    await store.put(key, data, media_type="image/jpeg")
    # when
    await store.delete(key)
    # then
    assert not await store.exists(key)
    assert await store.get(key) is None
