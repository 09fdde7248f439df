"""The waitlist: joining, leaving, confirming an offered time, offers that expire."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    Site,
    Slot,
    WaitlistEntry,
    WaitlistStatus,
)
from palm_customs.appointments.services import fairness
from palm_customs.appointments.services.booking import (
    Booked,
    _check_cool_down,
    _check_limit,
    _confirmed,
    _lock_person,
    _sign,
    own_booking,
)
from palm_customs.appointments.services.notices import _notify
from palm_customs.appointments.services.prereview import _check_application
from palm_customs.appointments.services.release import _end, _release_seat
from palm_customs.appointments.services.rules import _item_code, _now
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.principal import Principal
from palm_customs.notifications.models import Urgency
from palm_customs.settings import Settings


@dataclass(frozen=True, slots=True)
class Waiting:
    entry: WaitlistEntry

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"waitlist:{self.entry.id}",)


async def join_waitlist(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    item_code: str,
    site_id: str | None,
    near: tuple[float, float] | None,
    max_distance_km: float | None,
    earlier_than: datetime | None,
    booking_id: str | None,
    application_id: str | None,
    now: datetime | None = None,
) -> Waiting:
    """Wait for an earlier seat at one site, or at any site within a distance of a point."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    code = _item_code(item_code)
    await fairness.check_verified(connection, account_id, code)
    accounts = await _lock_person(connection, account_id, now)
    booking: Booking | None = None
    if booking_id:
        booking = await own_booking(connection, principal, booking_id)
        if booking.status is not BookingStatus.CONFIRMED:
            raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
        if booking.item_code != code:
            raise AppointmentProblem(AppointmentErrorCode.WRONG_ITEM, field="itemCode")
        earlier_than = min(earlier_than or booking.starts_at, booking.starts_at)
        application_id = booking.application_id
    else:
        application_id = await _check_application(
            connection, account_id=account_id, item_code=code, application_id=application_id
        )
    check = Validator()
    if earlier_than is None:
        check.problems.append(FieldProblem("earlierThan", ValidationErrorCode.REQUIRED))
    elif earlier_than <= now:
        check.problems.append(FieldProblem("earlierThan", ValidationErrorCode.IN_THE_PAST))
    site: Site | None = None
    if site_id is not None:
        try:
            site = await Site.get_or_none(id=int(site_id), using_db=connection)
        except ValueError:
            site = None
        if site is None:
            raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId")
    elif near is None or max_distance_km is None:
        check.problems.append(FieldProblem("siteId", ValidationErrorCode.REQUIRED))
    elif not 0 < max_distance_km <= 500:
        check.problems.append(
            FieldProblem("maxDistanceKm", ValidationErrorCode.OUT_OF_RANGE, {"low": 1, "high": 500})
        )
    check.raise_if_any()
    assert earlier_than is not None
    waiting = (
        await WaitlistEntry.filter(
            account_id__in=accounts,
            item_code=code,
            status__in=(WaitlistStatus.WAITING, WaitlistStatus.OFFERED),
        )
        .using_db(connection)
        .exists()
    )
    if waiting:
        raise AppointmentProblem(AppointmentErrorCode.ALREADY_WAITING, field="itemCode")
    if booking is None:
        await _check_cool_down(connection, accounts, now)
    entry = await WaitlistEntry.create(
        using_db=connection,
        id=uuid.uuid4(),
        account_id=account_id,
        item_code=code,
        site_id=site.id if site else None,
        latitude=near[0] if near and site is None else None,
        longitude=near[1] if near and site is None else None,
        max_distance_km=max_distance_km if site is None else None,
        earlier_than=earlier_than,
        booking_id=booking.id if booking else None,
        application_id=application_id,
        status=WaitlistStatus.WAITING,
        created_at=now,
    )
    return Waiting(entry=entry)


async def leave_waitlist(
    connection: BaseDBAsyncClient, *, principal: Principal, entry_id: str
) -> Waiting:
    try:
        key = uuid.UUID(entry_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="entryId") from None
    entry = await WaitlistEntry.get_or_none(
        id=key, account_id=principal.account_id, using_db=connection
    )
    if entry is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="entryId")
    left = (
        await WaitlistEntry.filter(id=key, status=WaitlistStatus.WAITING)
        .using_db(connection)
        .update(status=WaitlistStatus.CANCELLED)
    )
    if left != 1:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="entryId")
    entry.status = WaitlistStatus.CANCELLED
    return Waiting(entry=entry)


async def confirm_offer(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    booking_id: str,
    now: datetime | None = None,
) -> Booked:
    """Take a held seat: it replaces the booking the person was waiting to improve, if any."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    accounts = await _lock_person(connection, account_id, now)
    offer = await own_booking(connection, principal, booking_id)
    if offer.status is not BookingStatus.OFFERED:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="bookingId")
    if offer.offer_expires_at is None or now > offer.offer_expires_at:
        raise AppointmentProblem(AppointmentErrorCode.OFFER_EXPIRED, field="bookingId")
    entry = (
        await WaitlistEntry.get_or_none(id=offer.waitlist_entry_id, using_db=connection)
        if offer.waitlist_entry_id
        else None
    )
    application = offer.application_id
    old: Booking | None = None
    if entry is not None and entry.booking_id is not None:
        old = await Booking.get_or_none(id=entry.booking_id, using_db=connection)
    await _check_cool_down(connection, accounts, now)
    if old is not None and old.status is BookingStatus.CONFIRMED:
        await _end(
            connection,
            old,
            BookingStatus.RESCHEDULED,
            now,
            from_statuses=(BookingStatus.CONFIRMED,),
        )
        await _release_seat(connection, booking=old, now=now, exclude=account_id)
    else:
        # The offer already holds its seat: the others the human holds must leave room for it.
        slot = await Slot.get(id=offer.slot_id, using_db=connection)
        await _check_limit(connection, accounts, now, slot=slot, exclude=(offer.id,))
    await _sign(connection, settings, offer, now)
    try:
        confirmed = (
            await Booking.filter(id=offer.id, status=BookingStatus.OFFERED)
            .using_db(connection)
            .update(
                status=BookingStatus.CONFIRMED,
                active_application=application,
                offer_expires_at=None,
                credential=offer.credential,
                credential_kid=offer.credential_kid,
                replaces_id=old.id if old else offer.replaces_id,
            )
        )
    except IntegrityError:
        raise AppointmentProblem(
            AppointmentErrorCode.APPLICATION_ALREADY_BOOKED, field="bookingId"
        ) from None
    if confirmed != 1:
        raise AppointmentProblem(AppointmentErrorCode.OFFER_EXPIRED, field="bookingId")
    if entry is not None:
        await (
            WaitlistEntry.filter(id=entry.id)
            .using_db(connection)
            .update(status=WaitlistStatus.FULFILLED)
        )
    offer.status, offer.active_application, offer.offer_expires_at = (
        BookingStatus.CONFIRMED,
        application,
        None,
    )
    await _confirmed(connection, offer, now)
    return Booked(booking=offer)


async def expire_offer(booking_id: str, *, now: datetime | None = None) -> Booking | None:
    """An offer nobody confirmed in time lapses; the seat goes to the next person waiting, and
    the person whose offer lapsed is told, and whether they are still on a waiting list."""
    now = now or _now()
    async with in_transaction() as connection:
        offer = await Booking.get_or_none(
            id=uuid.UUID(booking_id), status=BookingStatus.OFFERED, using_db=connection
        )
        if offer is None or (offer.offer_expires_at and offer.offer_expires_at > now):
            return None
        await _end(
            connection, offer, BookingStatus.LAPSED, now, from_statuses=(BookingStatus.OFFERED,)
        )
        if offer.waitlist_entry_id is not None:
            await (
                WaitlistEntry.filter(id=offer.waitlist_entry_id)
                .using_db(connection)
                .update(status=WaitlistStatus.LAPSED)
            )
        offered = await _release_seat(connection, booking=offer, now=now, exclude=offer.account_id)
        still_waiting = (
            await WaitlistEntry.filter(
                account_id=offer.account_id,
                item_code=offer.item_code,
                status__in=(WaitlistStatus.WAITING, WaitlistStatus.OFFERED),
            )
            .using_db(connection)
            .exists()
        )
        # Replaces the offer in the inbox and on the phone (same subject and push topic).
        if offer.waitlist_entry_id is None and offer.replaces_id is not None:
            event = "rebook_lapsed"  # a time held after a closure
        else:
            event = "offer_lapsed_waiting" if still_waiting else "offer_lapsed"
        await _notify(
            connection,
            offer,
            event,
            now=now,
            offer=True,
            urgency=Urgency.NORMAL,
        )
        return offered


async def _expire_offer_job(payload: dict[str, Any]) -> None:
    await expire_offer(str(payload["booking"]))
