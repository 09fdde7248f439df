"""The one place a mutation's transaction, audit event and error mapping happen."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast, overload

from strawberry.types.nodes import SelectedField
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import ValidationError as OrmValidationError
from tortoise.transactions import in_transaction

from palm_customs.core import audit, invalidation, metrics
from palm_customs.core.api_errors import PublicError, ValueNotAccepted
from palm_customs.core.errors import DomainError

if TYPE_CHECKING:
    from strawberry.types import Info

    from palm_customs.context import Context

logger = logging.getLogger("palm_customs.mutation")

R = TypeVar("R")
S = TypeVar("S")
E = TypeVar("E")
X = TypeVar("X", bound=DomainError)
A = TypeVar("A")
B = TypeVar("B")
C = TypeVar("C")
D = TypeVar("D")
F = TypeVar("F")
G = TypeVar("G")


class Audited(Protocol):
    """A service result names the records it touched, for the audit event."""

    @property
    def audit_targets(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class ErrorMapper(Generic[X]):
    """How the API answers one domain exception (and its subclasses without a mapper of their
    own): the union member it becomes."""

    error_type: type[X]
    present: Callable[[X, Context], object]


def maps(error_type: type[X], present: Callable[[X, Context], object]) -> ErrorMapper[X]:
    """`maps(SlotFull, lambda e, c: SlotFullError(...))`: `e` is typed as the exception."""
    return ErrorMapper(error_type, present)


class ErrorMapping:
    """Domain exceptions to union members, looked up along the exception's class hierarchy
    (its MRO): the most specific mapper wins whatever the order they were listed in."""

    def __init__(self, *tables: Iterable[ErrorMapper[Any]]) -> None:
        self._mappers: dict[type[DomainError], Callable[[Any, Context], object]] = {}
        for table in tables:
            for mapper in table:
                if mapper.error_type in self._mappers:
                    raise ValueError(f"{mapper.error_type.__name__} is mapped twice")
                self._mappers[mapper.error_type] = mapper.present

    def map(self, error: DomainError, context: Context) -> object:
        for error_type in type(error).__mro__:
            present = self._mappers.get(error_type)
            if present is not None:
                return present(error, context)
        raise error  # an unmapped domain error is a bug: it reaches the client masked

    def __contains__(self, error_type: type[DomainError]) -> bool:
        return any(t in self._mappers for t in error_type.__mro__)


_mapping: ErrorMapping | None = None


def use_error_mapping(mapping: ErrorMapping) -> None:
    """Install the API's error mapping (`schema.build_schema` does, listing every domain's)."""
    global _mapping
    _mapping = mapping


def map_error(error: DomainError, context: Context) -> object:
    if _mapping is None:
        raise RuntimeError("no error mapping installed: build the schema first (build_schema)")
    return _mapping.map(error, context)


@dataclass(frozen=True, slots=True)
class Refusals(Generic[E]):
    """The union members a mutation answers a refusal with: its result union minus success.
    `refusals(AccountError, ValidationError)` is a `Refusals[AccountError | ValidationError]`,
    so mypy checks `run_mutation`'s result against the resolver's declared union."""

    types: tuple[type[Any], ...]


@overload
def refusals(a: type[A], /) -> Refusals[A]: ...
@overload
def refusals(a: type[A], b: type[B], /) -> Refusals[A | B]: ...
@overload
def refusals(a: type[A], b: type[B], c: type[C], /) -> Refusals[A | B | C]: ...
@overload
def refusals(a: type[A], b: type[B], c: type[C], d: type[D], /) -> Refusals[A | B | C | D]: ...
@overload
def refusals(
    a: type[A], b: type[B], c: type[C], d: type[D], f: type[F], /
) -> Refusals[A | B | C | D | F]: ...
@overload
def refusals(
    a: type[A], b: type[B], c: type[C], d: type[D], f: type[F], g: type[G], /
) -> Refusals[A | B | C | D | F | G]: ...
def refusals(*types: type[Any]) -> Refusals[Any]:
    return Refusals(types)


def refusal(error: DomainError, context: Context, refused: Refusals[E], *, operation: str) -> E:
    """The union member answering `error`, which must be one of `refused` (another is a bug)."""
    answer = map_error(error, context)
    if not isinstance(answer, refused.types):
        raise TypeError(
            f"{operation}: {type(error).__name__} became {type(answer).__name__}, "
            "which is not among its declared refusals"
        ) from error
    return cast(E, answer)


async def _audit_failure(context: Context, operation: str, outcome: str) -> None:
    try:
        await context.audit_refusal(operation=operation, outcome=outcome)
    except Exception:  # the original error matters more; the log has both
        logger.exception("could not audit %s (%s)", operation, outcome)
    metrics.MUTATIONS.labels(operation, outcome).inc()


def _argument_names(info: Info[Context, Any]) -> list[str]:
    """The arguments the client gave this mutation, as it named them."""
    field = info.selected_fields[0] if info.selected_fields else None
    return list(field.arguments) if isinstance(field, SelectedField) else []


@overload
async def run_mutation(
    info: Info[Context, Any],
    *,
    perform: Callable[[BaseDBAsyncClient], Awaitable[R]],
    refused: Refusals[E],
    prepare: Callable[[], Awaitable[object]] | None = None,
    after_refusal: Callable[[DomainError], Awaitable[None]] | None = None,
    after_commit: Callable[[R], Awaitable[None]] | None = None,
) -> R | E: ...
@overload
async def run_mutation(
    info: Info[Context, Any],
    *,
    perform: Callable[[BaseDBAsyncClient], Awaitable[R]],
    present: Callable[[R], S],
    refused: Refusals[E],
    prepare: Callable[[], Awaitable[object]] | None = None,
    after_refusal: Callable[[DomainError], Awaitable[None]] | None = None,
    after_commit: Callable[[R], Awaitable[None]] | None = None,
) -> S | E: ...


async def run_mutation(
    info: Info[Context, Any],
    *,
    perform: Callable[[BaseDBAsyncClient], Awaitable[Any]],
    present: Callable[[Any], object] | None = None,
    refused: Refusals[Any],
    prepare: Callable[[], Awaitable[object]] | None = None,
    after_refusal: Callable[[DomainError], Awaitable[None]] | None = None,
    after_commit: Callable[[Any], Awaitable[None]] | None = None,
) -> object:
    """Run `perform` in a transaction that also appends the audit event, then present it
    (`present` is left out where the service's result is the union member itself).

    `prepare` runs first, outside that transaction, for what must persist even when the
    mutation is refused (burning a single-use challenge). A `DomainError` rolls the change
    back, is audited as refused in a transaction of its own, is passed to `after_refusal`
    (e.g. to count a failed sign-in) and is returned as the matching union member, which
    must be one of `refused` (the mutation's declared refusals; another is a bug).
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
        return refusal(error, context, refused, operation=operation)
    except OrmValidationError as error:
        # A value that does not fit the column it is compared with or stored in: the client's
        # input, never a 500 (the central input guard catches most before this point).
        invalidation.discard()
        await _audit_failure(context, operation, "BAD_USER_INPUT")
        raise ValueNotAccepted(
            context.language, cause=error, arguments=_argument_names(info)
        ) from error
    except Exception as error:
        # Unexpected: rolled back, audited as INTERNAL (nothing changed), then masked as usual.
        invalidation.discard()
        code = (error.extensions or {}).get("code") if isinstance(error, PublicError) else None
        await _audit_failure(context, operation, str(code or "INTERNAL"))
        raise
    metrics.MUTATIONS.labels(operation, "OK").inc()
    await invalidation.flush()
    if after_commit is not None:
        # Only now may other nodes hear of the change (live updates read committed state).
        await after_commit(result)
    return result if present is None else present(result)
