"""What a push costs the sender: SQL statements per claim, VAPID signatures per origin.

Statements are counted on the database clients' logger (tests/statements.py), so the counts
hold on SQLite and PostgreSQL alike; the messages go to the local push-service receiver, which
checks each VAPID signature and decrypts each message.
"""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from tortoise.connection import connections

from palm_customs.core import clock, jobs
from palm_customs.identity.models import Account, AccountKind
from palm_customs.notifications import push
from palm_customs.notifications.models import Notification, NotificationType, PushSubscription
from palm_customs.notifications.services import PUSH_JOB
from tests.notifications.receiver import Device, Receiver, b64url
from tests.statements import counted_statements


async def _queue_pushes(receiver: Receiver, count: int) -> list[Device]:
    """`count` push jobs, each for a notification of its own to a device of its own."""
    devices = [receiver.device() for _ in range(count)]
    queued = []
    for device in devices:
        account = await Account.create(
            id=uuid.uuid4(), kind=AccountKind.PERSON, user_handle=uuid.uuid4().hex
        )
        notification = await Notification.create(
            id=uuid.uuid4(),
            recipient=account,
            type=next(iter(NotificationType)),
            subject=f"test:{device.path}",
            topic=uuid.uuid4().hex,
            title="Title",
            body="Body",
            link="/inbox",
            language="en",
            created_at=clock.now(),
        )
        subscription = await PushSubscription.create(
            id=uuid.uuid4(),
            account=account,
            endpoint=receiver.endpoint(device),
            p256dh=device.p256dh,
            auth=b64url(device.auth),
            device="phone",
            categories=["declaration_outcomes"],
        )
        queued.append(
            jobs.new_job(
                kind=PUSH_JOB,
                payload={
                    "notification": str(notification.id),
                    "subscription": str(subscription.id),
                },
            )
        )
    await jobs.Job.bulk_create(queued)
    return devices


def _postgres() -> bool:
    return bool(connections.get("default").capabilities.dialect == "postgres")


@pytest.mark.parametrize("count", [3, 30])
async def test_a_claim_of_push_jobs_reads_them_and_their_rows_in_a_fixed_number_of_statements(
    db: None, receiver: Receiver, sender: push.WebPushSender, count: int
) -> None:
    # given
    await _queue_pushes(receiver, count)
    # when a worker claims them
    with counted_statements() as statements:
        claimed = await jobs.claim(worker="test-worker", limit=count)
    # then one statement claims and returns the jobs (SQLite first checks that any is due,
    # so an idle worker does not write), and one per table reads the notifications and devices
    assert len(claimed) == count
    assert len(statements) == (3 if _postgres() else 4), statements
    assert all(job.status == jobs.JobStatus.RUNNING for job in claimed)
    assert all(job.locked_by == "test-worker" and job.attempts == 1 for job in claimed)
    assert [job.id for job in claimed] == sorted(job.id for job in claimed)
    # and every run finds what it needs without reading again
    with counted_statements() as statements:
        results = await asyncio.gather(*(jobs.run_one(job, "test-worker") for job in claimed))
        await jobs.settle()
    assert results == [jobs.JobStatus.DONE] * count
    assert len(receiver.deliveries) == count
    # then only writes, each made once for all the runs: the hand-overs (committed before the
    # messages leave), the finishes and the devices' last success (written together after)
    assert not [s for s in statements if s.lstrip().upper().startswith("SELECT")], statements
    hand_overs = [s for s in statements if "handed_over_at" in s]
    assert len(hand_overs) == 1, statements
    # (the finishes of runs ending within core.jobs.DONE_LINGER of each other go together: one
    # statement each unless the answers come back spread over more than that)
    assert len(statements) <= 5, statements
    assert await jobs.Job.filter(status=jobs.JobStatus.DONE).count() == count
    reached = await PushSubscription.filter(last_success_at__not_isnull=True).count()
    assert reached == count


async def test_the_vapid_signature_is_made_once_per_push_service_and_renewed_before_it_expires(
    db: None, receiver: Receiver, sender: push.WebPushSender
) -> None:
    # given three messages to three devices of one push service
    await _queue_pushes(receiver, 3)
    before = time.time()
    claimed = await jobs.claim(worker="test-worker", limit=3)
    await asyncio.gather(*(jobs.run_one(job, "test-worker") for job in claimed))
    # then one JWT served them all, valid for at most 24 hours (RFC 8292) in true time
    authorizations = {d.headers["authorization"] for d in receiver.deliveries}
    assert len(authorizations) == 1
    claims = receiver.deliveries[0].vapid_claims
    assert claims["aud"] == receiver.origin
    assert before + push.VAPID_LIFETIME - 1 <= claims["exp"] <= time.time() + 24 * 60 * 60
    # and another push service gets a JWT of its own
    other = sender.vapid_headers("https://push.example.net/abc")["Authorization"]
    assert other not in authorizations
    # when the cached JWT has less than the renewal margin left
    audience = receiver.origin
    _expires, headers = sender._headers[audience]
    sender._headers[audience] = (time.time() + push.VAPID_RENEW_BEFORE - 1, headers)
    # then the next message carries a new one, valid for the whole lifetime again
    await _queue_pushes(receiver, 1)
    claimed = await jobs.claim(worker="test-worker", limit=1)
    await jobs.run_one(claimed[0], "test-worker")
    await jobs.settle()
    renewed = receiver.deliveries[-1]
    assert renewed.headers["authorization"] not in authorizations
    assert renewed.vapid_claims["exp"] >= int(time.time()) + push.VAPID_LIFETIME - 5
    assert sender._headers[audience][0] == renewed.vapid_claims["exp"]


async def test_each_message_is_encrypted_with_a_key_and_salt_of_its_own(
    db: None, receiver: Receiver, sender: push.WebPushSender
) -> None:
    device = receiver.device()
    subscription = PushSubscription(
        id=uuid.uuid4(),
        endpoint=receiver.endpoint(device),
        p256dh=device.p256dh,
        auth=b64url(device.auth),
    )
    bodies = [
        push.encrypt(b'{"n":1}', p256dh=subscription.p256dh, auth=subscription.auth)
        for _ in range(2)
    ]
    # aes128gcm header: salt (16 bytes), record size (4), key id length (1), key id (65)
    assert bodies[0][:16] != bodies[1][:16]
    assert bodies[0][21:86] != bodies[1][21:86]
    for _ in range(2):
        result = await sender.send(
            subscription=subscription, payload=b'{"n":1}', urgency="normal", topic="t"
        )
        assert result.status == 201
    assert [d.payload for d in receiver.deliveries] == [{"n": 1}, {"n": 1}]
