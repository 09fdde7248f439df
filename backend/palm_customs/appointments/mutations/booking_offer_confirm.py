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
    description="Take a seat offered from the waiting list (before `offerExpiresAt`); it "
    "replaces the booking you were waiting to improve, if any.",
)
async def booking_offer_confirm(
    info: Info[Context, Any], booking_id: strawberry.ID
) -> BookingCreateResult:
    context = info.context
    result = await run_mutation(
        info,
        perform=lambda c: services.confirm_offer(
            c, context.settings, principal=context.principal, booking_id=booking_id
        ),
        refused=refusals(SlotFullError, AppointmentError, ValidationError),
    )
    if isinstance(result, services.Booked):
        return BookingSuccess(
            booking=await present_booking(result.booking, context.language),
            replayed=result.replayed,
        )
    return result
