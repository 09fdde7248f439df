"""A person's changes to their booking: cancel, decline an offer, cannot come, running late,
reschedule.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
from palm_customs.appointments.services import fairness
from palm_customs.appointments.services.booking import (
    Booked,
    _bookable_slot,
    _check_cool_down,
    _check_limit,
    _confirmed,
    _lock_person,
    _take_seat,
    own_booking,
)
from palm_customs.appointments.services.release import _end, _release_seat
from palm_customs.appointments.services.rules import CANCEL_CUT_OFF, _idempotency, _now
from palm_customs.core.errors import Validator
from palm_customs.core.principal import Principal
from palm_customs.settings import Settings


@dataclass(frozen=True, slots=True)
class Changed:
    booking: Booking
    offered: Booking | None = None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        targets = [f"booking:{self.booking.id}", f"slot:{self.booking.slot_id}"]
        if self.offered is not None:
            targets.append(f"booking:{self.offered.id}")
        return tuple(targets)


async def cancel(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    now: datetime | None = None,
) -> Changed:
    """Cancel until the cut-off before the start; the seat goes to the waitlist or back on sale."""
    now = now or _now()
    booking = await own_booking(connection, principal, booking_id)
    if booking.status is BookingStatus.OFFERED:
        return await decline_offer(connection, booking=booking, now=now)
    if booking.status is not BookingStatus.CONFIRMED:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    if now > booking.starts_at - CANCEL_CUT_OFF:
        raise AppointmentProblem(
            AppointmentErrorCode.CUT_OFF_PASSED,
            params={"hours": int(CANCEL_CUT_OFF.total_seconds() // 3600)},
        )
    await _end(
        connection,
        booking,
        BookingStatus.CANCELLED,
        now,
        from_statuses=(BookingStatus.CONFIRMED,),
    )
    offered = await _release_seat(connection, booking=booking, now=now, exclude=booking.account_id)
    return Changed(booking=booking, offered=offered)


async def decline_offer(
    connection: BaseDBAsyncClient, *, booking: Booking, now: datetime
) -> Changed:
    await _end(
        connection, booking, BookingStatus.LAPSED, now, from_statuses=(BookingStatus.OFFERED,)
    )
    if booking.waitlist_entry_id is not None:
        await (
            WaitlistEntry.filter(id=booking.waitlist_entry_id)
            .using_db(connection)
            .update(status=WaitlistStatus.CANCELLED)
        )
    offered = await _release_seat(connection, booking=booking, now=now, exclude=booking.account_id)
    return Changed(booking=booking, offered=offered)


async def cannot_come(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    now: datetime | None = None,
) -> Changed:
    """'I can't come': allowed after the cut-off too, so the seat is freed early, not wasted."""
    now = now or _now()
    booking = await own_booking(connection, principal, booking_id)
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN):
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    await _end(
        connection,
        booking,
        BookingStatus.RELEASED,
        now,
        from_statuses=(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN),
    )
    offered = await _release_seat(connection, booking=booking, now=now, exclude=booking.account_id)
    return Changed(booking=booking, offered=offered)


async def running_late(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    booking_id: str,
    minutes: int,
    now: datetime | None = None,
) -> Changed:
    now = now or _now()
    check = Validator()
    check.int_range("minutes", minutes, low=5, high=120)
    check.raise_if_any()
    booking = await own_booking(connection, principal, booking_id)
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN):
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    if now > booking.ends_at:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_IN_THE_PAST, field="bookingId")
    await Booking.filter(id=booking.id).using_db(connection).update(late_minutes=minutes)
    booking.late_minutes = minutes
    return Changed(booking=booking)


async def reschedule(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    booking_id: str,
    slot_id: str,
    idempotency_key: str,
    now: datetime | None = None,
) -> Booked:
    """Move to another slot in one transaction: the old seat is kept unless the new one is won."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    key = _idempotency(idempotency_key)
    accounts = await _lock_person(connection, account_id, now)
    existing = await Booking.get_or_none(
        account_id=account_id, idempotency_key=key, using_db=connection
    )
    if existing is not None:
        return Booked(booking=existing, replayed=True)
    old = await own_booking(connection, principal, booking_id)
    if old.status is not BookingStatus.CONFIRMED:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    if now > old.starts_at - CANCEL_CUT_OFF:
        raise AppointmentProblem(
            AppointmentErrorCode.CUT_OFF_PASSED,
            params={"hours": int(CANCEL_CUT_OFF.total_seconds() // 3600)},
        )
    slot = await _bookable_slot(connection, slot_id, None, now)
    if slot.item_code != old.item_code:
        raise AppointmentProblem(AppointmentErrorCode.WRONG_ITEM, field="slotId")
    if slot.id == old.slot_id:
        raise AppointmentProblem(AppointmentErrorCode.SAME_SLOT, field="slotId")
    await fairness.check_not_in_draw(connection, slot)
    await _check_cool_down(connection, accounts, now)
    await fairness.check_changes(
        connection, accounts, item_code=old.item_code, change=fairness.Change.RESCHEDULE, now=now
    )
    # The new time is a claim like a booking, but the old one it gives back is not counted.
    await _check_limit(connection, accounts, now, slot=slot, exclude=(old.id,))
    application = old.application_id
    await _end(
        connection, old, BookingStatus.RESCHEDULED, now, from_statuses=(BookingStatus.CONFIRMED,)
    )

    async def take() -> Booking:
        return await _take_seat(
            connection,
            settings,
            slot=slot,
            account_id=account_id,
            application_id=application,
            idempotency_key=key,
            replaces=old.id,
            now=now,
        )

    # The earlier time first (window-times, then slot rows), the order every transaction takes
    # them in, so two people swapping times cannot deadlock.
    if (old.starts_at, old.slot_id) < (slot.starts_at, slot.id):
        await _release_seat(connection, booking=old, now=now, exclude=account_id)
        booking = await take()
    else:
        booking = await take()
        await _release_seat(connection, booking=old, now=now, exclude=account_id)
    await _confirmed(connection, booking, now)
    return Booked(booking=booking)


async def end_for_deleted_account(
    connection: BaseDBAsyncClient, *, account_id: uuid.UUID, now: datetime | None = None
) -> int:
    """An account is being deleted: its future bookings are cancelled and its offers and holds
    declined, earliest first (the order every transaction takes times in), each seat going to
    the next person waiting (who is told) or back on sale; its waitlist entries end. Returns
    how many claims ended. The cancellations stay on record for the human's cool-downs."""
    now = now or _now()
    claims = (
        await Booking.filter(
            account_id=account_id,
            status__in=(BookingStatus.CONFIRMED, BookingStatus.OFFERED),
            ends_at__gt=now,
        )
        .using_db(connection)
        .order_by("starts_at", "slot_id")
    )
    for booking in claims:
        if booking.status is BookingStatus.OFFERED:
            await decline_offer(connection, booking=booking, now=now)
            continue
        await _end(
            connection,
            booking,
            BookingStatus.CANCELLED,
            now,
            from_statuses=(BookingStatus.CONFIRMED,),
        )
        await _release_seat(connection, booking=booking, now=now, exclude=account_id)
    await (
        WaitlistEntry.filter(
            account_id=account_id, status__in=(WaitlistStatus.WAITING, WaitlistStatus.OFFERED)
        )
        .using_db(connection)
        .update(status=WaitlistStatus.CANCELLED)
    )
    return len(claims)
