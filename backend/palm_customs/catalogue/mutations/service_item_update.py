from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

import strawberry
from strawberry.types import Info
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.catalogue import services
from palm_customs.catalogue.models import ServiceItem
from palm_customs.catalogue.types import (
    ServiceItemInfo,
    ServiceItemUpdated,
    ServiceItemUpdateInput,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError

ServiceItemUpdateResult = Annotated[
    ServiceItemUpdated | ValidationError, strawberry.union("ServiceItemUpdateResult")
]


@dataclass(frozen=True, slots=True)
class _Updated:
    item: ServiceItem

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"service_item:{self.item.code}@{self.item.version}",)


def _changes(value: ServiceItemUpdateInput) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for field_name, key in (
        ("name", "names"),
        ("description", "description"),
        ("conditions", "conditions"),
        ("fees", "fees"),
    ):
        text = getattr(value, field_name)
        if text is not None:
            changes[key] = {"zh-Hans": text.zh_hans, "zh-Hant": text.zh_hant, "en": text.en}
    if value.time_limit_days is not None:
        changes["time_limit_days"] = value.time_limit_days
    if value.review_levels is not None:
        changes["review_levels"] = value.review_levels
    if value.fee is not None:
        changes["fee"] = {"amount_fen": value.fee.amount_fen, "due": value.fee.due}
    if value.materials is not None:
        changes["materials"] = [
            {"material": m.material, "required": m.required} for m in value.materials[:50]
        ]
    return changes


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR),
    description="Publish a new version of a service item (applications keep theirs).",
)
async def service_item_update(
    info: Info[Context, Any], code: str, input: ServiceItemUpdateInput
) -> ServiceItemUpdateResult:
    editor = info.context.principal.actor

    async def perform(connection: BaseDBAsyncClient) -> _Updated:
        item = await services.update_item(
            connection, code=code.strip().upper(), changes=_changes(input), editor=editor
        )
        return _Updated(item)

    return await run_mutation(
        info,
        perform=perform,
        present=lambda done: ServiceItemUpdated(item=ServiceItemInfo.from_row(done.item)),
        refused=refusals(ValidationError),
    )
