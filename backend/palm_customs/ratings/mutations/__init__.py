from __future__ import annotations

import strawberry

from palm_customs.ratings.mutations.rating_save import rating_save


@strawberry.type
class RatingMutation:
    rating_save = rating_save
