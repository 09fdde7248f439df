"""Every question a form links to help (pwa/src/features/help/helpLinks.json) opens a published
article with its own text in each of the three languages, and every question the declaration
wizard's checklist asks has such a link."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from palm_customs.declarations.checklist import CODES
from tests.conftest import graphql
from tests.knowledge.flows import seeded_index

LINKS_FILE = Path(__file__).resolve().parents[2] / "pwa/src/features/help/helpLinks.json"
LINKS: dict[str, str] = json.loads(LINKS_FILE.read_text(encoding="utf-8"))
ARTICLE = """
query($slug: String!) {
  knowledgeArticle(slug: $slug) { slug title body language isFallback availableLanguages }
}
"""
LOCALES = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "en": "en-GB"}


def test_every_checklist_question_of_the_wizard_has_an_article() -> None:
    linked = {key.removeprefix("declare.checklist.") for key in LINKS}
    assert sorted(CODES - linked) == []


@pytest.mark.parametrize("language", sorted(LOCALES))
async def test_every_link_opens_a_published_article_in_the_language(
    client: httpx.AsyncClient, language: str
) -> None:
    # given the demo articles
    await seeded_index()
    missing = []
    for question, slug in sorted(LINKS.items()):
        # when a reader follows the link in their language
        body = await graphql(client, ARTICLE, {"slug": slug}, language=LOCALES[language])
        article = body["data"]["knowledgeArticle"]  # type: ignore[index]
        # then the article is there, in that language, with a text
        if (
            article is None
            or article["isFallback"]
            or article["language"] != language
            or len(article["body"]) < 20
        ):
            missing.append((question, slug, article and article["language"]))
    assert missing == []


def test_every_link_has_its_words_in_the_three_catalogues() -> None:
    help_dir = LINKS_FILE.parent
    missing = [
        (language, question)
        for language in ("en", "zh-Hans", "zh-Hant")
        for question in LINKS
        if f"'link.{question}':"
        not in (help_dir / f"helpMessages.{language}.ts").read_text(encoding="utf-8")
    ]
    assert missing == []
