from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import ValidationError
from palm_customs.knowledge import services
from palm_customs.knowledge.types import ArticleInfo, ArticleSaved, ArticleSaveInput

ArticleSaveResult = Annotated[
    ArticleSaved | ValidationError, strawberry.union("KnowledgeArticleSaveResult")
]


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.ADMINISTRATOR, Role.SUPERVISOR),
    description="Create a knowledge-base article or publish its next version, in force from"
    " a date (today or later).",
)
async def knowledge_article_save(
    info: Info[Context, Any], input: ArticleSaveInput
) -> ArticleSaveResult:
    editor = info.context.principal.actor
    language = info.context.language.value
    texts = {
        lang: (text.title, text.body)
        for lang, text in (("zh-Hans", input.zh_hans), ("zh-Hant", input.zh_hant), ("en", input.en))
        if text is not None
    }
    edit = services.ArticleEdit(
        slug=input.slug[:100],
        category=input.category.value,
        effective_from=input.effective_from,
        texts=texts,
        service_items=input.service_items[:21],
        duty_categories=input.duty_categories[:21],
        notices=input.notices[:21],
    )

    async def perform(connection: BaseDBAsyncClient) -> services.ArticleSaved:
        return await services.save_article(connection, edit=edit, editor=editor)

    def present(done: services.ArticleSaved) -> ArticleSaved:
        version = done.version
        shown = services.view(done.article, version, language)
        return ArticleSaved(article=ArticleInfo.from_view(shown), saved_version=version.version)

    return await run_mutation(
        info, perform=perform, present=present, refused=refusals(ValidationError)
    )
