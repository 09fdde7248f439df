"""Releasing a seat: ending a booking and offering its window-time to whoever waited longest."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    ServiceWindow,
    Site,
    Slot,
    SlotStatus,
    WaitlistEntry,
    WaitlistStatus,
    WindowSeat,
)
from palm_customs.appointments.services import fairness
from palm_customs.appointments.services.notices import _notify
from palm_customs.appointments.services.rules import (
    MAX_ACTIVE_BOOKINGS,
    OFFER_EXPIRY_JOB,
    OFFER_WINDOW,
    WAITLIST_SCAN,
    _new_number,
    _now,
    distance_km,
)
from palm_customs.appointments.services.seats import _count_window
from palm_customs.core import jobs


async def _end(
    connection: BaseDBAsyncClient,
    booking: Booking,
    status: BookingStatus,
    now: datetime,
    *,
    from_statuses: tuple[BookingStatus, ...],
) -> None:
    ended = (
        await Booking.filter(id=booking.id, status__in=from_statuses)
        .using_db(connection)
        .update(status=status, active_seat=None, active_application=None, ended_at=now)
    )
    if ended != 1:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    booking.status, booking.active_seat, booking.active_application = status, None, None
    booking.ended_at = now


async def _at_cap(connection: BaseDBAsyncClient, account_id: uuid.UUID) -> bool:
    now = _now()
    accounts = await fairness.human_accounts(connection, account_id, now)
    held = (
        await Booking.filter(account_id__in=accounts, status__in=fairness.CLAIMS, ends_at__gt=now)
        .using_db(connection)
        .count()
    )
    return held >= MAX_ACTIVE_BOOKINGS


async def _next_waiter(
    connection: BaseDBAsyncClient,
    *,
    item_codes: list[str],
    starts_at: datetime,
    site: Site,
    exclude: uuid.UUID | None,
) -> WaitlistEntry | None:
    """The longest-waiting person who wants one of these items at this site and time (claimed
    for an offer), whichever of the items they wait for."""
    query = WaitlistEntry.filter(
        item_code__in=item_codes, status=WaitlistStatus.WAITING, earlier_than__gt=starts_at
    )
    if exclude is not None:
        query = query.exclude(account_id=exclude)
    for entry in await query.using_db(connection).order_by("created_at", "id").limit(WAITLIST_SCAN):
        if entry.site_id is not None:
            matches = entry.site_id == site.id
        elif (
            entry.latitude is not None
            and entry.longitude is not None
            and entry.max_distance_km is not None
        ):
            matches = (
                distance_km(entry.latitude, entry.longitude, site.latitude, site.longitude)
                <= entry.max_distance_km
            )
        else:
            matches = True
        if not matches:
            continue
        if entry.booking_id is None and await _at_cap(connection, entry.account_id):
            # They could not take it (the confirmation checks again, under their lock): holding
            # a seat for them would only keep it from the next person.
            continue
        claimed = (
            await WaitlistEntry.filter(id=entry.id, status=WaitlistStatus.WAITING)
            .using_db(connection)
            .update(status=WaitlistStatus.OFFERED)
        )
        if claimed == 1:
            return entry
    return None


async def _release_seat(
    connection: BaseDBAsyncClient,
    *,
    booking: Booking,
    now: datetime,
    exclude: uuid.UUID | None,
) -> Booking | None:
    """A booking just ended: its window-time goes to the longest-waiting person who wants it
    for any item the window serves at that time (held as an offer), else back on sale for all
    of them. The window-time stays taken while offered, so no item's counter changes."""
    held = await WindowSeat.get_or_none(booking_id=booking.id, using_db=connection)
    if held is None:
        # No window-time: a booking kept over capacity from before window seats (migration
        # 0013). Nothing comes free, so nothing is offered or counted.
        return None
    seat = booking.seat
    if held.starts_at > now + OFFER_WINDOW:
        window = await ServiceWindow.get(id=held.window_id, using_db=connection)
        open_slots = {
            s.item_code: s
            for s in await Slot.filter(
                site_id=held.site_id,
                starts_at=held.starts_at,
                status=SlotStatus.OPEN,
                item_code__in=list(window.item_codes),
            ).using_db(connection)
        }
        site = await Site.get(id=held.site_id, using_db=connection)
        entry = (
            await _next_waiter(
                connection,
                item_codes=sorted(open_slots),
                starts_at=held.starts_at,
                site=site,
                exclude=exclude,
            )
            if open_slots and window.active
            else None
        )
        if entry is not None:
            slot = open_slots[entry.item_code]
            offer = Booking(
                id=uuid.uuid4(),
                number=_new_number(now),
                account_id=entry.account_id,
                slot_id=slot.id,
                site_id=slot.site_id,
                item_code=slot.item_code,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                seat=seat,
                active_seat=seat,
                application_id=entry.application_id,
                status=BookingStatus.OFFERED,
                created_at=now,
                offer_expires_at=now + OFFER_WINDOW,
                waitlist_entry_id=entry.id,
            )
            moved = (
                await WindowSeat.filter(id=held.id, booking_id=booking.id)
                .using_db(connection)
                .update(booking_id=offer.id)
            )
            if moved != 1:  # never: the row is this transaction's, but never seat two people
                raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
            await offer.save(using_db=connection, force_create=True)
            await (
                WaitlistEntry.filter(id=entry.id)
                .using_db(connection)
                .update(offered_booking_id=offer.id)
            )
            await jobs.enqueue(
                connection,
                kind=OFFER_EXPIRY_JOB,
                payload={"booking": str(offer.id)},
                run_after=offer.offer_expires_at,
            )
            await _notify(
                connection,
                offer,
                "offer",
                now=now,
                offer=True,
                extra={"minutes": int(OFFER_WINDOW.total_seconds() // 60)},
            )
            return offer
    freed = (
        await WindowSeat.filter(id=held.id, booking_id=booking.id)
        .using_db(connection)
        .update(booking_id=None)
    )
    if freed == 1:
        await _count_window(
            connection,
            site_id=held.site_id,
            starts_at=held.starts_at,
            window_id=held.window_id,
            taken=False,
        )
    return None
