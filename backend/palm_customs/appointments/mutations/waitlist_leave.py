from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.types import (
    AppointmentError,
    WaitlistEntryInfo,
    WaitlistJoined,
    WaitlistResult,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.SESSION, Role.PERSON), description="Leave the waiting list."
)
async def waitlist_leave(info: Info[Context, Any], entry_id: strawberry.ID) -> WaitlistResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.leave_waitlist(c, principal=principal, entry_id=entry_id),
        present=lambda done: WaitlistJoined(entry=WaitlistEntryInfo.from_row(done.entry)),
        refused=refusals(AppointmentError, ValidationError),
    )
