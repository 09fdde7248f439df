from __future__ import annotations

from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.core import clock, jobs
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import Session
from palm_customs.notifications import push
from palm_customs.notifications.models import Notification, PolicyNotice
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, traveller
from tests.notifications.receiver import Receiver, b64url

PUBLISH = """
mutation($input: PolicyNoticeInput!) {
  policyNoticePublish(input: $input) {
    __typename ... on PolicyNoticePublished { id category } ... on ValidationError { errors { field code } }
  }
}
"""
NOTICE = {
    "category": "passenger_articles",
    "title": {
        "zhHans": "旅客行李物品新规",
        "zhHant": "旅客行李物品新規",
        "en": "New rules for passengers' articles",
    },
    "body": {
        "zhHans": "自下月起免税额调整。",
        "zhHant": "自下月起免稅額調整。",
        "en": "The duty-free allowance changes next month.",
    },
    "link": "/services",
}
FOLLOW = """
mutation($policy: [String!]!) { notificationSettingsSave(policyCategories: $policy) { __typename } }
"""
SUBSCRIBE = """
mutation($endpoint: String!, $p256dh: String!, $auth: String!) {
  pushSubscriptionSave(endpoint: $endpoint, p256dh: $p256dh, auth: $auth, categories: ["policy_notices"]) { __typename }
}
"""


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def test_a_supervisor_publishes_a_notice_that_reaches_only_its_followers(
    client: httpx.AsyncClient, app: Starlette, receiver: Receiver, sender: push.WebPushSender
) -> None:
    # given two travellers, one following passenger-article notices with a push device
    await traveller(client, n=1)
    device = receiver.device()
    await graphql(client, FOLLOW, {"policy": ["passenger_articles"]})
    await graphql(
        client,
        SUBSCRIBE,
        {
            "endpoint": receiver.endpoint(device),
            "p256dh": device.p256dh,
            "auth": b64url(device.auth),
        },
    )
    async with _client(app) as other, _client(app) as supervisor:
        await traveller(other, n=2)
        await graphql(other, FOLLOW, {"policy": ["tax"]})
        await inspector(supervisor, badge="S1001", roles=("supervisor",))
        # when
        published = await graphql(supervisor, PUBLISH, {"input": NOTICE})
        await jobs.drain_once(worker="w")
        await jobs.drain_once(worker="w")
        # then
        assert published["data"]["policyNoticePublish"]["__typename"] == "PolicyNoticePublished"  # type: ignore[index]
        follower = (await graphql(client, "{ myNotifications { nodes { type title } } }"))["data"][
            "myNotifications"
        ]["nodes"]  # type: ignore[index]
        other_inbox = (await graphql(other, "{ myNotifications { nodes { type } } }"))["data"][
            "myNotifications"
        ]["nodes"]  # type: ignore[index]
    # worded in the language the follower uses the app in (English here)
    assert {"type": "POLICY_NOTICE", "title": "New rules for passengers' articles"} in follower
    assert all(n["type"] != "POLICY_NOTICE" for n in other_inbox)
    notice = await PolicyNotice.get()
    assert notice.recipients == 1
    assert notice.fanned_out_at is not None
    assert [d.payload["title"] for d in receiver.deliveries] == [
        "New rules for passengers' articles"
    ]
    assert receiver.deliveries[0].headers["urgency"] == "low"
    assert await AuditEvent.filter(operation="policyNoticePublish", outcome="OK").count() == 1


async def test_publishing_needs_a_fresh_step_up_and_the_right_role(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    await traveller(client)
    citizen = await graphql(client, PUBLISH, {"input": NOTICE})
    async with _client(app) as officer, _client(app) as supervisor:
        await inspector(officer, badge="T1009")
        by_inspector = await graphql(officer, PUBLISH, {"input": NOTICE})
        await inspector(supervisor, badge="S1002", roles=("supervisor",))
        stale_sessions = [
            s.id for s in await Session.filter(ended_at=None) if "supervisor" in s.roles
        ]
        await Session.filter(id__in=stale_sessions).update(
            step_up_at=clock.now() - timedelta(minutes=6)
        )
        stale = await graphql(supervisor, PUBLISH, {"input": NOTICE})
    assert citizen["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert by_inspector["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert stale["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]
    assert await PolicyNotice.all().count() == 0


async def test_a_notice_with_missing_translations_is_refused(client: httpx.AsyncClient) -> None:
    await inspector(client, badge="S1003", roles=("supervisor",))
    body = await graphql(
        client,
        PUBLISH,
        {"input": {**NOTICE, "category": "gossip", "title": {**NOTICE["title"], "en": ""}}},
    )  # type: ignore[dict-item]
    errors = {(e["field"], e["code"]) for e in body["data"]["policyNoticePublish"]["errors"]}  # type: ignore[index]
    assert errors == {("input.category", "INVALID_CHOICE"), ("input.title.en", "REQUIRED")}
    assert await Notification.all().count() == 0
