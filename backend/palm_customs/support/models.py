from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Feedback(Model):
    """What a person tells us about the app (anonymous until identity lands)."""

    id = fields.UUIDField(primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    message = fields.TextField()
    page = fields.CharField(max_length=200)
    language = fields.CharField(max_length=8)

    class Meta:
        table = "feedback"
