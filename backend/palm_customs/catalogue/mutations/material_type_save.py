from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.catalogue import services
from palm_customs.catalogue.types import (
    MaterialTypeInfo,
    MaterialTypeInput,
    MaterialTypeSaved,
    ServiceItemInfo,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError

MaterialTypeSaveResult = Annotated[
    MaterialTypeSaved | ValidationError, strawberry.union("MaterialTypeSaveResult")
]


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Create a material type, or change one: every item asking for it is published "
    "at a new version with the new rules, and applications keep the version they were made under.",
)
async def material_type_save(
    info: Info[Context, Any], code: str, input: MaterialTypeInput
) -> MaterialTypeSaveResult:
    editor = info.context.principal.actor
    values = services.MaterialValues(
        names={"zh-Hans": input.name.zh_hans, "zh-Hant": input.name.zh_hant, "en": input.name.en},
        accepted_formats=list(input.accepted_formats),
        max_bytes=input.max_bytes,
        original_on_site=input.original_on_site,
        reusable=input.reusable,
        requires_validity=input.requires_validity,
    )

    async def perform(connection: BaseDBAsyncClient) -> services.MaterialSaved:
        return await services.save_material_type(
            connection, code=code[:80], values=values, editor=editor
        )

    return await run_mutation(
        info,
        perform=perform,
        present=lambda done: MaterialTypeSaved(
            material=MaterialTypeInfo.from_row(done.material),
            created=done.created,
            items_republished=[ServiceItemInfo.from_row(i) for i in done.items],
        ),
        refused=refusals(ValidationError),
    )
