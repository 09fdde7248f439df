from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.types import (
    AppointmentError,
    BookingChanged,
    BookingChangeResult,
    present_booking,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Cancel a booking (until the cut-off before it starts); an offered seat is "
    "declined.",
)
async def booking_cancel(
    info: Info[Context, Any], booking_id: strawberry.ID
) -> BookingChangeResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.cancel(c, principal=context.principal, booking_id=booking_id),
        refused=refusals(AppointmentError, ValidationError),
    )
    if isinstance(result, services.Changed):
        await services.publish_update(result.booking)
        return BookingChanged(booking=await present_booking(result.booking, context.language))
    return result
