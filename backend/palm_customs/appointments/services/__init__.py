"""Appointments: sites, windows, slots, bookings, the waitlist and check-in. No GraphQL here.

A seat is a window's time (WindowSeat): one window serving several items is given once at a
time, whichever item is booked. The database guards it, on SQLite and PostgreSQL, one process
or many: a conditional UPDATE (booking_id IS NULL) takes a window-time, UNIQUE (window,
starts_at) and UNIQUE booking_id keep it single, and UNIQUE (slot, active_seat) on bookings
(seat = window number) is the backstop. The per-item slot counters (`booked` of `capacity`
windows) follow in the same transaction, touching slot rows in id order (no deadlock), and
serve the availability query. Locks are taken in one order: window-times before slot rows,
earlier times first.
A person's own bookings are serialized by a row lock on their account, so their limits
(active bookings, one live booking per application, cool-down) are checked without a race.

One module a concept; callers use the names re-exported here
(`from palm_customs.appointments import services; services.book`).
"""

from __future__ import annotations

from palm_customs.appointments.services.availability import SiteSlots, availability
from palm_customs.appointments.services.availability_cache import (
    AVAILABILITY_CACHE_SIZE,
    AVAILABILITY_TTL,
    CacheStats,
    availability_changed,
    availability_stats,
    cached_availability,
    configure_availability_cache,
)
from palm_customs.appointments.services.booking import Booked, book, own_booking
from palm_customs.appointments.services.changes import (
    Changed,
    cancel,
    cannot_come,
    decline_offer,
    reschedule,
    running_late,
)
from palm_customs.appointments.services.check_in import (
    CheckedIn,
    booking_number_from_credential,
    check_in,
)
from palm_customs.appointments.services.closures import (
    ClosureAdded,
    _closure_rebook_job,
    add_closure,
    hold_rebooking,
)
from palm_customs.appointments.services.draw import _draw_job
from palm_customs.appointments.services.ics import calendar_ics
from palm_customs.appointments.services.live import channel, publish_update, update_message
from palm_customs.appointments.services.officer_sites import officer_site_code
from palm_customs.appointments.services.prereview import (
    PREREVIEW_ITEMS,
    prereview_passed,
    requires_prereview,
)
from palm_customs.appointments.services.queue import DayView, call_next, day_view, record_outcome
from palm_customs.appointments.services.reminders import _remind
from palm_customs.appointments.services.rules import (
    CANCEL_CUT_OFF,
    CLOSURE_HOLD,
    CLOSURE_REBOOK_JOB,
    COOL_DOWN,
    CREDENTIAL_TYPE,
    DRAW_JOB,
    HORIZON_DAYS,
    LIVE,
    MAX_ACTIVE_BOOKINGS,
    MAX_ALTERNATIVES,
    MAX_SITES,
    MAX_SLOTS_PER_SITE,
    NO_SHOW_GRACE,
    NO_SHOW_LIMIT,
    NO_SHOW_WINDOW,
    OFFER_EXPIRY_JOB,
    OFFER_WINDOW,
    REMINDER_JOB,
    REMINDERS,
    SLOTS_JOB,
    WAITLIST_SCAN,
    distance_km,
)
from palm_customs.appointments.services.seeding import seed_demo_sites
from palm_customs.appointments.services.slots import (
    Generated,
    _run_slot_generation,
    ensure_schedule,
    generate_slots,
    off_grid_items,
    recount,
    serving,
    slot_times,
)
from palm_customs.appointments.services.waitlist import (
    Waiting,
    _expire_offer_job,
    confirm_offer,
    expire_offer,
    join_waitlist,
    leave_waitlist,
)
from palm_customs.core import jobs

# This domain's background jobs, installed by palm_customs/registry.py in every process.
JOB_HANDLERS: dict[str, jobs.HandlerEntry] = {
    SLOTS_JOB: _run_slot_generation,
    REMINDER_JOB: _remind,
    OFFER_EXPIRY_JOB: _expire_offer_job,
    CLOSURE_REBOOK_JOB: _closure_rebook_job,
    DRAW_JOB: _draw_job,
}

__all__ = [
    "AVAILABILITY_CACHE_SIZE",
    "AVAILABILITY_TTL",
    "CANCEL_CUT_OFF",
    "CLOSURE_HOLD",
    "CLOSURE_REBOOK_JOB",
    "COOL_DOWN",
    "CREDENTIAL_TYPE",
    "DRAW_JOB",
    "HORIZON_DAYS",
    "JOB_HANDLERS",
    "LIVE",
    "MAX_ACTIVE_BOOKINGS",
    "MAX_ALTERNATIVES",
    "MAX_SITES",
    "MAX_SLOTS_PER_SITE",
    "NO_SHOW_GRACE",
    "NO_SHOW_LIMIT",
    "NO_SHOW_WINDOW",
    "OFFER_EXPIRY_JOB",
    "OFFER_WINDOW",
    "PREREVIEW_ITEMS",
    "REMINDERS",
    "REMINDER_JOB",
    "SLOTS_JOB",
    "WAITLIST_SCAN",
    "Booked",
    "CacheStats",
    "Changed",
    "CheckedIn",
    "ClosureAdded",
    "DayView",
    "Generated",
    "SiteSlots",
    "Waiting",
    "_remind",
    "add_closure",
    "availability",
    "availability_changed",
    "availability_stats",
    "book",
    "booking_number_from_credential",
    "cached_availability",
    "calendar_ics",
    "call_next",
    "cancel",
    "cannot_come",
    "channel",
    "check_in",
    "configure_availability_cache",
    "confirm_offer",
    "day_view",
    "decline_offer",
    "distance_km",
    "ensure_schedule",
    "expire_offer",
    "generate_slots",
    "hold_rebooking",
    "join_waitlist",
    "leave_waitlist",
    "off_grid_items",
    "officer_site_code",
    "own_booking",
    "prereview_passed",
    "publish_update",
    "record_outcome",
    "recount",
    "requires_prereview",
    "reschedule",
    "running_late",
    "seed_demo_sites",
    "serving",
    "slot_times",
    "update_message",
]
