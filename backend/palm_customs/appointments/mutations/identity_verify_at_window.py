from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments.services.window_identity import verify_at_window
from palm_customs.appointments.types import AppointmentError
from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.identity.services.verification import IdentityVerified as Verified
from palm_customs.identity.types import AccountError
from palm_customs.identity.verification_types import IdentityVerified

WindowVerifyResult = Annotated[
    IdentityVerified | AccountError | AppointmentError, strawberry.union("WindowVerifyResult")
]


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.WINDOW_CLERK, Role.SUPERVISOR),
    description="At a window: you saw the identity document of the person whose booking you "
    "serve and typed its number. If it is the document they registered, their identity is "
    "VERIFIED (they may then book the scarcest items). Audited with your name.",
)
async def identity_verify_at_window(
    info: Info[Context, Any], booking_id: strawberry.ID, document_number: str
) -> WindowVerifyResult:
    result = await run_mutation(
        info,
        perform=lambda c: verify_at_window(
            c,
            principal=info.context.principal,
            booking_id=str(booking_id),
            document_number=document_number,
        ),
        refused=refusals(AccountError, AppointmentError),
    )
    if isinstance(result, Verified):
        return IdentityVerified(
            level=result.person.identity_level,
            method=result.verification.method,
            verified_at=result.verification.created_at,
        )
    return result
