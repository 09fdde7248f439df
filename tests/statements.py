"""Count the SQL statements a request sends, on SQLite and PostgreSQL alike.

Both Tortoise clients log every statement they execute (execute_query, execute_query_dict,
execute_insert, execute_many, execute_script, inside a transaction or not) to the
`tortoise.db_client` logger at DEBUG before running it: a handler there sees each one once.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from tortoise.fields import UUIDField
from tortoise.models import Model

M = TypeVar("M", bound=Model)
_NOT_STATEMENTS = ("Created connection pool", "Closed connection pool")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if not text.startswith(_NOT_STATEMENTS):
            self.statements.append(text)


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    """The statements sent while the block runs (the list fills as they are sent)."""
    logger = logging.getLogger("tortoise.db_client")
    handler = _Collect()
    saved = (logger.level, logger.propagate, logger.disabled)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.disabled = False
    logger.addHandler(handler)
    try:
        yield handler.statements
    finally:
        logger.removeHandler(handler)
        logger.level, logger.propagate, logger.disabled = saved


async def clone(row: M, times: int, **vary: Callable[[int], Any]) -> list[M]:
    """`times` copies of a row, with a fresh primary key and each `vary` field set from its
    copy's index (unique columns must be varied)."""
    model = type(row)
    meta = model._meta
    names = [name for name in meta.fields_db_projection if name != meta.pk_attr]
    names += [f"{name}_id" for name in (*meta.fk_fields, *meta.o2o_fields)]
    values = {name: getattr(row, name) for name in names}
    copies = []
    for i in range(times):
        fields = {**values, **{name: make(i) for name, make in vary.items()}}
        if isinstance(meta.pk, UUIDField):
            fields[meta.pk_attr] = uuid.uuid4()
        copies.append(model(**fields))
    if isinstance(meta.pk, UUIDField):
        await model.bulk_create(copies)
    else:  # generated keys: bulk_create does not give them back on every database
        for copy in copies:
            await copy.save()
    return copies
