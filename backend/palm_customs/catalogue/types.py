from __future__ import annotations

from enum import Enum

import strawberry

from palm_customs.catalogue.models import Port as PortModel
from palm_customs.catalogue.models import PortKindValue
from palm_customs.core.types import LocalizedText, PageInfo


@strawberry.enum(description="How travellers cross at a port.")
class PortKind(Enum):
    AIRPORT = "airport"
    SEAPORT = "seaport"
    LAND = "land"
    RAIL = "rail"

    def to_model(self) -> PortKindValue:
        return PortKindValue(self.value)


@strawberry.type(description="A customs port of entry or exit.")
class Port:
    code: str
    kind: PortKind
    name: LocalizedText
    city: LocalizedText

    @classmethod
    def from_model(cls, row: PortModel) -> Port:
        return cls(
            code=row.code,
            kind=PortKind(row.kind.value if isinstance(row.kind, Enum) else row.kind),
            name=LocalizedText(zh_hans=row.name_zh_hans, zh_hant=row.name_zh_hant, en=row.name_en),
            city=LocalizedText(zh_hans=row.city_zh_hans, zh_hant=row.city_zh_hant, en=row.city_en),
        )


@strawberry.type
class PortConnection:
    nodes: list[Port]
    page_info: PageInfo
