from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.pagination import check_page_size
from palm_customs.core.permissions import Level, Role, access
from palm_customs.ratings import services
from palm_customs.ratings.models import RatedKind
from palm_customs.ratings.types import RatingInfo, RatingSummary


@strawberry.type
class RatingQuery:
    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="Public ratings of a site (or port) and/or a service: counts and average.",
    )
    async def rating_summary(
        self, site_code: str | None = None, item_code: str | None = None
    ) -> RatingSummary:
        return RatingSummary.from_summary(
            await services.summary(site_code=site_code, item_code=item_code)
        )

    @strawberry.field(extensions=access(Level.SESSION), description="My rating of one thing.")
    async def my_rating(
        self, info: Info[Context, Any], kind: RatedKind, subject_id: str
    ) -> RatingInfo | None:
        row = await services.mine(info.context.principal, kind, subject_id)
        return RatingInfo.from_row(row) if row else None

    @strawberry.field(
        extensions=access(
            Level.VERIFIED, Role.SUPERVISOR, Role.WINDOW_CLERK, Role.INSPECTOR, Role.ADMINISTRATOR
        ),
        description="Ratings and comments of my unit's site or port, newest first.",
    )
    async def unit_ratings(self, info: Info[Context, Any], first: int = 50) -> list[RatingInfo]:
        limit = check_page_size(first, info.context.language)
        rows = await services.for_unit(info.context.principal, limit=limit)
        return [RatingInfo.from_row(r) for r in rows]
