"""An officer at a window who saw a person's identity document records it (issue #20): the
booking they are serving names the person; the number typed from the document must be the
one registered. This is the officer's way to the VERIFIED identity level."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import Booking, BookingStatus, Site
from palm_customs.appointments.services.officer_sites import _check_site
from palm_customs.appointments.services.rules import LIVE
from palm_customs.core.principal import Principal
from palm_customs.identity.services import verification

# A person the officer is serving or about to serve (and one just served, at the window).
_AT_WINDOW = (*LIVE, BookingStatus.SERVED)


async def verify_at_window(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    document_number: str,
) -> verification.IdentityVerified:
    try:
        booking = await Booking.get_or_none(id=uuid.UUID(booking_id), using_db=connection)
    except ValueError:
        booking = None
    if booking is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId")
    await _check_site(
        connection, principal, await Site.get(id=booking.site_id, using_db=connection)
    )
    if booking.status not in _AT_WINDOW:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    return await verification.verify_seen_document(
        connection,
        account_id=booking.account_id,
        document_number=document_number,
        officer=principal.actor,
        reference=f"booking:{booking.number}",
    )
