from __future__ import annotations

import strawberry

from palm_customs.documents.mutations.document_delete import document_delete
from palm_customs.documents.mutations.document_update import document_update


@strawberry.type
class DocumentMutation:
    document_update = document_update
    document_delete = document_delete
