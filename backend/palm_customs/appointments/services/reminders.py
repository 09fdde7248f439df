"""Reminders before a booking (a background job)."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.transactions import in_transaction

from palm_customs.appointments.models import Booking, BookingStatus
from palm_customs.appointments.services.notices import _notify
from palm_customs.appointments.services.rules import _now


async def _remind(payload: dict[str, Any]) -> None:
    now = _now()
    async with in_transaction() as connection:
        booking = await Booking.get_or_none(
            id=uuid.UUID(str(payload["booking"])),
            status=BookingStatus.CONFIRMED,
            using_db=connection,
        )
        if booking is None or booking.starts_at <= now:
            return  # cancelled, rescheduled or already past: nothing to remind
        await _notify(connection, booking, f"reminder_{payload['kind']}", now=now)
