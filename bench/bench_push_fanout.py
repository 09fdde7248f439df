"""Web Push fan-out: how fast the outbox delivers, against what the cryptography alone allows.

In one run, on a throw-away SQLite database and a push-service receiver on 127.0.0.1 in a
process of its own (bench/push_receiver.py) that checks VAPID and decrypts every message (so a
broken message cannot count as delivered):
1. baseline: pure encrypt (RFC 8291) + VAPID sign per message, no network, no database;
2. a 10,000-recipient policy notice: time until every inbox row and push job is queued;
3. delivery: after a warm-up, N push jobs run by the worker loop (job_workers.run_worker:
   claim, send, record, CONCURRENCY at once and claiming again as each ends, as a worker
   process with WORKER_CONCURRENCY does) into the receiver.
Prints messages/s of (3) as a ratio of (1), and the same ratio from the sender's own CPU per
message (process time: the receiver decrypting on the same CPUs and other work on the machine
left out). Timing never fails the run.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench import cpu_accounting  # noqa: E402

RECIPIENTS = int(os.environ.get("BENCH_RECIPIENTS", "10000"))
DELIVERIES = int(os.environ.get("BENCH_DELIVERIES", "1000"))
WARM_UP = 50
CONCURRENCY = int(os.environ.get("BENCH_PUSH_CONCURRENCY", "32"))
RESULTS = REPO_ROOT / "bench" / "results" / "push_fanout.json"


class OutOfProcessReceiver:
    def __init__(self, process: subprocess.Popen[bytes], origin: str) -> None:
        self.process = process
        self.origin = origin

    @classmethod
    def start(cls, devices: Path) -> OutOfProcessReceiver:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen(
            [
                sys.executable,
                str(REPO_ROOT / "bench" / "push_receiver.py"),
                str(port),
                str(devices),
            ],
            stdout=subprocess.PIPE,
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        if b"ready" not in line:
            process.kill()
            raise SystemExit("the push receiver did not start")
        return cls(process, f"http://127.0.0.1:{port}")

    def endpoint(self, device: Any) -> str:
        return f"{self.origin}{device.path}"

    async def count(self) -> int:
        import httpx

        async with httpx.AsyncClient() as http:
            found: int = (await http.get(f"{self.origin}/count")).json()["decrypted"]
            return found

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _counting_sender_class() -> type[Any]:
    from palm_customs.notifications import push

    class CountingSender(push.WebPushSender):
        """The production sender, telling the benchmark when `expected` messages have been
        answered (an event, instead of polling the receiver from the sender's process)."""

        def counting(self, expected: int) -> None:
            self.expected = expected
            self.answered = 0
            self.all_answered = asyncio.Event()

        async def send(self, **kwargs: Any) -> Any:
            result = await super().send(**kwargs)
            if hasattr(self, "expected"):
                self.answered += 1
                if self.answered >= self.expected:
                    self.all_answered.set()
            return result

    return CountingSender


async def main() -> int:
    var_dir = Path(tempfile.mkdtemp(prefix="palm-bench-push-"))
    os.environ.update({"PALM_ENV": "test", "VAR_DIR": str(var_dir), "EMBEDDED_WORKER": "0"})
    from pywebpush import WebPusher
    from tortoise import Tortoise
    from tortoise.transactions import in_transaction

    from bench.push_receiver import write_devices
    from palm_customs.cli import migrate
    from palm_customs.core import job_workers, jobs
    from palm_customs.core.db import settings_config
    from palm_customs.core.permissions import Level, Principal, Role
    from palm_customs.identity.models import Account, AccountKind
    from palm_customs.notifications import push, services
    from palm_customs.notifications.models import NotificationSettings, PushSubscription
    from palm_customs.settings import load_settings
    from tests.notifications.receiver import Device, b64url

    settings = load_settings()
    _CountingSender = _counting_sender_class()
    await migrate(settings)
    await Tortoise.init(config=settings_config(settings))
    all_devices = [Device(path=f"/push/{uuid.uuid4().hex[:16]}") for _ in range(DELIVERIES + 1)]
    write_devices(all_devices, var_dir / "devices.json")
    receiver = OutOfProcessReceiver.start(var_dir / "devices.json")
    sender = _CountingSender(settings)
    push.use_sender(sender)
    try:
        # 1. baseline: encryption + VAPID signature only
        device = all_devices[-1]
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
        cpu_started = time.process_time()
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
        crypto_cpu_ms = (time.process_time() - cpu_started) / samples * 1000

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
        devices = all_devices[:DELIVERIES]
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

        # 3. delivery by the worker loop (job_workers.run_worker: CONCURRENCY runs at once,
        # claiming again as each one ends), after a warm-up (connections, caches)
        await jobs.drain_once(worker="bench", limit=WARM_UP)
        warm = await receiver.count()
        to_send = queued - WARM_UP
        sender.counting(to_send)
        receiver_before = cpu_accounting.tree_cpu(receiver.process.pid)
        stop = asyncio.Event()
        started = time.perf_counter()
        cpu_started = time.process_time()
        worker = asyncio.create_task(
            job_workers.run_worker(
                stop,
                database_url=settings.database_url,
                concurrency=CONCURRENCY,
                idle_seconds=0.05,
                name="bench-worker",
            )
        )
        try:
            await asyncio.wait_for(sender.all_answered.wait(), timeout=300)
        finally:
            delivery_seconds = time.perf_counter() - started
            delivery_cpu = time.process_time() - cpu_started
            stop.set()
            await worker
        receiver_cpu = cpu_accounting.spent(
            receiver_before, cpu_accounting.tree_cpu(receiver.process.pid)
        )
        decrypted = await receiver.count()
        delivery_rate = (decrypted - warm) / delivery_seconds if delivery_seconds else 0.0
    finally:
        await sender.close()
        receiver.stop()
        await Tortoise.close_connections()

    delivery_cpu_per_message = delivery_cpu / max(decrypted - warm, 1)
    receiver_cpu_per_message = receiver_cpu / max(decrypted - warm, 1)
    numbers = {
        "recipients": RECIPIENTS,
        "queue_10k_seconds": round(queue_seconds, 3),
        "push_jobs_queued": queued,
        "delivered_and_decrypted": decrypted,
        "receiver": "out of process",
        "concurrency": CONCURRENCY,
        "delivery_messages_per_second": round(delivery_rate, 1),
        "encrypt_sign_messages_per_second": round(crypto_rate, 1),
        "ratio_delivery_to_crypto": round(delivery_rate / crypto_rate, 3),
        # The sender's own CPU per message: encrypt+sign alone ÷ the whole delivery (claim,
        # encrypt, sign, send, record). The receiver's decryption on the same CPUs and the other
        # work on the machine are left out; 1.0 = the sender does nothing but the crypto.
        "encrypt_sign_cpu_ms": round(crypto_cpu_ms, 3),
        "delivery_cpu_ms": round(delivery_cpu_per_message * 1000, 3),
        "ratio_crypto_cpu_to_delivery_cpu": round(
            crypto_cpu_ms / (delivery_cpu_per_message * 1000), 3
        ),
        # The receiver's CPU per message (VAPID check, decryption, its HTTP server). On two
        # CPUs the sender and the receiver each have one at most: when the receiver's rate
        # (1000 / this, per second) is below the sender's, delivered/s measures the receiver.
        "receiver_cpu_ms": round(receiver_cpu_per_message * 1000, 3),
        "receiver_bound_messages_per_second": round(1 / receiver_cpu_per_message, 1)
        if receiver_cpu_per_message
        else None,
        "sender_bound_messages_per_second": round(1 / delivery_cpu_per_message, 1)
        if delivery_cpu_per_message
        else None,
    }
    print(
        f"policy notice to {RECIPIENTS} recipients fully queued in {queue_seconds:.2f} s "
        f"({queued} push jobs)"
    )
    print(f"encrypt+sign only:      {crypto_rate:8.0f} msg/s")
    print(f"delivered (decrypted):  {delivery_rate:8.0f} msg/s  ({decrypted}/{DELIVERIES})")
    print(f"ratio delivery/crypto:  {delivery_rate / crypto_rate:8.3f}")
    print(
        f"sender CPU per message: encrypt+sign {numbers['encrypt_sign_cpu_ms']:.2f} ms, whole "
        f"delivery {numbers['delivery_cpu_ms']:.2f} ms: "
        f"{numbers['ratio_crypto_cpu_to_delivery_cpu']:.2f}"
    )
    print(
        f"receiver CPU per message: {numbers['receiver_cpu_ms']:.2f} ms (one CPU receives at "
        f"most {numbers['receiver_bound_messages_per_second']} msg/s; the sender's CPU sends "
        f"{numbers['sender_bound_messages_per_second']} msg/s)"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(numbers, indent=2))
    if decrypted != DELIVERIES:
        print(f"only {decrypted} of {DELIVERIES} messages arrived intact", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
