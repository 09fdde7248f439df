from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.documents import services
from palm_customs.documents.storage import current_store
from palm_customs.documents.types import DocumentDeleteResult, DocumentDeleteSuccess, DocumentError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Delete a document and, when no other document shares it, its file. "
    "Refused while an application uses it.",
)
async def document_delete(info: Info[Context, Any], id: strawberry.ID) -> DocumentDeleteResult:
    principal = info.context.principal
    result = await run_mutation(
        info,
        perform=lambda c: services.delete(c, principal=principal, document_id=id),
        refused=refusals(DocumentError),
    )
    if not isinstance(result, services.Deleted):
        return result
    # After the commit: a rollback can then never leave a row without its file.
    await services.forget_blob_if_unused(current_store(), result.sha256)
    return DocumentDeleteSuccess(id=strawberry.ID(str(result.document_id)))
