"""Per-request DataLoaders of the declarations domain (built by palm_customs.loaders.Loaders)."""

from __future__ import annotations

import uuid

from strawberry.dataloader import DataLoader

from palm_customs.core.loaders import one_by
from palm_customs.declarations.models import InspectionOutcome


async def _outcomes(keys: list[uuid.UUID]) -> list[InspectionOutcome]:
    return await InspectionOutcome.filter(declaration_id__in=keys).order_by("recorded_at")


class InspectionOutcomeByDeclarationLoader(DataLoader[uuid.UUID, InspectionOutcome | None]):
    def __init__(self) -> None:
        super().__init__(load_fn=one_by(_outcomes, lambda row: row.declaration_id))
