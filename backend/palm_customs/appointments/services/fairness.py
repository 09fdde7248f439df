"""Fairness per person, not per account: the human behind one or more accounts, every live
claim they have on a seat (confirmed, offered, held), and the limits and cool-downs that are
data (FairnessRule) rather than constants.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import (
    Booking,
    BookingStatus,
    Draw,
    DrawStatus,
    FairnessRule,
    Site,
    Slot,
    SlotTemplate,
)
from palm_customs.appointments.services.rules import LIVE, MAX_ACTIVE_BOOKINGS, _zone
from palm_customs.catalogue.models import ServiceItem
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.identity.models import Account, IdentityLevel, Person, RetainedIdentity

# A claim on a seat: a booking that holds its window-time, or an offer/hold waiting for a yes.
CLAIMS = (*LIVE, BookingStatus.OFFERED)


@dataclass(frozen=True, slots=True)
class Limits:
    max_per_item: int
    max_per_day: int
    max_reschedules: int
    max_cancellations: int
    change_window: timedelta
    verified_only: bool = False


# Without a FairnessRule row: no tighter than the overall cap per item and per day, and three
# reschedules or cancellations of one item a week.
DEFAULTS = Limits(
    max_per_item=MAX_ACTIVE_BOOKINGS,
    max_per_day=MAX_ACTIVE_BOOKINGS,
    max_reschedules=3,
    max_cancellations=3,
    change_window=timedelta(days=7),
)
DEFAULT_RULE = "*"


class Change(StrEnum):
    RESCHEDULE = "reschedule"
    CANCELLATION = "cancellation"


class RuleSource(StrEnum):
    """Where the limits in force for an item come from."""

    ITEM = "item"  # the item's own row
    EVERY_ITEM = "every_item"  # the "*" row
    BUILT_IN = "built_in"  # DEFAULTS: no row at all


@dataclass(frozen=True, slots=True)
class RuleInForce:
    limits: Limits
    source: RuleSource
    updated_at: datetime | None


async def rule_in_force(connection: BaseDBAsyncClient, item_code: str) -> RuleInForce:
    """The limits that apply to an item now, and which rule they come from."""
    rows = {
        r.item_code: r
        for r in await FairnessRule.filter(item_code__in=[item_code, DEFAULT_RULE]).using_db(
            connection
        )
    }
    row = rows.get(item_code)
    source = RuleSource.ITEM
    if row is None:
        row, source = rows.get(DEFAULT_RULE), RuleSource.EVERY_ITEM
    if row is None:
        return RuleInForce(DEFAULTS, RuleSource.BUILT_IN, None)
    limits = Limits(
        max_per_item=row.max_per_item,
        max_per_day=row.max_per_day,
        max_reschedules=row.max_reschedules,
        max_cancellations=row.max_cancellations,
        change_window=timedelta(hours=row.change_window_hours),
        verified_only=row.verified_only,
    )
    return RuleInForce(limits, source, row.updated_at)


async def limits_for(connection: BaseDBAsyncClient, item_code: str) -> Limits:
    return (await rule_in_force(connection, item_code)).limits


async def check_verified(
    connection: BaseDBAsyncClient, account_id: uuid.UUID, item_code: str
) -> None:
    """The scarcest items (FairnessRule.verified_only) need a person whose identity document
    had a real check (an officer, or the real-name service); valid check digits are not it."""
    if not (await limits_for(connection, item_code)).verified_only:
        return
    person = await Person.get_or_none(account_id=account_id, using_db=connection)
    if person is None or person.identity_level is not IdentityLevel.VERIFIED:
        raise AppointmentProblem(AppointmentErrorCode.IDENTITY_NOT_VERIFIED, field="itemCode")


async def human_accounts(
    connection: BaseDBAsyncClient, account_id: uuid.UUID, now: datetime
) -> list[uuid.UUID]:
    """Every account of the human behind this one: those sharing its person's human key, and
    deleted ones whose document is still retained under that key. Sorted (the lock order)."""
    accounts = {account_id}
    person = await Person.get_or_none(account_id=account_id, using_db=connection)
    if person is not None and person.human_key:
        linked: list[Any] = await (
            Person.filter(human_key=person.human_key)
            .using_db(connection)
            .values_list("account_id", flat=True)
        )
        retained: list[Any] = await (
            RetainedIdentity.filter(human_key=person.human_key, retain_until__gt=now)
            .using_db(connection)
            .values_list("account_id", flat=True)
        )
        accounts.update(uuid.UUID(str(a)) for a in [*linked, *retained])
    return sorted(accounts)


async def lock_human(
    connection: BaseDBAsyncClient, account_id: uuid.UUID, now: datetime
) -> list[uuid.UUID]:
    """Serialise the human's claims: lock every one of their account rows in one order, so two
    of their accounts booking at once wait for each other (FOR NO KEY UPDATE on PostgreSQL: rows
    referencing the accounts are not blocked; a no-op on SQLite, whose writers queue anyway)."""
    accounts = await human_accounts(connection, account_id, now)
    # Whole rows: Tortoise drops FOR UPDATE from a values_list query.
    await (
        Account.filter(id__in=accounts)
        .using_db(connection)
        .order_by("id")
        .select_for_update(no_key=True)
    )
    return accounts


def _at(moment: datetime, site: Site) -> str:
    return f"{moment.astimezone(_zone(site)):%Y-%m-%d %H:%M}"


async def check_claims(
    connection: BaseDBAsyncClient,
    accounts: Sequence[uuid.UUID],
    *,
    slot: Slot,
    now: datetime,
    exclude: Sequence[uuid.UUID] = (),
) -> None:
    """Refuse another claim on a seat at `slot` when the human already holds the most they may:
    in all, of this item, on this local day, or any seat at an overlapping time."""
    query = Booking.filter(account_id__in=list(accounts), status__in=CLAIMS, ends_at__gt=now)
    if exclude:
        query = query.exclude(id__in=list(exclude))
    claims = await query.using_db(connection).order_by("ends_at")
    site = await Site.get(id=slot.site_id, using_db=connection)
    if len(claims) >= MAX_ACTIVE_BOOKINGS:
        raise AppointmentProblem(
            AppointmentErrorCode.TOO_MANY_BOOKINGS,
            params={"limit": MAX_ACTIVE_BOOKINGS, "at": _at(claims[0].ends_at, site)},
            retry_at=claims[0].ends_at,
        )
    for claim in claims:
        if claim.starts_at < slot.ends_at and claim.ends_at > slot.starts_at:
            raise AppointmentProblem(
                AppointmentErrorCode.ONE_SEAT_PER_TIME,
                field="slotId",
                params={"number": claim.number},
            )
    limits = await limits_for(connection, slot.item_code)
    same_item = [c for c in claims if c.item_code == slot.item_code]
    if len(same_item) >= limits.max_per_item:
        raise AppointmentProblem(
            AppointmentErrorCode.ITEM_LIMIT,
            params={"limit": limits.max_per_item, "at": _at(same_item[0].ends_at, site)},
            retry_at=same_item[0].ends_at,
        )
    zone = _zone(site)
    day = slot.starts_at.astimezone(zone).date()
    same_day = [c for c in claims if c.starts_at.astimezone(zone).date() == day]
    if len(same_day) >= limits.max_per_day:
        raise AppointmentProblem(
            AppointmentErrorCode.DAY_LIMIT,
            field="slotId",
            params={"limit": limits.max_per_day, "day": day.isoformat()},
        )


async def check_changes(
    connection: BaseDBAsyncClient,
    accounts: Sequence[uuid.UUID],
    *,
    item_code: str,
    change: Change,
    now: datetime,
) -> None:
    """Cool-downs: at the limit of reschedules (before another reschedule) or of cancellations
    (before booking the item again) within the window, wait until the oldest leaves it."""
    limits = await limits_for(connection, item_code)
    status, limit, code = (
        (BookingStatus.RESCHEDULED, limits.max_reschedules, AppointmentErrorCode.RESCHEDULE_LIMIT)
        if change is Change.RESCHEDULE
        else (
            BookingStatus.CANCELLED,
            limits.max_cancellations,
            AppointmentErrorCode.REBOOK_LIMIT,
        )
    )
    recent: list[Any] = await (
        Booking.filter(
            account_id__in=list(accounts),
            item_code=item_code,
            status=status,
            ended_at__gt=now - limits.change_window,
        )
        .using_db(connection)
        .order_by("-ended_at")
        .limit(max(limit, 1))
        .values_list("ended_at", flat=True)
    )
    if len(recent) >= limit:
        oldest: datetime = recent[-1] if recent else now
        until = oldest + limits.change_window
        hours = int(limits.change_window.total_seconds() // 3600)
        at = f"{until.astimezone(clock.SERVICE_ZONE):%Y-%m-%d %H:%M}"
        raise AppointmentProblem(
            code,
            params={"limit": limit, "hours": hours, "at": at},
            retry_at=until,
        )


async def open_draw_for(connection: BaseDBAsyncClient, slot: Slot) -> Draw | None:
    """The open draw that allocates this slot's seats, if one does (then they are not sold)."""
    return (
        await Draw.filter(
            site_id=slot.site_id,
            item_code=slot.item_code,
            status=DrawStatus.OPEN,
            slots_from__lte=slot.starts_at,
            slots_to__gt=slot.starts_at,
        )
        .using_db(connection)
        .first()
    )


async def check_not_in_draw(connection: BaseDBAsyncClient, slot: Slot) -> None:
    draw = await open_draw_for(connection, slot)
    if draw is not None:
        raise AppointmentProblem(
            AppointmentErrorCode.DRAW_ONLY,
            field="slotId",
            params={
                "at": _at(draw.closes_at, await Site.get(id=slot.site_id, using_db=connection))
            },
            retry_at=draw.closes_at,
        )


@dataclass(frozen=True, slots=True)
class RuleSet:
    rule: FairnessRule

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"fairness_rule:{self.rule.item_code}",)


async def _known_item(connection: BaseDBAsyncClient, code: str) -> bool:
    """An item of the catalogue, or one a site books (its slot templates): the items whose
    seats a rule can govern."""
    if await ServiceItem.filter(code=code).using_db(connection).exists():
        return True
    return await SlotTemplate.filter(item_code=code).using_db(connection).exists()


async def set_rule(
    connection: BaseDBAsyncClient,
    *,
    principal: Any,
    item_code: str,
    max_per_item: int,
    max_per_day: int,
    max_reschedules: int,
    max_cancellations: int,
    change_window_hours: int,
    now: datetime,
    verified_only: bool = False,
) -> RuleSet:
    """An administrator sets the limits of an item ("*": of every item without its own)."""
    code = item_code.strip().upper()
    check = Validator()
    if code != DEFAULT_RULE:
        if not re.fullmatch(r"[A-Z][A-Z0-9_]{1,39}", code):
            check.problems.append(
                FieldProblem("input.itemCode", ValidationErrorCode.INVALID_FORMAT)
            )
        elif not await _known_item(connection, code):
            # A typo would make a rule that governs nothing, and the item keeps the defaults.
            check.problems.append(
                FieldProblem("input.itemCode", ValidationErrorCode.INVALID_CHOICE)
            )
    for path, value, low, high in (
        ("input.maxPerItem", max_per_item, 1, MAX_ACTIVE_BOOKINGS),
        ("input.maxPerDay", max_per_day, 1, MAX_ACTIVE_BOOKINGS),
        ("input.maxReschedules", max_reschedules, 0, 50),
        ("input.maxCancellations", max_cancellations, 1, 50),
        ("input.changeWindowHours", change_window_hours, 1, 24 * 90),
    ):
        if not low <= value <= high:
            check.problems.append(
                FieldProblem(path, ValidationErrorCode.OUT_OF_RANGE, {"low": low, "high": high})
            )
    check.raise_if_any()
    rule, _ = await FairnessRule.update_or_create(
        defaults={
            "max_per_item": max_per_item,
            "max_per_day": max_per_day,
            "max_reschedules": max_reschedules,
            "max_cancellations": max_cancellations,
            "change_window_hours": change_window_hours,
            "verified_only": verified_only,
            "updated_by": principal.actor,
            "updated_at": now,
        },
        using_db=connection,
        item_code=code,
    )
    return RuleSet(rule=rule)
