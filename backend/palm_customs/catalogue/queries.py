from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.catalogue import services
from palm_customs.catalogue.models import DataElement, HandlingMode, MaterialType, ServiceCategory
from palm_customs.catalogue.models import ServiceItem as ServiceItemModel
from palm_customs.catalogue.types import (
    DataElementInfo,
    MaterialTypeInfo,
    Port,
    PortConnection,
    PortKind,
    ServiceItemConnection,
    ServiceItemInfo,
)
from palm_customs.context import Context
from palm_customs.core.pagination import check_page_size, decode_cursor, encode_cursor
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import PageInfo


@strawberry.type
class CatalogueQuery:
    @strawberry.field(extensions=access(Level.ANONYMOUS), description="A port by its code.")
    async def port(self, code: str) -> Port | None:
        row = await services.port_by_code(code)
        return Port.from_model(row) if row else None

    @strawberry.field(extensions=access(Level.ANONYMOUS), description="Ports, by code.")
    async def ports(
        self,
        info: Info[Context, Any],
        first: int = 20,
        after: str | None = None,
        kind: PortKind | None = None,
    ) -> PortConnection:
        language = info.context.language
        limit = check_page_size(first, language)
        rows = await services.list_ports(
            limit=limit,
            after_code=decode_cursor(after, language),
            kind=kind.to_model() if kind else None,
        )
        page = rows[:limit]
        return PortConnection(
            nodes=[Port.from_model(r) for r in page],
            page_info=PageInfo(
                has_next_page=len(rows) > limit,
                end_cursor=encode_cursor(page[-1].code) if page else None,
            ),
        )

    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="Search the service catalogue in any of the three languages.",
    )
    async def service_items(
        self,
        info: Info[Context, Any],
        search: str | None = None,
        category: ServiceCategory | None = None,
        handling_mode: HandlingMode | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> ServiceItemConnection:
        language = info.context.language
        limit = check_page_size(first, language)
        rows = await services.search_items(
            text=(search or "")[:100],
            category=category,
            mode=handling_mode,
            limit=limit,
            after_code=decode_cursor(after, language),
        )
        page = rows[:limit]
        return ServiceItemConnection(
            nodes=[ServiceItemInfo.from_row(r) for r in page],
            page_info=PageInfo(
                has_next_page=len(rows) > limit,
                end_cursor=encode_cursor(page[-1].code) if page else None,
            ),
        )

    @strawberry.field(extensions=access(Level.ANONYMOUS), description="One service by its code.")
    async def service_item(self, code: str) -> ServiceItemInfo | None:
        row = await ServiceItemModel.get_or_none(code=code.strip().upper()[:40], published=True)
        return ServiceItemInfo.from_row(row) if row else None

    @strawberry.field(extensions=access(Level.ANONYMOUS), description="Kinds of documents.")
    async def material_types(self) -> list[MaterialTypeInfo]:
        return [
            MaterialTypeInfo.from_row(r)
            for r in await MaterialType.all().order_by("code").limit(500)
        ]

    @strawberry.field(extensions=access(Level.ANONYMOUS), description="The data dictionary.")
    async def data_elements(self) -> list[DataElementInfo]:
        return [
            DataElementInfo.from_row(r) for r in await DataElement.all().order_by("code").limit(500)
        ]
