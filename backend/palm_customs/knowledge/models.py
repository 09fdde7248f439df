from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class ArticleCategory(StrEnum):
    TRAVEL = "travel"
    POSTAL = "postal"
    ANIMALS_PLANTS = "animals_plants"
    TAX = "tax"
    ENTERPRISE = "enterprise"
    APPOINTMENTS = "appointments"
    GENERAL = "general"


class Article(Model):
    """A knowledge-base article. Its texts live in versions, each in force from a date."""

    id = fields.IntField(primary_key=True)
    slug = fields.CharField(max_length=60, unique=True)
    category = fields.CharEnumField(ArticleCategory, max_length=20)
    latest_version = fields.IntField(default=1)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "kb_article"


class ArticleVersion(Model):
    """One edit of an article: texts by language (any may be missing), links, in force from
    `effective_from` (the service's calendar day) until a later version takes over."""

    id = fields.IntField(primary_key=True)
    article: fields.ForeignKeyRelation[Article] = fields.ForeignKeyField(
        "palm.Article", related_name="versions", on_delete=fields.CASCADE
    )
    version = fields.IntField()
    effective_from = fields.DateField()
    # {"zh-Hans": {"title": ..., "body": ...}, ...}
    texts = fields.JSONField[dict[str, dict[str, str]]]()
    # {"service_items": [...codes], "duty_categories": [...codes], "notices": [...ids]}
    links = fields.JSONField[dict[str, Any]]()
    edited_by = fields.CharField(max_length=80)
    edited_at = fields.DatetimeField()

    class Meta:
        table = "kb_article_version"
        unique_together = (("article", "version"),)


class SearchKind(StrEnum):
    ARTICLE = "article"
    SERVICE_ITEM = "service_item"
    DUTY_CATEGORY = "duty_category"
    POLICY_NOTICE = "policy_notice"


class SearchDoc(Model):
    """One searchable thing in all its languages, as analysed terms (knowledge/analysis.py).

    The full-text index over the terms is the database's own: an FTS5 table kept in step by
    triggers on SQLite, a generated tsvector column with a GIN index on PostgreSQL (both made
    by migration 0060, invisible to the ORM).
    """

    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(SearchKind, max_length=20)
    key = fields.CharField(max_length=80)
    titles = fields.JSONField[dict[str, str]]()
    summaries = fields.JSONField[dict[str, str]]()
    title_terms = fields.TextField()
    body_terms = fields.TextField()
    indexed_at = fields.DatetimeField()

    class Meta:
        table = "search_doc"
        unique_together = (("kind", "key"),)


class SpellingKey(Model):
    """SymSpell keys of the index's English words: a misspelt query word finds the words one
    edit away by looking up its own deletions."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=30, db_index=True)
    term = fields.CharField(max_length=30)

    class Meta:
        table = "search_spelling_key"
        unique_together = (("key", "term"),)
