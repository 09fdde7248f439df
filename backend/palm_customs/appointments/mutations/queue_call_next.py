from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.types import (
    AppointmentError,
    DayBooking,
    QueueCalled,
    QueueCallResult,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.identity.models import Person


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.WINDOW_CLERK, Role.SUPERVISOR),
    description="Call the next checked-in person for this window; their phone shows "
    "“your turn, window N” at once.",
)
async def queue_call_next(
    info: Info[Context, Any], site_id: strawberry.ID, window_number: int
) -> QueueCallResult:
    result = await run_mutation(
        info,
        perform=lambda c: services.call_next(
            c, principal=info.context.principal, site_id=site_id, window_number=window_number
        ),
        refused=refusals(AppointmentError),
    )
    if isinstance(result, services.CheckedIn):
        booking = result.booking
        await services.publish_update(booking)
        person = await Person.get_or_none(account_id=booking.account_id)
        return QueueCalled(
            booking=DayBooking.from_row(booking, person.full_name if person else ""),
            window_number=window_number,
        )
    return result
