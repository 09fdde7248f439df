from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.expressions import Q

from palm_customs.context import Context
from palm_customs.core import clock
from palm_customs.core.api_errors import InputRejected
from palm_customs.core.errors import FieldProblem, ValidationErrorCode
from palm_customs.core.pagination import check_page_size, decode_cursor, encode_cursor
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import PageInfo
from palm_customs.documents import services
from palm_customs.documents.models import Document as DocumentRow
from palm_customs.documents.types import Document, DocumentConnection


def _after(cursor: str | None, context: Context) -> Q | None:
    decoded = decode_cursor(cursor, context.language)
    if decoded is None:
        return None
    try:
        stamp, key = decoded.split("|", 1)
        created_at, document_id = datetime.fromisoformat(stamp), uuid.UUID(key)
    except ValueError:
        raise InputRejected(
            FieldProblem("after", ValidationErrorCode.INVALID_FORMAT), context.language
        ) from None
    return Q(created_at__lt=created_at) | Q(created_at=created_at, id__lt=document_id)


@strawberry.type
class DocumentQuery:
    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Your documents (or, with enterpriseId, an enterprise's you are an active "
        "member of), newest first.",
    )
    async def my_documents(
        self,
        info: Info[Context, Any],
        first: int = 20,
        after: str | None = None,
        material_code: str | None = None,
        enterprise_id: strawberry.ID | None = None,
    ) -> DocumentConnection:
        context = info.context
        limit = check_page_size(first, context.language)
        principal = context.principal
        assert principal.account_id is not None
        if enterprise_id is None:
            owner_key = services.owner_key_for_account(principal.account_id)
        else:
            enterprise = services.parse_id(enterprise_id)
            if enterprise is None or not await services.is_active_member(
                principal.account_id, enterprise
            ):
                return DocumentConnection(
                    nodes=[], page_info=PageInfo(has_next_page=False, end_cursor=None)
                )
            owner_key = services.owner_key_for_enterprise(enterprise)
        query = DocumentRow.filter(owner_key=owner_key)
        if material_code:
            query = query.filter(material_code=material_code.strip().upper()[:40])
        after_filter = _after(after, context)
        if after_filter is not None:
            query = query.filter(after_filter)
        rows = await query.order_by("-created_at", "-id").limit(limit + 1)
        page = rows[:limit]
        today = clock.today()
        return DocumentConnection(
            nodes=[Document.from_row(row, today=today) for row in page],
            page_info=PageInfo(
                has_next_page=len(rows) > limit,
                end_cursor=encode_cursor(f"{page[-1].created_at.isoformat()}|{page[-1].id}")
                if page
                else None,
            ),
        )
