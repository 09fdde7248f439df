from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.pagination import check_page_size
from palm_customs.core.permissions import Level, Role, access
from palm_customs.knowledge import search as search_service
from palm_customs.knowledge import services
from palm_customs.knowledge.models import ArticleCategory, SearchKind
from palm_customs.knowledge.types import (
    ArticleDraft,
    ArticleInfo,
    ArticleText,
    ArticleVersionInfo,
    SearchHit,
    SearchResults,
)

MAX_RESULTS = 20


@strawberry.type
class KnowledgeQuery:
    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="Search articles, catalogue items, duty categories and policy notices in"
        " any of the three languages (synonyms, abbreviations, either script, spelling slips).",
    )
    async def search(
        self,
        info: Info[Context, Any],
        text: str,
        kinds: list[SearchKind] | None = None,
        first: int = 10,
    ) -> SearchResults:
        language = info.context.language
        limit = min(check_page_size(first, language), MAX_RESULTS)
        results = await search_service.search(
            text, language=language, kinds=(kinds or [])[:4] or None, limit=limit
        )
        return SearchResults(
            hits=[SearchHit.from_hit(h, language.value) for h in results.hits],
            corrections=results.corrections,
        )

    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="An article, the version in force, in the reader's language if it has one.",
    )
    async def knowledge_article(self, info: Info[Context, Any], slug: str) -> ArticleInfo | None:
        view = await services.read_article(slug, info.context.language.value)
        return ArticleInfo.from_view(view) if view else None

    @strawberry.field(extensions=access(Level.ANONYMOUS), description="Articles, by slug.")
    async def knowledge_articles(
        self,
        info: Info[Context, Any],
        category: ArticleCategory | None = None,
        first: int = 50,
    ) -> list[ArticleInfo]:
        language = info.context.language
        limit = check_page_size(first, language)
        views = await services.list_articles(
            category=category, language=language.value, limit=limit
        )
        return [ArticleInfo.from_view(v) for v in views]

    @strawberry.field(
        extensions=access(Level.VERIFIED, Role.ADMINISTRATOR, Role.SUPERVISOR),
        description="An article for editing: the latest version in every language and the list"
        " of versions with their dates (editors only).",
    )
    async def knowledge_article_draft(
        self, info: Info[Context, Any], slug: str
    ) -> ArticleDraft | None:
        found = await services.versions_for_editor(slug)
        if found is None or not found[1]:
            return None
        article, versions, in_force = found
        latest = versions[0]

        def text(lang: str) -> ArticleText:
            t = latest.texts.get(lang, {})
            return ArticleText(title=t.get("title", ""), body=t.get("body", ""))

        return ArticleDraft(
            slug=article.slug,
            category=article.category,
            zh_hans=text("zh-Hans"),
            zh_hant=text("zh-Hant"),
            en=text("en"),
            service_items=list(latest.links.get("service_items", [])),
            duty_categories=list(latest.links.get("duty_categories", [])),
            versions=[
                ArticleVersionInfo(
                    version=v.version,
                    effective_from=v.effective_from,
                    edited_at=v.edited_at,
                    languages=[lang for lang in services.LANGUAGES if v.texts.get(lang)],
                    in_force=in_force is not None and v.id == in_force.id,
                )
                for v in versions
            ],
        )
