"""The article and cash lines checked, and the duty estimate over them (also an officer's
estimate without a declaration).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator
from palm_customs.declarations import checklist, duty
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem
from palm_customs.declarations.models import Direction, TravelMode
from palm_customs.declarations.rules import Residency
from palm_customs.declarations.services.duty_rules import CurrentRules, current_rules
from palm_customs.declarations.services.inputs import (
    MAX_ARTICLES,
    MAX_CASH_LINES,
    MAX_COMPANIONS,
    MAX_QUANTITY,
    MAX_UNIT_VALUE,
    ArticleInput,
    CashInput,
    CleanTraveller,
    DeclarationInput,
    _age_on,
    _decimal_ok,
)


def _check_lines(
    check: Validator,
    data: DeclarationInput,
    current: CurrentRules,
    *,
    traveller_count: int,
    prefix: str,
) -> None:
    """Articles, cash and checklist answers: shared by submission and the live estimate."""
    if len(data.articles) > MAX_ARTICLES:
        check.problems.append(
            FieldProblem(
                f"{prefix}articles",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 0, "high": MAX_ARTICLES},
            )
        )
    keys = set()
    for index, article in enumerate(data.articles[:MAX_ARTICLES]):
        path = f"{prefix}articles.{index}"
        if not article.key or len(article.key) > 40 or article.key in keys:
            check.problems.append(FieldProblem(f"{path}.key", ValidationErrorCode.INVALID_FORMAT))
        keys.add(article.key)
        if not 0 <= article.traveller < traveller_count:
            check.problems.append(
                FieldProblem(f"{path}.traveller", ValidationErrorCode.INVALID_CHOICE)
            )
        category = current.rules.category(article.category_code)
        if category is None:
            check.problems.append(
                FieldProblem(f"{path}.categoryCode", ValidationErrorCode.INVALID_CHOICE)
            )
        elif category.needs_measure and article.unit_measure is None:
            # Alcohol and tobacco limits, and the cosmetics band (value per ml or g).
            check.problems.append(FieldProblem(f"{path}.unitMeasure", ValidationErrorCode.REQUIRED))
        check.text(f"{path}.description", article.description, max_len=200)
        if not 1 <= article.quantity <= MAX_QUANTITY:
            check.problems.append(
                FieldProblem(
                    f"{path}.quantity",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 1, "high": MAX_QUANTITY},
                )
            )
        if not _decimal_ok(article.unit_value) or not 0 <= article.unit_value <= MAX_UNIT_VALUE:
            check.problems.append(
                FieldProblem(
                    f"{path}.unitValue",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 0, "high": MAX_UNIT_VALUE},
                )
            )
        if current.rates.rate(article.currency.upper()) is None:
            check.problems.append(
                FieldProblem(f"{path}.currency", ValidationErrorCode.INVALID_CHOICE)
            )
        if article.unit_measure is not None and not 1 <= article.unit_measure <= 100_000:
            check.problems.append(
                FieldProblem(
                    f"{path}.unitMeasure",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 1, "high": 100_000},
                )
            )
    if len(data.cash) > MAX_CASH_LINES:
        check.problems.append(
            FieldProblem(
                f"{prefix}cash",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 0, "high": MAX_CASH_LINES},
            )
        )
    for index, money in enumerate(data.cash[:MAX_CASH_LINES]):
        path = f"{prefix}cash.{index}"
        if not 0 <= money.traveller < traveller_count:
            check.problems.append(
                FieldProblem(f"{path}.traveller", ValidationErrorCode.INVALID_CHOICE)
            )
        if current.rates.rate(money.currency.upper()) is None:
            check.problems.append(
                FieldProblem(f"{path}.currency", ValidationErrorCode.INVALID_CHOICE)
            )
        if not _decimal_ok(money.amount) or not 0 < money.amount <= Decimal("1000000000"):
            check.problems.append(
                FieldProblem(
                    f"{path}.amount",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": "0.01", "high": 1_000_000_000},
                )
            )
    unknown = [code for code in data.restricted_yes if code not in checklist.CODES]
    if unknown or len(data.restricted_yes) > len(checklist.CODES):
        check.problems.append(
            FieldProblem(f"{prefix}restrictedYes", ValidationErrorCode.INVALID_CHOICE)
        )


def compute_estimate(
    data: DeclarationInput, *, travellers: list[CleanTraveller], current: CurrentRules, today: date
) -> duty.Estimate:
    """The one pure duty function, fed from validated input (never the client's figures)."""
    cash_by_traveller: dict[str, list[duty.Money]] = {t.key: [] for t in travellers}
    # Arriving at a port facing Hong Kong or Macau is arriving from there.
    from_hk_macau = (
        data.direction is Direction.ARRIVING
        and data.port_code.strip().upper() in current.rules.hk_macau_ports
    )
    for money in data.cash:
        cash_by_traveller[str(money.traveller)].append(
            duty.Money(amount=money.amount, currency=money.currency.upper())
        )
    duty_travellers = [
        duty.Traveller(
            key=t.key,
            residency=Residency.RESIDENT if t.is_resident else Residency.NON_RESIDENT,
            age=_age_on(t.date_of_birth, today),
            cash=tuple(cash_by_traveller[t.key]),
            from_hk_macau=from_hk_macau,
            frequent_crosser=from_hk_macau and data.frequent_crosser,
        )
        for t in travellers
    ]
    articles = [
        duty.Article(
            key=a.key,
            traveller_key=str(a.traveller),
            category=a.category_code,
            quantity=a.quantity,
            unit_value=a.unit_value,
            currency=a.currency.upper(),
            unit_measure=a.unit_measure,
            indivisible=a.indivisible,
            taken_out_again=a.taken_out_again,
            duty_free_shop=a.duty_free_shop,
        )
        for a in data.articles
    ]
    if data.direction is Direction.DEPARTING:
        # Leaving: no duty is levied on personal articles; only cash and the checklist matter.
        articles = []
    try:
        return duty.estimate_duty(
            travellers=duty_travellers,
            articles=articles,
            checklist_yes=list(data.restricted_yes),
            rules=current.rules,
            rates=current.rates,
        )
    except duty.TooManyChoicesError:
        raise DeclarationProblem(
            DeclarationErrorCode.TOO_MANY_ALLOWANCE_CHOICES, field="articles"
        ) from None


def parse_decimal(value: str, path: str) -> Decimal:
    try:
        return Decimal(value)
    except (InvalidOperation, ValueError):
        raise ValidationFailed([FieldProblem(path, ValidationErrorCode.INVALID_FORMAT)]) from None


@dataclass(frozen=True, slots=True)
class EstimateTraveller:
    is_resident: bool
    date_of_birth: date


async def estimate_only(
    *,
    travellers: list[EstimateTraveller],
    articles: list[ArticleInput],
    cash: list[CashInput],
    restricted_yes: list[str],
    direction: Direction = Direction.ARRIVING,
    port_code: str = "",
    frequent_crosser: bool = False,
    today: date | None = None,
) -> duty.Estimate:
    """The live estimate as the traveller types: the same pure function, nothing stored."""
    today = today or clock.today()
    current = await current_rules(today)
    problems: list[FieldProblem] = []
    if not 1 <= len(travellers) <= MAX_COMPANIONS + 1:
        problems.append(
            FieldProblem(
                "travellers",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 1, "high": MAX_COMPANIONS + 1},
            )
        )
    for index, traveller in enumerate(travellers[: MAX_COMPANIONS + 1]):
        if traveller.date_of_birth > today or traveller.date_of_birth.year < 1900:
            problems.append(
                FieldProblem(
                    f"travellers.{index}.dateOfBirth",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": "1900-01-01", "high": today.isoformat()},
                )
            )
    clean = [
        CleanTraveller(
            key=str(i),
            full_name="",
            document_type="",
            document_number="",
            date_of_birth=t.date_of_birth,
            is_resident=t.is_resident,
            consent_statement=None,
        )
        for i, t in enumerate(travellers[: MAX_COMPANIONS + 1])
    ]
    data = DeclarationInput(
        direction=direction,
        port_code=port_code[:12],
        frequent_crosser=frequent_crosser,
        travel_mode=TravelMode.FLIGHT,
        travel_number="",
        scheduled_at=clock.now(),
        articles=articles,
        cash=cash,
        restricted_yes=restricted_yes,
    )
    check = Validator()
    check.problems.extend(problems)
    _check_lines(check, data, current, traveller_count=len(clean), prefix="")
    check.raise_if_any()
    return compute_estimate(data, travellers=clean, current=current, today=today)
