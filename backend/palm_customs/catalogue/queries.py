from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.catalogue import services
from palm_customs.catalogue.types import Port, PortConnection, PortKind
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
