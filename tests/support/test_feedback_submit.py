from __future__ import annotations

import httpx
import pytest

from palm_customs.core.audit import seal, verify
from palm_customs.core.models import AuditEvent
from palm_customs.support.models import Feedback
from tests.conftest import graphql

FEEDBACK_SUBMIT = """
mutation FeedbackSubmit($input: FeedbackSubmitInput!) {
  feedbackSubmit(input: $input) {
    __typename
    ... on FeedbackSubmitSuccess { feedbackId }
    ... on ValidationError { code message field errors { field code message } }
  }
}
"""


async def test_feedback_is_stored_with_its_audit_event(client: httpx.AsyncClient) -> None:
    # when
    body = await graphql(
        client, FEEDBACK_SUBMIT, {"input": {"message": "  The duty page is clear.  ", "page": "/"}}
    )
    # then
    result = body["data"]["feedbackSubmit"]  # type: ignore[index]
    assert result["__typename"] == "FeedbackSubmitSuccess"
    stored = await Feedback.get(id=result["feedbackId"])
    assert stored.message == "The duty page is clear."
    event = await AuditEvent.get(operation="feedbackSubmit")
    assert event.outcome == "OK"
    assert event.target_ids == [f"feedback:{stored.id}"]
    assert "duty page" not in str(event.target_ids)
    await seal()
    assert (await verify()).breaks == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Enter your feedback."),
        ("zh-CN", "请填写反馈内容。"),
        ("zh-HK", "請填寫意見內容。"),
    ],
)
async def test_every_problem_is_listed_in_the_callers_language_and_nothing_is_saved(
    client: httpx.AsyncClient, language: str, message: str
) -> None:
    # when
    body = await graphql(
        client, FEEDBACK_SUBMIT, {"input": {"message": "   ", "page": "p" * 500}}, language=language
    )
    # then
    result = body["data"]["feedbackSubmit"]  # type: ignore[index]
    assert result["__typename"] == "ValidationError"
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("input.message", "REQUIRED"),
        ("input.page", "TOO_LONG"),
    ]
    assert result["errors"][0]["message"] == message
    assert await Feedback.all().count() == 0
    refused = await AuditEvent.get(operation="feedbackSubmit")
    assert refused.outcome == "validation_failed"


async def test_an_oversized_message_is_refused(client: httpx.AsyncClient) -> None:
    body = await graphql(client, FEEDBACK_SUBMIT, {"input": {"message": "x" * 2001}})
    result = body["data"]["feedbackSubmit"]  # type: ignore[index]
    assert result["errors"][0]["code"] == "TOO_LONG"
    assert await Feedback.all().count() == 0


async def test_a_failure_after_the_write_leaves_nothing_half_saved(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the audit append fails after the feedback row was inserted in the transaction
    from palm_customs.core import audit

    async def failing_append(connection: object, record: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(audit, "append", failing_append)
    # when
    body = await graphql(client, FEEDBACK_SUBMIT, {"input": {"message": "hello there"}})
    # then
    assert body["errors"][0]["extensions"]["code"] == "INTERNAL"  # type: ignore[index]
    assert await Feedback.all().count() == 0
