"""Check-in by QR credential or booking number, and the day's queue numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import Booking, BookingStatus, QueueCounter, Site
from palm_customs.appointments.services.officer_sites import _check_site
from palm_customs.appointments.services.rules import CREDENTIAL_TYPE, _idempotency, _now, _zone
from palm_customs.core import signing
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.principal import Principal


@dataclass(frozen=True, slots=True)
class CheckedIn:
    booking: Booking
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"booking:{self.booking.id}",)


async def booking_number_from_credential(text: str, *, now: datetime) -> str:
    """The booking number a signed QR names, after checking its signature and type."""
    try:
        credential = await signing.verify(text[: signing.MAX_TEXT_CHARS + 1], now=now)
    except signing.CredentialExpired:
        raise AppointmentProblem(
            AppointmentErrorCode.CREDENTIAL_EXPIRED, field="credential"
        ) from None
    except signing.CredentialTampered:
        raise AppointmentProblem(
            AppointmentErrorCode.CREDENTIAL_TAMPERED, field="credential"
        ) from None
    except signing.CredentialUnknownKey:
        raise AppointmentProblem(
            AppointmentErrorCode.CREDENTIAL_UNKNOWN_KEY, field="credential"
        ) from None
    except signing.CredentialMalformed:
        raise AppointmentProblem(
            AppointmentErrorCode.CREDENTIAL_MALFORMED, field="credential"
        ) from None
    number = credential.claims.get("b")
    if credential.credential_type != CREDENTIAL_TYPE or not isinstance(number, str):
        raise AppointmentProblem(AppointmentErrorCode.CREDENTIAL_MALFORMED, field="credential")
    return number


async def _next_queue_number(connection: BaseDBAsyncClient, site_id: int, day: date) -> int:
    await QueueCounter.bulk_create(
        [QueueCounter(site_id=site_id, day=day, last_number=0)],
        ignore_conflicts=True,
        using_db=connection,
    )
    await (
        QueueCounter.filter(site_id=site_id, day=day)
        .using_db(connection)
        .update(last_number=F("last_number") + 1)
    )
    counter = await QueueCounter.get(site_id=site_id, day=day, using_db=connection)
    return counter.last_number


async def check_in(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    credential: str | None,
    number: str | None,
    idempotency_key: str,
    now: datetime | None = None,
) -> CheckedIn:
    """Check a person in by their booking QR or number and give them a queue number.

    The key makes a resend from an offline tablet harmless: it returns the first answer.
    """
    now = now or _now()
    key = _idempotency(idempotency_key)
    replay = await Booking.get_or_none(checkin_key=key, using_db=connection)
    if replay is not None:
        await _check_site(connection, principal, await Site.get(id=replay.site_id))
        return CheckedIn(booking=replay, replayed=True)
    if credential:
        booking_number = await booking_number_from_credential(credential.strip(), now=now)
    elif number:
        booking_number = number.strip().upper()[:20]
    else:
        raise ValidationFailed([FieldProblem("number", ValidationErrorCode.REQUIRED)])
    booking = await Booking.get_or_none(number=booking_number, using_db=connection)
    if booking is None:
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="number")
    if booking.status in (BookingStatus.CHECKED_IN, BookingStatus.CALLED, BookingStatus.SERVED):
        raise AppointmentProblem(
            AppointmentErrorCode.ALREADY_CHECKED_IN, params={"queue": booking.queue_number or 0}
        )
    if booking.status is not BookingStatus.CONFIRMED:
        raise AppointmentProblem(AppointmentErrorCode.NOT_ACTIVE, field="number")
    site = await Site.get(id=booking.site_id, using_db=connection)
    await _check_site(connection, principal, site)
    zone = _zone(site)
    today = now.astimezone(zone).date()
    if booking.starts_at.astimezone(zone).date() != today:
        raise AppointmentProblem(AppointmentErrorCode.NOT_TODAY, field="number")
    queue_number = await _next_queue_number(connection, site.id, today)
    try:
        updated = (
            await Booking.filter(id=booking.id, status=BookingStatus.CONFIRMED)
            .using_db(connection)
            .update(
                status=BookingStatus.CHECKED_IN,
                checked_in_at=now,
                checkin_key=key,
                queue_number=queue_number,
            )
        )
    except IntegrityError:
        raise AppointmentProblem(AppointmentErrorCode.IDEMPOTENCY_CONFLICT) from None
    if updated != 1:
        raise AppointmentProblem(AppointmentErrorCode.ALREADY_CHECKED_IN, params={"queue": 0})
    booking.status, booking.checked_in_at = BookingStatus.CHECKED_IN, now
    booking.checkin_key, booking.queue_number = key, queue_number
    return CheckedIn(booking=booking)
