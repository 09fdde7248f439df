"""The appointments' GraphQL object types: sites, slots, bookings, waiting-list entries,
windows and a site's day as officers see it (re-exported by types.py, which adds the errors,
inputs and payloads)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.appointments import services
from palm_customs.appointments.errors import (
    AppointmentErrorCode,
)
from palm_customs.appointments.models import (
    Booking as BookingRow,
)
from palm_customs.appointments.models import (
    BookingStatus,
    ServiceWindow,
    Site,
    Slot,
    WaitlistEntry,
    WaitlistStatus,
)
from palm_customs.context import Context
from palm_customs.core.i18n import Language, translate
from palm_customs.core.types import LocalizedText

# The domain's error codes are a plain enum (errors.py); published here as a GraphQL enum.
strawberry.enum(AppointmentErrorCode, description="Why an appointment action was refused.")

strawberry.enum(BookingStatus, description="Where a booking stands.")
strawberry.enum(WaitlistStatus, description="Where a waiting-list entry stands.")


@strawberry.enum(description="What happened at the window.")
class BookingOutcome(Enum):
    SERVED = "served"
    NO_SHOW = "no_show"


def _texts(values: dict[str, str]) -> LocalizedText:
    return LocalizedText(
        zh_hans=values.get("zh-Hans", ""),
        zh_hant=values.get("zh-Hant", ""),
        en=values.get("en", ""),
    )


@strawberry.type(description="One opening period on a weekday, in the site's local time.")
class OpeningPeriod:
    weekday: int = strawberry.field(description="ISO weekday: 1 Monday … 7 Sunday.")
    opens: str
    closes: str


@strawberry.type(description="How to get there: the address and map coordinates.")
class Directions:
    address: LocalizedText
    latitude: float
    longitude: float
    map_uri: str = strawberry.field(description="A geo: URI (RFC 5870) any map app can open.")


@strawberry.type(description="A customs service hall with windows.")
class AppointmentSite:
    id: strawberry.ID
    code: str
    name: LocalizedText
    address: LocalizedText
    latitude: float
    longitude: float
    timezone: str
    opening_hours: list[OpeningPeriod]
    accessibility: LocalizedText
    phone: str

    @classmethod
    def from_row(cls, row: Site) -> AppointmentSite:
        return cls(
            id=strawberry.ID(str(row.id)),
            code=row.code,
            name=LocalizedText(zh_hans=row.name_zh_hans, zh_hant=row.name_zh_hant, en=row.name_en),
            address=LocalizedText(
                zh_hans=row.address_zh_hans, zh_hant=row.address_zh_hant, en=row.address_en
            ),
            latitude=row.latitude,
            longitude=row.longitude,
            timezone=row.timezone,
            opening_hours=[
                OpeningPeriod(weekday=int(day), opens=opens, closes=closes)
                for day in sorted(row.opening_hours, key=int)
                for opens, closes in row.opening_hours[day]
            ],
            accessibility=_texts(row.accessibility),
            phone=row.phone,
        )


@strawberry.type(description="A bookable time.")
class AppointmentSlot:
    id: strawberry.ID
    site_id: strawberry.ID
    item_code: str
    starts_at: datetime
    ends_at: datetime
    seats_left: int

    @classmethod
    def from_row(cls, row: Slot) -> AppointmentSlot:
        return cls(
            id=strawberry.ID(str(row.id)),
            site_id=strawberry.ID(str(row.site_id)),
            item_code=row.item_code,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            seats_left=max(0, row.capacity - row.booked),
        )


@strawberry.type(description="The next free times of an item at one site.")
class SiteAvailability:
    site: AppointmentSite
    distance_km: float | None
    slots: list[AppointmentSlot]


def _in(texts: dict[str, str] | None, language: Language) -> str:
    """A text of the catalogue (keyed by language tag) in `language`, else any there is."""
    texts = texts or {}
    return texts.get(language.value) or texts.get("en") or next(iter(texts.values()), "")


async def application_number(info: Info[Context, Any], application_id: str | None) -> str | None:
    if application_id is None:
        return None
    number: str | None = await info.context.loaders.application_number_by_id.load(application_id)
    return number


async def _booking_calendar_ics(root: Booking, info: Info[Context, Any]) -> str:
    language = info.context.language
    site = root.site_row
    site_name = {Language.ZH_HANS: site.name_zh_hans, Language.ZH_HANT: site.name_zh_hant}
    address_in = {
        Language.ZH_HANS: site.address_zh_hans,
        Language.ZH_HANT: site.address_zh_hant,
    }
    address = address_in.get(language, site.address_en)
    item = await info.context.loaders.service_item_by_code.load(root.item_code)
    data: dict[str, Any] = item.data if item is not None else {}
    service = _in(data.get("names"), language) or root.item_code
    lines = [translate("appointment.ics.number", language, number=root.number)]
    number = await application_number(info, root.application_id)
    if number:
        lines.append(translate("appointment.ics.application", language, number=number))
    lines.append(translate("appointment.ics.address", language, address=address))
    codes = [m["material"] for m in data.get("materials", []) if m.get("required")]
    if codes:
        kinds = await info.context.loaders.material_type_by_code.load_many(codes)
        names = [_in(kind.names, language) for kind in kinds if kind is not None]
        if names:
            lines.append(translate("appointment.ics.bring", language, materials="; ".join(names)))
    origin = info.context.settings.public_origin.rstrip("/")
    lines.append(f"{origin}/appointments/bookings/{root.id}")
    return services.calendar_ics(
        root.row,
        site,
        title=f"{service} · {site_name.get(language, site.name_en)}",
        address=address,
        description="\n".join(lines),
    )


async def _booking_application_number(
    root: Booking | DayBooking, info: Info[Context, Any]
) -> str | None:
    return await application_number(info, root.application_id)


@strawberry.type(description="A person's appointment.")
class Booking:
    id: strawberry.ID
    number: str
    status: BookingStatus
    item_code: str
    starts_at: datetime
    ends_at: datetime
    site: AppointmentSite
    application_id: str | None
    credential: str = strawberry.field(description="The signed booking QR text (PC1:…).")
    directions: Directions
    offer_expires_at: datetime | None = strawberry.field(
        description="For an offered seat: confirm before this time."
    )
    offer_after_closure: bool = strawberry.field(
        description="For an offered seat: held because a closure cancelled the person's booking "
        "(not a waiting-list offer of an earlier time)."
    )
    queue_number: int | None
    window_number: int | None
    late_minutes: int | None
    checked_in_at: datetime | None
    created_at: datetime
    row: strawberry.Private[BookingRow]
    site_row: strawberry.Private[Site]
    application_number: str | None = strawberry.field(
        resolver=_booking_application_number,
        description="The number of the pre-reviewed application it is for.",
    )
    calendar_ics: str = strawberry.field(
        resolver=_booking_calendar_ics,
        description="An iCalendar (.ics) file of the event: the service and place in the "
        "reader's language, what to bring, and a link back to the booking.",
    )

    @classmethod
    def from_row(cls, row: BookingRow, site: Site, language: Language) -> Booking:
        site_type = AppointmentSite.from_row(site)
        return cls(
            id=strawberry.ID(str(row.id)),
            number=row.number,
            status=row.status,
            item_code=row.item_code,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            site=site_type,
            application_id=row.application_id,
            credential=row.credential,
            directions=Directions(
                address=site_type.address,
                latitude=site.latitude,
                longitude=site.longitude,
                map_uri=f"geo:{site.latitude:.6f},{site.longitude:.6f}",
            ),
            offer_expires_at=row.offer_expires_at,
            offer_after_closure=row.status is BookingStatus.OFFERED
            and row.waitlist_entry_id is None
            and row.replaces_id is not None,
            queue_number=row.queue_number,
            window_number=row.window_number,
            late_minutes=row.late_minutes,
            checked_in_at=row.checked_in_at,
            created_at=row.created_at,
            row=row,
            site_row=site,
        )


@strawberry.type(description="A place on the waiting list for an earlier time.")
class WaitlistEntryInfo:
    id: strawberry.ID
    item_code: str
    site_id: strawberry.ID | None
    max_distance_km: float | None
    earlier_than: datetime
    booking_id: strawberry.ID | None
    status: WaitlistStatus
    created_at: datetime
    offered_booking_id: strawberry.ID | None

    @classmethod
    def from_row(cls, row: WaitlistEntry) -> WaitlistEntryInfo:
        return cls(
            id=strawberry.ID(str(row.id)),
            item_code=row.item_code,
            site_id=strawberry.ID(str(row.site_id)) if row.site_id else None,
            max_distance_km=row.max_distance_km,
            earlier_than=row.earlier_than,
            booking_id=strawberry.ID(str(row.booking_id)) if row.booking_id else None,
            status=row.status,
            created_at=row.created_at,
            offered_booking_id=strawberry.ID(str(row.offered_booking_id))
            if row.offered_booking_id
            else None,
        )


@strawberry.type(description="A window (counter) and the items it handles.")
class ServiceWindowInfo:
    number: int
    item_codes: list[str]
    active: bool

    @classmethod
    def from_row(cls, row: ServiceWindow) -> ServiceWindowInfo:
        return cls(number=row.number, item_codes=list(row.item_codes), active=row.active)


@strawberry.type(description="A booking as officers see it on the day.")
class DayBooking:
    id: strawberry.ID
    number: str
    status: BookingStatus
    item_code: str
    starts_at: datetime
    ends_at: datetime
    person_name: str
    application_id: str | None
    queue_number: int | None
    window_number: int | None
    late_minutes: int | None
    checked_in_at: datetime | None
    called_at: datetime | None

    application_number: str | None = strawberry.field(
        resolver=_booking_application_number,
        description="The number of the pre-reviewed application it is for.",
    )

    @classmethod
    def from_row(cls, row: BookingRow, person_name: str) -> DayBooking:
        return cls(
            id=strawberry.ID(str(row.id)),
            number=row.number,
            status=row.status,
            item_code=row.item_code,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            person_name=person_name,
            application_id=row.application_id,
            queue_number=row.queue_number,
            window_number=row.window_number,
            late_minutes=row.late_minutes,
            checked_in_at=row.checked_in_at,
            called_at=row.called_at,
        )


@strawberry.type(description="A site's day: its windows and the bookings by time.")
class SiteDay:
    site: AppointmentSite
    date: date
    windows: list[ServiceWindowInfo]
    bookings: list[DayBooking]


@strawberry.type(description="A change to your booking, pushed as it happens.")
class BookingUpdate:
    booking_id: strawberry.ID
    status: BookingStatus
    queue_number: int | None
    window_number: int | None
    message: str


@strawberry.type(description="A closure of a site.")
class SiteClosureInfo:
    id: strawberry.ID
    starts_at: datetime
    ends_at: datetime
    reason: LocalizedText


async def present_booking(row: BookingRow, language: Language) -> Booking:
    site = await Site.get(id=row.site_id)
    return Booking.from_row(row, site, language)
