from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from palm_customs.core import clock
from palm_customs.core.errors import DomainError


class AppointmentErrorCode(Enum):
    NOT_FOUND = "not_found"
    SITE_NOT_FOUND = "site_not_found"
    SLOT_NOT_FOUND = "slot_not_found"
    SLOT_IN_THE_PAST = "slot_in_the_past"
    SLOT_CLOSED = "slot_closed"
    SLOT_FULL = "slot_full"
    WRONG_ITEM = "wrong_item"
    SAME_SLOT = "same_slot"
    PREREVIEW_REQUIRED = "prereview_required"
    PREREVIEW_NOT_PASSED = "prereview_not_passed"
    APPLICATION_ALREADY_BOOKED = "application_already_booked"
    TOO_MANY_BOOKINGS = "too_many_bookings"
    COOLDOWN = "cooldown"
    NOT_ACTIVE = "not_active"
    CUT_OFF_PASSED = "cut_off_passed"
    OFFER_EXPIRED = "offer_expired"
    ALREADY_WAITING = "already_waiting"
    CREDENTIAL_MALFORMED = "credential_malformed"
    CREDENTIAL_TAMPERED = "credential_tampered"
    CREDENTIAL_UNKNOWN_KEY = "credential_unknown_key"
    CREDENTIAL_EXPIRED = "credential_expired"
    NOT_TODAY = "not_today"
    ALREADY_CHECKED_IN = "already_checked_in"
    NOT_CHECKED_IN = "not_checked_in"
    QUEUE_EMPTY = "queue_empty"
    WINDOW_NOT_FOUND = "window_not_found"
    OTHER_SITE = "other_site"
    TOO_EARLY = "too_early"
    IDEMPOTENCY_CONFLICT = "idempotency_conflict"
    ONE_SEAT_PER_TIME = "one_seat_per_time"
    ITEM_LIMIT = "item_limit"
    DAY_LIMIT = "day_limit"
    RESCHEDULE_LIMIT = "reschedule_limit"
    REBOOK_LIMIT = "rebook_limit"
    DRAW_ONLY = "draw_only"
    DRAW_NOT_FOUND = "draw_not_found"
    DRAW_CLOSED = "draw_closed"
    DRAW_ALREADY_ENTERED = "draw_already_entered"
    NOT_VERIFIED = "not_verified"
    IDENTITY_NOT_VERIFIED = "identity_not_verified"


class AppointmentProblem(DomainError):
    def __init__(
        self,
        code: AppointmentErrorCode,
        *,
        field: str | None = None,
        params: dict[str, object] | None = None,
        retry_at: datetime | None = None,
    ) -> None:
        super().__init__(code.value)
        self.code = code.value
        self.error_code = code
        self.field = field
        self.params = params or {}
        # When the rule that refused lets the person try again, where it is known.
        self.retry_at = retry_at


@dataclass(frozen=True, slots=True)
class Alternative:
    slot_id: int
    site_id: int
    item_code: str
    starts_at: datetime
    ends_at: datetime
    seats_left: int


class SlotFull(AppointmentProblem):
    """Every seat was taken first: the next free slots are offered instead."""

    def __init__(self, *, alternatives: list[Alternative]) -> None:
        super().__init__(AppointmentErrorCode.SLOT_FULL, field="slotId")
        self.alternatives = alternatives


class CoolingDown(AppointmentProblem):
    def __init__(self, *, until: datetime) -> None:
        super().__init__(
            AppointmentErrorCode.COOLDOWN,
            params={"until": clock.day_of(until).isoformat()},
            retry_at=until,
        )
        self.until = until
