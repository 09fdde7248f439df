"""The fair draw for the scarcest items: entries collected until a time, then seats held for
the entrants in the order of a seeded, verifiable lottery (one entry per human)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    Draw,
    DrawEntry,
    DrawEntryStatus,
    DrawStatus,
    Site,
    Slot,
    SlotStatus,
)
from palm_customs.appointments.services import fairness
from palm_customs.appointments.services.booking import _check_cool_down
from palm_customs.appointments.services.notices import _notify
from palm_customs.appointments.services.officer_sites import _check_site
from palm_customs.appointments.services.rules import (
    CANCEL_CUT_OFF,
    DRAW_HOLD,
    DRAW_JOB,
    DRAW_MAX_SPAN,
    OFFER_EXPIRY_JOB,
    _item_code,
    _new_number,
    _now,
    _zone,
)
from palm_customs.appointments.services.seats import _count_window, _take_window
from palm_customs.core import jobs
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.principal import Principal
from palm_customs.identity.models import Person
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType, Urgency


def draw_order(seed: str, entry_ids: Sequence[str]) -> list[str]:
    """The lottery: entries ordered by HMAC-SHA256(seed, entry id). Anyone holding the seed
    and the list can recompute it; nobody can steer it without choosing the seed."""
    key = bytes.fromhex(seed)
    return sorted(
        entry_ids, key=lambda e: (hmac.new(key, e.encode(), hashlib.sha256).hexdigest(), e)
    )


def entrants_digest(entry_ids: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(sorted(entry_ids)).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class DrawCreated:
    draw: Draw

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"draw:{self.draw.id}", f"site:{self.draw.site_id}")


@dataclass(frozen=True, slots=True)
class DrawEntered:
    entry: DrawEntry
    draw: Draw

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"draw:{self.draw.id}", f"draw_entry:{self.entry.id}")


async def create_draw(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    site_id: str,
    item_code: str,
    slots_from: datetime,
    slots_to: datetime,
    closes_at: datetime,
    now: datetime | None = None,
) -> DrawCreated:
    """An administrator puts the seats of an item at a site over a period into a draw."""
    now = now or _now()
    try:
        site = await Site.get_or_none(id=int(site_id), using_db=connection)
    except ValueError:
        site = None
    if site is None:
        raise AppointmentProblem(AppointmentErrorCode.SITE_NOT_FOUND, field="siteId")
    await _check_site(connection, principal, site)
    code = _item_code(item_code)
    check = Validator()
    if closes_at <= now:
        check.problems.append(FieldProblem("closesAt", ValidationErrorCode.IN_THE_PAST))
    if slots_from < closes_at + CANCEL_CUT_OFF:
        check.problems.append(
            FieldProblem(
                "slotsFrom",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": (closes_at + CANCEL_CUT_OFF).isoformat(), "high": "-"},
            )
        )
    if not slots_from < slots_to <= slots_from + DRAW_MAX_SPAN:
        check.problems.append(
            FieldProblem(
                "slotsTo",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": slots_from.isoformat(), "high": (slots_from + DRAW_MAX_SPAN).isoformat()},
            )
        )
    check.raise_if_any()
    draw = await Draw.create(
        using_db=connection,
        site_id=site.id,
        item_code=code,
        slots_from=slots_from,
        slots_to=slots_to,
        closes_at=closes_at,
        created_by=principal.actor,
        created_at=now,
    )
    await jobs.enqueue(connection, kind=DRAW_JOB, payload={"draw": draw.id}, run_after=closes_at)
    return DrawCreated(draw=draw)


async def enter_draw(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    draw_id: str,
    now: datetime | None = None,
) -> DrawEntered:
    """Enter a draw once per human (another account of theirs is the same entry)."""
    now = now or _now()
    account_id = principal.account_id
    assert account_id is not None
    try:
        draw = await Draw.get_or_none(id=int(draw_id), using_db=connection)
    except ValueError:
        draw = None
    if draw is None:
        raise AppointmentProblem(AppointmentErrorCode.DRAW_NOT_FOUND, field="drawId")
    if draw.status is not DrawStatus.OPEN or now >= draw.closes_at:
        raise AppointmentProblem(AppointmentErrorCode.DRAW_CLOSED, field="drawId")
    person = await Person.get_or_none(account_id=account_id, using_db=connection)
    if person is None or not person.document_key or not person.human_key:
        # Only a registered, de-duplicated identity document takes part.
        raise AppointmentProblem(AppointmentErrorCode.NOT_VERIFIED)
    await fairness.check_verified(connection, account_id, draw.item_code)
    accounts = await fairness.lock_human(connection, account_id, now)
    await _check_cool_down(connection, accounts, now)
    if (
        await DrawEntry.filter(draw_id=draw.id, human_key=person.human_key)
        .using_db(connection)
        .exists()
    ):
        raise AppointmentProblem(AppointmentErrorCode.DRAW_ALREADY_ENTERED, field="drawId")
    try:
        entry = await DrawEntry.create(
            using_db=connection,
            id=uuid.uuid4(),
            draw_id=draw.id,
            account_id=account_id,
            human_key=person.human_key,
            created_at=now,
        )
    except IntegrityError:
        raise AppointmentProblem(
            AppointmentErrorCode.DRAW_ALREADY_ENTERED, field="drawId"
        ) from None
    return DrawEntered(entry=entry, draw=draw)


async def _hold(
    connection: BaseDBAsyncClient, slot: Slot, entry: DrawEntry, now: datetime
) -> Booking | None:
    offer_id = uuid.uuid4()
    window = await _take_window(connection, slot, offer_id)
    if window is None:
        return None
    if not await _count_window(
        connection,
        site_id=slot.site_id,
        starts_at=slot.starts_at,
        window_id=window.id,
        taken=True,
        slot_id=slot.id,
    ):
        # Never while the draw is open (its seats are not sold); abort the whole run (the job
        # retries) rather than leave a window-time taken without its count.
        raise AppointmentProblem(AppointmentErrorCode.SLOT_FULL)
    offer = Booking(
        id=offer_id,
        number=_new_number(now),
        account_id=entry.account_id,
        slot_id=slot.id,
        site_id=slot.site_id,
        item_code=slot.item_code,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        seat=window.number,
        active_seat=window.number,
        status=BookingStatus.OFFERED,
        created_at=now,
        offer_expires_at=min(now + DRAW_HOLD, slot.starts_at - CANCEL_CUT_OFF),
    )
    await offer.save(using_db=connection, force_create=True)
    await jobs.enqueue(
        connection,
        kind=OFFER_EXPIRY_JOB,
        payload={"booking": str(offer.id)},
        run_after=offer.offer_expires_at,
    )
    return offer


async def _tell_loser(connection: BaseDBAsyncClient, draw: Draw, entry: DrawEntry) -> None:
    site = await Site.get(id=draw.site_id, using_db=connection)
    zone = _zone(site)
    await notifications.notify(
        connection,
        recipient_id=entry.account_id,
        message=notifications.Message(
            type=NotificationType.APPOINTMENT_OFFER,
            subject=f"draw:{draw.id}",
            subject_version=1,
            title_key="notify.appointment.draw_lost.title",
            body_key="notify.appointment.draw_lost.body",
            params={
                "site": site.name_en,
                "site_zh": site.name_zh_hans,
                "site_hant": site.name_zh_hant,
                "from": f"{draw.slots_from.astimezone(zone):%Y-%m-%d}",
                "to": f"{draw.slots_to.astimezone(zone):%Y-%m-%d}",
            },
            link="/appointments",
            urgency=Urgency.NORMAL,
        ),
    )


async def run_draw(draw_id: int, *, now: datetime | None = None) -> Draw | None:
    """Draw an open draw whose entries have closed: seed, order, hold seats, tell everyone."""
    now = now or _now()
    async with in_transaction() as connection:
        draw = (
            await Draw.filter(id=draw_id, status=DrawStatus.OPEN)
            .using_db(connection)
            .select_for_update()
            .first()
        )
        if draw is None or now < draw.closes_at:
            return None
        entries = {
            str(e.id): e
            for e in await DrawEntry.filter(draw_id=draw.id, status=DrawEntryStatus.ENTERED)
            .using_db(connection)
            .order_by("id")
        }
        seed = secrets.token_hex(32)
        order = draw_order(seed, list(entries))
        slots = (
            await Slot.filter(
                site_id=draw.site_id,
                item_code=draw.item_code,
                status=SlotStatus.OPEN,
                starts_at__gte=draw.slots_from,
                starts_at__lt=draw.slots_to,
                starts_at__gt=now + CANCEL_CUT_OFF,
            )
            .using_db(connection)
            .order_by("starts_at", "id")
        )
        for rank, entry_id in enumerate(order, start=1):
            entry = entries[entry_id]
            offer = await _allocate(connection, slots, entry, now)
            entry.rank = rank
            entry.status = DrawEntryStatus.WON if offer else DrawEntryStatus.LOST
            entry.booking_id = offer.id if offer else None
            await entry.save(using_db=connection, update_fields=["rank", "status", "booking_id"])
            if offer is not None:
                await _notify(
                    connection,
                    offer,
                    "draw_won",
                    now=now,
                    offer=True,
                    extra={"until": f"{offer.offer_expires_at:%Y-%m-%d %H:%M} UTC"},
                )
            else:
                await _tell_loser(connection, draw, entry)
        draw.status = DrawStatus.DRAWN
        draw.seed = seed
        draw.entrants_digest = entrants_digest(list(entries))
        draw.drawn_at = now
        await draw.save(
            using_db=connection, update_fields=["status", "seed", "entrants_digest", "drawn_at"]
        )
        return draw


async def _allocate(
    connection: BaseDBAsyncClient, slots: list[Slot], entry: DrawEntry, now: datetime
) -> Booking | None:
    """The earliest seat this entrant may hold (their limits still apply), or None."""
    accounts = await fairness.lock_human(connection, entry.account_id, now)
    for candidate in slots:
        slot = await Slot.get(id=candidate.id, using_db=connection)
        if slot.booked >= slot.capacity:
            continue
        try:
            await fairness.check_claims(connection, accounts, slot=slot, now=now)
        except AppointmentProblem as refusal:
            if refusal.error_code in (
                AppointmentErrorCode.TOO_MANY_BOOKINGS,
                AppointmentErrorCode.ITEM_LIMIT,
            ):
                return None
            continue  # that time or day is theirs already: another may do
        offer = await _hold(connection, slot, entry, now)
        if offer is not None:
            return offer
    return None


async def _draw_job(payload: dict[str, Any]) -> None:
    await run_draw(int(payload["draw"]))
