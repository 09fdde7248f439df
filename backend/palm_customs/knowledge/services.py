"""Articles: reading the version in force in a language (with visible fallback) and officers'
edits, each a new version in force from a date."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.catalogue.models import ServiceItem
from palm_customs.core import clock
from palm_customs.core.columns import fitting
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.declarations.services.duty_rules import current_rules
from palm_customs.knowledge import index
from palm_customs.knowledge.models import Article, ArticleCategory, ArticleVersion, SearchKind
from palm_customs.knowledge.search import pick_language
from palm_customs.notifications.models import PolicyNotice

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{1,59}")
LANGUAGES = ("zh-Hans", "zh-Hant", "en")
LANGUAGE_FIELDS = {"zh-Hans": "zhHans", "zh-Hant": "zhHant", "en": "en"}
MAX_TITLE = 120
MAX_BODY = 8000
MAX_LINKS = 20


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article as one reader sees it: the version in force, in their language or not."""

    article: Article
    version: ArticleVersion
    language: str
    title: str
    body: str
    # The wanted language had no text: another one is shown, and the reader is told.
    is_fallback: bool
    available_languages: list[str]


def view(article: Article, version: ArticleVersion, language: str) -> ArticleView:
    titles = {lang: t.get("title", "") for lang, t in version.texts.items()}
    served, title = pick_language(titles, language)
    return ArticleView(
        article=article,
        version=version,
        language=served,
        title=title,
        body=version.texts.get(served, {}).get("body", ""),
        is_fallback=served != language,
        available_languages=[lang for lang in LANGUAGES if titles.get(lang)],
    )


async def version_in_force(
    article: Article, *, on: date | None = None, connection: BaseDBAsyncClient | None = None
) -> ArticleVersion | None:
    return (
        await ArticleVersion.filter(article_id=article.id, effective_from__lte=on or clock.today())
        .using_db(connection)
        .order_by("-effective_from", "-version")
        .first()
    )


async def read_article(slug: str, language: str) -> ArticleView | None:
    article = await Article.get_or_none(slug=slug.strip().lower()[:60])
    if article is None:
        return None
    version = await version_in_force(article)
    return view(article, version, language) if version else None


async def list_articles(
    *, category: ArticleCategory | None, language: str, limit: int
) -> list[ArticleView]:
    query = Article.all().order_by("slug")
    if category is not None:
        query = query.filter(category=category)
    views = []
    for article in await query.limit(limit):
        version = await version_in_force(article)
        if version is not None:
            views.append(view(article, version, language))
    return views


async def versions_for_editor(
    slug: str,
) -> tuple[Article, list[ArticleVersion], ArticleVersion | None] | None:
    """An article's versions, newest first, and the one in force today (for editors)."""
    article = await Article.get_or_none(slug=slug.strip().lower()[:60])
    if article is None:
        return None
    versions = await ArticleVersion.filter(article_id=article.id).order_by("-version").limit(100)
    return article, versions, await version_in_force(article)


@dataclass(frozen=True, slots=True)
class ArticleEdit:
    slug: str
    category: str
    effective_from: date | None
    texts: dict[str, tuple[str, str]]  # language -> (title, body); blank = no such language
    service_items: list[str]
    duty_categories: list[str]
    notices: list[str]


@dataclass(frozen=True, slots=True)
class ArticleSaved:
    article: Article
    version: ArticleVersion

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"kb_article:{self.article.slug}@{self.version.version}",)


async def _check_links(
    connection: BaseDBAsyncClient, check: Validator, edit: ArticleEdit
) -> dict[str, Any]:
    items = [c.strip().upper() for c in edit.service_items[:MAX_LINKS]]
    known_items = set(
        await ServiceItem.filter(code__in=fitting(ServiceItem, "code", items), published=True)
        .using_db(connection)
        .values_list("code", flat=True)
    )
    duty = [c.strip().lower() for c in edit.duty_categories[:MAX_LINKS]]
    known_duty = {c.code for c in (await current_rules()).rules.categories}
    notices: list[str] = []
    for i, raw in enumerate(edit.notices[:MAX_LINKS]):
        try:
            notices.append(str(uuid.UUID(raw)))
        except ValueError:
            check.problems.append(
                FieldProblem(f"input.notices.{i}", ValidationErrorCode.INVALID_FORMAT)
            )
            notices.append("")
    known_notices = {
        str(n)
        for n in await PolicyNotice.filter(id__in=[n for n in notices if n])
        .using_db(connection)
        .values_list("id", flat=True)
    }
    for field, values, known in (
        ("serviceItems", items, known_items),
        ("dutyCategories", duty, known_duty),
        ("notices", notices, known_notices),
    ):
        for i, value in enumerate(values):
            if value and value not in known:
                check.problems.append(
                    FieldProblem(f"input.{field}.{i}", ValidationErrorCode.INVALID_CHOICE)
                )
    for field, values in (
        ("serviceItems", edit.service_items),
        ("dutyCategories", edit.duty_categories),
        ("notices", edit.notices),
    ):
        if len(values) > MAX_LINKS:
            check.problems.append(FieldProblem(f"input.{field}", ValidationErrorCode.TOO_LONG))
    return {"service_items": items, "duty_categories": duty, "notices": notices}


async def save_article(
    connection: BaseDBAsyncClient, *, edit: ArticleEdit, editor: str
) -> ArticleSaved:
    """Create an article or publish its next version (in force from `effective_from`, today
    when not given; never in the past, so what a reader was shown stays as it was)."""
    check = Validator()
    slug = edit.slug.strip().lower()
    if not SLUG.fullmatch(slug):
        check.problems.append(FieldProblem("input.slug", ValidationErrorCode.INVALID_FORMAT))
    category: ArticleCategory | None = None
    try:
        category = ArticleCategory(edit.category)
    except ValueError:
        check.problems.append(FieldProblem("input.category", ValidationErrorCode.INVALID_CHOICE))
    today = clock.today()
    effective = edit.effective_from or today
    if effective < today:
        check.problems.append(FieldProblem("input.effectiveFrom", ValidationErrorCode.IN_THE_PAST))
    texts: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        title, body = edit.texts.get(lang, ("", ""))
        field = LANGUAGE_FIELDS[lang]
        if not title.strip() and not body.strip():
            continue
        texts[lang] = {
            "title": check.text(f"input.{field}.title", title, max_len=MAX_TITLE),
            "body": check.text(f"input.{field}.body", body, max_len=MAX_BODY),
        }
    if not texts:
        check.problems.append(FieldProblem("input.zhHans.title", ValidationErrorCode.REQUIRED))
    links = await _check_links(connection, check, edit)
    check.raise_if_any()
    assert category is not None
    now = clock.now()
    article = await Article.get_or_none(slug=slug, using_db=connection)
    if article is None:
        article = await Article.create(
            using_db=connection,
            slug=slug,
            category=category,
            latest_version=1,
            created_at=now,
            updated_at=now,
        )
        number = 1
    else:
        number = article.latest_version + 1
        # The version number is the guard: of two concurrent edits, one fails on the unique
        # (article, version) pair instead of both writing "version 2".
        await (
            Article.filter(id=article.id, latest_version=article.latest_version)
            .using_db(connection)
            .update(latest_version=number, category=category, updated_at=now)
        )
        article.latest_version, article.category = number, category
    version = await ArticleVersion.create(
        using_db=connection,
        article=article,
        version=number,
        effective_from=effective,
        texts=texts,
        links=links,
        edited_by=editor,
        edited_at=now,
    )
    await index_article(connection, article)
    return ArticleSaved(article=article, version=version)


async def index_article(connection: BaseDBAsyncClient | None, article: Article) -> None:
    version = await version_in_force(article, connection=connection)
    if version is None:
        return
    titles = {lang: t["title"] for lang, t in version.texts.items()}
    bodies = {lang: t["body"] for lang, t in version.texts.items()}
    await index.put(
        connection,
        index.Document(
            kind=SearchKind.ARTICLE,
            key=article.slug,
            titles=titles,
            summaries=bodies,
            body=tuple(bodies.values()),
        ),
    )


async def reindex_articles() -> int:
    """Index the version in force of every article (run daily: a version dated ahead
    becomes searchable on its day)."""
    count = 0
    for article in await Article.all():
        await index_article(None, article)
        count += 1
    return count
