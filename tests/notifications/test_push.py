from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from starlette.applications import Starlette

from palm_customs.core import clock, jobs
from palm_customs.core.models import AuditEvent
from palm_customs.notifications import push
from palm_customs.notifications.models import Notification, PushSubscription
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import AMEND, RECORD, article, inspector, key, submit, traveller, trip
from tests.identity.flows import sign_in
from tests.notifications.receiver import Device, Receiver, b64url

SUBSCRIBE = """
mutation($endpoint: String!, $p256dh: String!, $auth: String!, $categories: [String!]!) {
  pushSubscriptionSave(endpoint: $endpoint, p256dh: $p256dh, auth: $auth, categories: $categories, device: "phone") {
    __typename ... on NotificationError { notificationCode message } ... on ValidationError { errors { field code } }
  }
}
"""
INBOX = (
    "{ myNotifications { unreadCount nodes { id type title body link topic superseded readAt } } }"
)
MARK_READ = "mutation($id: ID!) { notificationMarkRead(notificationId: $id) { __typename ... on NotificationError { notificationCode } } }"
SETTINGS = """
mutation($start: Time, $end: Time, $tz: String!, $policy: [String!]!) {
  notificationSettingsSave(quietStart: $start, quietEnd: $end, timezone: $tz, policyCategories: $policy) {
    __typename ... on ValidationError { errors { field code } }
  }
}
"""


async def _subscribe(client: httpx.AsyncClient, receiver: Receiver, device: Device) -> dict:  # type: ignore[type-arg]
    body = await graphql(
        client,
        SUBSCRIBE,
        {
            "endpoint": receiver.endpoint(device),
            "p256dh": device.p256dh,
            "auth": b64url(device.auth),
            "categories": ["declaration_outcomes", "policy_notices"],
        },
    )
    return body["data"]["pushSubscriptionSave"]  # type: ignore[index,no-any-return]


async def _drain() -> jobs.DrainResult:
    total = jobs.DrainResult()
    while True:
        result = await jobs.drain_once(worker="test-worker")
        if result.claimed == 0:
            return total
        total.claimed += result.claimed
        total.done += result.done
        total.failed += result.failed
        total.retried += result.retried


async def test_a_declaration_event_lands_in_the_inbox_and_is_pushed_encrypted(
    client: httpx.AsyncClient, app: Starlette, receiver: Receiver, sender: push.WebPushSender
) -> None:
    # given a traveller whose phone subscribed to pushes
    await traveller(client)
    device = receiver.device()
    assert (await _subscribe(client, receiver, device))["__typename"] == "NotificationDone"
    declaration = (await submit(client, trip()))["declaration"]
    # when an officer records the outcome
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as officer:
        await inspector(officer)
        await graphql(
            officer,
            RECORD,
            {
                "input": {
                    "number": declaration["number"],
                    "version": 1,
                    "kind": "RELEASED",
                    "observedAt": clock.now().isoformat(),
                },
                "key": key(),
            },
        )
    result = await _drain()
    # then both notifications are in the inbox, the first superseded by the outcome
    inbox = (await graphql(client, INBOX))["data"]["myNotifications"]  # type: ignore[index]
    assert [n["type"] for n in inbox["nodes"]] == ["DECLARATION_OUTCOME", "DECLARATION_RECEIVED"]
    assert [n["superseded"] for n in inbox["nodes"]] == [False, True]
    assert inbox["unreadCount"] == 1
    outcome = inbox["nodes"][0]
    assert declaration["number"] in outcome["title"]
    # and the device received the outcome, decrypted exactly, with the right headers
    assert result.done >= 1
    delivered = receiver.deliveries[-1]
    assert delivered.payload == {
        "id": outcome["id"],
        "title": outcome["title"],
        "body": outcome["body"],
        "link": outcome["link"],
        "topic": outcome["topic"],
    }
    assert delivered.headers["ttl"] == "86400"
    assert delivered.headers["urgency"] == "high"
    assert delivered.headers["topic"] == outcome["topic"]
    assert delivered.vapid_claims["aud"] == receiver.origin
    assert len(outcome["topic"]) <= 32


@pytest.mark.parametrize("status", [404, 410])
async def test_a_gone_subscription_is_removed(
    client: httpx.AsyncClient, receiver: Receiver, sender: push.WebPushSender, status: int
) -> None:
    await traveller(client)
    device = receiver.device()
    await _subscribe(client, receiver, device)
    receiver.answer(device, status)
    await submit(client, trip())
    result = await _drain()
    assert result.done == 1
    assert await PushSubscription.all().count() == 0
    assert await Notification.all().count() == 1  # the inbox keeps the message


async def test_429_is_retried_after_the_time_the_push_service_asks(
    client: httpx.AsyncClient, receiver: Receiver, sender: push.WebPushSender
) -> None:
    # given
    await traveller(client)
    device = receiver.device()
    await _subscribe(client, receiver, device)
    receiver.answer(device, 429, {"Retry-After": "120"})
    before = clock.now()
    await submit(client, trip())
    # when
    first = await _drain()
    # then it waits as asked
    job = await jobs.Job.get(kind="push.deliver")
    assert first.retried == 1
    assert job.status is jobs.JobStatus.PENDING
    assert job.run_after >= before + timedelta(seconds=119)
    assert receiver.deliveries == []
    # and when the time comes it is delivered
    await jobs.Job.filter(id=job.id).update(run_after=clock.now())
    await _drain()
    assert len(receiver.deliveries) == 1


async def test_a_failing_push_service_is_retried_until_the_ttl_then_the_job_fails_visibly(
    client: httpx.AsyncClient, receiver: Receiver, sender: push.WebPushSender
) -> None:
    # given a push service that answers 503 for ever
    await traveller(client)
    device = receiver.device()
    await _subscribe(client, receiver, device)
    for _ in range(30):
        receiver.answer(device, 503)
    await submit(client, trip())
    # when it is retried as each backoff ends: more than a count of 8 would have allowed
    for _ in range(12):
        await _drain()
        await jobs.Job.filter(status=jobs.JobStatus.PENDING).update(run_after=clock.now())
    retrying = await jobs.Job.get(kind="push.deliver")
    # and once the message's TTL (24 h) has passed
    with clock.travel(clock.now() + timedelta(hours=24)):
        await _drain()
    # then it stopped, saying why; the inbox keeps the message
    job = await jobs.Job.get(kind="push.deliver")
    assert retrying.status is jobs.JobStatus.PENDING
    assert retrying.attempts == 12
    assert job.status is jobs.JobStatus.FAILED
    assert job.last_error is not None
    assert job.last_error.startswith("gave up after 13 attempts: its retry budget ended")
    assert "push service answered 503" in job.last_error
    assert await Notification.all().count() == 1


def test_an_oversized_payload_is_refused_before_sending() -> None:
    notification = Notification(
        id="00000000-0000-0000-0000-000000000001",
        title="税" * 120,
        body="款" * 1300,
        link="/inbox",
        topic="t",
    )
    with pytest.raises(push.PayloadTooLarge):
        push.payload_for(notification)


async def test_a_worker_that_dies_mid_batch_loses_nothing(
    client: httpx.AsyncClient, receiver: Receiver, sender: push.WebPushSender
) -> None:
    # given three devices and a submission (three push jobs)
    await traveller(client)
    devices = [receiver.device() for _ in range(3)]
    for device in devices:
        await _subscribe(client, receiver, device)
    await submit(client, trip())
    # when a holder without a liveness record claims them and dies before sending anything
    claimed = await jobs.claim(worker="A", limit=10)
    assert len(claimed) == 3
    assert (await jobs.drain_once(worker="B")).claimed == 0  # leased: B leaves them alone
    await jobs.Job.filter(locked_by="A").update(locked_until=clock.now() - timedelta(seconds=1))
    await _drain()
    # then every device got its message exactly once
    assert sorted(d.path for d in receiver.deliveries) == sorted(d.path for d in devices)


async def test_quiet_hours_defer_normal_pushes_but_not_urgent_ones(
    client: httpx.AsyncClient, app: Starlette, receiver: Receiver, sender: push.WebPushSender
) -> None:
    # given a person whose quiet hours cover the whole day
    await traveller(client)
    device = receiver.device()
    await _subscribe(client, receiver, device)
    saved = await graphql(
        client, SETTINGS, {"start": "00:00:00", "end": "23:59:00", "tz": "UTC", "policy": []}
    )
    assert saved["data"]["notificationSettingsSave"]["__typename"] == "NotificationDone"  # type: ignore[index]
    declaration = (await submit(client, trip()))["declaration"]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as officer:
        await inspector(officer)
        await graphql(
            officer,
            RECORD,
            {
                "input": {
                    "number": declaration["number"],
                    "version": 1,
                    "kind": "RELEASED",
                    "observedAt": clock.now().isoformat(),
                },
                "key": key(),
            },
        )
    # when
    await _drain()
    # then only the urgent outcome went out now; the receipt waits for the morning
    assert [d.headers["urgency"] for d in receiver.deliveries] == ["high"]
    waiting = await jobs.Job.get(status=jobs.JobStatus.PENDING)
    assert waiting.run_after > clock.now()


async def test_a_superseded_notification_is_not_pushed_late(
    client: httpx.AsyncClient, receiver: Receiver, sender: push.WebPushSender
) -> None:
    await traveller(client)
    device = receiver.device()
    await _subscribe(client, receiver, device)
    first = (await submit(client, trip()))["declaration"]
    await graphql(
        client,
        AMEND,
        {"id": first["id"], "input": trip(articles=[article(unitValue="10.00")]), "key": key()},
    )
    await _drain()
    bodies = [d.payload["body"] for d in receiver.deliveries]
    assert len(bodies) == 1
    assert "2" in bodies[0]  # version 2 only


async def test_nobody_reads_or_marks_anyone_elses_inbox(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    await traveller(client)
    await submit(client, trip())
    mine = (await graphql(client, INBOX))["data"]["myNotifications"]["nodes"]  # type: ignore[index]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as other:
        await traveller(other, n=2)
        theirs = (await graphql(other, INBOX))["data"]["myNotifications"]["nodes"]  # type: ignore[index]
        marked = await graphql(other, MARK_READ, {"id": mine[0]["id"]})
    assert theirs == []
    assert marked["data"]["notificationMarkRead"]["notificationCode"] == "not_found"  # type: ignore[index]
    assert (await Notification.get(id=mine[0]["id"])).read_at is None
    read = await graphql(client, MARK_READ, {"id": mine[0]["id"]})
    assert read["data"]["notificationMarkRead"]["__typename"] == "NotificationDone"  # type: ignore[index]
    assert (await graphql(client, INBOX))["data"]["myNotifications"]["unreadCount"] == 0  # type: ignore[index]


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://10.0.0.5/push/x",
        "http://169.254.169.254/latest/meta-data",
        "https://evil.example/push",
        "ftp://127.0.0.1/x",
    ],
)
async def test_push_endpoints_outside_known_push_services_are_refused(
    client: httpx.AsyncClient, endpoint: str
) -> None:
    await traveller(client)
    device = Device(path="/x")
    body = await graphql(
        client,
        SUBSCRIBE,
        {
            "endpoint": endpoint,
            "p256dh": device.p256dh,
            "auth": "AAAAAAAAAAAAAAAAAAAAAA",
            "categories": [],
        },
    )
    assert body["data"]["pushSubscriptionSave"]["notificationCode"] == "endpoint_not_allowed"  # type: ignore[index]
    assert await PushSubscription.all().count() == 0


async def test_signing_out_forgets_this_devices_subscription(
    client: httpx.AsyncClient, receiver: Receiver
) -> None:
    await traveller(client)
    await _subscribe(client, receiver, receiver.device())
    await graphql(client, "mutation { signOut { __typename } }")
    assert await PushSubscription.all().count() == 0


async def test_signing_out_forgets_only_this_devices_and_everywhere_forgets_every_one(
    client: httpx.AsyncClient, app: Starlette, receiver: Receiver
) -> None:
    # given a traveller signed in on a phone and a tablet, each subscribed to pushes
    auth = await traveller(client)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as tablet:
        assert (await sign_in(tablet, auth))["__typename"] == "SignInSuccess"
        await _subscribe(client, receiver, receiver.device())
        await _subscribe(tablet, receiver, receiver.device())
        # when the phone signs out, then only the phone's subscription is gone
        await graphql(client, "mutation { signOut { __typename } }")
        assert await PushSubscription.all().count() == 1
        # when the tablet signs out everywhere, then none is left
        await graphql(tablet, "mutation { signOutEverywhere { __typename } }")
        assert await PushSubscription.all().count() == 0


async def test_subscription_keys_are_checked(client: httpx.AsyncClient, receiver: Receiver) -> None:
    await traveller(client)
    body = await graphql(
        client,
        SUBSCRIBE,
        {
            "endpoint": receiver.endpoint(receiver.device()),
            "p256dh": "short",
            "auth": "x",
            "categories": ["nope"],
        },
    )
    fields = {(e["field"], e["code"]) for e in body["data"]["pushSubscriptionSave"]["errors"]}  # type: ignore[index]
    assert fields == {
        ("p256dh", "INVALID_FORMAT"),
        ("auth", "INVALID_FORMAT"),
        ("categories", "INVALID_CHOICE"),
    }


async def test_every_notification_mutation_is_audited(
    client: httpx.AsyncClient, receiver: Receiver
) -> None:
    await traveller(client)
    await _subscribe(client, receiver, receiver.device())
    await graphql(client, "mutation { notificationMarkAllRead { __typename } }")
    operations = set(await AuditEvent.all().values_list("operation", flat=True))
    assert {"pushSubscriptionSave", "notificationMarkAllRead"} <= operations
