from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


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
