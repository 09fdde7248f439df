"""One strawberry.Schema merged from every domain's Query, Mutation and Subscription."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, ClassVar

import strawberry
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
)
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types import ExecutionContext
from strawberry.types import ExecutionResult as StrawberryExecutionResult
from strawberry.types.field import StrawberryField
from tortoise.exceptions import ValidationError as OrmValidationError

from palm_customs.alerts import types as alerts_types
from palm_customs.alerts.mutations import AlertMutation
from palm_customs.alerts.queries import AlertQuery
from palm_customs.applications import types as applications_types
from palm_customs.applications.mutations import ApplicationMutation
from palm_customs.applications.queries import ApplicationQuery, ApplicationSubscription
from palm_customs.appointments import types as appointments_types
from palm_customs.appointments.mutations import AppointmentMutation
from palm_customs.appointments.queries import AppointmentQuery, AppointmentSubscription
from palm_customs.catalogue.mutations import CatalogueMutation
from palm_customs.catalogue.queries import CatalogueQuery
from palm_customs.core import documents, input_guard, metrics
from palm_customs.core import types as core_types
from palm_customs.core.api_errors import PublicError, ValueNotAccepted, argument_names
from palm_customs.core.i18n import Language, translate
from palm_customs.core.mutation import ErrorMapping, use_error_mapping
from palm_customs.declarations import types as declarations_types
from palm_customs.declarations.mutations import DeclarationMutation
from palm_customs.declarations.queries import DeclarationQuery
from palm_customs.documents import types as documents_types
from palm_customs.documents.mutations import DocumentMutation
from palm_customs.documents.queries import DocumentQuery
from palm_customs.identity import types as identity_types
from palm_customs.identity.mutations import IdentityMutation
from palm_customs.identity.queries import IdentityQuery, IdentitySubscription
from palm_customs.knowledge.mutations import KnowledgeMutation
from palm_customs.knowledge.queries import KnowledgeQuery
from palm_customs.notifications import types as notifications_types
from palm_customs.notifications.mutations import NotificationMutation
from palm_customs.notifications.queries import NotificationQuery
from palm_customs.payments import types as payments_types
from palm_customs.payments.mutations import PaymentMutation
from palm_customs.payments.queries import PaymentQuery
from palm_customs.ratings import types as ratings_types
from palm_customs.ratings.mutations import RatingMutation
from palm_customs.ratings.queries import RatingQuery
from palm_customs.support import types as support_types
from palm_customs.support.mutations import SupportMutation
from palm_customs.support.queries import SupportQuery
from palm_customs.system.queries import SystemQuery, SystemSubscription
from palm_customs.transparency.queries import TransparencyQuery

logger = logging.getLogger("palm_customs.graphql")


@strawberry.type
class Query(
    SystemQuery,
    IdentityQuery,
    CatalogueQuery,
    DeclarationQuery,
    NotificationQuery,
    ApplicationQuery,
    DocumentQuery,
    AppointmentQuery,
    TransparencyQuery,
    PaymentQuery,
    KnowledgeQuery,
    SupportQuery,
    RatingQuery,
    AlertQuery,
):
    pass


@strawberry.type
class Mutation(
    IdentityMutation,
    DeclarationMutation,
    NotificationMutation,
    CatalogueMutation,
    SupportMutation,
    ApplicationMutation,
    DocumentMutation,
    AppointmentMutation,
    PaymentMutation,
    KnowledgeMutation,
    RatingMutation,
    AlertMutation,
):
    pass


@strawberry.type
class Subscription(
    SystemSubscription, IdentitySubscription, AppointmentSubscription, ApplicationSubscription
):
    pass


def _is_unexpected(error: GraphQLError) -> bool:
    """Mask only errors raised by our code that were not meant for the client.

    Parse and validation errors (no original error) describe the client's own document and
    are safe; PublicError subclasses carry translated messages meant to be shown.
    """
    original = error.original_error
    if original is None or isinstance(original, PublicError):
        return False
    if _is_unfitting_value(error) or _is_bad_variables(error):
        return False
    return not isinstance(error, PublicError)


def _is_unfitting_value(error: GraphQLError) -> bool:
    """A query argument longer than the column it is compared with (Tortoise checks filter
    values against the column): the client's input, answered BAD_USER_INPUT, never INTERNAL."""
    return isinstance(error.original_error, OrmValidationError)


def _is_bad_variables(error: GraphQLError) -> bool:
    """A variable that does not fit its declared type (an input object missing a field, a
    scalar that does not parse): found before execution, so it has no path. The client's own
    mistake, never ours."""
    return (
        error.path is None
        and error.original_error is not None
        and not isinstance(error.original_error, PublicError)
    )


class MaskUnexpectedErrors(MaskErrors):
    """Replace an unexpected error by a translated generic message carrying the request id."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_unexpected)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [
            self._too_long_for_column(error)
            if _is_unfitting_value(error)
            else self._bad_variables(error)
            if _is_bad_variables(error)
            else error
            for error in super()._process_errors(errors)
        ]

    def _too_long_for_column(self, error: GraphQLError) -> GraphQLError:
        """A query's value longer than the column it is compared with: typed, naming the argument
        where the ORM's complaint allows (core/api_errors.py ValueNotAccepted)."""
        language = getattr(self.execution_context.context, "language", Language.ZH_HANS)
        refused = ValueNotAccepted(
            language, cause=error.original_error, arguments=argument_names(error.nodes)
        )
        if "field" not in (refused.extensions or {}):
            return self._bad_variables(error)
        return GraphQLError(
            message=refused.message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=None,
            extensions=refused.extensions,
        )

    def _bad_variables(self, error: GraphQLError) -> GraphQLError:
        """A typed, translated error; graphql-core's own words (English) go in `detail`."""
        language = getattr(self.execution_context.context, "language", Language.ZH_HANS)
        return GraphQLError(
            message=translate("error.bad_variables", language),
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            original_error=None,
            extensions={"code": "BAD_USER_INPUT", "detail": error.message[:500]},
        )

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        context = self.execution_context.context
        request_id = getattr(getattr(context, "meta", None), "request_id", "-")
        language = getattr(context, "language", Language.ZH_HANS)
        return GraphQLError(
            message=translate("error.internal", language, request_id=request_id),
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=None,
            extensions={"code": "INTERNAL", "requestId": request_id},
        )


class PalmRequest(MaskUnexpectedErrors):
    """Every step this API adds to a GraphQL request, in one extension: strawberry builds each
    extension's hooks (wrapped as context managers) on every request, so four extensions cost
    more than the work they did.

    - the token limit and the project's validation rules (in production also
      NoSchemaIntrospectionCustomRule, as strawberry's DisableIntrospection added), parse and
      validation cached (core/documents.py);
    - the input guard before execution (core/input_guard.py);
    - unexpected errors masked (MaskUnexpectedErrors);
    - the latency of each query and mutation, by operation name (core/metrics.py).
    """

    # Production: introspection refused (what strawberry's DisableIntrospection adds).
    extra_rules: tuple[type[ASTValidationRule], ...] = ()

    def on_operation(self) -> Iterator[None]:
        started = self.operation_started()
        yield
        self.operation_finished(started)

    # The steps themselves, called by strawberry's hooks above or directly by _PalmSteps.

    def operation_started(self) -> float:
        documents.prepare(self.execution_context, self.extra_rules)
        self._stream_result_processed = False
        return time.perf_counter()

    def operation_finished(self, started: float) -> None:
        context = self.execution_context
        if not self._stream_result_processed:
            result = context.result
            if isinstance(result, GraphQLExecutionResult | StrawberryExecutionResult):
                self._process_result(result)
            elif initial_result := getattr(result, "initial_result", None):
                self._process_result(initial_result)
        kind = context.operation_type.value if context.operation_type else "unknown"
        if kind == "subscription":
            return  # counted open while they last, not timed
        metrics.observe_request(context.operation_name, kind, time.perf_counter() - started)

    def _process_result(self, result: object) -> None:
        # MaskErrors asks `isinstance(result, a runtime-checkable Protocol)`, which walks the
        # protocol's attributes on every call: the same question, asked directly.
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]

    def on_parse(self) -> Iterator[None]:
        documents.parse_cached(self.execution_context)
        yield

    def on_validate(self) -> Iterator[None]:
        documents.validate_cached(self.execution_context)
        yield

    async def on_execute(self) -> AsyncIterator[None]:
        await input_guard.guard(self.execution_context)
        yield


class PalmProductionRequest(PalmRequest):
    extra_rules = (NoSchemaIntrospectionCustomRule,)


class _OperationStep:
    """PalmRequest's on_operation as a plain context manager: what follows its `yield` runs
    when the block ends normally, never after an exception (as with strawberry's
    generator-based hooks, which throw the exception into the generator)."""

    __slots__ = ("extension", "started")

    def __init__(self, extension: PalmRequest) -> None:
        self.extension = extension
        self.started = 0.0

    def __enter__(self) -> None:
        self.started = self.extension.operation_started()

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is None:
            self.extension.operation_finished(self.started)

    async def __aenter__(self) -> None:
        self.__enter__()

    async def __aexit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        self.__exit__(exc_type)


class _Step:
    """A step that runs before its block and does nothing after it (parse, validate)."""

    __slots__ = ("run",)

    def __init__(self, run: Callable[[], None]) -> None:
        self.run = run

    def __enter__(self) -> None:
        self.run()

    def __exit__(self, *_: object) -> None:
        return None

    async def __aenter__(self) -> None:
        self.run()

    async def __aexit__(self, *_: object) -> None:
        return None


class _ExecuteStep:
    """The input guard before execution (asynchronous: a refused mutation is audited)."""

    __slots__ = ("extension",)

    def __init__(self, extension: PalmRequest) -> None:
        self.extension = extension

    def __enter__(self) -> None:
        raise RuntimeError("PalmRequest's execution step cannot run synchronously")

    def __exit__(self, *_: object) -> None:
        return None

    async def __aenter__(self) -> None:
        await input_guard.guard(self.extension.execution_context)

    async def __aexit__(self, *_: object) -> None:
        return None


class _PalmSteps(SchemaExtensionsRunner):
    """The extensions runner when PalmRequest is the only extension: the same steps, at the
    same points and in the same order, called directly. Strawberry's runner wraps each hook of
    each extension in a new contextlib context manager and an exit stack for every step of
    every request (four of them), which cost more than the steps themselves."""

    def __init__(self, execution_context: ExecutionContext, extension: PalmRequest) -> None:
        super().__init__(execution_context, [extension])
        self.palm = extension

    def operation(self) -> _OperationStep:  # type: ignore[override]
        return _OperationStep(self.palm)

    def parsing(self) -> _Step:  # type: ignore[override]
        extension = self.palm
        return _Step(lambda: documents.parse_cached(extension.execution_context))

    def validation(self) -> _Step:  # type: ignore[override]
        extension = self.palm
        return _Step(lambda: documents.validate_cached(extension.execution_context))

    def executing(self) -> _ExecuteStep:  # type: ignore[override]
        return _ExecuteStep(self.palm)


# A field that only reads a leaf value (a scalar or an enum) from its object: the Python
# attribute, the leaf type and whether it is non-null.
_PlainLeaf = tuple[str, GraphQLScalarType | GraphQLEnumType, bool]


def plain_leaf_fields(schema: GraphQLSchema) -> dict[tuple[str, str], _PlainLeaf]:
    """Fields of object types that strawberry resolves with its default resolver and nothing
    else (no resolver function, no field extension such as a permission, no arguments, no
    exception handler) and whose type is a scalar or an enum, by (type name, field name)."""
    found: dict[tuple[str, str], _PlainLeaf] = {}
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for name, field in type_.fields.items():
            definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
            if (
                not isinstance(definition, StrawberryField)
                or field.args
                or not definition.is_basic_field
                or definition.default_resolver is not getattr
                or getattr(field.resolve, "__name__", None) != "_get_basic_result"
            ):
                continue
            non_null = isinstance(field.type, GraphQLNonNull)
            leaf = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            if isinstance(leaf, GraphQLScalarType | GraphQLEnumType):
                found[(type_.name, name)] = (definition.python_name, leaf, non_null)
    return found


class PalmExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor, with a short path for fields that only read an attribute of a
    leaf type (most fields of a result: a port's code, a text's three languages).

    For such a field graphql-core builds a resolve info (a 16-item tuple), calls strawberry's
    default resolver through two more calls, asks whether the value is awaitable and walks
    complete_value's type checks, for a getattr and the leaf's output coercion. This does the
    getattr and the coercion; anything else (None for a non-null field, an exception, an
    awaitable, a value the leaf refuses, field middleware) goes the general way, which
    raises and locates the same errors. Fields with a resolver, arguments or a permission never
    come here (plain_leaf_fields)."""

    plain_leaves: ClassVar[dict[tuple[str, str], _PlainLeaf]] = {}

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        plain = self.plain_leaves.get((parent_type.name, field_details_list[0].node.name.value))
        if plain is not None and self._without_middleware:
            attribute, leaf, non_null = plain
            try:
                value = getattr(source, attribute)
                if value is None:
                    if not non_null:
                        return None
                elif not isinstance(value, Exception) and not self.is_awaitable(value):
                    coerced = leaf.coerce_output_value(value)
                    if coerced is not None and coerced is not Undefined:
                        return coerced
            except Exception:  # noqa: S110 - the general path raises it again, located
                pass
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    @property
    def _without_middleware(self) -> bool:
        manager = self.middleware_manager
        return manager is None or not manager.middlewares


class PalmSchema(strawberry.Schema):
    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        # Exactly PalmRequest's hooks (a subclass overriding one would need strawberry's runner).
        if len(extensions) == 1 and type(extensions[0]) in (PalmRequest, PalmProductionRequest):
            return _PalmSteps(execution_context, extensions[0])  # type: ignore[arg-type]
        return super().create_extensions_runner(execution_context, extensions)

    async def stream(self, *args: Any, **kwargs: Any) -> Any:
        """Subscriptions over the WebSocket, counted while open."""
        source = await super().stream(*args, **kwargs)
        if hasattr(source, "__aiter__"):
            return metrics.counted_subscription(source, kwargs.get("operation_name"))
        return source

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if _is_unexpected(error):
                original = error.original_error
                context = execution_context.context if execution_context else None
                logger.error(
                    "unexpected error (request %s) in %s at %s: %s",
                    getattr(getattr(context, "meta", None), "request_id", "-"),
                    execution_context.operation_name if execution_context else "-",
                    ".".join(str(p) for p in error.path or []),
                    type(original).__name__,
                    exc_info=(type(original), original, original.__traceback__)
                    if original is not None
                    else None,
                )


# How each domain's exceptions become union members, listed once (mapped by class hierarchy).
ERROR_MAPPING = ErrorMapping(
    core_types.ERROR_MAPPERS,
    identity_types.ERROR_MAPPERS,
    declarations_types.ERROR_MAPPERS,
    notifications_types.ERROR_MAPPERS,
    applications_types.ERROR_MAPPERS,
    documents_types.ERROR_MAPPERS,
    appointments_types.ERROR_MAPPERS,
    payments_types.ERROR_MAPPERS,
    support_types.ERROR_MAPPERS,
    ratings_types.ERROR_MAPPERS,
    alerts_types.ERROR_MAPPERS,
)


def build_schema(*, production: bool = False) -> strawberry.Schema:
    use_error_mapping(ERROR_MAPPING)
    # One extension (see PalmRequest): the token limit and depth/alias rules with parse and
    # validation cached (and no introspection in production), the input guard, error masking
    # and request metrics.
    extensions: list[Callable[[], SchemaExtension]] = [
        PalmProductionRequest if production else PalmRequest
    ]
    schema = PalmSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(
            disable_field_suggestions=production, scalar_map=payments_types.SCALARS
        ),
    )
    # The plain leaf fields are known once the schema is built (PalmExecutionContext).
    schema.execution_context_class = type(
        "PalmSchemaExecutionContext",
        (PalmExecutionContext,),
        {"plain_leaves": plain_leaf_fields(schema._schema)},
    )
    return schema


def export_sdl() -> str:
    return build_schema().as_str()
