"""The input guard finds a document's string sites once (issue #14) and still checks every
request's variables: the same query text answers each request by its own values."""

from __future__ import annotations

import httpx
import pytest

from palm_customs.core import input_guard
from palm_customs.support.models import Feedback
from tests.conftest import graphql

FEEDBACK = """
mutation($input: FeedbackSubmitInput!) {
  feedbackSubmit(input: $input) { __typename }
}
"""


async def test_the_same_document_is_checked_by_each_requests_variables(
    client: httpx.AsyncClient,
) -> None:
    # given the document's plan is made by a request with acceptable values
    first = await graphql(client, FEEDBACK, {"input": {"message": "fine"}})
    assert first["data"]["feedbackSubmit"]["__typename"] == "FeedbackSubmitSuccess"  # type: ignore[index]
    # when the same text comes again with a control character, then a value too long
    control = await graphql(client, FEEDBACK, {"input": {"message": "bad\x00"}})
    long = await graphql(client, FEEDBACK, {"input": {"message": "x" * 4001}})
    # then each is refused by its own value, and only the first was stored
    assert control["errors"][0]["extensions"] == {  # type: ignore[index]
        "code": "BAD_USER_INPUT",
        "field": "input.message",
    }
    assert long["errors"][0]["extensions"]["field"] == "input.message"  # type: ignore[index]
    assert await Feedback.all().count() == 1


async def test_a_refused_literal_is_refused_every_time(client: httpx.AsyncClient) -> None:
    query = '{ serviceItems(search: "a\\u001bb") { nodes { code } } }'
    for _ in range(3):
        body = await graphql(client, query)
        assert body["errors"][0]["extensions"] == {  # type: ignore[index]
            "code": "BAD_USER_INPUT",
            "field": "search",
        }


async def test_plans_are_bounded(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(input_guard, "PLAN_CACHE_SIZE", 4)
    for n in range(9):
        await graphql(client, f'{{ port(code: "P{n}") {{ code }} }}')
    assert len(input_guard._plans) == 4
