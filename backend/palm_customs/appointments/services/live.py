"""Real-time booking updates (GraphQL subscriptions through the broadcast)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from palm_customs.appointments.models import Booking
from palm_customs.core import broadcast

logger = logging.getLogger(__name__)


def channel(booking_id: uuid.UUID | str) -> str:
    return f"booking:{booking_id}"


def update_message(booking: Booking) -> dict[str, Any]:
    return {
        "bookingId": str(booking.id),
        "status": booking.status.value,
        "queueNumber": booking.queue_number,
        "windowNumber": booking.window_number,
    }


async def publish_update(booking: Booking) -> None:
    """Tell the person's devices (any replica) what just happened; call after the commit."""
    try:
        await broadcast.current().publish(channel(booking.id), update_message(booking))
    except Exception:  # the change is committed: a lost live update must not fail the request
        logger.exception("could not publish the update of booking %s", booking.id)
