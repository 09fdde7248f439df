"""Top-level GraphQL errors whose messages are safe to show (never masked): access denials
and arguments no form would send. The API layer's; services raise `core.errors` instead."""

from __future__ import annotations

from enum import StrEnum

from graphql import GraphQLError

from palm_customs.core.errors import FieldProblem
from palm_customs.core.i18n import Language, translate


class AccessCode(StrEnum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    STEP_UP_REQUIRED = "STEP_UP_REQUIRED"
    FORBIDDEN = "FORBIDDEN"


class PublicError(GraphQLError):
    """A top-level GraphQL error whose message is safe to show (never masked)."""


class AccessDenied(PublicError):
    def __init__(self, code: AccessCode, language: Language, *, required_level: int) -> None:
        key = {
            AccessCode.UNAUTHENTICATED: "error.unauthenticated",
            AccessCode.STEP_UP_REQUIRED: "error.step_up_required",
            AccessCode.FORBIDDEN: "error.forbidden",
        }[code]
        super().__init__(
            translate(key, language),
            extensions={"code": code.value, "requiredLevel": required_level},
        )
        self.code = code


class InputRejected(PublicError):
    """A top-level argument the client sent that no form would (e.g. a page size of 10^6)."""

    def __init__(self, problem: FieldProblem, language: Language) -> None:
        super().__init__(
            problem.message(language),
            extensions={"code": "BAD_USER_INPUT", "field": problem.field},
        )


class ValueNotAccepted(PublicError):
    """A value that does not fit where it is stored or compared (e.g. longer than its column)."""

    def __init__(self, language: Language) -> None:
        super().__init__(
            translate("error.bad_variables", language), extensions={"code": "BAD_USER_INPUT"}
        )
