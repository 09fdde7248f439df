from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.types import (
    AppointmentError,
    BookingOutcome,
    BookingOutcomeRecorded,
    BookingOutcomeResult,
    DayBooking,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.identity.models import Person


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.WINDOW_CLERK, Role.SUPERVISOR),
    description="Mark a booking served, or a no-show (15 minutes after its start, if the "
    "person never checked in).",
)
async def booking_outcome_record(
    info: Info[Context, Any], booking_id: strawberry.ID, outcome: BookingOutcome
) -> BookingOutcomeResult:
    principal = info.context.principal
    result = await run_mutation(
        info,
        perform=lambda c: services.record_outcome(
            c,
            principal=principal,
            booking_id=booking_id,
            served=outcome is BookingOutcome.SERVED,
        ),
        refused=refusals(AppointmentError),
    )
    if isinstance(result, services.CheckedIn):
        booking = result.booking
        await services.publish_update(booking)
        person = await Person.get_or_none(account_id=booking.account_id)
        return BookingOutcomeRecorded(
            booking=DayBooking.from_row(booking, person.full_name if person else "")
        )
    return result
