"""One search over articles, catalogue items, duty categories and policy notices.

The database finds candidates by any term of the query (FTS5 bm25 on SQLite, ts_rank over a
tsvector on PostgreSQL), with the columns ranking needs, in one query; they are then ranked
here, the same on both databases, by how many of the query's concepts each matches and where
(a title counts more than a body), with the database's own rank breaking ties.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core.i18n import Language
from palm_customs.knowledge import analysis
from palm_customs.knowledge.analysis import ParsedQuery
from palm_customs.knowledge.models import SearchKind, SpellingKey

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


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A candidate as the one full-text query returns it: what ranking needs, and the texts
    (still encoded) that only the hits shown are decoded from."""

    id: int
    kind: str
    key: str
    title_terms: str
    body_terms: str
    titles: object
    summaries: object


def _texts(value: object) -> dict[str, str]:
    decoded = json.loads(value) if isinstance(value, str | bytes) else value
    return decoded if isinstance(decoded, dict) else {}


# Terms in more than COMMON_SHARE of a large index ("customs" in a customs knowledge base) find
# nearly every document: on PostgreSQL, whose ts_rank has no inverse document frequency, they
# would make the database rank the whole index, so they are left out of the candidate query
# (never out of the ranking here). Learnt from a sample of the index, again every COMMON_TTL
# seconds and after a bulk load.
COMMON_SHARE = 0.5
COMMON_MIN_DOCS = 2000
COMMON_SAMPLE = 2000
COMMON_TTL = 900.0
_common: tuple[float, frozenset[str]] = (-COMMON_TTL, frozenset())


def forget_common_terms() -> None:
    """Learn the common terms again at the next search (after a bulk load)."""
    global _common
    _common = (-COMMON_TTL, frozenset())


async def _common_terms(connection: BaseDBAsyncClient) -> frozenset[str]:
    global _common
    learnt_at, terms = _common
    if time.monotonic() - learnt_at < COMMON_TTL:
        return terms
    rows = await connection.execute_query_dict(
        "SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'search_doc'"
    )
    total = int(rows[0]["n"]) if rows else 0
    terms = frozenset()
    if total >= COMMON_MIN_DOCS:
        percent = min(100.0, COMMON_SAMPLE * 100.0 / total)
        sampled = max(total * percent / 100.0, 1.0)
        # ts_stat takes the text of a query; the percentage is a number formatted here.
        sample = f"SELECT tsv FROM search_doc TABLESAMPLE BERNOULLI ({percent:.3f})"  # noqa: S608
        stats = await connection.execute_query_dict(
            "SELECT word, ndoc FROM ts_stat($1) ORDER BY ndoc DESC LIMIT 500", [sample]
        )
        terms = frozenset(str(r["word"]) for r in stats if r["ndoc"] > COMMON_SHARE * sampled)
    _common = (time.monotonic(), terms)
    return terms


_COLUMNS = "d.id, d.kind, d.key, d.title_terms, d.body_terms, d.titles, d.summaries"


async def _candidates(terms: Sequence[str], kinds: Sequence[SearchKind]) -> list[_Candidate]:
    """One query: the best candidates by the database's own rank, with their columns."""
    connection = connections.get("default")
    kind_values = [k.value for k in kinds]
    every_kind = set(kinds) == set(SearchKind)
    if connection.capabilities.dialect == "postgres":
        # With every kind wanted there is no kind condition at all, so the planner takes the
        # GIN index instead of reading every row through the (kind, key) index.
        where = "" if every_kind else " AND d.kind = ANY($3::text[])"
        sql = (
            f"SELECT {_COLUMNS} FROM search_doc d, to_tsquery('simple', $1) q"  # noqa: S608 (constants only)
            f" WHERE d.tsv @@ q{where}"
            " ORDER BY ts_rank(d.tsv, q, 1) DESC, d.id LIMIT $2"
        )
        common = await _common_terms(connection)
        selective = [t for t in terms if t not in common] or list(terms)
        params: list[object] = [" | ".join(selective), CANDIDATES]
        if not every_kind:
            params.append(kind_values)
        rows = await connection.execute_query_dict(sql, params)
    else:
        marks = ", ".join("?" for _ in kind_values)
        where = "" if every_kind else f" AND d.kind IN ({marks})"
        sql = (
            f"SELECT {_COLUMNS} FROM search_fts f JOIN search_doc d ON d.id = f.rowid"  # noqa: S608 (placeholders only)
            f" WHERE search_fts MATCH ?{where}"
            " ORDER BY bm25(search_fts, 4.0, 1.0), d.id LIMIT ?"
        )
        match = " OR ".join(f'"{term}"' for term in terms)
        kind_params = [] if every_kind else kind_values
        rows = await connection.execute_query_dict(sql, [match, *kind_params, CANDIDATES])
    return [
        _Candidate(
            id=int(row["id"]),
            kind=str(row["kind"]),
            key=str(row["key"]),
            title_terms=str(row["title_terms"]),
            body_terms=str(row["body_terms"]),
            titles=row["titles"],
            summaries=row["summaries"],
        )
        for row in rows
    ]


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
    candidates = await _candidates(terms, list(kinds or SearchKind))
    if not candidates:
        return Results(hits=[], corrections=sorted({t for v in corrections.values() for t in v}))
    ranked: list[tuple[float, int, _Candidate]] = []
    wanted = set(parsed.terms())
    for position, doc in enumerate(candidates):
        score = _score(parsed, set(doc.title_terms.split()), set(doc.body_terms.split()), wanted)
        ranked.append((score - position / (len(candidates) * 100), position, doc))
    ranked.sort(key=lambda entry: (-entry[0], entry[1]))
    hits = []
    for score, _, doc in ranked[:limit]:
        titles, summaries = _texts(doc.titles), _texts(doc.summaries)
        served, title = pick_language(titles, language.value)
        summary = summaries.get(served) or pick_language(summaries, language.value)[1]
        hits.append(
            Hit(
                kind=SearchKind(doc.kind),
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
