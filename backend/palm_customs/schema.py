"""One strawberry.Schema merged from every domain's Query, Mutation and Subscription."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext
from tortoise.exceptions import ValidationError as OrmValidationError

from palm_customs.applications import types as applications_types
from palm_customs.applications.mutations import ApplicationMutation
from palm_customs.applications.queries import ApplicationQuery, ApplicationSubscription
from palm_customs.appointments import types as appointments_types
from palm_customs.appointments.mutations import AppointmentMutation
from palm_customs.appointments.queries import AppointmentQuery, AppointmentSubscription
from palm_customs.catalogue.mutations import CatalogueMutation
from palm_customs.catalogue.queries import CatalogueQuery
from palm_customs.core import metrics
from palm_customs.core import types as core_types
from palm_customs.core.api_errors import PublicError
from palm_customs.core.i18n import Language, translate
from palm_customs.core.input_guard import InputGuard
from palm_customs.core.limits import MAX_TOKENS, VALIDATION_RULES
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
            self._bad_variables(error)
            if _is_bad_variables(error) or _is_unfitting_value(error)
            else error
            for error in super()._process_errors(errors)
        ]

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


class RequestMetrics(SchemaExtension):
    """Latency of each query and mutation, by operation name (core/metrics.py)."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context = self.execution_context
        kind = context.operation_type.value if context.operation_type else "unknown"
        if kind == "subscription":
            return  # counted open while they last, not timed
        metrics.REQUEST_SECONDS.labels(
            metrics.operation_label(context.operation_name), kind
        ).observe(time.perf_counter() - started)


class PalmSchema(strawberry.Schema):
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
)


def build_schema(*, production: bool = False) -> strawberry.Schema:
    use_error_mapping(ERROR_MAPPING)
    extensions: list[Callable[[], SchemaExtension]] = [
        RequestMetrics,
        lambda: ParserCache(maxsize=512),
        lambda: ValidationCache(maxsize=512),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules(VALIDATION_RULES),
        InputGuard,
        MaskUnexpectedErrors,
    ]
    if production:
        extensions.append(DisableIntrospection)
    return PalmSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(
            disable_field_suggestions=production, scalar_map=payments_types.SCALARS
        ),
    )


def export_sdl() -> str:
    return build_schema().as_str()
