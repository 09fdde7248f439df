"""How text becomes search terms, on the way in (indexing) and on the way out (queries).

Pure functions, the same for both databases: the database only stores and matches the terms.

- Folding: Unicode NFKC, lower case and traditional -> simplified Chinese, one character at a
  time so a position in the folded text is the same position in the original (highlights).
- Chinese has no spaces: every run of Chinese characters is indexed as its single characters
  and its overlapping pairs (bigrams); a query uses pairs, or the character when it is alone.
- English words are reduced to their Snowball stem ("perfumes" -> "perfum").
- A query's words are grouped into concepts; a concept is matched by any of its alternatives
  (the word itself, its synonyms from `synonyms.GROUPS`, a near spelling found in the index).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import snowballstemmer  # type: ignore[import-untyped]
import zhconv  # type: ignore[import-untyped]

from palm_customs.knowledge.synonyms import GROUPS

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{_CJK}]+|[a-z0-9]+")
_IS_CJK = re.compile(rf"[{_CJK}]")

EN_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "my",
        "of",
        "on",
        "or",
        "the",
        "to",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
        "me",
        "we",
        "our",
        "if",
        "about",
        "into",
        "need",
        "much",
        "many",
        "there",
        "this",
        "that",
    ]
)
# Question words and particles that say nothing about the subject.
ZH_STOP = (
    "请问",
    "怎么办",
    "怎么",
    "怎样",
    "如何",
    "什么",
    "哪些",
    "哪里",
    "能否",
    "能不能",
    "可不可以",
    "可以",
    "是否",
    "需要",
    "要不要",
    "我",
    "的",
    "了",
    "吗",
    "呢",
    "吧",
    "和",
    "与",
    "及",
    "或",
    "在",
    "是",
    "有",
    "要",
    "多少",
    "一下",
)
_ZH_STOP_RE = re.compile("|".join(sorted(ZH_STOP, key=len, reverse=True)))

_STEMMER = snowballstemmer.stemmer("english")


@cache
def _zhconv() -> None:
    """Load zhconv's dictionary ourselves: its own loader leaves the file open."""
    from pathlib import Path

    module = zhconv.zhconv
    module.loaddict(str(Path(module.__file__).with_name(module.DICTIONARY)))


def convert(text: str, locale: str) -> str:
    """zhconv's conversion ("zh-hans", "zh-hk", ...)."""
    _zhconv()
    return str(zhconv.convert(text, locale))


@cache
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char).lower()
    if len(folded) != 1:
        folded = char.lower()
        if len(folded) != 1:
            return char
    if _IS_CJK.match(folded):
        simplified = convert(folded, "zh-hans")
        if len(simplified) == 1:
            return simplified
    return folded


def fold(text: str) -> str:
    """Same length as `text`: NFKC, lower case, simplified characters."""
    return "".join(_fold_char(c) for c in text)


@cache
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word)) if word.isalpha() else word


def is_cjk(token: str) -> bool:
    return bool(_IS_CJK.match(token))


def index_terms(text: str) -> list[str]:
    """The terms a text is stored under (with repetitions, in order)."""
    terms: list[str] = []
    for match in TOKEN.finditer(fold(text)):
        run = match.group()
        if is_cjk(run):
            terms.extend(run)
            terms.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif run not in EN_STOP:
            terms.append(stem(run))
    return terms


def _phrase_key(text: str) -> tuple[str, ...]:
    """A synonym's key: its folded Chinese characters, or its English stems."""
    key: list[str] = []
    for match in TOKEN.finditer(fold(text)):
        run = match.group()
        key.append(run if is_cjk(run) else stem(run))
    return tuple(key)


def phrase_terms(key: tuple[str, ...]) -> tuple[str, ...]:
    """The index terms all of which a text must hold to contain the phrase."""
    terms: list[str] = []
    for part in key:
        if is_cjk(part):
            terms.extend(
                [part] if len(part) == 1 else [part[i : i + 2] for i in range(len(part) - 1)]
            )
        else:
            terms.append(part)
    return tuple(dict.fromkeys(terms))


@cache
def _synonyms() -> tuple[dict[tuple[str, ...], frozenset[tuple[str, ...]]], int, int]:
    table: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for group in GROUPS:
        keys = [k for k in (_phrase_key(term) for term in group) if k]
        for key in keys:
            table.setdefault(key, set()).update(keys)
    longest_zh = max((len(k[0]) for k in table if len(k) == 1 and is_cjk(k[0])), default=1)
    longest_en = max((len(k) for k in table if not is_cjk(k[0])), default=1)
    return {k: frozenset(v) for k, v in table.items()}, longest_zh, longest_en


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the person asked about; a text matches it by any one alternative."""

    surface: str
    alternatives: tuple[tuple[str, ...], ...]
    weight: float
    # English stems that may be corrected by spelling (none for synonym phrases).
    correctable: str | None = None


@dataclass(slots=True)
class ParsedQuery:
    concepts: list[Concept] = field(default_factory=list)

    def terms(self) -> list[str]:
        """Every index term any alternative needs (what the database is asked for)."""
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for alternative in concept.alternatives:
                for term in alternative:
                    seen.setdefault(term)
        return list(seen)


SYNONYM_WEIGHT = 2.0
WORD_WEIGHT = 1.0


def _chinese_concepts(run: str) -> Iterator[Concept]:
    table, longest, _ = _synonyms()
    rest: list[str] = []

    def flush() -> Iterator[Concept]:
        for piece in _ZH_STOP_RE.split("".join(rest)):
            if len(piece) == 1:
                yield Concept(piece, ((piece,),), WORD_WEIGHT)
            for i in range(len(piece) - 1):
                pair = piece[i : i + 2]
                yield Concept(pair, ((pair,),), WORD_WEIGHT)
        rest.clear()

    i = 0
    while i < len(run):
        for size in range(min(longest, len(run) - i), 0, -1):
            alternatives = table.get((run[i : i + size],))
            if alternatives is not None and not (size == 1 and run[i] in ZH_STOP):
                yield from flush()
                yield Concept(
                    run[i : i + size],
                    tuple(sorted({phrase_terms(a) for a in alternatives})),
                    SYNONYM_WEIGHT,
                )
                i += size
                break
        else:
            rest.append(run[i])
            i += 1
    yield from flush()


def _english_concepts(words: list[str]) -> Iterator[Concept]:
    table, _, longest = _synonyms()
    stems = [stem(w) for w in words]
    i = 0
    while i < len(stems):
        for size in range(min(longest, len(stems) - i), 0, -1):
            key = tuple(stems[i : i + size])
            alternatives = table.get(key)
            if alternatives is not None:
                yield Concept(
                    " ".join(words[i : i + size]),
                    tuple(sorted({phrase_terms(a) for a in alternatives})),
                    SYNONYM_WEIGHT,
                    correctable=None,
                )
                i += size
                break
        else:
            if words[i] not in EN_STOP:
                yield Concept(
                    words[i],
                    ((stems[i],),),
                    WORD_WEIGHT,
                    correctable=stems[i] if stems[i].isalpha() and len(stems[i]) >= 4 else None,
                )
            i += 1


def parse_query(text: str) -> ParsedQuery:
    parsed = ParsedQuery()
    words: list[str] = []
    for match in TOKEN.finditer(fold(text)):
        run = match.group()
        if is_cjk(run):
            parsed.concepts.extend(_english_concepts(words))
            words = []
            parsed.concepts.extend(_chinese_concepts(run))
        else:
            words.append(run)
    parsed.concepts.extend(_english_concepts(words))
    return parsed


def with_corrections(parsed: ParsedQuery, corrections: dict[str, list[str]]) -> ParsedQuery:
    """The query where each misspelt word also matches the indexed words near it."""
    concepts = []
    for concept in parsed.concepts:
        extra = corrections.get(concept.correctable or "", [])
        if extra:
            table = _synonyms()[0]
            alternatives: set[tuple[str, ...]] = {(term,) for term in extra}
            for term in extra:
                alternatives.update(phrase_terms(a) for a in table.get((term,), ()))
            concept = Concept(
                concept.surface,
                concept.alternatives + tuple(sorted(alternatives)),
                concept.weight,
                concept.correctable,
            )
        concepts.append(concept)
    return ParsedQuery(concepts)


# ------------------------------------------------------------------ spelling


def deletes(term: str) -> set[str]:
    """The term and every string one deletion away (SymSpell keys for edit distance 1)."""
    return {term} | {term[:i] + term[i + 1 :] for i in range(len(term))}


def spelling_keys(terms: Iterable[str]) -> set[tuple[str, str]]:
    """(key, term) rows stored for the English words of the index."""
    return {
        (key, term)
        for term in terms
        if term.isascii() and term.isalpha() and 4 <= len(term) <= 30
        for key in deletes(term)
    }


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (an adjacent swap counts as one edit)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


# ------------------------------------------------------------------ highlights


def highlight(text: str, parsed: ParsedQuery) -> list[tuple[int, int]]:
    """(start, length) of the words of `text` a query matched, in order, not overlapping."""
    folded = fold(text)
    wanted_zh: set[str] = set()
    wanted_en: set[str] = set()
    for concept in parsed.concepts:
        for alternative in concept.alternatives:
            for term in alternative:
                (wanted_zh if is_cjk(term) else wanted_en).add(term)
    marks = [False] * len(text)
    for match in TOKEN.finditer(folded):
        run, start = match.group(), match.start()
        if is_cjk(run):
            for i in range(len(run)):
                if run[i : i + 2] in wanted_zh and i + 1 < len(run):
                    marks[start + i] = marks[start + i + 1] = True
                elif run[i] in wanted_zh:
                    marks[start + i] = True
        elif stem(run) in wanted_en:
            for i in range(start, match.end()):
                marks[i] = True
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < len(marks):
        if marks[i]:
            j = i
            while j < len(marks) and marks[j]:
                j += 1
            ranges.append((i, j - i))
            i = j
        else:
            i += 1
    return ranges
