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
    description="Move a booking to another slot of the same item. The current booking is kept "
    "unless the new seat is secured (one transaction).",
)
async def booking_reschedule(
    info: Info[Context, Any],
    booking_id: strawberry.ID,
    slot_id: strawberry.ID,
    idempotency_key: str,
) -> BookingCreateResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.reschedule(
            c,
            context.settings,
            principal=context.principal,
            booking_id=booking_id,
            slot_id=slot_id,
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
