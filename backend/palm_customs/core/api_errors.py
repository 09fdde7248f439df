"""Top-level GraphQL errors whose messages are safe to show (never masked): access denials
and arguments no form would send. The API layer's; services raise `core.errors` instead."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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


# Tortoise names the model field and the column's length: "endpoint: Length of '…' 4000 > 800".
_COLUMN_TOO_LONG = re.compile(r"^(?P<field>\w+): Length of .* \d+ > (?P<limit>\d+)$", re.S)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class ValueNotAccepted(PublicError):
    """A value that does not fit where it is stored or compared (e.g. longer than its column).

    When the ORM's complaint names a column whose field is one of the operation's arguments
    (`arguments`, as the client named them), the answer names that argument and the column's
    length; otherwise it is the general "not in the expected format"."""

    def __init__(
        self,
        language: Language,
        *,
        cause: BaseException | None = None,
        arguments: Iterable[str] = (),
    ) -> None:
        found = _COLUMN_TOO_LONG.match(str(cause)) if cause is not None else None
        argument = _camel(found["field"]) if found else None
        if found and argument in set(arguments):
            super().__init__(
                translate("error.input_too_long", language, limit=int(found["limit"])),
                extensions={"code": "BAD_USER_INPUT", "field": argument},
            )
            return
        super().__init__(
            translate("error.bad_variables", language), extensions={"code": "BAD_USER_INPUT"}
        )


def argument_names(nodes: Sequence[object] | None) -> list[str]:
    """The arguments the client gave the field being resolved (its first node)."""
    node = nodes[0] if nodes else None
    return [a.name.value for a in getattr(node, "arguments", None) or ()]
