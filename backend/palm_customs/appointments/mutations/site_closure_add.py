from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.types import (
    AppointmentError,
    SiteClosureAdded,
    SiteClosureInfo,
    SiteClosureInput,
    SiteClosureResult,
)
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import LocalizedText, ValidationError


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.SUPERVISOR),
    description="Close a site for a period (holiday, emergency): its slots close and every "
    "booking in them is cancelled with a notification.",
)
async def site_closure_add(info: Info[Context, Any], input: SiteClosureInput) -> SiteClosureResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.add_closure(
            c,
            principal=principal,
            site_id=input.site_id,
            starts_at=input.starts_at,
            ends_at=input.ends_at,
            reason={
                "zh-Hans": input.reason_zh_hans,
                "zh-Hant": input.reason_zh_hant,
                "en": input.reason,
            },
        ),
        present=lambda done: SiteClosureAdded(
            closure=SiteClosureInfo(
                id=strawberry.ID(str(done.closure.id)),
                starts_at=done.closure.starts_at,
                ends_at=done.closure.ends_at,
                reason=LocalizedText(
                    zh_hans=done.closure.reason["zh-Hans"],
                    zh_hant=done.closure.reason["zh-Hant"],
                    en=done.closure.reason["en"],
                ),
            ),
            cancelled_bookings=done.cancelled,
        ),
        refused=refusals(AppointmentError, ValidationError),
    )
