"""Push delivery by standalone `palm-customs worker` processes, as production runs it, measured
from outside with a push service of our own (tests/notifications/receiver.py, which decrypts
every message). Issue #19 found duplicates under a slow push service, head-of-line blocking,
a full lease's wait after a crash, and a 429 that exhausted a retry count in seconds.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import httpx
import pytest
from starlette.applications import Starlette

from palm_customs.appointments.models import Booking
from palm_customs.core import clock, i18n
from palm_customs.core.job_workers import JobWorker
from palm_customs.core.jobs import Job, JobStatus
from palm_customs.identity.models import Account
from palm_customs.notifications.models import Notification, PushSubscription
from palm_customs.settings import Settings
from tests.appointments.flows import book, create_site, create_slot
from tests.appointments.flows import person as signed_in_person
from tests.conftest import graphql
from tests.core.test_metrics import value
from tests.declarations.flows import submit, traveller, trip
from tests.notifications.receiver import Device, Receiver, b64url
from tests.workers import WorkerProcess, start_worker

T = TypeVar("T")

SUBSCRIBE = """
mutation($endpoint: String!, $p256dh: String!, $auth: String!) {
  pushSubscriptionSave(endpoint: $endpoint, p256dh: $p256dh, auth: $auth,
                       categories: ["declaration_outcomes"], device: "phone") { __typename }
}
"""


async def until(
    check: Callable[[], Awaitable[T]], *, what: str, seconds: float = 60, workers: Any = ()
) -> T:
    """Poll until `check` answers something true (never a timing assertion: a deadline only
    stops a broken run)."""
    deadline = time.monotonic() + seconds
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            logs = "\n".join(w.log()[-3000:] for w in workers)
            raise AssertionError(f"gave up waiting for {what}\n{logs}")
        await asyncio.sleep(0.1)


async def phones(client: httpx.AsyncClient, receiver: Receiver, count: int) -> list[Device]:
    devices = []
    for _ in range(count):
        device = receiver.device()
        body = await graphql(
            client,
            SUBSCRIBE,
            {
                "endpoint": receiver.endpoint(device),
                "p256dh": device.p256dh,
                "auth": b64url(device.auth),
            },
        )
        assert body["data"]["pushSubscriptionSave"]["__typename"] == "NotificationDone"  # type: ignore[index]
        devices.append(device)
    return devices


async def push_jobs() -> list[Job]:
    return await Job.filter(kind="push.deliver").order_by("id")


async def all_done(count: int) -> bool:
    return await Job.filter(kind="push.deliver", status=JobStatus.DONE).count() == count


@pytest.fixture
async def started(settings: Settings, app: Starlette) -> AsyncIterator[list[WorkerProcess]]:
    """Workers this test starts (stopped before the app empties the tables)."""
    running: list[WorkerProcess] = []
    try:
        yield running
    finally:
        for worker in running:
            worker.stop()


async def start(started: list[WorkerProcess], settings: Settings, **env: str) -> WorkerProcess:
    """Start a worker without blocking this loop (the push service receiver runs on it)."""
    worker = await asyncio.to_thread(start_worker, settings, **env)
    started.append(worker)
    return worker


async def test_slow_push_service_each_message_once_and_no_worker_holds_more_than_it_runs(
    client: httpx.AsyncClient,
    app: Starlette,
    receiver: Receiver,
    settings: Settings,
    started: list[WorkerProcess],
) -> None:
    # given two travellers with ten phones each, a push service that takes three seconds
    # to answer each message, and two workers that run four jobs at once
    await traveller(client)
    devices = await phones(client, receiver, 10)
    other = await signed_in_person(app, 2)
    devices += await phones(other, receiver, 10)
    for device in devices:
        receiver.hold(device, 3.0)
    held: Counter[str] = Counter()

    async def sample() -> bool:
        rows = await Job.filter(kind="push.deliver", status=JobStatus.RUNNING).values("locked_by")
        for holder, count in Counter(str(r["locked_by"]) for r in rows).items():
            held[holder] = max(held[holder], count)
        return await all_done(len(devices))

    # when both travellers submit a declaration (a message to each phone)
    await submit(client, trip())
    await submit(other, trip())
    await other.aclose()
    workers = await asyncio.gather(
        *(start(started, settings, WORKER_CONCURRENCY="4") for _ in range(2))
    )
    await until(sample, what="every message delivered", workers=workers)
    jobs = [(j.attempts, j.reclaims, j.last_error) for j in await push_jobs()]
    # then every phone got its message exactly once, both workers took part, and no worker
    # ever held more jobs than it was running
    assert Counter(d.path for d in receiver.deliveries) == {d.path: 1 for d in devices}, (
        jobs,
        [w.log() for w in workers],
    )
    assert len({job.locked_by for job in await push_jobs()}) == 2
    assert held
    assert max(held.values()) <= 4


async def test_a_slow_endpoint_delays_only_itself(
    client: httpx.AsyncClient,
    app: Starlette,
    receiver: Receiver,
    settings: Settings,
    started: list[WorkerProcess],
) -> None:
    # given one worker running four jobs at once and a phone whose push service stalls
    await traveller(client)
    [slow] = await phones(client, receiver, 1)
    receiver.hold(slow, 8.0)
    await submit(client, trip())
    worker = await start(started, settings, WORKER_CONCURRENCY="4")

    async def slow_is_open() -> bool:
        return slow.path in receiver.open_requests

    await until(slow_is_open, what="the slow push to be in flight", workers=[worker])
    # when six more phones get messages, and one push service answers 429 Retry-After 1
    other = await signed_in_person(app, 2)
    fast = await phones(other, receiver, 6)
    receiver.answer(fast[0], 429, {"Retry-After": "1"})
    await submit(other, trip())
    await other.aclose()
    await until(lambda: all_done(7), what="every message delivered", workers=[worker])
    # then each of them, and the retry a second later, was delivered while the slow push was
    # still waiting for its answer
    slow_answered = receiver.events.index(("answered", slow.path, 201))
    for device in fast:
        delivered = [
            n
            for n, (kind, path, status) in enumerate(receiver.events)
            if kind == "answered" and path == device.path and status == 201
        ]
        assert delivered, device.path
        assert delivered[0] < slow_answered, device.path
    assert receiver.refused == [(fast[0].path, 429)]
    # and the worker's own /metrics counted each answer and each run
    text = await asyncio.to_thread(worker.metrics)
    assert value(text, "palm_push_results_total", status="201") == 7
    assert value(text, "palm_push_results_total", status="429") == 1
    assert value(text, "palm_job_results_total", kind="push.deliver", result="done") == 7
    assert value(text, "palm_job_results_total", kind="push.deliver", result="retried") == 1


async def test_a_killed_workers_jobs_are_taken_back_at_once_and_resent_under_the_same_topic(
    client: httpx.AsyncClient,
    app: Starlette,
    receiver: Receiver,
    settings: Settings,
    started: list[WorkerProcess],
) -> None:
    # given four phones; the push service keeps the first two messages waiting (the worker
    # will die waiting for them); a worker that runs two jobs at once
    await traveller(client)
    devices = await phones(client, receiver, 4)
    jobs_at_arrival: dict[str, Any] = {}
    subscription_ids = {
        receiver.origin + d.path: str(s.id)
        for d in devices
        for s in [await PushSubscription.get(endpoint=receiver.origin + d.path)]
    }

    async def record_state(path: str) -> None:
        wanted = subscription_ids[receiver.origin + path]
        for job in await push_jobs():
            if job.payload["subscription"] == wanted and path not in jobs_at_arrival:
                jobs_at_arrival[path] = job.handed_over_at

    receiver.on_arrival = record_state
    for device in devices:
        receiver.hold(device, 60.0)
    await submit(client, trip())
    doomed = await start(started, settings, WORKER_CONCURRENCY="2")

    async def two_in_flight() -> bool:
        return len(receiver.open_requests) == 2

    await until(two_in_flight, what="two pushes in flight", workers=[doomed])
    in_flight = {p for p in receiver.open_requests}
    held = await Job.filter(status=JobStatus.RUNNING)
    lease_end = max(job.locked_until for job in held if job.locked_until is not None)
    # when that worker is killed (-9) while the push service holds its two messages
    await asyncio.to_thread(doomed.kill)
    for device in devices:
        receiver.holds.pop(device.path, None)
    rescuer = await start(started, settings, WORKER_CONCURRENCY="2")
    await until(lambda: all_done(4), what="every message delivered", workers=[rescuer])
    # then each hand-over was recorded before its message reached the push service
    assert set(jobs_at_arrival) == {d.path for d in devices}
    assert all(at is not None for at in jobs_at_arrival.values())
    # and the rescuer took the two back at once, not when the dead worker's lease ran out
    jobs = await push_jobs()
    assert sorted(job.reclaims for job in jobs) == [0, 0, 1, 1]
    assert all(job.finished_at is not None and job.finished_at < lease_end for job in jobs)
    # and it knew those two may have been delivered: it sent them again under the same Topic
    # (the push service replaces a copy it still holds; the phone shows one, tag = topic),
    # while the two the dead worker never sent went out exactly once
    for device in devices:
        deliveries = receiver.deliveries_to(device)
        if device.path in in_flight:
            assert len(deliveries) == 2, device.path
            first, again = deliveries
            assert again.headers["topic"] == first.headers["topic"]
            assert again.payload == first.payload
        else:
            assert len(deliveries) == 1, device.path
    assert "sending again under Topic" in rescuer.log()


async def test_a_push_service_answering_429_is_honoured_until_the_messages_ttl_ends(
    client: httpx.AsyncClient,
    receiver: Receiver,
    settings: Settings,
    started: list[WorkerProcess],
) -> None:
    # given a push service that answers every message 429, Retry-After 1 second
    await traveller(client)
    [device] = await phones(client, receiver, 1)
    receiver.always(device, 429, {"Retry-After": "1"})
    await submit(client, trip())
    worker = await start(started, settings)

    async def nine_refusals() -> bool:
        return len(receiver.refused) >= 9

    # when it has been refused more often than the old count of eight allowed
    await until(nine_refusals, what="nine refusals", workers=[worker])
    [job] = await push_jobs()
    # then the job is still waiting as asked, a second after each refusal
    assert job.status in (JobStatus.PENDING, JobStatus.RUNNING)
    assert job.attempts >= 9
    assert job.last_error == "push service answered 429"
    # when the message's day-long TTL has passed
    later = clock.now() + timedelta(hours=24, minutes=1)
    await asyncio.to_thread(worker.move_clock, later)

    async def failed() -> Job | None:
        return await Job.get_or_none(kind="push.deliver", status=JobStatus.FAILED)

    stopped = await until(failed, what="the job to stop", workers=[worker])
    # then it stopped for good, saying why
    assert stopped.last_error is not None
    assert stopped.last_error.startswith(f"gave up after {stopped.attempts} attempts")
    assert stopped.last_error.endswith("last: push service answered 429")
    assert receiver.deliveries == []


async def test_a_standalone_worker_words_an_appointment_reminder(
    app: Starlette, settings: Settings, started: list[WorkerProcess]
) -> None:
    # given a booking whose 24-hour reminder is due
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(days=2))
    person = await signed_in_person(app, 1)
    booking = (await book(person, slot))["booking"]
    await person.aclose()
    reminders = await Job.filter(kind="appointments.reminder")
    [day_before] = [job for job in reminders if job.payload["kind"] == "24h"]
    await Job.filter(id=day_before.id).update(run_after=clock.now())
    row = await Booking.get(number=booking["number"])
    account = await Account.get(id=row.account_id)
    when = slot.starts_at.astimezone(ZoneInfo(site.timezone))
    # when a standalone worker (no GraphQL schema imported) runs it
    worker = await start(started, settings)

    async def done() -> bool:
        return await Job.filter(
            id=day_before.id, status__in=(JobStatus.DONE, JobStatus.FAILED)
        ).exists()

    await until(done, what="the reminder job to finish", workers=[worker])
    # then the reminder is in the inbox, worded in the person's language
    reminder = await Job.get(id=day_before.id)
    assert reminder.status is JobStatus.DONE, reminder.last_error
    language = i18n.Language(account.language)
    titles = [n.title for n in await Notification.filter(subject=f"booking:{booking['number']}")]
    expected = i18n.translate(
        "notify.appointment.reminder_24h.title", language, when=f"{when:%Y-%m-%d %H:%M}"
    )
    assert expected in titles
    assert await JobWorker.filter(stopped_at=None).count() == 1
