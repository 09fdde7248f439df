"""Ratings: one per person and completed thing, changeable for `CHANGE_DAYS`; public
aggregates per site and per service; officers read their unit's ratings with comments."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.functions import Count

from palm_customs.appointments.models import Booking, BookingStatus
from palm_customs.core import clock
from palm_customs.core.errors import Validator
from palm_customs.core.principal import Principal
from palm_customs.declarations.models import Declaration, DeclarationStatus
from palm_customs.identity.models import Officer
from palm_customs.ratings.errors import RatingErrorCode, RatingProblem
from palm_customs.ratings.models import RatedKind, Rating

CHANGE_DAYS = 7
MAX_COMMENT = 500


@dataclass(frozen=True, slots=True)
class Rated:
    rating: Rating

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"rating:{self.rating.kind.value}:{self.rating.subject_id}",)


@dataclass(frozen=True, slots=True)
class Where:
    site_code: str
    item_code: str | None
    window_number: int | None


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise RatingProblem(RatingErrorCode.NOT_FOUND) from None


async def _completed(
    connection: BaseDBAsyncClient, principal: Principal, kind: RatedKind, subject_id: str
) -> Where:
    """Where the person's own completed thing happened (refused if not theirs or not done)."""
    key = _uuid(subject_id)
    if kind is RatedKind.APPOINTMENT:
        booking = await Booking.get_or_none(
            id=key, account_id=principal.account_id, using_db=connection
        ).prefetch_related("site")
        if booking is None:
            raise RatingProblem(RatingErrorCode.NOT_FOUND)
        if booking.status is not BookingStatus.SERVED:
            raise RatingProblem(RatingErrorCode.NOT_COMPLETED)
        return Where(booking.site.code, booking.item_code, booking.window_number)
    declaration = await Declaration.get_or_none(
        id=key, account_id=principal.account_id, using_db=connection
    )
    if declaration is None:
        raise RatingProblem(RatingErrorCode.NOT_FOUND)
    if declaration.status is not DeclarationStatus.CLEARED:
        raise RatingProblem(RatingErrorCode.NOT_COMPLETED)
    return Where(declaration.port_code, None, None)


async def rate(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    kind: RatedKind,
    subject_id: str,
    stars: int,
    window_stars: int | None,
    comment: str,
) -> Rated:
    check = Validator()
    check.int_range("input.stars", stars, low=1, high=5)
    if window_stars is not None:
        check.int_range("input.windowStars", window_stars, low=1, high=5)
    clean = check.text("input.comment", comment, required=False, max_len=MAX_COMMENT)
    check.raise_if_any()
    where = await _completed(connection, principal, kind, subject_id[:40])
    assert principal.account_id is not None
    now = clock.now()
    existing = await Rating.get_or_none(
        account_id=principal.account_id, kind=kind, subject_id=subject_id, using_db=connection
    )
    if existing is not None:
        if now > existing.created_at + timedelta(days=CHANGE_DAYS):
            raise RatingProblem(RatingErrorCode.CHANGE_CLOSED)
        existing.stars, existing.window_stars, existing.comment = stars, window_stars, clean
        existing.updated_at = now
        await existing.save(
            using_db=connection, update_fields=["stars", "window_stars", "comment", "updated_at"]
        )
        return Rated(existing)
    row = await Rating.create(
        using_db=connection,
        id=uuid.uuid4(),
        account_id=principal.account_id,
        kind=kind,
        subject_id=subject_id,
        site_code=where.site_code,
        item_code=where.item_code,
        window_number=where.window_number if kind is RatedKind.APPOINTMENT else None,
        stars=stars,
        window_stars=window_stars if kind is RatedKind.APPOINTMENT else None,
        comment=clean,
        created_at=now,
        updated_at=now,
    )
    return Rated(row)


@dataclass(frozen=True, slots=True)
class Summary:
    count: int
    average: float | None
    # How many gave 1, 2, 3, 4 and 5 stars.
    distribution: list[int]


async def summary(*, site_code: str | None = None, item_code: str | None = None) -> Summary:
    query = Rating.all()
    if site_code is not None:
        query = query.filter(site_code=site_code[:20])
    if item_code is not None:
        query = query.filter(item_code=item_code[:40])
    rows = await query.annotate(n=Count("id")).group_by("stars").values("stars", "n")
    distribution = [0] * 5
    for row in rows:
        distribution[int(row["stars"]) - 1] = int(row["n"])
    count = sum(distribution)
    average = (
        round(sum((i + 1) * n for i, n in enumerate(distribution)) / count, 2) if count else None
    )
    return Summary(count=count, average=average, distribution=distribution)


async def mine(principal: Principal, kind: RatedKind, subject_id: str) -> Rating | None:
    return await Rating.get_or_none(
        account_id=principal.account_id, kind=kind, subject_id=subject_id[:40]
    )


async def for_unit(principal: Principal, *, limit: int) -> list[Rating]:
    """The ratings of the officer's unit (the site or port their unit names), newest first."""
    officer = await Officer.get_or_none(account_id=principal.account_id)
    if officer is None:
        return []
    return await Rating.filter(site_code=officer.unit).order_by("-updated_at").limit(limit)
