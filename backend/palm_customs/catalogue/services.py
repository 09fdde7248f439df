from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q

from palm_customs.catalogue import hooks
from palm_customs.catalogue import items as seed
from palm_customs.catalogue.fees import checked_fee
from palm_customs.catalogue.models import (
    DataElement,
    FileFormat,
    HandlingMode,
    MaterialType,
    Port,
    PortKindValue,
    ServiceCategory,
    ServiceItem,
    ServiceItemVersion,
)
from palm_customs.core import clock
from palm_customs.core.columns import fitting
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator


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
        "fee": raw.get("fee"),
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
    now = clock.now()
    for raw in seed.ITEMS:
        data = item_data(raw)
        data["materials"] = await frozen_materials(None, data["materials"])
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


async def update_item(
    connection: BaseDBAsyncClient, *, code: str, changes: dict[str, Any], editor: str
) -> ServiceItem:
    """Publish a new version of an item; applications keep the version they were made under."""
    item = await ServiceItem.get_or_none(code=code, using_db=connection)
    if item is None:
        raise ValidationFailed([FieldProblem("code", ValidationErrorCode.INVALID_CHOICE)])
    check = Validator()
    data = dict(item.data)
    # Problems name the input's own fields (input.name.zhHans), as the form links them.
    for key, field in (
        ("names", "name"),
        ("description", "description"),
        ("conditions", "conditions"),
        ("fees", "fees"),
    ):
        if key in changes:
            texts = changes[key]
            data[key] = {
                lang: check.text(
                    f"input.{field}.{lang_field}",
                    texts.get(lang, ""),
                    max_len=2000 if key != "names" else 200,
                )
                for lang, lang_field in zip(LANGUAGES, ("zhHans", "zhHant", "en"), strict=True)
            }
    if "time_limit_days" in changes:
        data["time_limit_days"] = check.int_range(
            "input.timeLimitDays", changes["time_limit_days"], low=1, high=365
        )
    if "review_levels" in changes:
        data["review_levels"] = check.int_range(
            "input.reviewLevels", changes["review_levels"], low=1, high=2
        )
    if "fee" in changes:
        data["fee"] = checked_fee(
            check, amount_fen=changes["fee"]["amount_fen"], due=changes["fee"]["due"]
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
    if "materials" in changes:
        data["materials"] = await frozen_materials(connection, data["materials"])
    await _publish(connection, item, data, editor=editor)
    return item


async def _publish(
    connection: BaseDBAsyncClient, item: ServiceItem, data: dict[str, Any], *, editor: str
) -> None:
    """Make `data` the item's next version and keep it in the version history."""
    version = item.version + 1
    now = clock.now()
    await (
        ServiceItem.filter(id=item.id, version=item.version)
        .using_db(connection)
        .update(
            version=version, data=data, search_text=search_text(item.code, data), updated_at=now
        )
    )
    await ServiceItemVersion.create(
        using_db=connection,
        code=item.code,
        version=version,
        data=data,
        published_at=now,
        published_by=editor,
    )
    item.version, item.data, item.updated_at = version, data, now
    # The search document changes in the same transaction as the item it describes.
    for listener in hooks.SERVICE_ITEM_CHANGED.listeners():
        await listener(connection, item)


# ------------------------------------------------------------------ material types

MATERIAL_CODE = re.compile(r"[A-Z][A-Z0-9_]{1,39}")
MATERIAL_MIN_BYTES = 64 * 1024
# The vault's own upload cap (documents.services.UPLOAD_MAX_BYTES): a larger limit could never
# be reached.
MATERIAL_MAX_BYTES = 20 * 1024 * 1024
LANGUAGES = ("zh-Hans", "zh-Hant", "en")


def material_spec(row: MaterialType) -> dict[str, Any]:
    """The rules of a material type as an item version freezes them."""
    return {
        "names": dict(row.names),
        "accepted_formats": list(row.accepted_formats),
        "max_bytes": row.max_bytes,
        "original_on_site": row.original_on_site,
        "reusable": row.reusable,
        "requires_validity": row.requires_validity,
    }


async def frozen_materials(
    connection: BaseDBAsyncClient | None, materials: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """An item's material list with each type's rules as they are now (`type`), so that an
    application made under this item version keeps them whatever the type becomes later."""
    codes = fitting(MaterialType, "code", [m["material"] for m in materials])
    rows = {r.code: r for r in await MaterialType.filter(code__in=codes).using_db(connection).all()}
    return [
        {
            "material": m["material"],
            "required": m["required"],
            **({"type": material_spec(rows[m["material"]])} if m["material"] in rows else {}),
        }
        for m in materials
    ]


@dataclass(frozen=True, slots=True)
class MaterialValues:
    names: dict[str, str]
    accepted_formats: list[str]
    max_bytes: int
    original_on_site: bool
    reusable: bool
    requires_validity: bool


@dataclass(frozen=True, slots=True)
class MaterialSaved:
    material: MaterialType
    created: bool
    items: list[ServiceItem]

    @property
    def audit_targets(self) -> tuple[str, ...]:
        items = (f"service_item:{i.code}@{i.version}" for i in self.items)
        return (f"material_type:{self.material.code}", *items)


def _check_material(code: str, values: MaterialValues) -> tuple[str, dict[str, Any]]:
    check = Validator()
    clean_code = code.strip().upper()
    if not MATERIAL_CODE.fullmatch(clean_code):
        check.problems.append(FieldProblem("code", ValidationErrorCode.INVALID_FORMAT))
    names = {
        lang: check.text(f"input.name.{field}", values.names.get(lang, ""), max_len=200)
        for lang, field in zip(LANGUAGES, ("zhHans", "zhHant", "en"), strict=True)
    }
    known = {f.value for f in FileFormat}
    formats = [f.strip().lower() for f in values.accepted_formats[:10]]
    if not formats:
        check.problems.append(FieldProblem("input.acceptedFormats", ValidationErrorCode.REQUIRED))
    for index, value in enumerate(formats):
        if value not in known or value in formats[:index]:
            check.problems.append(
                FieldProblem(f"input.acceptedFormats.{index}", ValidationErrorCode.INVALID_CHOICE)
            )
    check.int_range(
        "input.maxBytes", values.max_bytes, low=MATERIAL_MIN_BYTES, high=MATERIAL_MAX_BYTES
    )
    check.raise_if_any()
    return clean_code, {
        "names": names,
        "accepted_formats": formats,
        "max_bytes": values.max_bytes,
        "original_on_site": values.original_on_site,
        "reusable": values.reusable,
        "requires_validity": values.requires_validity,
    }


async def save_material_type(
    connection: BaseDBAsyncClient, *, code: str, values: MaterialValues, editor: str
) -> MaterialSaved:
    """Create a material type, or change one and publish a new version of every item that asks
    for it (with the new rules frozen in): applications keep the item version they were made
    under, so the rules they were checked against stay as they were."""
    clean_code, fields = _check_material(code, values)
    row = await MaterialType.get_or_none(code=clean_code, using_db=connection)
    if row is None:
        row = await MaterialType.create(using_db=connection, code=clean_code, **fields)
        return MaterialSaved(material=row, created=True, items=[])
    before = material_spec(row)
    for name, value in fields.items():
        setattr(row, name, value)
    if material_spec(row) == before:
        return MaterialSaved(material=row, created=False, items=[])
    await row.save(using_db=connection, update_fields=list(fields))
    republished: list[ServiceItem] = []
    # Few items (a catalogue, not a ledger): read them all and pick those asking for it.
    for item in await ServiceItem.all().using_db(connection).order_by("code").select_for_update():
        materials: list[dict[str, Any]] = list(item.data.get("materials", []))
        if not any(m["material"] == clean_code for m in materials):
            continue
        data = {**item.data, "materials": await frozen_materials(connection, materials)}
        await _publish(connection, item, data, editor=editor)
        republished.append(item)
    return MaterialSaved(material=row, created=False, items=republished)
