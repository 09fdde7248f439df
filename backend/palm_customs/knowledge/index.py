"""What goes into the search index, from each source, and keeping it current.

Sources write their document in the same transaction as their change (catalogue edits, policy
notices, article versions); `reindex_sources` rebuilds the documents of the sources that have
no edit hook of their own (the seeded catalogue and the duty rules in force).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.catalogue.models import ServiceItem
from palm_customs.core import clock
from palm_customs.declarations.services.duty_rules import current_rules
from palm_customs.knowledge import analysis, search
from palm_customs.knowledge.models import SearchDoc, SearchKind, SpellingKey
from palm_customs.notifications.models import PolicyNotice

LANGUAGES = ("zh-Hans", "zh-Hant", "en")
SUMMARY_CHARS = 160


@dataclass(frozen=True, slots=True)
class Document:
    kind: SearchKind
    key: str
    titles: Mapping[str, str]
    summaries: Mapping[str, str]
    # Texts matched with less weight than the titles (descriptions, examples, bodies).
    body: tuple[str, ...]
    # Extra title words (codes).
    title_extra: tuple[str, ...] = ()


def _terms(texts: Iterable[str]) -> list[str]:
    terms: list[str] = []
    for text in texts:
        terms.extend(analysis.index_terms(text))
    return terms


def summary(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…"


async def put(connection: BaseDBAsyncClient | None, document: Document) -> None:
    """Insert or replace one document (the database's full-text index follows by itself)."""
    title_terms = _terms([*document.titles.values(), *document.title_extra])
    body_terms = _terms(document.body)
    values = {
        "titles": dict(document.titles),
        "summaries": {lang: summary(text) for lang, text in document.summaries.items()},
        "title_terms": " ".join(title_terms),
        "body_terms": " ".join(body_terms),
        "indexed_at": clock.now(),
    }
    updated = (
        await SearchDoc.filter(kind=document.kind, key=document.key)
        .using_db(connection)
        .update(**values)
    )
    if not updated:
        await SearchDoc.create(using_db=connection, kind=document.kind, key=document.key, **values)
    await _learn_spellings(connection, {*title_terms, *body_terms})


async def put_many(documents: list[Document], *, batch: int = 500) -> None:
    """Insert many new documents at once (bulk loads: a fresh index, benchmarks)."""
    now = clock.now()
    words: set[str] = set()
    rows = []
    for document in documents:
        title_terms = _terms([*document.titles.values(), *document.title_extra])
        body_terms = _terms(document.body)
        words.update(title_terms, body_terms)
        rows.append(
            SearchDoc(
                kind=document.kind,
                key=document.key,
                titles=dict(document.titles),
                summaries={lang: summary(text) for lang, text in document.summaries.items()},
                title_terms=" ".join(title_terms),
                body_terms=" ".join(body_terms),
                indexed_at=now,
            )
        )
    await SearchDoc.bulk_create(rows, batch_size=batch)
    await _learn_spellings(None, words)
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        # Fresh statistics after a bulk load, so the planner knows the full-text index pays.
        await connection.execute_script("ANALYZE search_doc")
        search.forget_common_terms()


async def remove(connection: BaseDBAsyncClient | None, kind: SearchKind, key: str) -> None:
    await SearchDoc.filter(kind=kind, key=key).using_db(connection).delete()


async def _learn_spellings(connection: BaseDBAsyncClient | None, terms: set[str]) -> None:
    words = {t for t in terms if t.isascii() and t.isalpha() and 4 <= len(t) <= 30}
    if not words:
        return
    known = {
        row.term
        for row in await SpellingKey.filter(key__in=sorted(words)).using_db(connection)
        if row.key == row.term
    }
    rows = [SpellingKey(key=key, term=term) for key, term in analysis.spelling_keys(words - known)]
    if rows:
        await SpellingKey.bulk_create(
            rows, batch_size=500, ignore_conflicts=True, using_db=connection
        )


# ------------------------------------------------------------------ sources


def service_item_document(item: ServiceItem) -> Document:
    data = item.data
    return Document(
        kind=SearchKind.SERVICE_ITEM,
        key=item.code,
        titles=data["names"],
        summaries=data["description"],
        body=(*data["description"].values(), *data.get("conditions", {}).values()),
        title_extra=(item.code.replace("_", " "),),
    )


def notice_document(notice: PolicyNotice) -> Document:
    titles = {
        "zh-Hans": notice.title_zh_hans,
        "zh-Hant": notice.title_zh_hant,
        "en": notice.title_en,
    }
    bodies = {"zh-Hans": notice.body_zh_hans, "zh-Hant": notice.body_zh_hant, "en": notice.body_en}
    return Document(
        kind=SearchKind.POLICY_NOTICE,
        key=str(notice.id),
        titles=titles,
        summaries=bodies,
        body=tuple(bodies.values()),
    )


async def index_service_item(connection: BaseDBAsyncClient | None, item: ServiceItem) -> None:
    if item.published:
        await put(connection, service_item_document(item))
    else:
        await remove(connection, SearchKind.SERVICE_ITEM, item.code)


async def index_notice(connection: BaseDBAsyncClient | None, notice: PolicyNotice) -> None:
    await put(connection, notice_document(notice))


async def index_duty_categories(connection: BaseDBAsyncClient | None) -> int:
    rules = (await current_rules()).rules
    for category in rules.categories:
        await put(
            connection,
            Document(
                kind=SearchKind.DUTY_CATEGORY,
                key=category.code,
                titles=category.name.to_dict(),
                summaries=category.examples.to_dict(),
                body=tuple(category.examples.to_dict().values()),
                title_extra=(category.code.replace("_", " "),),
            ),
        )
    return len(rules.categories)


async def reindex_sources() -> int:
    """(Re)index the catalogue, the duty categories in force and the policy notices."""
    count = 0
    for item in await ServiceItem.all():
        await index_service_item(None, item)
        count += 1
    count += await index_duty_categories(None)
    for notice in await PolicyNotice.all().order_by("-published_at").limit(500):
        await index_notice(None, notice)
        count += 1
    return count
