"""GraphQL types shared by every domain."""

from __future__ import annotations

import strawberry

from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.i18n import Language, translate


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


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None
