from __future__ import annotations

import datetime

import strawberry

from palm_customs.knowledge.models import ArticleCategory, SearchKind
from palm_customs.knowledge.search import Hit
from palm_customs.knowledge.services import ArticleView

strawberry.enum(
    ArticleCategory, name="KnowledgeCategory", description="Sections of the knowledge base."
)
strawberry.enum(SearchKind, description="What a search result is.")


@strawberry.type(description="A matched stretch of a text, in characters (UTF-16 free).")
class HighlightRange:
    start: int
    length: int


@strawberry.type(description="One search result, in the reader's language when it has one.")
class SearchHit:
    kind: SearchKind
    key: str = strawberry.field(
        description="The article's slug, the item's code, the duty category's code or the"
        " notice's id."
    )
    title: str
    title_highlights: list[HighlightRange]
    summary: str
    summary_highlights: list[HighlightRange]
    language: str = strawberry.field(description="The language the title is shown in.")
    is_fallback: bool
    score: float

    @classmethod
    def from_hit(cls, hit: Hit, wanted: str) -> SearchHit:
        return cls(
            kind=hit.kind,
            key=hit.key,
            title=hit.title,
            title_highlights=[HighlightRange(start=s, length=n) for s, n in hit.title_ranges],
            summary=hit.summary,
            summary_highlights=[HighlightRange(start=s, length=n) for s, n in hit.summary_ranges],
            language=hit.language,
            is_fallback=hit.language != wanted,
            score=hit.score,
        )


@strawberry.type
class SearchResults:
    hits: list[SearchHit]
    corrections: list[str] = strawberry.field(
        description="Indexed words that misspelt query words were taken to mean."
    )


@strawberry.type(
    name="KnowledgeArticle", description="A knowledge-base article: the version in force today."
)
class ArticleInfo:
    slug: str
    category: ArticleCategory
    version: int
    effective_from: datetime.date
    title: str
    body: str
    language: str = strawberry.field(description="The language shown.")
    is_fallback: bool = strawberry.field(
        description="The reader's language has no text: another language is shown."
    )
    available_languages: list[str]
    service_items: list[str]
    duty_categories: list[str]
    notices: list[str]
    edited_at: datetime.datetime

    @classmethod
    def from_view(cls, view: ArticleView) -> ArticleInfo:
        links = view.version.links
        return cls(
            slug=view.article.slug,
            category=view.article.category,
            version=view.version.version,
            effective_from=view.version.effective_from,
            title=view.title,
            body=view.body,
            language=view.language,
            is_fallback=view.is_fallback,
            available_languages=view.available_languages,
            service_items=list(links.get("service_items", [])),
            duty_categories=list(links.get("duty_categories", [])),
            notices=list(links.get("notices", [])),
            edited_at=view.version.edited_at,
        )


@strawberry.input(name="KnowledgeArticleTextInput")
class ArticleTextInput:
    title: str
    body: str


@strawberry.input(name="KnowledgeArticleSaveInput")
class ArticleSaveInput:
    slug: str
    category: ArticleCategory
    effective_from: datetime.date | None = None
    zh_hans: ArticleTextInput | None = None
    zh_hant: ArticleTextInput | None = None
    en: ArticleTextInput | None = None
    service_items: list[str] = strawberry.field(default_factory=list)
    duty_categories: list[str] = strawberry.field(default_factory=list)
    notices: list[str] = strawberry.field(default_factory=list)


@strawberry.type(name="KnowledgeArticleSaved")
class ArticleSaved:
    article: ArticleInfo
    saved_version: int


@strawberry.type(name="KnowledgeArticleText")
class ArticleText:
    title: str
    body: str


@strawberry.type(name="KnowledgeArticleVersion", description="One dated version of an article.")
class ArticleVersionInfo:
    version: int
    effective_from: datetime.date
    edited_at: datetime.datetime
    languages: list[str] = strawberry.field(description="The languages it has a text in.")
    in_force: bool = strawberry.field(description="The version readers see today.")


@strawberry.type(
    name="KnowledgeArticleDraft",
    description="An article as an editor starts from: the latest version's texts in every"
    " language (blank where it has none), its links, and every version with its date.",
)
class ArticleDraft:
    slug: str
    category: ArticleCategory
    zh_hans: ArticleText
    zh_hant: ArticleText
    en: ArticleText
    service_items: list[str]
    duty_categories: list[str]
    versions: list[ArticleVersionInfo]
