"""On PostgreSQL a term that most documents of a large index hold ("customs" in a customs
knowledge base) is left out of the candidate query (ts_rank has no inverse document frequency:
it would make the database rank the whole index), never out of the ranking."""

from __future__ import annotations

import pytest
from tortoise import connections

from palm_customs.core.i18n import Language
from palm_customs.knowledge import index, search
from palm_customs.knowledge.models import SearchKind
from tests.knowledge.flows import seeded_index


def _filler(n: int) -> index.Document:
    text = f"Customs notes {n}"
    return index.Document(
        kind=SearchKind.ARTICLE,
        key=f"filler-{n}",
        titles={"en": text},
        summaries={"en": text},
        body=(text,),
    )


@pytest.mark.usefixtures("db")
async def test_a_term_in_most_documents_does_not_make_the_database_rank_them_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if connections.get("default").capabilities.dialect != "postgres":
        pytest.skip("PostgreSQL only: FTS5's bm25 weighs terms by their rarity itself")
    # given an index where nearly every document says "customs" (a small index counts as large)
    monkeypatch.setattr(search, "_common", search._common)  # restored for the next tests
    monkeypatch.setattr(search, "COMMON_MIN_DOCS", 50)
    monkeypatch.setattr(search, "CANDIDATES", 10)
    await seeded_index()
    # and an article that names cash in its text only, where a title match outranks it
    note = index.Document(
        kind=SearchKind.ARTICLE,
        key="arrival-notes",
        titles={"en": "Arrival notes"},
        summaries={"en": "Keep the cash form with your passport."},
        body=("Keep the cash form with your passport.",),
    )
    await index.put_many([note, *(_filler(n) for n in range(120))])
    # when someone asks about declaring cash at customs
    results = await search.search("customs cash", language=Language.EN, limit=10)
    # then "customs" was learnt as common, and the article is found although more than
    # CANDIDATES documents outrank it in the database on "customs" in their titles
    assert "custom" in search._common[1]
    assert "cash" not in search._common[1]
    assert "arrival-notes" in [h.key for h in results.hits]
