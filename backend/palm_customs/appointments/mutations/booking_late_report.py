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
    extensions=access(Level.SESSION, Role.PERSON),
    description="“Running late”: tell the window how many minutes (5–120) you will be late.",
)
async def booking_late_report(
    info: Info[Context, Any], booking_id: strawberry.ID, minutes: int
) -> BookingChangeResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.running_late(
            c, principal=context.principal, booking_id=booking_id, minutes=minutes
        ),
        refused=refusals(AppointmentError, ValidationError),
    )
    if isinstance(result, services.Changed):
        return BookingChanged(booking=await present_booking(result.booking, context.language))
    return result
