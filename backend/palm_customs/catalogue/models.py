from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class FileFormat(StrEnum):
    """A format sniffed from the bytes (the names material types list as accepted)."""

    JPEG = "jpeg"
    PNG = "png"
    HEIC = "heic"
    PDF = "pdf"


class PortKindValue(StrEnum):
    AIRPORT = "airport"
    SEAPORT = "seaport"
    LAND = "land"
    RAIL = "rail"


class Port(Model):
    """A customs port of entry or exit (airport, seaport, land or rail crossing)."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=12, unique=True)
    kind = fields.CharEnumField(PortKindValue, max_length=10)
    name_zh_hans = fields.CharField(max_length=120)
    name_zh_hant = fields.CharField(max_length=120)
    name_en = fields.CharField(max_length=160)
    city_zh_hans = fields.CharField(max_length=60)
    city_zh_hant = fields.CharField(max_length=60)
    city_en = fields.CharField(max_length=80)

    class Meta:
        table = "port"


class ServiceCategory(StrEnum):
    GOODS_CLEARANCE = "goods_clearance"
    PASSENGER_ARTICLES = "passenger_articles"
    TAX = "tax"
    PROCESSING_TRADE = "processing_trade"
    ENTERPRISE_MANAGEMENT = "enterprise_management"
    KNOWLEDGE = "knowledge"


class HandlingMode(StrEnum):
    FULLY_ONLINE = "fully_online"
    PREREVIEW_THEN_ONSITE = "prereview_then_onsite"
    ONSITE_ONLY = "onsite_only"


class MaterialType(Model):
    """A kind of document an item asks for (a passport, a business licence, an invoice…)."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=40, unique=True)
    names = fields.JSONField[dict[str, str]]()
    accepted_formats = fields.JSONField[list[str]]()
    max_bytes = fields.IntField()
    original_on_site = fields.BooleanField(default=False)
    reusable = fields.BooleanField(default=True)
    requires_validity = fields.BooleanField(default=False)

    class Meta:
        table = "material_type"


class DataElement(Model):
    """A data-dictionary entry that application forms reference (code, name, format, rule)."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=40, unique=True)
    names = fields.JSONField[dict[str, str]]()
    definition = fields.JSONField[dict[str, str]]()
    format = fields.CharField(max_length=20)
    rule = fields.JSONField[dict[str, object]](default=dict)

    class Meta:
        table = "data_element"


class ServiceItem(Model):
    """A service in the public catalogue. Every edit is a new version, frozen into applications."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=40, unique=True)
    version = fields.IntField(default=1)
    category = fields.CharEnumField(ServiceCategory, max_length=24)
    handling_mode = fields.CharEnumField(HandlingMode, max_length=24)
    # The item as published: names, descriptions, legal basis, conditions, form, materials,
    # departments, review levels, time limit, fees, on-site reason (texts in 3 languages).
    data = fields.JSONField[dict[str, Any]]()
    # Lower-cased names, codes and descriptions in all languages, for search.
    search_text = fields.TextField()
    published = fields.BooleanField(default=True)
    updated_at = fields.DatetimeField()

    class Meta:
        table = "service_item"


class ServiceItemVersion(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=40)
    version = fields.IntField()
    data = fields.JSONField[dict[str, Any]]()
    published_at = fields.DatetimeField()
    published_by = fields.CharField(max_length=80)

    class Meta:
        table = "service_item_version"
        unique_together = (("code", "version"),)
