from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.types import (
    AppointmentError,
    CheckInResult,
    CheckInSuccess,
    DayBooking,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.identity.models import Person


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.WINDOW_CLERK, Role.SUPERVISOR),
    description="Check a person in by their booking QR (`credential`, signature verified) or "
    "booking `number`; issues a queue number. A resend with the same key returns the first "
    "answer (offline tablets).",
)
async def booking_check_in(
    info: Info[Context, Any],
    idempotency_key: str,
    credential: str | None = None,
    number: str | None = None,
) -> CheckInResult:
    result = await run_mutation(
        info,
        perform=lambda c: services.check_in(
            c,
            principal=info.context.principal,
            credential=credential,
            number=number,
            idempotency_key=idempotency_key,
        ),
        refused=refusals(AppointmentError, ValidationError),
    )
    if isinstance(result, services.CheckedIn):
        booking = result.booking
        if not result.replayed:
            await services.publish_update(booking)
        person = await Person.get_or_none(account_id=booking.account_id)
        return CheckInSuccess(
            booking=DayBooking.from_row(booking, person.full_name if person else ""),
            queue_number=booking.queue_number or 0,
            replayed=result.replayed,
        )
    return result
