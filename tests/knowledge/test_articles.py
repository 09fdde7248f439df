from __future__ import annotations

from datetime import timedelta

import httpx

from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from palm_customs.knowledge.demo import ARTICLES
from palm_customs.knowledge.demo_help import HELP_ARTICLES
from palm_customs.knowledge.models import ArticleVersion, SearchDoc
from tests.conftest import graphql
from tests.declarations.flows import inspector
from tests.knowledge.flows import seeded_index

ARTICLE = """
query($slug: String!) {
  knowledgeArticle(slug: $slug) {
    slug category version effectiveFrom title body language isFallback availableLanguages
    serviceItems dutyCategories
  }
}
"""
DRAFT = """
query($slug: String!) {
  knowledgeArticleDraft(slug: $slug) {
    slug category zhHant { title body } en { title body }
    versions { version effectiveFrom inForce languages }
  }
}
"""
SAVE = """
mutation($input: KnowledgeArticleSaveInput!) {
  knowledgeArticleSave(input: $input) {
    __typename
    ... on KnowledgeArticleSaved { savedVersion article { version title } }
    ... on ValidationError { errors { field code message } }
  }
}
"""


def _input(**overrides: object) -> dict[str, object]:
    return {
        "slug": "liquids-in-baggage",
        "category": "TRAVEL",
        "zhHans": {"title": "行李中的液体", "body": "香水和酒类计入免税额度。"},
        "en": {"title": "Liquids in your baggage", "body": "Perfume and wine count."},
        "serviceItems": ["POSTAL_ARTICLES"],
        "dutyCategories": ["cosmetics", "alcohol"],
        **overrides,
    }


async def test_a_reader_signed_out_gets_the_article_in_their_language(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    # when
    body = await graphql(client, ARTICLE, {"slug": "bringing-pets"}, language="zh-TW")
    # then
    article = body["data"]["knowledgeArticle"]  # type: ignore[index]
    assert article["language"] == "zh-Hant"
    assert article["isFallback"] is False
    assert "寵物" in article["title"]
    assert article["serviceItems"] == ["PETS_ENTRY"]


async def test_a_missing_language_falls_back_visibly(client: httpx.AsyncClient) -> None:
    # given the hotline article has no English text
    await seeded_index()
    # when
    body = await graphql(client, ARTICLE, {"slug": "hotline-12360"}, language="en")
    # then
    article = body["data"]["knowledgeArticle"]  # type: ignore[index]
    assert (article["language"], article["isFallback"]) == ("zh-Hans", True)
    assert article["availableLanguages"] == ["zh-Hans", "zh-Hant"]
    assert "12360" in article["title"]


async def test_an_administrator_publishes_a_version_that_takes_effect_on_its_day(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    await inspector(client, badge="A7101", roles=("administrator",))
    first = await graphql(client, SAVE, {"input": _input()})
    assert first["data"]["knowledgeArticleSave"]["savedVersion"] == 1  # type: ignore[index]
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    # when a second version is published for tomorrow
    second = await graphql(
        client,
        SAVE,
        {
            "input": _input(
                effectiveFrom=tomorrow,
                en={"title": "Liquids and gels", "body": "Perfume, wine and gels count."},
            )
        },
    )
    # then an editor starts from the latest version, with every version and the one in force
    draft = await graphql(client, DRAFT, {"slug": "liquids-in-baggage"})
    assert "errors" not in draft, draft
    shown = draft["data"]["knowledgeArticleDraft"]  # type: ignore[index]
    assert shown["en"] == {"title": "Liquids and gels", "body": "Perfume, wine and gels count."}
    assert shown["zhHant"] == {"title": "", "body": ""}
    assert [(v["version"], v["inForce"], v["languages"]) for v in shown["versions"]] == [
        (2, False, ["zh-Hans", "en"]),
        (1, True, ["zh-Hans", "en"]),
    ]
    assert shown["versions"][0]["effectiveFrom"] == tomorrow
    # then today's readers still see the first; tomorrow's see the second
    assert second["data"]["knowledgeArticleSave"]["savedVersion"] == 2  # type: ignore[index]
    today = await graphql(client, ARTICLE, {"slug": "liquids-in-baggage"})
    assert today["data"]["knowledgeArticle"]["title"] == "Liquids in your baggage"  # type: ignore[index]
    with clock.travel(clock.now() + timedelta(days=1)):
        later = await graphql(client, ARTICLE, {"slug": "liquids-in-baggage"})
    assert later["data"]["knowledgeArticle"]["title"] == "Liquids and gels"  # type: ignore[index]
    assert later["data"]["knowledgeArticle"]["version"] == 2  # type: ignore[index]
    events = await AuditEvent.filter(operation="knowledgeArticleSave", outcome="OK")
    assert [e.target_ids for e in events] == [
        ["kb_article:liquids-in-baggage@1"],
        ["kb_article:liquids-in-baggage@2"],
    ]
    assert await SearchDoc.filter(kind="article", key="liquids-in-baggage").count() == 1


async def test_only_administrators_and_supervisors_edit_articles(
    client: httpx.AsyncClient,
) -> None:
    # given an inspector
    await seeded_index()
    await inspector(client, badge="T7201")
    # when
    body = await graphql(client, SAVE, {"input": _input()})
    # then
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    draft = await graphql(client, DRAFT, {"slug": "bringing-pets"})
    assert draft["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert await ArticleVersion.filter(article__slug="liquids-in-baggage").count() == 0
    client.cookies.clear()
    anonymous = await graphql(client, SAVE, {"input": _input()})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    hidden = await graphql(client, DRAFT, {"slug": "bringing-pets"})
    assert hidden["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]


async def test_every_problem_is_listed_in_the_editors_language_and_nothing_is_saved(
    client: httpx.AsyncClient,
) -> None:
    # given
    await seeded_index()
    await inspector(client, badge="A7301", roles=("supervisor",))
    yesterday = (clock.today() - timedelta(days=1)).isoformat()
    # when
    body = await graphql(
        client,
        SAVE,
        {
            "input": _input(
                slug="Bad Slug!",
                effectiveFrom=yesterday,
                en={"title": "", "body": "x" * 9000},
                # a code longer than any item's code column is an unknown choice like any other
                serviceItems=["NOPE", "X" * 60],
                dutyCategories=["cosmetics", "unicorns"],
                notices=["not-a-uuid"],
            )
        },
        language="zh-CN",
    )
    # then
    assert body.get("data"), body
    result = body["data"]["knowledgeArticleSave"]  # type: ignore[index]
    assert result["__typename"] == "ValidationError"
    assert {(e["field"], e["code"]) for e in result["errors"]} == {
        ("input.slug", "INVALID_FORMAT"),
        ("input.effectiveFrom", "IN_THE_PAST"),
        ("input.en.title", "REQUIRED"),
        ("input.en.body", "TOO_LONG"),
        ("input.serviceItems.0", "INVALID_CHOICE"),
        ("input.serviceItems.1", "INVALID_CHOICE"),
        ("input.dutyCategories.1", "INVALID_CHOICE"),
        ("input.notices.0", "INVALID_FORMAT"),
    }
    assert all(e["message"] for e in result["errors"])
    assert await ArticleVersion.all().count() == len(ARTICLES) + len(HELP_ARTICLES)  # seeded
