"""Telling the person about their booking: inbox and push, in their language and the site's time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.appointments.models import Booking, Site
from palm_customs.appointments.services.rules import _zone
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType, Urgency


async def _notify(
    connection: BaseDBAsyncClient,
    booking: Booking,
    event: str,
    *,
    now: datetime,
    offer: bool = False,
    extra: dict[str, Any] | None = None,
    urgency: Urgency | None = None,
) -> None:
    site = await Site.get(id=booking.site_id, using_db=connection)
    local = booking.starts_at.astimezone(_zone(site))
    await notifications.notify(
        connection,
        recipient_id=booking.account_id,
        message=notifications.Message(
            type=NotificationType.APPOINTMENT_OFFER
            if offer
            else NotificationType.APPOINTMENT_REMINDER,
            subject=f"booking:{booking.number}",
            subject_version=1,
            title_key=f"notify.appointment.{event}.title",
            body_key=f"notify.appointment.{event}.body",
            params={
                "number": booking.number,
                "when": f"{local:%Y-%m-%d %H:%M}",
                "site": site.name_en,
                "site_zh": site.name_zh_hans,
                "site_hant": site.name_zh_hant,
                "item": booking.item_code,
                **(extra or {}),
            },
            link=f"/appointments/{booking.id}",
            urgency=urgency or (Urgency.HIGH if offer else Urgency.NORMAL),
        ),
        now=now,
    )
