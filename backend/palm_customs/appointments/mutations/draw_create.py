from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments.models import Draw, DrawEntry, DrawStatus
from palm_customs.appointments.services import draw as draws
from palm_customs.appointments.types import (
    AppointmentDraw,
    AppointmentError,
    DrawCreated,
    DrawCreateInput,
    DrawCreateResult,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


async def present_draw(draw: Draw) -> AppointmentDraw:
    drawn = draw.status is DrawStatus.DRAWN
    ids: list[Any] = (
        await DrawEntry.filter(draw_id=draw.id).order_by("id").values_list("id", flat=True)
        if drawn
        else []
    )
    return AppointmentDraw(
        id=strawberry.ID(str(draw.id)),
        site_id=strawberry.ID(str(draw.site_id)),
        item_code=draw.item_code,
        slots_from=draw.slots_from,
        slots_to=draw.slots_to,
        closes_at=draw.closes_at,
        drawn=drawn,
        seed=draw.seed,
        entrants_digest=draw.entrants_digest,
        drawn_at=draw.drawn_at,
        entry_ids=sorted(strawberry.ID(str(i)) for i in ids),
    )


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR, Role.SUPERVISOR),
    description="Choose a fair draw instead of first-come for the seats of an item at your "
    "site over a period (step-up, audited): entries are collected until closesAt, then the "
    "seats are held for the entrants in the order of a seeded lottery (one entry per person) "
    "and everyone is told the result.",
)
async def draw_create(info: Info[Context, Any], input: DrawCreateInput) -> DrawCreateResult:
    principal = info.context.principal

    result = await run_mutation(
        info,
        perform=lambda c: draws.create_draw(
            c,
            principal=principal,
            site_id=input.site_id,
            item_code=input.item_code,
            slots_from=input.slots_from,
            slots_to=input.slots_to,
            closes_at=input.closes_at,
        ),
        refused=refusals(AppointmentError, ValidationError),
    )
    if isinstance(result, draws.DrawCreated):
        return DrawCreated(draw=await present_draw(result.draw))
    return result
