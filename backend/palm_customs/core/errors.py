"""Typed failures.

Services raise `DomainError` subclasses; the API layer (`core.mutation.run_mutation`) turns
them into union members with a `code`, a human `message` in the caller's language and, where it
applies, the `field` path. Nothing here knows GraphQL: access denials and other top-level
GraphQL errors are in `core.api_errors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import Enum
from typing import Any

from palm_customs.core.i18n import Language, label, translate


class ValidationErrorCode(Enum):
    """Why a value was refused (the GraphQL layer publishes it: core/types.py)."""

    REQUIRED = "required"
    TOO_LONG = "too_long"
    TOO_SHORT = "too_short"
    INVALID_FORMAT = "invalid_format"
    OUT_OF_RANGE = "out_of_range"
    INVALID_CHOICE = "invalid_choice"
    CHECK_DIGIT = "check_digit"
    COMMON_PASSWORD = "common_password"  # noqa: S105 (an error code)
    IN_THE_PAST = "in_the_past"
    IN_THE_FUTURE = "in_the_future"


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One refused value: which field, why, and the numbers the message needs."""

    field: str
    code: ValidationErrorCode
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    def message(self, language: Language) -> str:
        key = f"validation.{self.code.value}"
        if self.code is ValidationErrorCode.INVALID_CHOICE:
            key = "validation.invalid_format"
        text = translate(key, language, label=label(self.field, language), **self.params)
        return text[:1].upper() + text[1:]


class DomainError(Exception):
    """An expected failure of a business rule; never a bug."""

    code: str = "domain_error"
    # A refusal by a rate limit (counted apart in the metrics).
    rate_limited: bool = False


class ValidationFailed(DomainError):
    code = "validation_failed"

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}:{p.code.value}" for p in problems))
        self.problems = problems


class Validator:
    """Collects every problem in an input before refusing it, so the person sees them all."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def text(
        self,
        field_path: str,
        value: str,
        *,
        required: bool = True,
        min_len: int = 0,
        max_len: int,
    ) -> str:
        cleaned = value.strip()
        if required and not cleaned:
            self.problems.append(FieldProblem(field_path, ValidationErrorCode.REQUIRED))
        elif len(cleaned) > max_len:
            self.problems.append(
                FieldProblem(field_path, ValidationErrorCode.TOO_LONG, {"limit": max_len})
            )
        elif cleaned and len(cleaned) < min_len:
            self.problems.append(
                FieldProblem(field_path, ValidationErrorCode.TOO_SHORT, {"limit": min_len})
            )
        return cleaned

    def int_range(self, field_path: str, value: int, *, low: int, high: int) -> int:
        if not low <= value <= high:
            self.problems.append(
                FieldProblem(
                    field_path, ValidationErrorCode.OUT_OF_RANGE, {"low": low, "high": high}
                )
            )
        return value

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationFailed(self.problems)
