from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.ratings import services
from palm_customs.ratings.types import (
    RatingError,
    RatingInfo,
    RatingSaved,
    RatingSaveInput,
    RatingSaveResult,
)


@strawberry.mutation(
    extensions=access(Level.SESSION),
    description="Rate my completed appointment (and its window) or cleared declaration; one"
    " rating each, changeable for 7 days.",
)
async def rating_save(info: Info[Context, Any], input: RatingSaveInput) -> RatingSaveResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda connection: services.rate(
            connection,
            principal=principal,
            kind=input.kind,
            subject_id=input.subject_id,
            stars=input.stars,
            window_stars=input.window_stars,
            comment=input.comment,
        ),
        present=lambda done: RatingSaved(rating=RatingInfo.from_row(done.rating)),
        refused=refusals(ValidationError, RatingError),
    )
