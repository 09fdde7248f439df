from __future__ import annotations

import strawberry

from palm_customs.knowledge.mutations.article_save import knowledge_article_save


@strawberry.type
class KnowledgeMutation:
    knowledge_article_save = knowledge_article_save
