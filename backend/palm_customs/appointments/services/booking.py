"""Booking a slot: the person's limits, taking a seat, the signed booking credential."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from palm_customs.appointments.errors import (
    AppointmentErrorCode,
    AppointmentProblem,
    CoolingDown,
    SlotFull,
)
from palm_customs.appointments.models import Booking, BookingStatus, Site, Slot, SlotStatus
from palm_customs.appointments.services import fairness
from palm_customs.appointments.services.availability import _alternatives
from palm_customs.appointments.services.notices import _notify
from palm_customs.appointments.services.prereview import _check_application
from palm_customs.appointments.services.rules import (
    COOL_DOWN,
    CREDENTIAL_TYPE,
    NO_SHOW_LIMIT,
    NO_SHOW_WINDOW,
    REMINDER_JOB,
    REMINDERS,
    _idempotency,
    _item_code,
    _new_number,
    _now,
)
from palm_customs.appointments.services.seats import _count_window, _take_window
from palm_customs.core import jobs, signing
from palm_customs.core.principal import Principal
from palm_customs.settings import Settings


@dataclass(frozen=True, slots=True)
class Booked:
    booking: Booking
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"booking:{self.booking.id}", f"slot:{self.booking.slot_id}")


async def _lock_person(
    connection: BaseDBAsyncClient, account_id: uuid.UUID, now: datetime | None = None
) -> list[uuid.UUID]:
    """Lock the human behind the account (every account of theirs); return those accounts."""
    return await fairness.lock_human(connection, account_id, now or _now())


async def _check_cool_down(
    connection: BaseDBAsyncClient, accounts: Sequence[uuid.UUID], now: datetime
) -> None:
    recent = (
        await Booking.filter(
            account_id__in=list(accounts),
            status=BookingStatus.NO_SHOW,
            starts_at__gte=now - NO_SHOW_WINDOW,
        )
        .using_db(connection)
        .order_by("-starts_at")
        .limit(NO_SHOW_LIMIT)
    )
    if len(recent) >= NO_SHOW_LIMIT:
        until = recent[0].starts_at + COOL_DOWN
        if now < until:
            raise CoolingDown(until=until)


async def _check_limit(
    connection: BaseDBAsyncClient,
    accounts: Sequence[uuid.UUID],
    now: datetime,
    *,
    slot: Slot,
    exclude: Sequence[uuid.UUID] = (),
) -> None:
    await fairness.check_claims(connection, accounts, slot=slot, now=now, exclude=exclude)


async def _bookable_slot(
    connection: BaseDBAsyncClient, slot_id: str, item_code: str | None, now: datetime
) -> Slot:
    try:
        key = int(slot_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_NOT_FOUND, field="slotId") from None
    slot = await Slot.get_or_none(id=key, using_db=connection)
    if slot is None:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_NOT_FOUND, field="slotId")
    if item_code is not None and slot.item_code != item_code:
        raise AppointmentProblem(AppointmentErrorCode.WRONG_ITEM, field="itemCode")
    if slot.starts_at <= now:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_IN_THE_PAST, field="slotId")
    if slot.status is not SlotStatus.OPEN:
        raise AppointmentProblem(AppointmentErrorCode.SLOT_CLOSED, field="slotId")
    return slot


def _claims(booking: Booking, site: Site) -> dict[str, Any]:
    return {
        "b": booking.number,
        "site": site.code,
        "item": booking.item_code,
        "at": booking.starts_at.isoformat(),
    }


async def _sign(
    connection: BaseDBAsyncClient, settings: Settings, booking: Booking, now: datetime
) -> None:
    site = await Site.get(id=booking.site_id, using_db=connection)
    issued = await signing.issue(
        settings=settings,
        credential_type=CREDENTIAL_TYPE,
        claims=_claims(booking, site),
        issued_at=now,
        expires_at=min(booking.ends_at + timedelta(hours=6), now + signing.MAX_LIFETIME),
    )
    booking.credential = issued.text
    booking.credential_kid = issued.kid


async def _take_seat(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    slot: Slot,
    account_id: uuid.UUID,
    application_id: str | None,
    idempotency_key: str | None,
    replaces: uuid.UUID | None,
    now: datetime,
) -> Booking:
    booking_id = uuid.uuid4()
    # A SlotFull raised below rolls the whole transaction back, the window-time with it.
    window = await _take_window(connection, slot, booking_id)
    if window is None or not await _count_window(
        connection,
        site_id=slot.site_id,
        starts_at=slot.starts_at,
        window_id=window.id,
        taken=True,
        slot_id=slot.id,
    ):
        raise SlotFull(alternatives=await _alternatives(connection, slot, now))
    seat = window.number
    booking = Booking(
        id=booking_id,
        number=_new_number(now),
        account_id=account_id,
        slot_id=slot.id,
        site_id=slot.site_id,
        item_code=slot.item_code,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        seat=seat,
        active_seat=seat,
        application_id=application_id,
        active_application=application_id,
        status=BookingStatus.CONFIRMED,
        idempotency_key=idempotency_key,
        created_at=now,
        replaces_id=replaces,
    )
    await _sign(connection, settings, booking, now)
    try:
        await booking.save(using_db=connection, force_create=True)
    except IntegrityError as error:
        if "active_application" in str(error):
            raise AppointmentProblem(
                AppointmentErrorCode.APPLICATION_ALREADY_BOOKED, field="applicationId"
            ) from None
        # The UNIQUE (slot, active_seat) backstop: refuse rather than seat two people.
        raise SlotFull(alternatives=[]) from None
    return booking


async def _confirmed(connection: BaseDBAsyncClient, booking: Booking, now: datetime) -> None:
    """Reminders 24 h and 2 h before, and the confirmation in the inbox."""
    for kind, before in REMINDERS.items():
        at = booking.starts_at - before
        if at > now:
            await jobs.enqueue(
                connection,
                kind=REMINDER_JOB,
                payload={"booking": str(booking.id), "kind": kind},
                run_after=at,
            )
    await _notify(connection, booking, "booked", now=now)


async def book(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    slot_id: str,
    item_code: str,
    application_id: str | None,
    idempotency_key: str,
    now: datetime | None = None,
) -> Booked:
    """Take a seat in a slot for the signed-in person; a retry with the same key replays."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    key = _idempotency(idempotency_key)
    code = _item_code(item_code)

    async def replay() -> Booking | None:
        return await Booking.get_or_none(
            account_id=account_id, idempotency_key=key, using_db=connection
        )

    existing = await replay()
    if existing is not None:
        return Booked(booking=existing, replayed=True)
    slot = await _bookable_slot(connection, slot_id, code, now)
    await fairness.check_not_in_draw(connection, slot)
    if slot.booked >= slot.capacity:
        # Early exit for the many losers of a rush (no lock taken); when the slot looks free
        # the conditional UPDATE below is what decides.
        raise SlotFull(alternatives=await _alternatives(connection, slot, now))
    await fairness.check_verified(connection, account_id, code)
    accounts = await _lock_person(connection, account_id, now)
    existing = await replay()  # the same key sent twice at once: the second waits, then replays
    if existing is not None:
        return Booked(booking=existing, replayed=True)
    application = await _check_application(
        connection, account_id=account_id, item_code=code, application_id=application_id
    )
    await _check_cool_down(connection, accounts, now)
    await _check_limit(connection, accounts, now, slot=slot)
    await fairness.check_changes(
        connection, accounts, item_code=code, change=fairness.Change.CANCELLATION, now=now
    )
    if (
        application is not None
        and await Booking.filter(active_application=application).using_db(connection).exists()
    ):
        raise AppointmentProblem(
            AppointmentErrorCode.APPLICATION_ALREADY_BOOKED, field="applicationId"
        )
    booking = await _take_seat(
        connection,
        settings,
        slot=slot,
        account_id=account_id,
        application_id=application,
        idempotency_key=key,
        replaces=None,
        now=now,
    )
    await _confirmed(connection, booking, now)
    return Booked(booking=booking)


async def own_booking(
    connection: BaseDBAsyncClient | None, principal: Principal, booking_id: str
) -> Booking:
    """The caller's booking; someone else's is NOT_FOUND (never says whose it is)."""
    try:
        key = uuid.UUID(booking_id)
    except ValueError:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId") from None
    row = await Booking.get_or_none(id=key, account_id=principal.account_id, using_db=connection)
    if row is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="bookingId")
    return row
