from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q

from palm_customs.catalogue import items as seed
from palm_customs.catalogue.models import (
    DataElement,
    HandlingMode,
    MaterialType,
    Port,
    PortKindValue,
    ServiceCategory,
    ServiceItem,
    ServiceItemVersion,
)
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator


async def port_by_code(code: str) -> Port | None:
    return await Port.get_or_none(code=code.strip().upper()[:12])


async def list_ports(
    *, limit: int, after_code: str | None, kind: PortKindValue | None
) -> list[Port]:
    """Ports ordered by code, one more than `limit` so the caller knows if a page follows."""
    query = Port.all().order_by("code")
    if kind is not None:
        query = query.filter(kind=kind)
    if after_code is not None:
        query = query.filter(code__gt=after_code)
    return await query.limit(limit + 1)


# ------------------------------------------------------------------ service items


def item_data(raw: dict[str, Any]) -> dict[str, Any]:
    """The published form of a seeded item (texts keyed by language)."""
    return {
        "names": seed.text(raw["names"]),
        "description": seed.text(raw["description"]),
        "legal_basis": seed.text(raw["legal_basis"]),
        "conditions": seed.text(raw["conditions"]),
        "form": [{"element": code, "required": required} for code, required in raw["form"]],
        "materials": [
            {"material": code, "required": required} for code, required in raw["materials"]
        ],
        "departments": list(raw["departments"]),
        "review_levels": raw["levels"],
        "time_limit_days": raw["days"],
        "fees": seed.text(raw["fees"]),
        "onsite_reason": seed.text(raw["onsite_reason"]) if raw.get("onsite_reason") else None,
    }


def search_text(code: str, data: dict[str, Any]) -> str:
    parts = [code]
    for key in ("names", "description"):
        parts.extend(data[key].values())
    return " ".join(parts).lower()


async def seed_catalogue() -> int:
    """Demo data: material types, data elements and service items (idempotent)."""
    created = 0
    for code, names, formats, max_mb, original, reusable, validity in seed.MATERIALS:
        _, new = await MaterialType.get_or_create(
            code=code,
            defaults={
                "names": seed.text(names),
                "accepted_formats": formats,
                "max_bytes": max_mb * 1024 * 1024,
                "original_on_site": original,
                "reusable": reusable,
                "requires_validity": validity,
            },
        )
        created += int(new)
    for code, names, definition, kind, rule in seed.ELEMENTS:
        _, new = await DataElement.get_or_create(
            code=code,
            defaults={
                "names": seed.text(names),
                "definition": seed.text(definition),
                "format": kind,
                "rule": rule,
            },
        )
        created += int(new)
    now = datetime.now(UTC)
    for raw in seed.ITEMS:
        data = item_data(raw)
        _, new = await ServiceItem.get_or_create(
            code=raw["code"],
            defaults={
                "category": ServiceCategory(raw["category"]),
                "handling_mode": HandlingMode(raw["mode"]),
                "data": data,
                "search_text": search_text(raw["code"], data),
                "updated_at": now,
            },
        )
        if new:
            await ServiceItemVersion.create(
                code=raw["code"], version=1, data=data, published_at=now, published_by="seed"
            )
        created += int(new)
    return created


async def search_items(
    *,
    text: str | None,
    category: ServiceCategory | None,
    mode: HandlingMode | None,
    limit: int,
    after_code: str | None,
) -> list[ServiceItem]:
    query = ServiceItem.filter(published=True).order_by("code")
    if text and text.strip():
        for word in text.strip().lower().split()[:5]:
            query = query.filter(Q(search_text__contains=word[:40]))
    if category is not None:
        query = query.filter(category=category)
    if mode is not None:
        query = query.filter(handling_mode=mode)
    if after_code:
        query = query.filter(code__gt=after_code)
    return await query.limit(limit + 1)


class ItemNotFound(Exception):
    pass


async def update_item(
    connection: BaseDBAsyncClient, *, code: str, changes: dict[str, Any], editor: str
) -> ServiceItem:
    """Publish a new version of an item; applications keep the version they were made under."""
    item = await ServiceItem.get_or_none(code=code, using_db=connection)
    if item is None:
        from palm_customs.core.errors import ValidationFailed

        raise ValidationFailed([FieldProblem("code", ValidationErrorCode.INVALID_CHOICE)])
    check = Validator()
    data = dict(item.data)
    for key in ("names", "description", "conditions", "fees"):
        if key in changes:
            texts = changes[key]
            data[key] = {
                lang: check.text(
                    f"input.{key}.{lang}",
                    texts.get(lang, ""),
                    max_len=2000 if key != "names" else 200,
                )
                for lang in ("zh-Hans", "zh-Hant", "en")
            }
    if "time_limit_days" in changes:
        data["time_limit_days"] = check.int_range(
            "input.timeLimitDays", changes["time_limit_days"], low=1, high=365
        )
    if "review_levels" in changes:
        data["review_levels"] = check.int_range(
            "input.reviewLevels", changes["review_levels"], low=1, high=2
        )
    if "materials" in changes:
        known = set(await MaterialType.all().using_db(connection).values_list("code", flat=True))
        for index, material in enumerate(changes["materials"]):
            if material["material"] not in known:
                check.problems.append(
                    FieldProblem(
                        f"input.materials.{index}.material", ValidationErrorCode.INVALID_CHOICE
                    )
                )
        data["materials"] = changes["materials"]
    check.raise_if_any()
    version = item.version + 1
    now = datetime.now(UTC)
    await (
        ServiceItem.filter(id=item.id, version=item.version)
        .using_db(connection)
        .update(version=version, data=data, search_text=search_text(code, data), updated_at=now)
    )
    await ServiceItemVersion.create(
        using_db=connection,
        code=code,
        version=version,
        data=data,
        published_at=now,
        published_by=editor,
    )
    item.version, item.data = version, data
    return item
