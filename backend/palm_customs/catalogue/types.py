from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from palm_customs.catalogue.fees import FeeDue, fee_of
from palm_customs.catalogue.models import DataElement as DataElementModel
from palm_customs.catalogue.models import HandlingMode, PortKindValue, ServiceCategory
from palm_customs.catalogue.models import MaterialType as MaterialTypeModel
from palm_customs.catalogue.models import Port as PortModel
from palm_customs.catalogue.models import ServiceItem as ServiceItemModel
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


strawberry.enum(ServiceCategory, description="The catalogue's categories.")
strawberry.enum(
    HandlingMode, description="Fully online, online pre-review then on site, or on site only."
)


def localized(values: dict[str, str] | None) -> LocalizedText | None:
    if not values:
        return None
    return LocalizedText(zh_hans=values["zh-Hans"], zh_hant=values["zh-Hant"], en=values["en"])


@strawberry.type(description="A kind of document a service asks for.")
class MaterialTypeInfo:
    code: str
    name: LocalizedText
    accepted_formats: list[str]
    max_bytes: int
    original_on_site: bool
    reusable: bool
    requires_validity: bool

    @classmethod
    def from_row(cls, row: MaterialTypeModel) -> MaterialTypeInfo:
        name = localized(row.names)
        assert name is not None
        return cls(
            code=row.code,
            name=name,
            accepted_formats=list(row.accepted_formats),
            max_bytes=row.max_bytes,
            original_on_site=row.original_on_site,
            reusable=row.reusable,
            requires_validity=row.requires_validity,
        )


@strawberry.type(description="A data-dictionary entry.")
class DataElementInfo:
    code: str
    name: LocalizedText
    definition: LocalizedText
    format: str
    rule_json: str

    @classmethod
    def from_row(cls, row: DataElementModel) -> DataElementInfo:
        import json

        name, definition = localized(row.names), localized(row.definition)
        assert name is not None
        assert definition is not None
        return cls(
            code=row.code,
            name=name,
            definition=definition,
            format=row.format,
            rule_json=json.dumps(row.rule),
        )


@strawberry.type
class ItemFormField:
    element: str
    required: bool


@strawberry.type
class ItemMaterial:
    material: str
    required: bool


strawberry.enum(FeeDue, description="When an applicant is asked to pay an item's fee.")


@strawberry.type(description="An item's fee, paid online (integer fen, CNY).")
class ItemFeeInfo:
    amount_fen: int
    due: FeeDue


@strawberry.type(description="A service in the public catalogue, as currently published.")
class ServiceItemInfo:
    code: str
    version: int
    category: ServiceCategory
    handling_mode: HandlingMode
    name: LocalizedText
    description: LocalizedText
    legal_basis: LocalizedText
    conditions: LocalizedText
    fees: LocalizedText
    fee: ItemFeeInfo | None = strawberry.field(
        description="The fee paid online, if the item has one (the `fees` text explains it)."
    )
    onsite_reason: LocalizedText | None
    form: list[ItemFormField]
    materials: list[ItemMaterial]
    departments: list[str]
    review_levels: int
    time_limit_days: int

    @classmethod
    def from_row(cls, row: ServiceItemModel) -> ServiceItemInfo:
        data: dict[str, Any] = dict(row.data)
        fee = fee_of(data)

        def text(key: str) -> LocalizedText:
            value = localized(data[key])
            assert value is not None
            return value

        return cls(
            code=row.code,
            version=row.version,
            category=row.category,
            handling_mode=row.handling_mode,
            name=text("names"),
            description=text("description"),
            legal_basis=text("legal_basis"),
            conditions=text("conditions"),
            fees=text("fees"),
            fee=ItemFeeInfo(amount_fen=fee.amount_fen, due=fee.due) if fee else None,
            onsite_reason=localized(data.get("onsite_reason")),
            form=[
                ItemFormField(element=f["element"], required=f["required"]) for f in data["form"]
            ],
            materials=[
                ItemMaterial(material=m["material"], required=m["required"])
                for m in data["materials"]
            ],
            departments=list(data["departments"]),
            review_levels=int(data["review_levels"]),
            time_limit_days=int(data["time_limit_days"]),
        )


@strawberry.type
class ServiceItemConnection:
    nodes: list[ServiceItemInfo]
    page_info: PageInfo


@strawberry.input
class LocalizedInput:
    zh_hans: str
    zh_hant: str
    en: str


@strawberry.input
class ItemMaterialInput:
    material: str
    required: bool


@strawberry.input(description="An item's fee in integer fen (CNY) and when it falls due.")
class ItemFeeInput:
    amount_fen: int
    due: FeeDue


@strawberry.input(description="What an administrator changes; omitted fields stay as they are.")
class ServiceItemUpdateInput:
    name: LocalizedInput | None = None
    description: LocalizedInput | None = None
    conditions: LocalizedInput | None = None
    fees: LocalizedInput | None = None
    fee: ItemFeeInput | None = strawberry.field(
        default=None, description="The fee paid online; an amount of 0 makes the item free."
    )
    time_limit_days: int | None = None
    review_levels: int | None = None
    materials: list[ItemMaterialInput] | None = None


@strawberry.type
class ServiceItemUpdated:
    item: ServiceItemInfo


@strawberry.input(description="A material type as an administrator saves it (every field).")
class MaterialTypeInput:
    name: LocalizedInput
    accepted_formats: list[str] = strawberry.field(description="jpeg, png, heic, pdf")
    max_bytes: int
    original_on_site: bool = strawberry.field(description="The original must be shown on site too.")
    reusable: bool = strawberry.field(description="One upload serves later applications.")
    requires_validity: bool = strawberry.field(
        description="The document has an expiry date and is refused once expired."
    )


@strawberry.type
class MaterialTypeSaved:
    material: MaterialTypeInfo
    created: bool
    items_republished: list[ServiceItemInfo] = strawberry.field(
        description="Items asking for this material, each at a new version with the new rules "
        "(applications already made keep the version they were made under)."
    )
