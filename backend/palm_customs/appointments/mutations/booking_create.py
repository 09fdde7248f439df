from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.types import (
    AppointmentError,
    BookingCreateResult,
    BookingSuccess,
    SlotFullError,
    present_booking,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Book a seat in a slot. The loser of a race for the last seat gets SlotFullError "
    "with the next free times; a retry with the same idempotency key returns the first booking.",
)
async def booking_create(
    info: Info[Context, Any],
    slot_id: strawberry.ID,
    item_code: str,
    idempotency_key: str,
    application_id: str | None = None,
) -> BookingCreateResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.book(
            c,
            context.settings,
            principal=context.principal,
            slot_id=slot_id,
            item_code=item_code,
            application_id=application_id,
            idempotency_key=idempotency_key,
        ),
        refused=refusals(SlotFullError, AppointmentError, ValidationError),
    )
    if isinstance(result, services.Booked):
        return BookingSuccess(
            booking=await present_booking(result.booking, context.language),
            replayed=result.replayed,
        )
    return result
