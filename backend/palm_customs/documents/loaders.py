"""Per-request DataLoaders of the document vault (built by palm_customs.loaders.Loaders)."""

from __future__ import annotations

import uuid

from strawberry.dataloader import DataLoader

from palm_customs.core.loaders import one_by
from palm_customs.documents.models import Document


async def _documents(keys: list[uuid.UUID]) -> list[Document]:
    return await Document.filter(id__in=keys)


class DocumentByIdLoader(DataLoader[uuid.UUID, Document | None]):
    def __init__(self) -> None:
        super().__init__(load_fn=one_by(_documents, lambda row: row.id))
