from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core import clock
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.documents import services
from palm_customs.documents.types import (
    Document,
    DocumentError,
    DocumentUpdateResult,
    DocumentUpdateSuccess,
)


def _given(value: Any) -> Any:
    return services.KEEP if value is strawberry.UNSET else value


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Correct a document's dates or label (leave an argument out to keep it, "
    "give null to clear it).",
)
async def document_update(
    info: Info[Context, Any],
    id: strawberry.ID,
    issue_date: date | None = strawberry.UNSET,
    expiry_date: date | None = strawberry.UNSET,
    label: str | None = strawberry.UNSET,
) -> DocumentUpdateResult:
    principal = info.context.principal
    today = clock.today()
    return await run_mutation(
        info,
        perform=lambda c: services.update(
            c,
            principal=principal,
            document_id=id,
            issue_date=_given(issue_date),
            expiry_date=_given(expiry_date),
            label=_given(label),
            today=today,
        ),
        present=lambda r: DocumentUpdateSuccess(
            document=Document.from_row(r.document, today=today)
        ),
        refused=refusals(ValidationError, DocumentError),
    )
