"""An application checked against its frozen item's form (data dictionary) and materials."""

from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications.services.shared import (
    _PHONE,
    MAX_MATERIALS,
    MaterialRef,
)
from palm_customs.catalogue.models import DataElement, ServiceItem
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.principal import Principal
from palm_customs.documents import services as vault
from palm_customs.identity import documents as id_documents


def _check_value(check: Validator, path: str, element: DataElement, value: str) -> str:
    rule = element.rule or {}
    cleaned = value.strip()
    kind = element.format
    if kind == "text":
        return check.text(path, cleaned, max_len=int(rule.get("max_len", 500)))  # type: ignore[call-overload]
    if kind == "uscc":
        try:
            return id_documents.parse_uscc(cleaned).code
        except id_documents.DocumentNumberInvalid as error:
            code = (
                ValidationErrorCode.CHECK_DIGIT
                if error.reason == "check_digit"
                else ValidationErrorCode.INVALID_FORMAT
            )
            check.problems.append(FieldProblem(path, code))
            return cleaned
    if (kind == "phone" and not _PHONE.match(cleaned)) or (
        kind == "pattern" and not re.fullmatch(str(rule.get("pattern", ".*")), cleaned)
    ):
        check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_FORMAT))
    elif kind == "choice" and cleaned not in list(rule.get("choices", [])):  # type: ignore[call-overload]
        check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_CHOICE))
    elif kind == "money":
        try:
            amount = Decimal(cleaned)
            if (
                not amount.is_finite()
                or amount < 0
                or amount > Decimal(str(rule.get("max", "1000000000")))
            ):
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            check.problems.append(
                FieldProblem(
                    path,
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 0, "high": rule.get("max", 1_000_000_000)},
                )
            )
    elif kind == "date":
        try:
            date.fromisoformat(cleaned)
        except ValueError:
            check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_FORMAT))
    return cleaned


async def _document_usable(
    connection: BaseDBAsyncClient,
    principal: Principal,
    material: str,
    document_id: str,
    enterprise_id: uuid.UUID | None,
    frozen: dict[str, Any] | None,
) -> bool:
    """The document vault decides (its own module): owned by the applicant and usable for the
    material today, under the rules the item version froze (`frozen`)."""
    return bool(
        await vault.usable_by(
            connection,
            principal=principal,
            document_id=document_id,
            material_code=material,
            enterprise_id=enterprise_id,
            on=clock.today(),
            frozen=frozen,
        )
    )


async def validate(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    item: ServiceItem,
    form_data: dict[str, str],
    materials: list[MaterialRef],
    enterprise_id: uuid.UUID | None,
) -> tuple[dict[str, str], list[dict[str, str]]]:
    check = Validator()
    data = item.data
    form_fields: list[dict[str, Any]] = list(data["form"])
    known = {f["element"] for f in form_fields}
    elements = {
        e.code: e for e in await DataElement.filter(code__in=list(known)).using_db(connection)
    }
    clean_form: dict[str, str] = {}
    for key in form_data:
        if key not in known:
            check.problems.append(
                FieldProblem(f"input.formData.{key}", ValidationErrorCode.INVALID_CHOICE)
            )
    for field in form_fields:
        code = field["element"]
        value = str(form_data.get(code, "")).strip()
        path = f"input.formData.{code}"
        if not value:
            if field["required"]:
                check.problems.append(FieldProblem(path, ValidationErrorCode.REQUIRED))
            continue
        clean_form[code] = _check_value(check, path, elements[code], value[:5000])
    wanted = {m["material"]: m["required"] for m in data["materials"]}
    frozen: dict[str, dict[str, Any]] = {
        m["material"]: m["type"] for m in data["materials"] if "type" in m
    }
    given: dict[str, str] = {}
    if len(materials) > MAX_MATERIALS:
        check.problems.append(
            FieldProblem(
                "input.materials",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 0, "high": MAX_MATERIALS},
            )
        )
    for index, ref in enumerate(materials[:MAX_MATERIALS]):
        path = f"input.materials.{index}.material"
        if ref.material not in wanted:
            check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_CHOICE))
        elif not await _document_usable(
            connection,
            principal,
            ref.material,
            ref.document_id,
            enterprise_id,
            frozen.get(ref.material),
        ):
            check.problems.append(
                FieldProblem(
                    f"input.materials.{index}.documentId", ValidationErrorCode.INVALID_CHOICE
                )
            )
        else:
            given[ref.material] = ref.document_id
    for code, required in wanted.items():
        if required and code not in given:
            check.problems.append(
                FieldProblem(f"input.materials.{code}", ValidationErrorCode.REQUIRED)
            )
    check.raise_if_any()
    return clean_form, [{"material": m, "document_id": d} for m, d in sorted(given.items())]
