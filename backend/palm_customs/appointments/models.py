from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.fields.db_defaults import SqlDefault
from tortoise.models import Model

from palm_customs.identity.models import Account


class Site(Model):
    """A customs service hall where people come to a window by appointment."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=20, unique=True)
    name_zh_hans = fields.CharField(max_length=120)
    name_zh_hant = fields.CharField(max_length=120)
    name_en = fields.CharField(max_length=160)
    address_zh_hans = fields.CharField(max_length=300)
    address_zh_hant = fields.CharField(max_length=300)
    address_en = fields.CharField(max_length=300)
    latitude = fields.FloatField()
    longitude = fields.FloatField()
    timezone = fields.CharField(max_length=40, default="Asia/Shanghai")
    # ISO weekday ("1" Monday … "7" Sunday) -> [["09:00", "12:00"], ["13:30", "17:00"]], local time.
    opening_hours = fields.JSONField[dict[str, list[list[str]]]]()
    # Language tag -> step-free access, hearing loop, parking and similar, as one text.
    accessibility = fields.JSONField[dict[str, str]]()
    phone = fields.CharField(max_length=40, default="")
    active = fields.BooleanField(default=True)

    class Meta:
        table = "appointment_site"


class SiteClosure(Model):
    """A period a site is closed (public holiday, maintenance, an emergency)."""

    id = fields.IntField(primary_key=True)
    site: fields.ForeignKeyRelation[Site] = fields.ForeignKeyField(
        "palm.Site", related_name="closures", on_delete=fields.CASCADE
    )
    site_id: int
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    # Language tag -> why, shown to the people whose bookings it cancels.
    reason = fields.JSONField[dict[str, str]]()
    created_by = fields.CharField(max_length=80)
    created_at = fields.DatetimeField()

    class Meta:
        table = "appointment_site_closure"
        indexes = (("site_id", "starts_at"),)


class ServiceWindow(Model):
    """A counter at a site and the catalogue items (by code) it handles."""

    id = fields.IntField(primary_key=True)
    site: fields.ForeignKeyRelation[Site] = fields.ForeignKeyField(
        "palm.Site", related_name="windows", on_delete=fields.CASCADE
    )
    site_id: int
    number = fields.IntField()
    item_codes = fields.JSONField[list[str]]()
    active = fields.BooleanField(default=True)

    class Meta:
        table = "appointment_window"
        unique_together = (("site", "number"),)


class SlotTemplate(Model):
    """How slots of one item are cut at one site: length and weekdays, inside opening hours."""

    id = fields.IntField(primary_key=True)
    site: fields.ForeignKeyRelation[Site] = fields.ForeignKeyField(
        "palm.Site", related_name="slot_templates", on_delete=fields.CASCADE
    )
    site_id: int
    item_code = fields.CharField(max_length=40)
    slot_minutes = fields.IntField(default=15)
    weekdays = fields.JSONField[list[int]]()
    active = fields.BooleanField(default=True)

    class Meta:
        table = "appointment_slot_template"
        unique_together = (("site", "item_code"),)


class WindowSeat(Model):
    """One window's time at a site, given to at most one booking across all its items.

    Made on first demand (INSERT … ON CONFLICT DO NOTHING) and taken or given back only by a
    conditional UPDATE on `booking_id` (NULL -> a booking, a booking -> NULL or the next one),
    so two transactions can never both seat a person at one window at one time. UNIQUE
    (window, starts_at) keeps one row per window-time and UNIQUE booking_id one seat per booking.
    Slots of the items a window serves share one grid (the same length, cut from the same opening
    hours), so the start alone names the window's time.
    """

    id = fields.IntField(primary_key=True)
    window: fields.ForeignKeyRelation[ServiceWindow] = fields.ForeignKeyField(
        "palm.ServiceWindow", related_name="seats", on_delete=fields.RESTRICT
    )
    window_id: int
    site_id = fields.IntField()
    starts_at = fields.DatetimeField()
    booking_id = fields.UUIDField(null=True, unique=True)

    class Meta:
        table = "appointment_window_seat"
        unique_together = (("window", "starts_at"),)
        indexes = (("site_id", "starts_at"),)


class SlotStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Slot(Model):
    """A time at a site for one item with a number of seats.

    `capacity` is the number of active windows serving the item and `booked` how many of them
    are taken at that time, by a booking of this item or of another item the window also serves.
    Both are kept in the transaction that takes or gives back a window's time (WindowSeat, the
    guard), so the availability query reads one row per time.
    """

    id = fields.IntField(primary_key=True)
    site: fields.ForeignKeyRelation[Site] = fields.ForeignKeyField(
        "palm.Site", related_name="slots", on_delete=fields.CASCADE
    )
    site_id: int
    item_code = fields.CharField(max_length=40)
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    capacity = fields.IntField()
    booked = fields.IntField(default=0)
    status = fields.CharEnumField(SlotStatus, max_length=8, default=SlotStatus.OPEN)

    class Meta:
        table = "appointment_slot"
        unique_together = (("site", "item_code", "starts_at"),)
        indexes = (("item_code", "starts_at"), ("site_id", "starts_at"))


class BookingStatus(StrEnum):
    OFFERED = "offered"  # a freed seat held for a waitlisted person to confirm
    CONFIRMED = "confirmed"
    CHECKED_IN = "checked_in"
    CALLED = "called"
    SERVED = "served"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    RELEASED = "released"  # "can't come": the person gave the seat back after the cut-off
    RESCHEDULED = "rescheduled"
    LAPSED = "lapsed"  # an offer nobody confirmed in time
    CLOSED = "closed"  # cancelled by customs (the site closed)


class Booking(Model):
    """A person's seat in a slot.

    `seat` is the number of the window whose time (WindowSeat) the booking holds.
    `active_seat` and `active_application` are NULL once the booking no longer holds its seat
    (NULLs are distinct), so the UNIQUE constraints on them only bind live bookings: the
    backstop against a window taken twice in a slot or two live bookings for one application.
    """

    id = fields.UUIDField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="bookings", on_delete=fields.RESTRICT
    )
    account_id: uuid.UUID
    slot: fields.ForeignKeyRelation[Slot] = fields.ForeignKeyField(
        "palm.Slot", related_name="bookings", on_delete=fields.RESTRICT
    )
    slot_id: int
    site: fields.ForeignKeyRelation[Site] = fields.ForeignKeyField(
        "palm.Site", related_name="bookings", on_delete=fields.RESTRICT
    )
    site_id: int
    item_code = fields.CharField(max_length=40)
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    seat = fields.IntField()
    active_seat = fields.IntField(null=True)
    application_id = fields.CharField(max_length=40, null=True)
    active_application = fields.CharField(max_length=40, null=True, unique=True)
    status = fields.CharEnumField(BookingStatus, max_length=12)
    idempotency_key = fields.CharField(max_length=64, null=True)
    credential = fields.TextField(default="")
    credential_kid = fields.CharField(max_length=40, default="")
    created_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)
    offer_expires_at = fields.DatetimeField(null=True)
    waitlist_entry_id = fields.UUIDField(null=True)
    replaces_id = fields.UUIDField(null=True)
    late_minutes = fields.IntField(null=True)
    checked_in_at = fields.DatetimeField(null=True)
    checkin_key = fields.CharField(max_length=64, null=True, unique=True)
    queue_number = fields.IntField(null=True)
    called_at = fields.DatetimeField(null=True)
    window_number = fields.IntField(null=True)
    outcome_at = fields.DatetimeField(null=True)
    outcome_by = fields.UUIDField(null=True)

    class Meta:
        table = "appointment_booking"
        unique_together = (("slot", "active_seat"), ("account", "idempotency_key"))
        indexes = (("account_id", "status"), ("site_id", "starts_at"))


class WaitlistStatus(StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"
    FULFILLED = "fulfilled"
    LAPSED = "lapsed"
    CANCELLED = "cancelled"


class WaitlistEntry(Model):
    """A person waiting for an earlier slot of an item at one site or any site within a distance."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="waitlist_entries", on_delete=fields.CASCADE
    )
    account_id: uuid.UUID
    item_code = fields.CharField(max_length=40)
    site_id = fields.IntField(null=True)
    latitude = fields.FloatField(null=True)
    longitude = fields.FloatField(null=True)
    max_distance_km = fields.FloatField(null=True)
    earlier_than = fields.DatetimeField()
    # The booking an accepted offer replaces (the person keeps it until then).
    booking_id = fields.UUIDField(null=True)
    application_id = fields.CharField(max_length=40, null=True)
    status = fields.CharEnumField(WaitlistStatus, max_length=10)
    created_at = fields.DatetimeField()
    offered_booking_id = fields.UUIDField(null=True)

    class Meta:
        table = "appointment_waitlist"
        indexes = (("item_code", "status", "created_at"),)


class QueueCounter(Model):
    """The last queue number issued at a site on a local day."""

    id = fields.IntField(primary_key=True)
    site_id = fields.IntField()
    day = fields.DateField()
    last_number = fields.IntField(default=0)

    class Meta:
        table = "appointment_queue_counter"
        unique_together = (("site_id", "day"),)


class FairnessRule(Model):
    """How much of one item a person (the human, across their accounts) may hold and how often
    they may change it: limits and cool-downs as data, set by an administrator. The row with
    item_code "*" applies to items without a row of their own, and with neither `DEFAULTS`
    in services/fairness.py applies.
    """

    id = fields.IntField(primary_key=True)
    item_code = fields.CharField(max_length=40, unique=True)
    # Live claims on seats (confirmed, offered, held) of this item at once.
    max_per_item = fields.IntField()
    # Live claims on seats of any item starting on one local day of the site.
    max_per_day = fields.IntField()
    # Reschedules of this item within `change_window_hours`.
    max_reschedules = fields.IntField()
    # Cancellations of this item within `change_window_hours`; at the limit, booking the item
    # again waits until the oldest of them leaves the window (no cancel-and-rebook cycling).
    max_cancellations = fields.IntField()
    change_window_hours = fields.IntField()
    # The scarcest items: only a person whose identity document had a real check
    # (Person.identity_level VERIFIED) may book them or enter their draws.
    verified_only = fields.BooleanField(default=False, db_default=SqlDefault("false"))
    updated_by = fields.CharField(max_length=80)
    updated_at = fields.DatetimeField()

    class Meta:
        table = "appointment_fairness_rule"


class DrawStatus(StrEnum):
    OPEN = "open"  # collecting entries; the seats of its times are not for sale
    DRAWN = "drawn"


class Draw(Model):
    """For the scarcest items, a fair draw instead of first-come: entries are collected until
    `closes_at`, then the seats of the item at the site starting in [slots_from, slots_to) are
    held, in the order of a seeded lottery, for the people who entered (one entry per human).

    The draw is verifiable: `seed` (random, recorded when drawn) and the entry ids (sorted,
    digest in `entrants_digest`) give the order, HMAC-SHA256(seed, entry id) ascending."""

    id = fields.IntField(primary_key=True)
    site_id = fields.IntField()
    item_code = fields.CharField(max_length=40)
    slots_from = fields.DatetimeField()
    slots_to = fields.DatetimeField()
    closes_at = fields.DatetimeField()
    status = fields.CharEnumField(DrawStatus, max_length=8, default=DrawStatus.OPEN)
    seed = fields.CharField(max_length=64, null=True)
    entrants_digest = fields.CharField(max_length=64, null=True)
    drawn_at = fields.DatetimeField(null=True)
    created_by = fields.CharField(max_length=80)
    created_at = fields.DatetimeField()

    class Meta:
        table = "appointment_draw"
        indexes = (("site_id", "item_code", "status"),)


class DrawEntryStatus(StrEnum):
    ENTERED = "entered"
    WON = "won"  # a seat is held for them (an offer to confirm)
    LOST = "lost"


class DrawEntry(Model):
    """One human's entry in a draw (UNIQUE per human: several accounts are one entry)."""

    id = fields.UUIDField(primary_key=True)
    draw: fields.ForeignKeyRelation[Draw] = fields.ForeignKeyField(
        "palm.Draw", related_name="entries", on_delete=fields.CASCADE
    )
    draw_id: int
    account_id = fields.UUIDField()
    human_key = fields.CharField(max_length=40)
    status = fields.CharEnumField(DrawEntryStatus, max_length=8, default=DrawEntryStatus.ENTERED)
    rank = fields.IntField(null=True)
    booking_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "appointment_draw_entry"
        unique_together = (("draw", "human_key"),)
