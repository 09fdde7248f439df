from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.types import Info
from tortoise import connections

from palm_customs.appointments import services
from palm_customs.appointments.errors import AppointmentProblem
from palm_customs.appointments.models import Booking as BookingRow
from palm_customs.appointments.models import BookingStatus, Site, SlotTemplate, WaitlistEntry
from palm_customs.appointments.models import Draw as DrawRow
from palm_customs.appointments.models import DrawEntry as DrawEntryRow
from palm_customs.appointments.mutations.draw_create import present_draw
from palm_customs.appointments.mutations.draw_enter import present_entry
from palm_customs.appointments.services import fairness
from palm_customs.appointments.types import (
    AppointmentDraw,
    AppointmentSite,
    AppointmentSlot,
    Booking,
    BookingUpdate,
    DayBooking,
    DrawEntryInfo,
    FairnessRuleInForce,
    GeoPointInput,
    ServiceWindowInfo,
    SiteAvailability,
    SiteDay,
    WaitlistEntryInfo,
)
from palm_customs.context import Context
from palm_customs.core import broadcast, clock
from palm_customs.core.api_errors import AccessCode, AccessDenied, InputRejected
from palm_customs.core.errors import DomainError, FieldProblem, ValidationErrorCode
from palm_customs.core.i18n import Language, translate
from palm_customs.core.pagination import check_page_size
from palm_customs.core.permissions import Level, Role, access

OFFICERS = (Role.WINDOW_CLERK, Role.SUPERVISOR)


def _bounded(name: str, value: int, high: int, language: Language) -> int:
    if not 1 <= value <= high:
        raise InputRejected(
            FieldProblem(name, ValidationErrorCode.OUT_OF_RANGE, {"low": 1, "high": high}),
            language,
        )
    return value


def _update_text(status: str, queue: int | None, window: int | None, language: Language) -> str:
    key = {
        BookingStatus.CONFIRMED.value: "appointment.update.confirmed",
        BookingStatus.CHECKED_IN.value: "appointment.update.checked_in",
        BookingStatus.CALLED.value: "appointment.update.called",
        BookingStatus.SERVED.value: "appointment.update.served",
    }.get(status, "appointment.update.ended")
    return translate(key, language, queue=queue or "", window=window or "")


@strawberry.type
class AppointmentQuery:
    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="Service locations, optionally only those handling an item (catalogue code).",
    )
    async def appointment_sites(self, item_code: str | None = None) -> list[AppointmentSite]:
        query = Site.filter(active=True)
        if item_code:
            ids = await SlotTemplate.filter(
                item_code=item_code.strip().upper()[:40], active=True
            ).values_list("site_id", flat=True)
            query = query.filter(id__in=list(ids))
        return [AppointmentSite.from_row(s) for s in await query.order_by("code").limit(100)]

    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="The next free times of an item: at one site (`siteCode`) or at the "
        "nearest sites to `near` (within `maxDistanceKm`). `perSite` ≤ 20, `sites` ≤ 10.",
    )
    async def appointment_availability(
        self,
        info: Info[Context, Any],
        item_code: str,
        site_code: str | None = None,
        near: GeoPointInput | None = None,
        max_distance_km: float | None = None,
        after: datetime | None = None,
        per_site: int = 5,
        sites: int = 3,
    ) -> list[SiteAvailability]:
        language = info.context.language
        _bounded("perSite", per_site, services.MAX_SLOTS_PER_SITE, language)
        _bounded("sites", sites, services.MAX_SITES, language)
        try:
            found = await services.cached_availability(
                item_code=item_code[:60],
                site_code=site_code,
                near=(near.latitude, near.longitude) if near else None,
                max_distance_km=max_distance_km,
                after=after,
                per_site=per_site,
                sites=sites,
            )
        except DomainError:
            raise InputRejected(
                FieldProblem("itemCode", ValidationErrorCode.INVALID_FORMAT), language
            ) from None
        return [
            SiteAvailability(
                site=AppointmentSite.from_row(entry.site),
                distance_km=round(entry.distance_km, 2) if entry.distance_km is not None else None,
                slots=[AppointmentSlot.from_row(s) for s in entry.slots],
            )
            for entry in found
        ]

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Your bookings: upcoming ones (and offers), soonest first; with "
        "`includePast`, every booking, newest first.",
    )
    async def my_bookings(
        self, info: Info[Context, Any], include_past: bool = False, first: int = 20
    ) -> list[Booking]:
        context = info.context
        limit = check_page_size(first, context.language)
        query = BookingRow.filter(account_id=context.principal.account_id)
        if include_past:
            rows = await query.order_by("-starts_at").limit(limit)
        else:
            rows = (
                await query.filter(
                    status__in=(*services.LIVE, BookingStatus.OFFERED),
                    ends_at__gt=clock.now(),
                )
                .order_by("starts_at")
                .limit(limit)
            )
        sites = await context.loaders.site_by_id.load_many([r.site_id for r in rows])
        return [
            Booking.from_row(r, site, context.language)
            for r, site in zip(rows, sites, strict=True)
            if site is not None
        ]

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="One of your bookings (others' are never found).",
    )
    async def booking(self, info: Info[Context, Any], id: strawberry.ID) -> Booking | None:
        try:
            row = await services.own_booking(None, info.context.principal, id)
        except AppointmentProblem:
            return None
        site = await Site.get(id=row.site_id)
        return Booking.from_row(row, site, info.context.language)

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Your places on waiting lists, newest first.",
    )
    async def my_waitlist(self, info: Info[Context, Any]) -> list[WaitlistEntryInfo]:
        rows = (
            await WaitlistEntry.filter(account_id=info.context.principal.account_id)
            .order_by("-created_at")
            .limit(50)
        )
        return [WaitlistEntryInfo.from_row(r) for r in rows]

    @strawberry.field(
        extensions=access(Level.VERIFIED, *OFFICERS),
        description="A site's day for officers: windows and every booking by time (who, for "
        "what, the application, queue and window).",
    )
    async def site_day(
        self, info: Info[Context, Any], site_id: strawberry.ID, date: date
    ) -> SiteDay | None:
        try:
            view = await services.day_view(
                principal=info.context.principal, site_id=site_id, day=date
            )
        except AppointmentProblem as refused:
            # a site the officer does not serve: answered like an unknown one, and audited
            await info.context.audit_refusal(
                operation="siteDay", outcome=refused.code, target_ids=(f"site:{site_id}",)
            )
            return None
        if view is None:
            return None
        return SiteDay(
            site=AppointmentSite.from_row(view.site),
            date=view.day,
            windows=[ServiceWindowInfo.from_row(w) for w in view.windows],
            bookings=[
                DayBooking.from_row(b, view.names.get(b.account_id, "")) for b in view.bookings
            ],
        )

    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="Draws of an item (open ones first, then the latest drawn), at most 20.",
    )
    async def appointment_draws(
        self, info: Info[Context, Any], item_code: str, site_id: strawberry.ID | None = None
    ) -> list[AppointmentDraw]:
        query = DrawRow.filter(item_code=item_code.strip().upper()[:40])
        if site_id is not None:
            try:
                query = query.filter(site_id=int(site_id))
            except ValueError:
                return []
        rows = await query.order_by("-status", "-closes_at").limit(20)
        return [await present_draw(r) for r in rows]

    @strawberry.field(
        extensions=access(Level.VERIFIED, Role.ADMINISTRATOR, Role.SUPERVISOR),
        description="The limits one person has for an item now (its own rule, the rule for "
        "every other item, or the built-in limits).",
    )
    async def fairness_rule(self, info: Info[Context, Any], item_code: str) -> FairnessRuleInForce:
        code = item_code.strip().upper()[:40]
        rule = await fairness.rule_in_force(connections.get("default"), code)
        return FairnessRuleInForce.of(code, rule)

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Your draw entries and their results, newest first.",
    )
    async def my_draw_entries(
        self, info: Info[Context, Any], first: int = 20
    ) -> list[DrawEntryInfo]:
        context = info.context
        limit = check_page_size(first, context.language)
        rows = (
            await DrawEntryRow.filter(account_id=context.principal.account_id)
            .order_by("-created_at")
            .limit(limit)
            .prefetch_related("draw")
        )
        return [await present_entry(r, r.draw) for r in rows]


@strawberry.type
class AppointmentSubscription:
    @strawberry.subscription(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Live changes to one of your bookings: checked in, “your turn, window 3”, "
        "served. The current state comes first.",
    )
    async def my_booking_updates(
        self, info: Info[Context, Any], booking_id: strawberry.ID
    ) -> AsyncGenerator[BookingUpdate, None]:
        context = info.context
        try:
            row = await services.own_booking(None, context.principal, booking_id)
        except AppointmentProblem:
            raise AccessDenied(
                AccessCode.FORBIDDEN, context.language, required_level=int(Level.SESSION)
            ) from None
        language = context.language
        # Subscribe before reading the state, so nothing between the two is missed.
        async with broadcast.current().subscribe(services.channel(row.id)) as messages:
            await row.refresh_from_db()
            yield BookingUpdate(
                booking_id=strawberry.ID(str(row.id)),
                status=row.status,
                queue_number=row.queue_number,
                window_number=row.window_number,
                message=_update_text(
                    row.status.value, row.queue_number, row.window_number, language
                ),
            )
            async for message in messages:
                status = str(message.get("status", ""))
                queue = message.get("queueNumber")
                window = message.get("windowNumber")
                yield BookingUpdate(
                    booking_id=strawberry.ID(str(row.id)),
                    status=BookingStatus(status),
                    queue_number=queue if isinstance(queue, int) else None,
                    window_number=window if isinstance(window, int) else None,
                    message=_update_text(
                        status,
                        queue if isinstance(queue, int) else None,
                        window if isinstance(window, int) else None,
                        language,
                    ),
                )
