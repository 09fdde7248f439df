from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class RatedKind(StrEnum):
    APPOINTMENT = "appointment"
    DECLARATION = "declaration"


class Rating(Model):
    """A person's rating of one completed thing (and of the window that served an
    appointment), kept with where it happened so aggregates need no joins."""

    id = fields.UUIDField(primary_key=True)
    account_id = fields.UUIDField()
    kind = fields.CharEnumField(RatedKind, max_length=12)
    subject_id = fields.CharField(max_length=40)
    # The site (appointments) or port (declarations) code; officers whose unit names it see
    # the comments.
    site_code = fields.CharField(max_length=20)
    item_code = fields.CharField(max_length=40, null=True)
    window_number = fields.IntField(null=True)
    stars = fields.SmallIntField()
    window_stars = fields.SmallIntField(null=True)
    comment = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "rating"
        unique_together = (("account_id", "kind", "subject_id"),)
        indexes = (("site_code", "kind"), ("item_code",))
