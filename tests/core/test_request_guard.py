"""The request-level guards of issue #11: strings checked centrally before execution, several
operations without operationName refused, every mutation audited whatever its end."""

from __future__ import annotations

import httpx
import pytest

from palm_customs.core.models import AuditEvent
from palm_customs.support import services as support_services
from palm_customs.support.models import Feedback
from tests.conftest import graphql

FEEDBACK = """
mutation($input: FeedbackSubmitInput!) {
  feedbackSubmit(input: $input) { __typename }
}
"""


@pytest.mark.parametrize(
    ("message", "code_point"),
    [("hello\x00there", "NUL"), ("hello\x1bthere", "ESC"), ("price \u202e0001", "RLO")],
)
async def test_a_control_character_is_refused_before_anything_runs_and_the_refusal_audited(
    client: httpx.AsyncClient, message: str, code_point: str
) -> None:
    # when
    body = await graphql(client, FEEDBACK, {"input": {"message": message}}, language="zh-Hans")
    # then
    error = body["errors"][0]  # type: ignore[index]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.message"}, code_point
    assert "控制字符" in error["message"]
    assert await Feedback.all().count() == 0
    refused = await AuditEvent.get(operation="feedbackSubmit")
    assert refused.outcome == "BAD_USER_INPUT"


async def test_free_text_keeps_its_line_breaks_emoji_and_right_to_left_script(
    client: httpx.AsyncClient,
) -> None:
    text = "第一行\n第二行\t😀 مرحبا"
    body = await graphql(client, FEEDBACK, {"input": {"message": text}})
    assert body["data"]["feedbackSubmit"]["__typename"] == "FeedbackSubmitSuccess"  # type: ignore[index]
    assert (await Feedback.get()).message == text


async def test_a_string_past_every_limit_is_refused_in_a_literal_too(
    client: httpx.AsyncClient,
) -> None:
    long = "x" * 4001
    body = await graphql(client, '{ serviceItems(search: "' + long + '") { nodes { code } } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"  # type: ignore[index]


async def test_a_value_longer_than_its_column_is_bad_input_not_internal(
    client: httpx.AsyncClient,
) -> None:
    # the port code column holds 5 characters; the guard's default limit is far above that
    body = await graphql(client, '{ port(code: "ABCDEFGHIJKLMNOPQRSTUVWXYZ") { code } }')
    assert "errors" not in body or body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"  # type: ignore[index]


async def test_several_operations_without_an_operation_name_are_refused(
    client: httpx.AsyncClient,
) -> None:
    # given a document whose first operation would write
    document = (
        'mutation A { feedbackSubmit(input: {message: "first"}) { __typename } }'
        " query B { me { accountId } }"
    )
    # when
    body = await graphql(client, document)
    # then
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"  # type: ignore[index]
    assert await Feedback.all().count() == 0
    # and naming one runs that one
    named = await client.post(
        "/graphql", json={"query": document, "operationName": "A"}, headers={"origin": "x"}
    )
    assert named.status_code in (200, 403)


async def test_a_mutation_that_ends_in_an_internal_error_is_audited(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(support_services, "submit_feedback", broken)
    # when
    body = await graphql(client, FEEDBACK, {"input": {"message": "hello there"}})
    # then
    assert body["errors"][0]["extensions"]["code"] == "INTERNAL"  # type: ignore[index]
    event = await AuditEvent.get(operation="feedbackSubmit")
    assert event.outcome == "INTERNAL"
