from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.applications.services import seed_holidays
from palm_customs.core import clock, jobs
from palm_customs.core.models import AuditEvent
from palm_customs.notifications.models import Notification
from palm_customs.support.models import Feedback, FeedbackStatus
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, traveller

SUBMIT = """
mutation($input: FeedbackSubmitInput!) {
  feedbackSubmit(input: $input) {
    __typename
    ... on FeedbackSubmitSuccess { reference dueDate trackingCode }
    ... on ValidationError { errors { field code } }
  }
}
"""
CHANGE_RESULT = """
    __typename
    ... on FeedbackChanged { item { reference status replies { text } publicationConsent } }
    ... on FeedbackError { code message field }
    ... on ValidationError { errors { field code } }
"""
REPLY = f"""
mutation($input: FeedbackReplyInput!) {{ feedbackReply(input: $input) {{ {CHANGE_RESULT} }} }}
"""
CONSENT = f"""
mutation($input: FeedbackConsentInput!) {{ feedbackConsent(input: $input) {{ {CHANGE_RESULT} }} }}
"""
PUBLISH = f"""
mutation($input: FeedbackPublishInput!) {{ feedbackPublish(input: $input) {{ {CHANGE_RESULT} }} }}
"""
MINE = "{ myFeedback { reference kind status dueDate replies { text } anonymous } }"
STATUS = """
query($r: String!, $c: String) {
  feedbackStatus(reference: $r, trackingCode: $c) { reference status replies { text } }
}
"""
QUEUE = "{ feedbackQueue { reference status escalated } }"
TO_PUBLISH = "{ feedbackToPublish { reference status publicationConsent } }"
COLUMN = "{ publicFeedback { reference kind message reply } }"


@asynccontextmanager
async def second_device(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """Another person's browser on the same server (its own cookies)."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as http:
        yield http


async def test_a_complaint_is_answered_the_sender_notified_and_published_with_consent(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given a signed-in traveller files a complaint
    await seed_holidays()
    await traveller(client)
    sent = await graphql(
        client,
        SUBMIT,
        {"input": {"kind": "COMPLAINT", "message": "The queue at gate 3 took two hours."}},
    )
    complaint = sent["data"]["feedbackSubmit"]  # type: ignore[index]
    reference = complaint["reference"]
    assert complaint["trackingCode"] is None  # signed: followed in the app
    assert complaint["dueDate"] > clock.today().isoformat()
    async with second_device(app) as officer:
        await inspector(officer, badge="S8001", roles=("supervisor",))
        queue = await graphql(officer, QUEUE)
        assert [q["reference"] for q in queue["data"]["feedbackQueue"]] == [reference]  # type: ignore[index]
        # when an officer answers on a tablet
        answered = await graphql(
            officer,
            REPLY,
            {"input": {"reference": reference, "reply": "We opened two more lanes at gate 3."}},
        )
        assert answered["data"]["feedbackReply"]["item"]["status"] == "ANSWERED"  # type: ignore[index]
        # then the traveller is notified and sees the answer
        note = await Notification.get(type="feedback_reply")
        assert reference in note.title
        mine = await graphql(client, MINE)
        item = mine["data"]["myFeedback"][0]  # type: ignore[index]
        assert (item["status"], item["anonymous"]) == ("ANSWERED", False)
        assert item["replies"] == [{"text": "We opened two more lanes at gate 3."}]
        # the officer cannot publish before the traveller agrees
        early = await graphql(
            officer,
            PUBLISH,
            {
                "input": {
                    "reference": reference,
                    "publicMessage": "Long queue",
                    "publicReply": "More lanes",
                }
            },
        )
        assert early["data"]["feedbackPublish"]["code"] == "NO_CONSENT"  # type: ignore[index]
        # when the traveller agrees to publication
        agreed = await graphql(client, CONSENT, {"input": {"reference": reference, "agree": True}})
        assert agreed["data"]["feedbackConsent"]["item"]["publicationConsent"] is True  # type: ignore[index]
        # and it waits for the officer's redaction, no longer in the answering queue
        waiting = await graphql(officer, TO_PUBLISH)
        assert waiting["data"]["feedbackToPublish"] == [  # type: ignore[index]
            {"reference": reference, "status": "ANSWERED", "publicationConsent": True}
        ]
        assert (await graphql(officer, QUEUE))["data"]["feedbackQueue"] == []  # type: ignore[index]
        assert "errors" in await graphql(client, TO_PUBLISH)  # not for the sender
        # then personal data left in the text is refused, and the cleaned text is published
        leaky = await graphql(
            officer,
            PUBLISH,
            {
                "input": {
                    "reference": reference,
                    "publicMessage": "Call me on 13812345678 about the queue.",
                    "publicReply": "More lanes were opened.",
                }
            },
        )
        refused = leaky["data"]["feedbackPublish"]  # type: ignore[index]
        assert (refused["code"], refused["field"]) == ("PERSONAL_DATA_LEFT", "input.publicMessage")
        assert await graphql(client, COLUMN) == {"data": {"publicFeedback": []}}
        published = await graphql(
            officer,
            PUBLISH,
            {
                "input": {
                    "reference": reference,
                    "publicMessage": "The queue at a gate took two hours.",
                    "publicReply": "More lanes were opened.",
                }
            },
        )
        assert published["data"]["feedbackPublish"]["item"]["status"] == "PUBLISHED"  # type: ignore[index]
        done = await graphql(officer, TO_PUBLISH)
        assert done["data"]["feedbackToPublish"] == []  # type: ignore[index]
    column = await graphql(client, COLUMN)
    assert column["data"]["publicFeedback"] == [  # type: ignore[index]
        {
            "reference": reference,
            "kind": "COMPLAINT",
            "message": "The queue at a gate took two hours.",
            "reply": "More lanes were opened.",
        }
    ]
    outcomes = [
        (e.operation, e.outcome) for e in await AuditEvent.filter(operation__startswith="feedback")
    ]
    assert ("feedbackPublish", "OK") in outcomes
    assert ("feedbackReply", "OK") in outcomes


async def test_an_anonymous_report_is_followed_only_with_its_tracking_code(
    client: httpx.AsyncClient,
) -> None:
    # given a signed-out person reports something
    await seed_holidays()
    sent = await graphql(
        client, SUBMIT, {"input": {"kind": "REPORT", "message": "Someone sells fake seals."}}
    )
    report = sent["data"]["feedbackSubmit"]  # type: ignore[index]
    # when they look it up with and without the code
    found = await graphql(client, STATUS, {"r": report["reference"], "c": report["trackingCode"]})
    missed = await graphql(client, STATUS, {"r": report["reference"], "c": "guess"})
    bare = await graphql(client, STATUS, {"r": report["reference"]})
    # then only the code shows it, and nothing links it to anyone
    assert found["data"]["feedbackStatus"]["status"] == "RECEIVED"  # type: ignore[index]
    assert missed["data"]["feedbackStatus"] is None  # type: ignore[index]
    assert bare["data"]["feedbackStatus"] is None  # type: ignore[index]
    stored = await Feedback.get(reference=report["reference"])
    assert stored.account_id is None
    assert report["trackingCode"] not in (stored.tracking_hash or "")


async def test_an_unanswered_item_is_escalated_when_its_working_days_run_out(
    client: httpx.AsyncClient,
) -> None:
    # given two complaints, one of them answered in time
    await seed_holidays()
    first = await graphql(
        client, SUBMIT, {"input": {"kind": "COMPLAINT", "message": "No reply yet."}}
    )
    second = await graphql(client, SUBMIT, {"input": {"kind": "COMPLAINT", "message": "Answered."}})
    late = first["data"]["feedbackSubmit"]["reference"]  # type: ignore[index]
    answered = second["data"]["feedbackSubmit"]["reference"]  # type: ignore[index]
    await Feedback.filter(reference=answered).update(status=FeedbackStatus.ANSWERED)
    # when the time limit's last day has passed and the jobs run
    await jobs.drain_once(worker="test")
    assert await Feedback.filter(status=FeedbackStatus.ESCALATED).count() == 0  # not yet
    with clock.travel(clock.now() + timedelta(days=12)):
        await jobs.drain_once(worker="test")
    # then only the unanswered one is escalated
    assert (await Feedback.get(reference=late)).status == FeedbackStatus.ESCALATED
    assert (await Feedback.get(reference=answered)).status == FeedbackStatus.ANSWERED


async def test_only_supervisors_answer_and_a_person_cannot_consent_for_someone_else(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given
    await seed_holidays()
    sent = await graphql(client, SUBMIT, {"input": {"kind": "SUGGESTION", "message": "Add maps."}})
    reference = sent["data"]["feedbackSubmit"]["reference"]  # type: ignore[index]
    async with second_device(app) as other:
        await inspector(other, badge="T8101")
        # when
        forbidden = await graphql(other, REPLY, {"input": {"reference": reference, "reply": "ok"}})
        consent = await graphql(other, CONSENT, {"input": {"reference": reference, "agree": True}})
    # then
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert consent["data"]["feedbackConsent"]["code"] == "NOT_FOUND"  # type: ignore[index]
    assert (await Feedback.get(reference=reference)).publication_consent is None
