from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.permissions import Level, Role, access
from palm_customs.transparency import services
from palm_customs.transparency.types import DataAccess


@strawberry.type
class TransparencyQuery:
    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Which officer unit opened or changed your declarations, applications and "
        "documents, and when, newest first (at most 100).",
    )
    async def my_data_access(self, info: Info[Context, Any], first: int = 50) -> list[DataAccess]:
        account_id = info.context.principal.account_id
        assert account_id is not None
        found = await services.accesses(account_id, first=first)
        return [DataAccess.from_access(a) for a in found]

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="An RFC 6962 inclusion proof (JSON) that one of those events is in the signed "
        "audit log; anyone can check it with `palm-customs audit check-proof` and the key at "
        "/audit/keys. Null until the event is sealed, or if it is not about your records.",
    )
    async def my_data_access_proof(
        self, info: Info[Context, Any], event_id: strawberry.ID
    ) -> str | None:
        account_id = info.context.principal.account_id
        assert account_id is not None
        text = str(event_id)
        if not (text.isascii() and text.isdigit() and len(text) <= 18):
            return None
        return await services.proof_for(account_id, int(text))
