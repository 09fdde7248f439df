from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.knowledge.models import ArticleCategory, SearchKind
from tortoise.fields.base import OnDelete
from tortoise import fields


# The full-text index over search_doc's analysed terms is each database's own (invisible to
# the ORM): FTS5 kept in step by triggers on SQLite, a generated tsvector with GIN on PostgreSQL.
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_terms, body_terms,"
    " content='search_doc', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN"
    " INSERT INTO search_fts(rowid, title_terms, body_terms)"
    " VALUES (new.id, new.title_terms, new.body_terms); END",
    "CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)"
    " VALUES ('delete', old.id, old.title_terms, old.body_terms); END",
    "CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)"
    " VALUES ('delete', old.id, old.title_terms, old.body_terms);"
    " INSERT INTO search_fts(rowid, title_terms, body_terms)"
    " VALUES (new.id, new.title_terms, new.body_terms); END",
]
POSTGRES_TSV = [
    "ALTER TABLE search_doc ADD COLUMN tsv tsvector GENERATED ALWAYS AS"
    " (setweight(to_tsvector('simple', title_terms), 'A')"
    " || setweight(to_tsvector('simple', body_terms), 'B')) STORED",
    "CREATE INDEX search_doc_tsv ON search_doc USING GIN (tsv)",
]


async def create_full_text_index(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    statements = POSTGRES_TSV if client.capabilities.dialect == "postgres" else SQLITE_FTS
    for statement in statements:
        await client.execute_query(statement)


class Migration(migrations.Migration):
    dependencies = [("palm", "0050_payments")]

    initial = False

    operations = [
        ops.CreateModel(
            name="Article",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("slug", fields.CharField(unique=True, max_length=60)),
                (
                    "category",
                    fields.CharEnumField(
                        description="TRAVEL: travel\nPOSTAL: postal\nANIMALS_PLANTS: animals_plants\nTAX: tax\nENTERPRISE: enterprise\nAPPOINTMENTS: appointments\nGENERAL: general",
                        enum_type=ArticleCategory,
                        max_length=20,
                    ),
                ),
                ("latest_version", fields.IntField(default=1)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("updated_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "kb_article",
                "app": "palm",
                "pk_attr": "id",
                "table_description": "A knowledge-base article. Its texts live in versions, each in force from a date.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ArticleVersion",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "article",
                    fields.ForeignKeyField(
                        "palm.Article",
                        source_field="article_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="versions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("version", fields.IntField()),
                ("effective_from", fields.DateField()),
                (
                    "texts",
                    fields.JSONField(
                        encoder=functools.partial(dumps, separators=(",", ":")), decoder=loads
                    ),
                ),
                (
                    "links",
                    fields.JSONField(
                        encoder=functools.partial(dumps, separators=(",", ":")), decoder=loads
                    ),
                ),
                ("edited_by", fields.CharField(max_length=80)),
                ("edited_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "kb_article_version",
                "app": "palm",
                "unique_together": (("article", "version"),),
                "pk_attr": "id",
                "table_description": "One edit of an article: texts by language (any may be missing), links, in force from",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="SearchDoc",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "kind",
                    fields.CharEnumField(
                        description="ARTICLE: article\nSERVICE_ITEM: service_item\nDUTY_CATEGORY: duty_category\nPOLICY_NOTICE: policy_notice",
                        enum_type=SearchKind,
                        max_length=20,
                    ),
                ),
                ("key", fields.CharField(max_length=80)),
                (
                    "titles",
                    fields.JSONField(
                        encoder=functools.partial(dumps, separators=(",", ":")), decoder=loads
                    ),
                ),
                (
                    "summaries",
                    fields.JSONField(
                        encoder=functools.partial(dumps, separators=(",", ":")), decoder=loads
                    ),
                ),
                ("title_terms", fields.TextField(unique=False)),
                ("body_terms", fields.TextField(unique=False)),
                ("indexed_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "search_doc",
                "app": "palm",
                "unique_together": (("kind", "key"),),
                "pk_attr": "id",
                "table_description": "One searchable thing in all its languages, as analysed terms (knowledge/analysis.py).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="SpellingKey",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("key", fields.CharField(db_index=True, max_length=30)),
                ("term", fields.CharField(max_length=30)),
            ],
            options={
                "table": "search_spelling_key",
                "app": "palm",
                "unique_together": (("key", "term"),),
                "pk_attr": "id",
                "table_description": "SymSpell keys of the index's English words: a misspelt query word finds the words one",
            },
            bases=["Model"],
        ),
        ops.RunPython(create_full_text_index, ops.RunPython.noop),
    ]
