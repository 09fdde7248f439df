"""Site closures: the bookings they cancel, each person's earliest free time held for them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem, SlotFull
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    Site,
    SiteClosure,
    Slot,
    SlotStatus,
    WaitlistEntry,
    WaitlistStatus,
    WindowSeat,
)
from palm_customs.appointments.services.availability_cache import availability_changed
from palm_customs.appointments.services.notices import _notify
from palm_customs.appointments.services.officer_sites import _check_site
from palm_customs.appointments.services.release import _end
from palm_customs.appointments.services.rules import (
    CANCEL_CUT_OFF,
    CLOSURE_HOLD,
    CLOSURE_REBOOK_JOB,
    MAX_SLOTS_PER_SITE,
    OFFER_EXPIRY_JOB,
    _new_number,
    _now,
    _zone,
)
from palm_customs.appointments.services.seats import _count_window, _take_window
from palm_customs.core import jobs
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.principal import Principal


@dataclass(frozen=True, slots=True)
class ClosureAdded:
    closure: SiteClosure
    cancelled: int

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"site:{self.closure.site_id}", f"closure:{self.closure.id}")


async def add_closure(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    site_id: str,
    starts_at: datetime,
    ends_at: datetime,
    reason: dict[str, str],
    now: datetime | None = None,
) -> ClosureAdded:
    """Close a site for a period: its slots close and their bookings are cancelled, with word."""
    now = now or _now()
    try:
        site = await Site.get_or_none(id=int(site_id), using_db=connection)
    except ValueError:
        site = None
    if site is None:
        raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId")
    await _check_site(connection, principal, site)
    check = Validator()
    clean = {
        lang: check.text(f"reason.{name}", reason.get(lang, ""), max_len=200)
        for lang, name in (("zh-Hans", "zhHans"), ("zh-Hant", "zhHant"), ("en", "en"))
    }
    if ends_at <= starts_at:
        check.problems.append(
            FieldProblem(
                "endsAt",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": starts_at.isoformat(), "high": "-"},
            )
        )
    if ends_at <= now:
        check.problems.append(FieldProblem("endsAt", ValidationErrorCode.IN_THE_PAST))
    if ends_at - starts_at > timedelta(days=60):
        check.problems.append(
            FieldProblem("endsAt", ValidationErrorCode.OUT_OF_RANGE, {"low": 0, "high": "60 d"})
        )
    check.raise_if_any()
    closure = await SiteClosure.create(
        using_db=connection,
        site_id=site.id,
        starts_at=starts_at,
        ends_at=ends_at,
        reason=clean,
        created_by=principal.actor,
        created_at=now,
    )
    slot_ids = list(
        await Slot.filter(
            site_id=site.id, starts_at__lt=ends_at, ends_at__gt=starts_at, status=SlotStatus.OPEN
        )
        .using_db(connection)
        .values_list("id", flat=True)
    )
    cancelled = 0
    if slot_ids:
        await Slot.filter(id__in=slot_ids).using_db(connection).update(status=SlotStatus.CLOSED)
        availability_changed()
        affected = await Booking.filter(
            slot_id__in=slot_ids,
            status__in=(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.OFFERED),
        ).using_db(connection)
        for booking in affected:
            was_offer = booking.status is BookingStatus.OFFERED
            await _end(
                connection,
                booking,
                BookingStatus.CLOSED,
                now,
                from_statuses=(
                    BookingStatus.CONFIRMED,
                    BookingStatus.CHECKED_IN,
                    BookingStatus.OFFERED,
                ),
            )
            await (
                WindowSeat.filter(booking_id=booking.id)
                .using_db(connection)
                .update(booking_id=None)
            )
            if was_offer and booking.waitlist_entry_id is not None:
                await (
                    WaitlistEntry.filter(id=booking.waitlist_entry_id)
                    .using_db(connection)
                    .update(status=WaitlistStatus.WAITING, offered_booking_id=None)
                )
                continue
            cancelled += 1
            await _notify(
                connection,
                booking,
                "closed",
                now=now,
                extra={
                    "reason": clean["en"],
                    "reason_zh": clean["zh-Hans"],
                    "reason_hant": clean["zh-Hant"],
                },
            )
            # After this commits (the closed slots must be closed for everyone first): hold the
            # earliest free time for them before anyone else can take it.
            await jobs.enqueue(
                connection, kind=CLOSURE_REBOOK_JOB, payload={"booking": str(booking.id)}
            )
        await Slot.filter(id__in=slot_ids).using_db(connection).update(booked=0)
    return ClosureAdded(closure=closure, cancelled=cancelled)


async def hold_rebooking(booking_id: str, *, now: datetime | None = None) -> Booking | None:
    """A closure cancelled this booking: hold the earliest free time of its item at its site
    for the person (an offer they confirm or decline, as a waitlist offer) before anyone else
    can book it. Each candidate time is tried in a transaction of its own, taking a window's
    time as a booking does, so a race with another booking only moves on to the next time."""
    now = now or _now()
    try:
        key = uuid.UUID(booking_id)
    except ValueError:
        return None
    cancelled = await Booking.get_or_none(id=key, status=BookingStatus.CLOSED)
    if cancelled is None or await Booking.filter(replaces_id=cancelled.id).exists():
        return None  # not a closure's, or already held (a job run twice)
    candidates = (
        await Slot.filter(
            site_id=cancelled.site_id,
            item_code=cancelled.item_code,
            status=SlotStatus.OPEN,
            starts_at__gt=now + CANCEL_CUT_OFF,
            booked__lt=F("capacity"),
        )
        .order_by("starts_at", "id")
        .limit(MAX_SLOTS_PER_SITE)
    )
    for slot in candidates:
        try:
            async with in_transaction() as connection:
                return await _hold_for(connection, slot, cancelled, now)
        except SlotFull:
            continue
    return None


async def _hold_for(
    connection: BaseDBAsyncClient, slot: Slot, cancelled: Booking, now: datetime
) -> Booking:
    offer_id = uuid.uuid4()
    window = await _take_window(connection, slot, offer_id)
    if window is None or not await _count_window(
        connection,
        site_id=slot.site_id,
        starts_at=slot.starts_at,
        window_id=window.id,
        taken=True,
        slot_id=slot.id,
    ):
        raise SlotFull(alternatives=[])  # rolls this attempt back, window-time included
    offer = Booking(
        id=offer_id,
        number=_new_number(now),
        account_id=cancelled.account_id,
        slot_id=slot.id,
        site_id=slot.site_id,
        item_code=slot.item_code,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        seat=window.number,
        active_seat=window.number,
        application_id=cancelled.application_id,
        status=BookingStatus.OFFERED,
        created_at=now,
        offer_expires_at=min(now + CLOSURE_HOLD, slot.starts_at - CANCEL_CUT_OFF),
        replaces_id=cancelled.id,
    )
    try:
        await offer.save(using_db=connection, force_create=True)
    except IntegrityError:
        raise SlotFull(alternatives=[]) from None
    await jobs.enqueue(
        connection,
        kind=OFFER_EXPIRY_JOB,
        payload={"booking": str(offer.id)},
        run_after=offer.offer_expires_at,
    )
    site = await Site.get(id=slot.site_id, using_db=connection)
    until = offer.offer_expires_at.astimezone(_zone(site)) if offer.offer_expires_at else now
    await _notify(
        connection,
        offer,
        "rebook_held",
        now=now,
        offer=True,
        extra={"until": f"{until:%Y-%m-%d %H:%M}", "cancelled": cancelled.number},
    )
    return offer


async def _closure_rebook_job(payload: dict[str, Any]) -> None:
    await hold_rebooking(str(payload["booking"]))
