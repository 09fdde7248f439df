"""Web Push fan-out: how fast the outbox delivers, against what the cryptography alone allows.

In one run, on a throw-away SQLite database and a local push-service receiver on 127.0.0.1
that decrypts every message (so a broken message cannot count as delivered):
1. baseline: pure encrypt (RFC 8291) + VAPID sign per message, no network, no database;
2. a 10,000-recipient policy notice: time until every inbox row and push job is queued;
3. delivery: N push jobs drained by the worker code (claim, send, record) into the receiver.
Prints messages/s of (3) as a ratio of (1). Timing never fails the run.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

RECIPIENTS = int(os.environ.get("BENCH_RECIPIENTS", "10000"))
DELIVERIES = int(os.environ.get("BENCH_DELIVERIES", "1000"))
RESULTS = REPO_ROOT / "bench" / "results" / "push_fanout.json"


async def main() -> int:
    var_dir = Path(tempfile.mkdtemp(prefix="palm-bench-push-"))
    os.environ.update({"PALM_ENV": "test", "VAR_DIR": str(var_dir), "EMBEDDED_WORKER": "0"})
    from pywebpush import WebPusher
    from tortoise import Tortoise
    from tortoise.transactions import in_transaction

    from palm_customs.cli import migrate
    from palm_customs.core import jobs
    from palm_customs.core.db import settings_config
    from palm_customs.core.permissions import Level, Principal, Role
    from palm_customs.identity.models import Account, AccountKind
    from palm_customs.notifications import push, services
    from palm_customs.notifications.models import NotificationSettings, PushSubscription
    from palm_customs.settings import load_settings
    from tests.notifications.receiver import Receiver, b64url

    settings = load_settings()
    await migrate(settings)
    await Tortoise.init(config=settings_config(settings))
    receiver = Receiver()
    await receiver.start()
    sender = push.WebPushSender(settings)
    push.use_sender(sender)
    try:
        # 1. baseline: encryption + VAPID signature only
        device = receiver.device()
        info = {
            "endpoint": receiver.endpoint(device),
            "keys": {"p256dh": device.p256dh, "auth": b64url(device.auth)},
        }
        payload = json.dumps(
            {
                "id": str(uuid.uuid4()),
                "title": "旅客行李物品新规",
                "body": "自下月起免税额调整。" * 3,
                "link": "/inbox",
                "topic": "x" * 32,
            },
            ensure_ascii=False,
        ).encode()
        samples = 2000
        started = time.perf_counter()
        for _ in range(samples):
            WebPusher(info).encode(payload, "aes128gcm")
            sender.vapid.sign(
                {
                    "aud": receiver.origin,
                    "exp": int(time.time()) + 3600,
                    "sub": settings.vapid_subject,
                }
            )
        crypto_rate = samples / (time.perf_counter() - started)

        # 2. a 10,000-recipient notice: accounts following the category, DELIVERIES with a device
        accounts = [
            Account(id=uuid.uuid4(), kind=AccountKind.PERSON, user_handle=uuid.uuid4().hex)
            for _ in range(RECIPIENTS)
        ]
        await Account.bulk_create(accounts, batch_size=1000)
        await NotificationSettings.bulk_create(
            [
                NotificationSettings(account_id=a.id, policy_categories=["passenger_articles"])
                for a in accounts
            ],
            batch_size=1000,
        )
        devices = [receiver.device() for _ in range(DELIVERIES)]
        await PushSubscription.bulk_create(
            [
                PushSubscription(
                    id=uuid.uuid4(),
                    account_id=a.id,
                    endpoint=receiver.endpoint(d),
                    p256dh=d.p256dh,
                    auth=b64url(d.auth),
                    device="bench",
                    categories=["policy_notices"],
                )
                for a, d in zip(accounts, devices, strict=False)
            ],
            batch_size=1000,
        )
        supervisor = Principal(
            actor="bench",
            level=Level.STEP_UP,
            roles=frozenset({Role.SUPERVISOR}),
            account_id=accounts[0].id,
        )
        started = time.perf_counter()
        async with in_transaction() as connection:
            published = await services.publish_policy_notice(
                connection,
                principal=supervisor,
                category="passenger_articles",
                title=services.NoticeText("旅客行李物品新规", "旅客行李物品新規", "New rules"),
                body=services.NoticeText("免税额调整。", "免稅額調整。", "Allowance changes."),
                link="/inbox",
            )
        while not await services.fan_out_batch(str(published.notice.id)):
            pass
        queue_seconds = time.perf_counter() - started
        await jobs.Job.filter(kind=services.FANOUT_JOB).update(status=jobs.JobStatus.DONE)
        queued = await jobs.Job.filter(kind=services.PUSH_JOB).count()

        # 3. delivery through the worker code
        started = time.perf_counter()
        delivered = 0
        while True:
            result = await jobs.drain_once(worker="bench", limit=16)
            if result.claimed == 0:
                break
            delivered += result.done
        delivery_seconds = time.perf_counter() - started
        decrypted = len(receiver.deliveries)
        delivery_rate = decrypted / delivery_seconds if delivery_seconds else 0.0
    finally:
        await sender.close()
        await receiver.stop()
        await Tortoise.close_connections()

    numbers = {
        "recipients": RECIPIENTS,
        "queue_10k_seconds": round(queue_seconds, 3),
        "push_jobs_queued": queued,
        "delivered_and_decrypted": decrypted,
        "delivery_messages_per_second": round(delivery_rate, 1),
        "encrypt_sign_messages_per_second": round(crypto_rate, 1),
        "ratio_delivery_to_crypto": round(delivery_rate / crypto_rate, 3),
    }
    print(
        f"policy notice to {RECIPIENTS} recipients fully queued in {queue_seconds:.2f} s "
        f"({queued} push jobs)"
    )
    print(f"encrypt+sign only:      {crypto_rate:8.0f} msg/s")
    print(f"delivered (decrypted):  {delivery_rate:8.0f} msg/s  ({decrypted}/{DELIVERIES})")
    print(f"ratio delivery/crypto:  {delivery_rate / crypto_rate:8.3f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(numbers, indent=2))
    if decrypted != DELIVERIES:
        print(f"only {decrypted} of {DELIVERIES} messages arrived intact", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
