from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments.models import Draw, DrawEntry
from palm_customs.appointments.mutations.draw_create import present_draw
from palm_customs.appointments.services import draw as draws
from palm_customs.appointments.types import (
    AppointmentError,
    DrawEntered,
    DrawEnterResult,
    DrawEntryInfo,
    DrawEntryState,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


async def present_entry(entry: DrawEntry, draw: Draw) -> DrawEntryInfo:
    return DrawEntryInfo(
        id=strawberry.ID(str(entry.id)),
        draw=await present_draw(draw),
        state=DrawEntryState(entry.status.value),
        rank=entry.rank,
        booking_id=strawberry.ID(str(entry.booking_id)) if entry.booking_id else None,
    )


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Enter a draw for scarce seats. One entry per person, whichever account.",
)
async def draw_enter(info: Info[Context, Any], draw_id: strawberry.ID) -> DrawEnterResult:
    principal = info.context.principal

    result = await run_mutation(
        info,
        perform=lambda c: draws.enter_draw(c, principal=principal, draw_id=str(draw_id)),
        refused=refusals(AppointmentError, ValidationError),
    )
    if isinstance(result, draws.DrawEntered):
        return DrawEntered(entry=await present_entry(result.entry, result.draw))
    return result
