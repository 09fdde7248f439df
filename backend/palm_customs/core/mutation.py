"""The one place a mutation's transaction, audit event and error mapping happen."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from palm_customs.core import audit, invalidation, metrics
from palm_customs.core.errors import DomainError, ValidationFailed
from palm_customs.core.types import ValidationError

if TYPE_CHECKING:
    from strawberry.types import Info

    from palm_customs.context import Context

R = TypeVar("R")
S = TypeVar("S")


class Audited(Protocol):
    """A service result names the records it touched, for the audit event."""

    @property
    def audit_targets(self) -> tuple[str, ...]: ...


ErrorMapper = Callable[[Any, "Context"], Any]
_MAPPERS: dict[type[DomainError], ErrorMapper] = {}


def register_error(error_type: type[DomainError], mapper: ErrorMapper) -> None:
    """Teach the API layer how a domain's exception becomes a union member."""
    _MAPPERS[error_type] = mapper


def map_error(error: DomainError, context: Context) -> Any:
    if isinstance(error, ValidationFailed):
        return ValidationError.from_exception(error, context.language)
    for error_type, mapper in _MAPPERS.items():
        if isinstance(error, error_type):
            return mapper(error, context)
    raise error  # an unmapped domain error is a bug: it reaches the client masked


async def run_mutation(
    info: Info[Context, Any],
    *,
    perform: Callable[[BaseDBAsyncClient], Awaitable[R]],
    present: Callable[[R], S],
    prepare: Callable[[], Awaitable[object]] | None = None,
    after_refusal: Callable[[DomainError], Awaitable[None]] | None = None,
    after_commit: Callable[[R], Awaitable[None]] | None = None,
) -> S | Any:
    """Run `perform` in a transaction that also appends the audit event, then present it.

    `prepare` runs first, outside that transaction, for what must persist even when the
    mutation is refused (burning a single-use challenge). A `DomainError` rolls the change
    back, is audited as refused in a transaction of its own, is passed to `after_refusal`
    (e.g. to count a failed sign-in) and is returned as the matching union member.
    """
    context = info.context
    operation = info.field_name
    try:
        if prepare is not None:
            await prepare()
        async with in_transaction() as connection:
            result = await perform(connection)
            targets: tuple[str, ...] = getattr(result, "audit_targets", ())
            with metrics.timed(metrics.AUDIT_APPEND_SECONDS, outcome="ok"):
                await audit.append(
                    connection,
                    context.audit_record(operation=operation, outcome="OK", target_ids=targets),
                )
    except DomainError as error:
        invalidation.discard()
        with metrics.timed(metrics.AUDIT_APPEND_SECONDS, outcome="refused"):
            await context.audit_refusal(
                operation=operation,
                outcome=error.code,
                target_ids=getattr(error, "audit_targets", ()),
            )
        metrics.MUTATIONS.labels(operation, error.code).inc()
        if error.rate_limited:
            metrics.RATE_LIMIT_REFUSALS.labels(operation).inc()
        if after_refusal is not None:
            await after_refusal(error)
        return map_error(error, context)
    metrics.MUTATIONS.labels(operation, "OK").inc()
    await invalidation.flush()
    if after_commit is not None:
        # Only now may other nodes hear of the change (live updates read committed state).
        await after_commit(result)
    return present(result)
