"""Validating a declaration: the trip, the travellers and their documents, every problem at once."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from palm_customs.catalogue.models import Port
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.declarations import duty
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem
from palm_customs.declarations.services.duty_rules import CurrentRules
from palm_customs.declarations.services.estimate import _check_lines, compute_estimate
from palm_customs.declarations.services.inputs import (
    MAX_COMPANIONS,
    CleanTraveller,
    CompanionInput,
    DeclarationInput,
)
from palm_customs.declarations.services.photos import _check_photos
from palm_customs.identity import documents
from palm_customs.identity.models import DocumentType, Person
from palm_customs.settings import Settings

VALID_AFTER = timedelta(hours=24)


_TRAVEL_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9 \-]{1,19}$")


def _check_companion_document(
    check: Validator, path: str, companion: CompanionInput, today: date
) -> str:
    number = companion.document_number.strip().upper()
    try:
        if companion.document_type is DocumentType.RESIDENT_ID:
            parsed = documents.parse_resident_id(companion.document_number, today=today)
            if parsed.birth_date != companion.date_of_birth:
                check.problems.append(
                    FieldProblem(f"{path}.dateOfBirth", ValidationErrorCode.INVALID_FORMAT)
                )
            return parsed.number
        if companion.document_type is DocumentType.PASSPORT:
            return documents.normalise_passport_number(companion.document_number)
    except documents.DocumentNumberInvalid as error:
        code = (
            ValidationErrorCode.CHECK_DIGIT
            if error.reason == "check_digit"
            else ValidationErrorCode.INVALID_FORMAT
        )
        check.problems.append(FieldProblem(f"{path}.documentNumber", code))
        return number
    if not re.fullmatch(r"[A-Z0-9]{8,11}", number):
        check.problems.append(
            FieldProblem(f"{path}.documentNumber", ValidationErrorCode.INVALID_FORMAT)
        )
    return number


@dataclass(frozen=True, slots=True)
class CleanDeclaration:
    data: DeclarationInput
    port: Port
    travellers: list[CleanTraveller]
    estimate: duty.Estimate
    valid_from: datetime
    valid_until: datetime
    # Article key -> the vault document that is its photo (checked: the declarant's own).
    photos: dict[str, uuid.UUID] = field(default_factory=dict)


async def validate(
    data: DeclarationInput,
    *,
    declarant: Person,
    settings: Settings,
    now: datetime,
    current: CurrentRules,
) -> CleanDeclaration:
    """Every problem at once, with the path of each field; then the server's own estimate."""
    check = Validator()
    today = clock.day_of(now)
    port = await Port.get_or_none(code=data.port_code.strip().upper()[:12])
    if port is None:
        check.problems.append(FieldProblem("input.portCode", ValidationErrorCode.INVALID_CHOICE))
    travel_number = data.travel_number.strip().upper()
    if not _TRAVEL_NUMBER.match(travel_number):
        check.problems.append(
            FieldProblem("input.travelNumber", ValidationErrorCode.INVALID_FORMAT)
        )
    scheduled = (
        data.scheduled_at if data.scheduled_at.tzinfo else data.scheduled_at.replace(tzinfo=UTC)
    )
    valid_from = scheduled - timedelta(hours=settings.declaration_lead_hours)
    valid_until = scheduled + VALID_AFTER
    if not valid_from <= now <= valid_until:
        check.problems.append(
            FieldProblem(
                "input.scheduledAt",
                ValidationErrorCode.OUT_OF_RANGE,
                {
                    "low": valid_from.strftime("%Y-%m-%d %H:%M"),
                    "high": valid_until.strftime("%Y-%m-%d %H:%M"),
                },
            )
        )
    if declarant.date_of_birth is None or declarant.document_number is None:
        raise DeclarationProblem(DeclarationErrorCode.NO_PROFILE)
    travellers = [
        CleanTraveller(
            key="0",
            full_name=declarant.full_name,
            document_type=str(declarant.document_type),
            document_number=declarant.document_number,
            date_of_birth=declarant.date_of_birth,
            is_resident=declarant.is_resident,
            consent_statement=None,
        )
    ]
    if len(data.companions) > MAX_COMPANIONS:
        check.problems.append(
            FieldProblem(
                "input.companions",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 0, "high": MAX_COMPANIONS},
            )
        )
    for index, companion in enumerate(data.companions[:MAX_COMPANIONS], start=1):
        path = f"input.companions.{index - 1}"
        name = check.text(f"{path}.fullName", companion.full_name, max_len=120)
        if companion.date_of_birth > today or companion.date_of_birth.year < 1900:
            check.problems.append(
                FieldProblem(
                    f"{path}.dateOfBirth",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": "1900-01-01", "high": today.isoformat()},
                )
            )
        number = _check_companion_document(check, path, companion, today)
        consent = check.text(
            f"{path}.consentStatement", companion.consent_statement, min_len=10, max_len=500
        )
        travellers.append(
            CleanTraveller(
                key=str(index),
                full_name=name,
                document_type=companion.document_type.value,
                document_number=number,
                date_of_birth=companion.date_of_birth,
                is_resident=companion.is_resident,
                consent_statement=consent,
            )
        )
    _check_lines(check, data, current, traveller_count=len(travellers), prefix="input.")
    check.raise_if_any()
    assert port is not None
    photos = await _check_photos(data.articles, account_id=declarant.account_id)
    estimate = compute_estimate(data, travellers=travellers, current=current, today=today)
    return CleanDeclaration(
        data=data,
        port=port,
        travellers=travellers,
        estimate=estimate,
        valid_from=valid_from,
        valid_until=valid_until,
        photos=photos,
    )
