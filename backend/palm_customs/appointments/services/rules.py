"""The appointment rules in numbers (limits, cut-offs, job names) and the small helpers every
part shares (the clock, a site's zone, distances, codes, booking numbers).
"""

from __future__ import annotations

import math
import re
import secrets
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from palm_customs.appointments.models import BookingStatus, Site
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed

HORIZON_DAYS = 30
MAX_ACTIVE_BOOKINGS = 3
NO_SHOW_LIMIT = 2
NO_SHOW_WINDOW = timedelta(days=90)
COOL_DOWN = timedelta(days=30)
CANCEL_CUT_OFF = timedelta(hours=2)
OFFER_WINDOW = timedelta(minutes=15)
NO_SHOW_GRACE = timedelta(minutes=15)
REMINDERS = {"24h": timedelta(hours=24), "2h": timedelta(hours=2)}
MAX_ALTERNATIVES = 5
MAX_SLOTS_PER_SITE = 20
MAX_SITES = 10
WAITLIST_SCAN = 200
CREDENTIAL_TYPE = "booking"
LIVE = (BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.CALLED)
SLOTS_JOB = "appointments.slots_generate"
REMINDER_JOB = "appointments.reminder"
OFFER_EXPIRY_JOB = "appointments.offer_expire"
CLOSURE_REBOOK_JOB = "appointments.closure_rebook"
DRAW_JOB = "appointments.draw_run"
# How long a seat won in a draw is held for the winner to confirm.
DRAW_HOLD = timedelta(hours=24)
# The longest run of times one draw allocates.
DRAW_MAX_SPAN = timedelta(days=31)
# How long a time held for someone whose booking a closure cancelled waits for them.
CLOSURE_HOLD = timedelta(hours=24)


_NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_ITEM_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")


def _now() -> datetime:
    return clock.now()


def _zone(site: Site) -> ZoneInfo:
    try:
        return ZoneInfo(site.timezone)
    except ZoneInfoNotFoundError:
        return ZoneInfo("Asia/Shanghai")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _item_code(value: str, path: str = "itemCode") -> str:
    code = value.strip().upper()
    if not _ITEM_CODE.match(code):
        raise ValidationFailed([FieldProblem(path, ValidationErrorCode.INVALID_FORMAT)])
    return code


def _idempotency(key: str, path: str = "idempotencyKey") -> str:
    cleaned = key.strip()
    if not 8 <= len(cleaned) <= 64 or not re.fullmatch(r"[A-Za-z0-9\-_]+", cleaned):
        raise ValidationFailed([FieldProblem(path, ValidationErrorCode.INVALID_FORMAT)])
    return cleaned


def _new_number(now: datetime) -> str:
    suffix = "".join(secrets.choice(_NUMBER_ALPHABET) for _ in range(6))
    return f"B{now:%y%m%d}{suffix}"
