"""GraphQL glue for declarations: input conversion and presenting rows."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.declarations import services
from palm_customs.declarations.types import ArticleInput, CashInput, DeclarationInput


def _money(value: str, path: str, problems: list[FieldProblem]) -> Decimal:
    try:
        amount = Decimal(value.strip()[:30])
        if not amount.is_finite():
            raise InvalidOperation
        return amount
    except (InvalidOperation, ValueError):
        problems.append(FieldProblem(path, ValidationErrorCode.INVALID_FORMAT))
        return Decimal(0)


def articles(
    items: list[ArticleInput], prefix: str, problems: list[FieldProblem]
) -> list[services.ArticleInput]:
    return [
        services.ArticleInput(
            key=a.key.strip(),
            traveller=a.traveller,
            category_code=a.category_code.strip(),
            description=a.description,
            quantity=a.quantity,
            unit_value=_money(a.unit_value, f"{prefix}articles.{i}.unitValue", problems),
            currency=a.currency.strip().upper(),
            unit_measure=a.unit_measure,
            indivisible=a.indivisible,
            taken_out_again=a.taken_out_again,
            duty_free_shop=a.duty_free_shop,
            photo_document_id=(a.photo_document_id or "").strip()[:40] or None,
        )
        for i, a in enumerate(items[: services.MAX_ARTICLES + 1])
    ]


def cash(
    items: list[CashInput], prefix: str, problems: list[FieldProblem]
) -> list[services.CashInput]:
    return [
        services.CashInput(
            traveller=c.traveller,
            currency=c.currency.strip().upper(),
            amount=_money(c.amount, f"{prefix}cash.{i}.amount", problems),
        )
        for i, c in enumerate(items[: services.MAX_CASH_LINES + 1])
    ]


def declaration_input(value: DeclarationInput) -> services.DeclarationInput:
    """Convert, refusing malformed decimals with the rest of the validation's problems."""
    problems: list[FieldProblem] = []
    converted = services.DeclarationInput(
        direction=value.direction,
        port_code=value.port_code,
        travel_mode=value.travel_mode,
        travel_number=value.travel_number,
        scheduled_at=value.scheduled_at,
        companions=[
            services.CompanionInput(
                full_name=c.full_name,
                date_of_birth=c.date_of_birth,
                is_resident=c.is_resident,
                document_type=c.document_type,
                document_number=c.document_number,
                consent_statement=c.consent_statement,
            )
            for c in value.companions[: services.MAX_COMPANIONS + 1]
        ],
        articles=articles(value.articles, "input.", problems),
        cash=cash(value.cash, "input.", problems),
        restricted_yes=[code.strip() for code in value.restricted_yes[:50]],
        frequent_crosser=value.frequent_crosser,
    )
    if problems:
        raise ValidationFailed(problems)
    return converted
