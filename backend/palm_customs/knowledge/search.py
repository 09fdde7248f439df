"""One search over articles, catalogue items, duty categories and policy notices.

The database finds candidates by any term of the query (FTS5 bm25 on SQLite, ts_rank over a
tsvector on PostgreSQL); they are then ranked here, the same on both databases, by how many of
the query's concepts each matches and where (a title counts more than a body), with the
database's own rank breaking ties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tortoise import connections

from palm_customs.core.i18n import Language
from palm_customs.knowledge import analysis
from palm_customs.knowledge.analysis import ParsedQuery
from palm_customs.knowledge.models import SearchDoc, SearchKind, SpellingKey

MAX_QUERY_CHARS = 100
MAX_TERMS = 64
CANDIDATES = 80
TITLE_FACTOR = 3.0
BREADTH_STEP = 0.05
BREADTH_CAP = 0.5
COVERAGE_WEIGHT = 0.45
FALLBACK_ORDER: dict[str, tuple[str, ...]] = {
    "zh-Hans": ("zh-Hans", "zh-Hant", "en"),
    "zh-Hant": ("zh-Hant", "zh-Hans", "en"),
    "en": ("en", "zh-Hans", "zh-Hant"),
}


@dataclass(frozen=True, slots=True)
class Hit:
    kind: SearchKind
    key: str
    score: float
    language: str
    title: str
    title_ranges: list[tuple[int, int]]
    summary: str
    summary_ranges: list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Results:
    hits: list[Hit]
    # Indexed words a misspelt query word was taken to mean.
    corrections: list[str]


def pick_language(texts: dict[str, str], language: str) -> tuple[str, str]:
    """The text in the wanted language, or the first present along the fallback order."""
    for candidate in FALLBACK_ORDER.get(language, FALLBACK_ORDER["zh-Hans"]):
        text = texts.get(candidate, "")
        if text:
            return candidate, text
    return language, ""


async def _corrections(parsed: ParsedQuery) -> dict[str, list[str]]:
    words = {c.correctable for c in parsed.concepts if c.correctable}
    if not words:
        return {}
    keys = {key for word in words for key in analysis.deletes(word)}
    rows = await SpellingKey.filter(key__in=sorted(keys)[:2000]).limit(2000)
    known = {row.term for row in rows if row.key == row.term}
    found: dict[str, list[str]] = {}
    for word in sorted(words - known):
        near = sorted({row.term for row in rows if analysis.edit_distance(word, row.term) == 1})
        if near:
            found[word] = near[:5]
    return found


async def _candidates(terms: Sequence[str], kinds: Sequence[SearchKind]) -> list[int]:
    connection = connections.get("default")
    kind_values = [k.value for k in kinds]
    if connection.capabilities.dialect == "postgres":
        sql = (
            "SELECT d.id FROM search_doc d, to_tsquery('simple', $1) q"
            " WHERE d.tsv @@ q AND d.kind = ANY($2::text[])"
            " ORDER BY ts_rank(d.tsv, q, 1) DESC, d.id LIMIT $3"
        )
        rows = await connection.execute_query_dict(
            sql, [" | ".join(terms), kind_values, CANDIDATES]
        )
    else:
        marks = ", ".join("?" for _ in kind_values)
        sql = (
            "SELECT d.id AS id FROM search_fts f JOIN search_doc d ON d.id = f.rowid"  # noqa: S608 (placeholders only)
            f" WHERE search_fts MATCH ? AND d.kind IN ({marks})"
            " ORDER BY bm25(search_fts, 4.0, 1.0), d.id LIMIT ?"
        )
        match = " OR ".join(f'"{term}"' for term in terms)
        rows = await connection.execute_query_dict(sql, [match, *kind_values, CANDIDATES])
    return [int(row["id"]) for row in rows]


def _score(parsed: ParsedQuery, title: set[str], body: set[str], wanted: set[str]) -> float:
    """Concepts matched (weighted, a title match counting more), then as a tie-breaker how
    many of their alternatives a text holds (a text about the whole subject names more)."""
    score = 0.0
    breadth = 0
    for concept in parsed.concepts:
        best = 0.0
        for alternative in concept.alternatives:
            if all(term in title for term in alternative):
                best = TITLE_FACTOR
                breadth += 1
            elif all(term in title or term in body for term in alternative):
                best = max(best, 1.0)
                breadth += 1
        score += concept.weight * best
    # Of two titles that match as well, the one that is more nearly the query comes first
    # ("Pets" before "A case study of pets and cash at Xiamen, no. 12").
    coverage = len(title & wanted) / len(title) if title else 0.0
    return score + min(breadth * BREADTH_STEP, BREADTH_CAP) + coverage * COVERAGE_WEIGHT


async def search(
    text: str, *, language: Language, kinds: Sequence[SearchKind] | None = None, limit: int = 10
) -> Results:
    parsed = analysis.parse_query(text[:MAX_QUERY_CHARS])
    if not parsed.concepts:
        return Results(hits=[], corrections=[])
    corrections = await _corrections(parsed)
    parsed = analysis.with_corrections(parsed, corrections)
    terms = parsed.terms()[:MAX_TERMS]
    ids = await _candidates(terms, list(kinds or SearchKind))
    if not ids:
        return Results(hits=[], corrections=sorted({t for v in corrections.values() for t in v}))
    docs = {doc.id: doc for doc in await SearchDoc.filter(id__in=ids)}
    ranked: list[tuple[float, int, SearchDoc]] = []
    wanted = set(parsed.terms())
    for position, doc_id in enumerate(ids):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        score = _score(parsed, set(doc.title_terms.split()), set(doc.body_terms.split()), wanted)
        ranked.append((score - position / (len(ids) * 100), position, doc))
    ranked.sort(key=lambda entry: (-entry[0], entry[1]))
    hits = []
    for score, _, doc in ranked[:limit]:
        served, title = pick_language(doc.titles, language.value)
        summary = doc.summaries.get(served) or pick_language(doc.summaries, language.value)[1]
        hits.append(
            Hit(
                kind=doc.kind,
                key=doc.key,
                score=round(score, 3),
                language=served,
                title=title,
                title_ranges=analysis.highlight(title, parsed),
                summary=summary,
                summary_ranges=analysis.highlight(summary, parsed),
            )
        )
    return Results(hits=hits, corrections=sorted({t for v in corrections.values() for t in v}))
