from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.types import (
    AppointmentError,
    WaitlistEntryInfo,
    WaitlistJoined,
    WaitlistJoinInput,
    WaitlistResult,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Wait for an earlier time at one site (`siteId`) or at any site within "
    "`maxDistanceKm` of `near`. A freed seat is held for the longest-waiting person for 15 "
    "minutes.",
)
async def waitlist_join(info: Info[Context, Any], input: WaitlistJoinInput) -> WaitlistResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.join_waitlist(
            c,
            principal=principal,
            item_code=input.item_code,
            site_id=input.site_id,
            near=(input.near.latitude, input.near.longitude) if input.near else None,
            max_distance_km=input.max_distance_km,
            earlier_than=input.earlier_than,
            booking_id=input.booking_id,
            application_id=input.application_id,
        ),
        present=lambda done: WaitlistJoined(entry=WaitlistEntryInfo.from_row(done.entry)),
        refused=refusals(AppointmentError, ValidationError),
    )
