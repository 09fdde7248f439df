"""Drafts a person syncs between devices, whatever the domain (declarations, applications).

A draft row carries `version`, `data`, `updated_at` and `device`. A device saves with the
version it edited from; when the server holds a newer one the save is refused with the server's
copy, so the person chooses which to keep: nothing is overwritten silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.models import Model

from palm_customs.core import clock
from palm_customs.core.errors import (
    DomainError,
    FieldProblem,
    ValidationErrorCode,
    ValidationFailed,
)

MAX_DRAFT_BYTES = 64_000
DEVICE_MAX = 120


D = TypeVar("D", bound=Model)


def parse_data_json(
    data_json: str, *, max_bytes: int = MAX_DRAFT_BYTES
) -> tuple[dict[str, Any], int]:
    """The draft's JSON object and its size in bytes; an over-large draft is not parsed at all
    (the caller refuses it by size)."""
    size = len(data_json.encode())
    if size > max_bytes:
        return {}, size
    try:
        value = json.loads(data_json)
    except json.JSONDecodeError:
        value = None
    if not isinstance(value, dict):
        raise ValidationFailed([FieldProblem("dataJson", ValidationErrorCode.INVALID_FORMAT)])
    return value, size


async def save_versioned(
    connection: BaseDBAsyncClient,
    model: type[D],
    *,
    key: dict[str, Any],
    base_version: int,
    values: dict[str, Any],
    device: str,
    conflict: Callable[[D | None], DomainError],
) -> D:
    """Create the draft `key` names (at version 1, from base version 0) or move it from
    `base_version` to the next; any other state raises `conflict(server_row_or_None)`.

    `key` must include the owner, so a draft is only ever found and changed by its owner.
    """
    now = clock.now()
    fresh = {**values, "updated_at": now, "device": device[:DEVICE_MAX]}
    row = await model.filter(**key).using_db(connection).first()
    if row is None:
        if base_version != 0:
            raise conflict(None)
        try:
            return await model.create(using_db=connection, **key, **fresh, version=1)
        except IntegrityError:
            # Another device created it a moment ago: its copy is the one to look at.
            raise conflict(None) from None
    updated = (
        await model.filter(**key, version=base_version)
        .using_db(connection)
        .update(**fresh, version=base_version + 1)
    )
    if updated != 1:
        raise conflict(row)
    for name, value in {**fresh, "version": base_version + 1}.items():
        setattr(row, name, value)
    return row
