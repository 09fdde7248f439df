from __future__ import annotations

import datetime
from typing import Annotated, Any

import strawberry

from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import ValidationError
from palm_customs.ratings.errors import RatingErrorCode, RatingProblem
from palm_customs.ratings.models import RatedKind, Rating
from palm_customs.ratings.services import Summary

strawberry.enum(RatingErrorCode, description="Why a rating was refused.")
strawberry.enum(RatedKind, description="What can be rated.")


@strawberry.type(description="A rating was refused.")
class RatingError:
    code: RatingErrorCode
    message: str


ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(RatingProblem, lambda e, c: RatingError(code=e.error_code, message=e.message(c.language))),
)


@strawberry.type(description="A rating of one completed thing.")
class RatingInfo:
    kind: RatedKind
    subject_id: str
    site_code: str
    item_code: str | None
    window_number: int | None
    stars: int
    window_stars: int | None
    comment: str
    updated_at: datetime.datetime
    changeable_until: datetime.datetime

    @classmethod
    def from_row(cls, row: Rating) -> RatingInfo:
        from palm_customs.ratings.services import CHANGE_DAYS

        return cls(
            kind=row.kind,
            subject_id=row.subject_id,
            site_code=row.site_code,
            item_code=row.item_code,
            window_number=row.window_number,
            stars=row.stars,
            window_stars=row.window_stars,
            comment=row.comment,
            updated_at=row.updated_at,
            changeable_until=row.created_at + datetime.timedelta(days=CHANGE_DAYS),
        )


@strawberry.type(description="Public aggregate of ratings (counts, never who or what was said).")
class RatingSummary:
    count: int
    average: float | None
    distribution: list[int] = strawberry.field(description="Counts of 1, 2, 3, 4 and 5 stars.")

    @classmethod
    def from_summary(cls, value: Summary) -> RatingSummary:
        return cls(count=value.count, average=value.average, distribution=value.distribution)


@strawberry.input
class RatingSaveInput:
    kind: RatedKind
    subject_id: str
    stars: int
    window_stars: int | None = None
    comment: str = ""


@strawberry.type
class RatingSaved:
    rating: RatingInfo


RatingSaveResult = Annotated[
    RatingSaved | ValidationError | RatingError, strawberry.union("RatingSaveResult")
]
