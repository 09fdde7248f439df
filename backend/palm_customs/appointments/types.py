"""The appointments' GraphQL types: the object types (objects.py, re-exported here), the
errors and how the domain's exceptions map to them, inputs, payloads and results."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments.errors import (
    AppointmentErrorCode,
    AppointmentProblem,
    SlotFull,
)
from palm_customs.appointments.objects import (
    AppointmentSite,
    AppointmentSlot,
    Booking,
    BookingOutcome,
    BookingUpdate,
    DayBooking,
    Directions,
    OpeningPeriod,
    ServiceWindowInfo,
    SiteAvailability,
    SiteClosureInfo,
    SiteDay,
    WaitlistEntryInfo,
    application_number,
    present_booking,
)
from palm_customs.appointments.services.fairness import RuleInForce, RuleSource
from palm_customs.context import Context
from palm_customs.core.i18n import Language, translate
from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import LocalizedText, ValidationError

# The object types are defined in objects.py and imported from here like the rest.
__all__ = [
    "AppointmentSite",
    "AppointmentSlot",
    "Booking",
    "BookingOutcome",
    "BookingUpdate",
    "DayBooking",
    "Directions",
    "OpeningPeriod",
    "ServiceWindowInfo",
    "SiteAvailability",
    "SiteClosureInfo",
    "SiteDay",
    "WaitlistEntryInfo",
    "application_number",
    "present_booking",
]


# ------------------------------------------------------------------ errors


@strawberry.type(description="An appointment action was refused.")
class AppointmentError:
    code: AppointmentErrorCode
    message: str
    field: str | None
    retry_at: datetime | None = strawberry.field(
        default=None,
        description="When the rule that refused lets the person try again, where it is known.",
    )


@strawberry.type(description="Someone took the last seat first: here are the next free times.")
class SlotFullError:
    code: AppointmentErrorCode
    message: str
    field: str | None
    alternatives: list[AppointmentSlot]


def _message(error: AppointmentProblem, language: Language) -> str:
    return translate(f"appointment.{error.code}", language, **error.params)


# How the API answers each of the domain's exceptions (installed by schema.build_schema).
ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        SlotFull,
        lambda e, c: SlotFullError(
            code=e.error_code,
            message=_message(e, c.language),
            field=e.field,
            alternatives=[
                AppointmentSlot(
                    id=strawberry.ID(str(a.slot_id)),
                    site_id=strawberry.ID(str(a.site_id)),
                    item_code=a.item_code,
                    starts_at=a.starts_at,
                    ends_at=a.ends_at,
                    seats_left=a.seats_left,
                )
                for a in e.alternatives
            ],
        ),
    ),
    maps(
        AppointmentProblem,
        lambda e, c: AppointmentError(
            code=e.error_code, message=_message(e, c.language), field=e.field, retry_at=e.retry_at
        ),
    ),
)


# ------------------------------------------------------------------ inputs


@strawberry.input(description="A point on the map (WGS 84).")
class GeoPointInput:
    latitude: float
    longitude: float


@strawberry.input
class WaitlistJoinInput:
    item_code: str
    site_id: strawberry.ID | None = None
    near: GeoPointInput | None = None
    max_distance_km: float | None = None
    earlier_than: datetime | None = strawberry.field(
        default=None, description="Only times before this; defaults to the booking's time."
    )
    booking_id: strawberry.ID | None = strawberry.field(
        default=None, description="The booking an accepted offer replaces."
    )
    application_id: str | None = None


@strawberry.input
class SiteClosureInput:
    site_id: strawberry.ID
    starts_at: datetime
    ends_at: datetime
    reason: str
    reason_zh_hans: str
    reason_zh_hant: str


# ------------------------------------------------------------------ payloads


@strawberry.type
class BookingSuccess:
    booking: Booking
    replayed: bool = strawberry.field(description="True when this key was already used.")


@strawberry.type
class BookingChanged:
    booking: Booking


@strawberry.type
class WaitlistJoined:
    entry: WaitlistEntryInfo


@strawberry.type
class CheckInSuccess:
    booking: DayBooking
    queue_number: int
    replayed: bool


@strawberry.type
class QueueCalled:
    booking: DayBooking
    window_number: int


@strawberry.type
class BookingOutcomeRecorded:
    booking: DayBooking


@strawberry.type
class SiteClosureAdded:
    closure: SiteClosureInfo
    cancelled_bookings: int


BookingCreateResult = Annotated[
    BookingSuccess | SlotFullError | AppointmentError | ValidationError,
    strawberry.union("BookingCreateResult"),
]
BookingChangeResult = Annotated[
    BookingChanged | AppointmentError | ValidationError, strawberry.union("BookingChangeResult")
]
WaitlistResult = Annotated[
    WaitlistJoined | AppointmentError | ValidationError, strawberry.union("WaitlistResult")
]
CheckInResult = Annotated[
    CheckInSuccess | AppointmentError | ValidationError, strawberry.union("CheckInResult")
]
QueueCallResult = Annotated[QueueCalled | AppointmentError, strawberry.union("QueueCallResult")]
BookingOutcomeResult = Annotated[
    BookingOutcomeRecorded | AppointmentError, strawberry.union("BookingOutcomeResult")
]
SiteClosureResult = Annotated[
    SiteClosureAdded | AppointmentError | ValidationError, strawberry.union("SiteClosureResult")
]


# ------------------------------------------------------------------ fair draw


async def _draw_item_name(root: AppointmentDraw, info: Info[Context, Any]) -> LocalizedText:
    item = await info.context.loaders.service_item_by_code.load(root.item_code)
    names: dict[str, str] = (item.data.get("names") if item is not None else None) or {}
    return LocalizedText(
        zh_hans=names.get("zh-Hans") or root.item_code,
        zh_hant=names.get("zh-Hant") or root.item_code,
        en=names.get("en") or root.item_code,
    )


async def _draw_site_name(root: AppointmentDraw, info: Info[Context, Any]) -> LocalizedText:
    site = await info.context.loaders.site_by_id.load(int(root.site_id))
    if site is None:
        return LocalizedText(zh_hans="", zh_hant="", en="")
    return LocalizedText(zh_hans=site.name_zh_hans, zh_hant=site.name_zh_hant, en=site.name_en)


@strawberry.type(
    description="A fair draw of the seats of an item at a site over a period. Once drawn, "
    "`seed` and `entryIds` let anyone recompute the order: entries sorted by "
    "HMAC-SHA256(key = seed bytes, message = entry id), lowest first."
)
class AppointmentDraw:
    id: strawberry.ID
    site_id: strawberry.ID
    item_code: str
    slots_from: datetime
    slots_to: datetime
    closes_at: datetime
    drawn: bool
    seed: str | None
    entrants_digest: str | None = strawberry.field(
        description="SHA-256 of the sorted entry ids joined by newlines."
    )
    drawn_at: datetime | None
    entry_ids: list[strawberry.ID] = strawberry.field(
        description="Every entry of a drawn draw, sorted (empty until drawn)."
    )

    item_name: LocalizedText = strawberry.field(
        resolver=_draw_item_name,
        description="The name of the service item whose seats are drawn.",
    )
    site_name: LocalizedText = strawberry.field(
        resolver=_draw_site_name, description="The name of the site whose seats are drawn."
    )


@strawberry.enum
class DrawEntryState(Enum):
    ENTERED = "entered"
    WON = "won"
    LOST = "lost"


@strawberry.type(description="Your entry in a draw and, once drawn, its result.")
class DrawEntryInfo:
    id: strawberry.ID
    draw: AppointmentDraw
    state: DrawEntryState
    rank: int | None
    booking_id: strawberry.ID | None = strawberry.field(
        description="The seat held for you (confirm it as an offer) when you won."
    )


@strawberry.type
class DrawCreated:
    draw: AppointmentDraw


@strawberry.type
class DrawEntered:
    entry: DrawEntryInfo


@strawberry.input
class DrawCreateInput:
    site_id: strawberry.ID
    item_code: str
    slots_from: datetime
    slots_to: datetime
    closes_at: datetime = strawberry.field(description="Entries close; the draw runs then.")


DrawCreateResult = Annotated[
    DrawCreated | AppointmentError | ValidationError, strawberry.union("DrawCreateResult")
]
DrawEnterResult = Annotated[
    DrawEntered | AppointmentError | ValidationError, strawberry.union("DrawEnterResult")
]


@strawberry.type(description="How much of an item one person may hold and change (all accounts).")
class FairnessRuleInfo:
    item_code: str
    max_per_item: int
    max_per_day: int
    max_reschedules: int
    max_cancellations: int
    change_window_hours: int
    verified_only: bool
    updated_at: datetime


FairnessRuleSource = strawberry.enum(
    RuleSource,
    name="FairnessRuleSource",
    description="Where an item's limits come from: its own rule, the rule for every other "
    "item, or the built-in limits (no rule set).",
)


@strawberry.type(description="The limits in force for an item now, and which rule sets them.")
class FairnessRuleInForce:
    item_code: str
    source: FairnessRuleSource  # type: ignore[valid-type]
    max_per_item: int
    max_per_day: int
    max_reschedules: int
    max_cancellations: int
    change_window_hours: int
    verified_only: bool
    updated_at: datetime | None = strawberry.field(
        description="When the rule was last set; null for the built-in limits."
    )

    @classmethod
    def of(cls, item_code: str, rule: RuleInForce) -> FairnessRuleInForce:
        limits = rule.limits
        return cls(
            item_code=item_code,
            source=rule.source,
            max_per_item=limits.max_per_item,
            max_per_day=limits.max_per_day,
            max_reschedules=limits.max_reschedules,
            max_cancellations=limits.max_cancellations,
            change_window_hours=int(limits.change_window.total_seconds() // 3600),
            verified_only=limits.verified_only,
            updated_at=rule.updated_at,
        )


@strawberry.input
class FairnessRuleInput:
    item_code: str = strawberry.field(description='A catalogue code, or "*" for every other item.')
    max_per_item: int
    max_per_day: int
    max_reschedules: int
    max_cancellations: int
    change_window_hours: int
    verified_only: bool = strawberry.field(
        default=False,
        description="The scarcest items: only people whose identity document had a real "
        "check (an officer at a window, or the real-name service) may book it or enter its "
        "draws.",
    )


@strawberry.type
class FairnessRuleSaved:
    rule: FairnessRuleInfo


FairnessRuleResult = Annotated[
    FairnessRuleSaved | ValidationError, strawberry.union("FairnessRuleResult")
]
