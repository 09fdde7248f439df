"""The queue at the windows: calling the next person, recording the outcome, the day's view."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import Booking, BookingStatus, ServiceWindow, Site, WindowSeat
from palm_customs.appointments.services.check_in import CheckedIn
from palm_customs.appointments.services.notices import _notify
from palm_customs.appointments.services.officer_sites import _check_site
from palm_customs.appointments.services.rules import NO_SHOW_GRACE, _now, _zone
from palm_customs.core.principal import Principal
from palm_customs.identity.models import Person
from palm_customs.notifications.models import Urgency


async def call_next(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    site_id: str,
    window_number: int,
    now: datetime | None = None,
) -> CheckedIn:
    """The next checked-in person for an item this window handles: first those whose booked
    time is at this window, then anyone else (their window is busy or they came early or late),
    each by lowest queue number."""
    now = now or _now()
    try:
        site_key = int(site_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId") from None
    site = await Site.get_or_none(id=site_key, using_db=connection)
    if site is None:
        raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId")
    await _check_site(connection, principal, site)
    window = await ServiceWindow.get_or_none(
        site_id=site_key, number=window_number, active=True, using_db=connection
    )
    if window is None:
        raise AppointmentProblem(AppointmentErrorCode.WINDOW_NOT_FOUND, field="windowNumber")
    for _ in range(5):
        waiting = (
            await Booking.filter(
                site_id=site_key,
                status=BookingStatus.CHECKED_IN,
                item_code__in=list(window.item_codes),
            )
            .using_db(connection)
            .order_by("queue_number", "checked_in_at")
            .limit(50)
        )
        if not waiting:
            break
        held: list[Any] = await (
            WindowSeat.filter(window_id=window.id, booking_id__in=[b.id for b in waiting])
            .using_db(connection)
            .values_list("booking_id", flat=True)
        )
        mine = {str(booking_id) for booking_id in held}
        candidate = next((b for b in waiting if str(b.id) in mine), waiting[0])
        called = (
            await Booking.filter(id=candidate.id, status=BookingStatus.CHECKED_IN)
            .using_db(connection)
            .update(status=BookingStatus.CALLED, called_at=now, window_number=window_number)
        )
        if called == 1:
            candidate.status, candidate.called_at = BookingStatus.CALLED, now
            candidate.window_number = window_number
            # Also a push with high urgency, for a phone that is not showing the booking.
            await _notify(
                connection,
                candidate,
                "called",
                now=now,
                urgency=Urgency.HIGH,
                extra={"window": window_number},
            )
            return CheckedIn(booking=candidate)
    raise AppointmentProblem(AppointmentErrorCode.QUEUE_EMPTY)


async def record_outcome(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    served: bool,
    now: datetime | None = None,
) -> CheckedIn:
    """Served (after a call or check-in) or no-show (not checked in, past the grace period)."""
    now = now or _now()
    try:
        key = uuid.UUID(booking_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId") from None
    booking = await Booking.get_or_none(id=key, using_db=connection)
    if booking is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId")
    await _check_site(connection, principal, await Site.get(id=booking.site_id))
    if served:
        allowed: tuple[BookingStatus, ...] = (BookingStatus.CALLED, BookingStatus.CHECKED_IN)
        if booking.status not in allowed:
            raise AppointmentProblem(AppointmentErrorCode.NOT_CHECKED_IN, field="bookingId")
        status = BookingStatus.SERVED
    else:
        allowed = (BookingStatus.CONFIRMED,)
        if booking.status not in allowed:
            raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
        if now < booking.starts_at + NO_SHOW_GRACE:
            raise AppointmentProblem(
                AppointmentErrorCode.TOO_EARLY,
                field="bookingId",
                params={"minutes": int(NO_SHOW_GRACE.total_seconds() // 60)},
            )
        status = BookingStatus.NO_SHOW
    changed = (
        await Booking.filter(id=booking.id, status__in=allowed)
        .using_db(connection)
        .update(
            status=status, active_application=None, outcome_at=now, outcome_by=principal.account_id
        )
    )
    if changed != 1:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    booking.status, booking.outcome_at = status, now
    return CheckedIn(booking=booking)


@dataclass(frozen=True, slots=True)
class DayView:
    site: Site
    day: date
    windows: list[ServiceWindow]
    bookings: list[Booking]
    names: dict[uuid.UUID, str] = field(default_factory=dict)


async def day_view(*, principal: Principal, site_id: str, day: date) -> DayView | None:
    """A site's day for an officer who serves there (their unit or another post): None for an
    unknown site; OTHER_SITE raised for a site they do not serve (not theirs to see)."""
    try:
        site = await Site.get_or_none(id=int(site_id))
    except ValueError:
        return None
    if site is None:
        return None
    await _check_site(None, principal, site)
    zone = _zone(site)
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    bookings = (
        await Booking.filter(
            site_id=site.id,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=1),
            status__not_in=(BookingStatus.RESCHEDULED, BookingStatus.LAPSED),
        )
        .order_by("starts_at", "window_number", "queue_number", "number")
        .limit(2000)
    )
    windows = await ServiceWindow.filter(site_id=site.id).order_by("number")
    people = await Person.filter(account_id__in=list({b.account_id for b in bookings}))
    return DayView(
        site=site,
        day=day,
        windows=list(windows),
        bookings=list(bookings),
        names={p.account_id: p.full_name for p in people},
    )
