"""GraphQL types shared by every domain."""

from __future__ import annotations

from typing import Any

import strawberry

from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.i18n import Language, translate
from palm_customs.core.mutation import ErrorMapper, maps

# Plain enums of the domain layer (core/errors, core/i18n), published as GraphQL enums here.
strawberry.enum(ValidationErrorCode, description="Why a value was refused.")
strawberry.enum(Language, description="A language the product speaks.")


@strawberry.type(description="A text in the product's three languages.")
class LocalizedText:
    zh_hans: str
    zh_hant: str
    en: str


@strawberry.type(description="One refused value of an input.")
class FieldError:
    field: str = strawberry.field(description="Path of the input field, e.g. `input.message`.")
    code: ValidationErrorCode
    message: str

    @classmethod
    def from_problem(cls, problem: FieldProblem, language: Language) -> FieldError:
        return cls(field=problem.field, code=problem.code, message=problem.message(language))


@strawberry.type(description="The input was refused; `errors` lists every problem at once.")
class ValidationError:
    code: ValidationErrorCode
    message: str
    field: str | None
    errors: list[FieldError]

    @classmethod
    def from_exception(cls, error: ValidationFailed, language: Language) -> ValidationError:
        first = error.problems[0]
        return cls(
            code=first.code,
            message=translate("validation.summary", language),
            field=first.field,
            errors=[FieldError.from_problem(p, language) for p in error.problems],
        )


# Every domain's refused input answers with ValidationError (installed by schema.build_schema).
ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(ValidationFailed, lambda e, c: ValidationError.from_exception(e, c.language)),
)


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None
