from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.transactions import in_transaction

from palm_customs.app import create_app
from palm_customs.core import clock, jobs
from palm_customs.core.jobs import Job, JobStatus, RetryLater
from palm_customs.settings import Settings
from tests.conftest import make_settings
from tests.liveserver import clock_env

seen: list[dict[str, Any]] = []


async def _record(payload: dict[str, Any]) -> None:
    seen.append(payload)


async def _rate_limited(payload: dict[str, Any]) -> None:
    raise RetryLater(timedelta(seconds=30), "429 from push service")


async def _crash(payload: dict[str, Any]) -> None:
    raise ConnectionError("receiver down")


@pytest.fixture(autouse=True)
def handlers() -> None:
    seen.clear()
    jobs.register_handler("test.record", _record)
    jobs.register_handler("test.rate_limited", _rate_limited)
    jobs.register_handler("test.crash", _crash)


async def _enqueue(kind: str, *, budget: timedelta | None = None, **payload: Any) -> Job:
    async with in_transaction() as connection:
        return await jobs.enqueue(connection, kind=kind, payload=payload, budget=budget)


async def test_a_job_exists_only_if_its_transaction_commits(db: None) -> None:
    # when
    async def change_that_fails() -> None:
        async with in_transaction() as connection:
            await jobs.enqueue(connection, kind="test.record", payload={"n": 1})
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        await change_that_fails()
    # then
    assert await Job.all().count() == 0


async def test_a_due_job_runs_once_and_is_done(db: None) -> None:
    # given
    job = await _enqueue("test.record", n=7)
    # when
    first = await jobs.drain_once(worker="w1")
    second = await jobs.drain_once(worker="w1")
    # then
    assert (first.done, second.claimed) == (1, 0)
    assert seen == [{"n": 7}]
    stored = await Job.get(id=job.id)
    assert stored.status is JobStatus.DONE
    assert stored.attempts == 1


async def test_retry_later_honours_the_delay_asked_for(db: None) -> None:
    # given
    job = await _enqueue("test.rate_limited")
    before = clock.now()
    # when
    result = await jobs.drain_once(worker="w1")
    # then
    stored = await Job.get(id=job.id)
    assert result.retried == 1
    assert stored.status is JobStatus.PENDING
    assert stored.run_after >= before + timedelta(seconds=29)
    assert stored.last_error == "429 from push service"
    assert (await jobs.drain_once(worker="w1")).claimed == 0


async def test_a_job_that_keeps_failing_stops_when_its_budget_is_spent_and_says_why(
    db: None,
) -> None:
    # given a job that fails every time, with an hour to succeed
    job = await _enqueue("test.crash", budget=timedelta(hours=1))
    # when it is retried as each backoff ends, within the hour
    for _ in range(4):
        await jobs.drain_once(worker="w1")
        await Job.filter(id=job.id, status=JobStatus.PENDING).update(run_after=clock.now())
    still = await Job.get(id=job.id)
    # and then after the hour
    with clock.travel(clock.now() + timedelta(hours=1)):
        await jobs.drain_once(worker="w1")
    # then it was retried, not counted out, and then stopped saying why
    assert still.status is JobStatus.PENDING
    assert still.attempts == 4
    stored = await Job.get(id=job.id)
    assert stored.status is JobStatus.FAILED
    assert stored.attempts == 5
    assert stored.last_error is not None
    assert stored.last_error.startswith("gave up after 5 attempts: its retry budget ended")
    assert "ConnectionError: receiver down" in stored.last_error


async def test_a_job_without_a_handler_fails_at_once(db: None) -> None:
    job = await _enqueue("test.nobody-handles-this")
    await jobs.drain_once(worker="w1")
    stored = await Job.get(id=job.id)
    assert stored.status is JobStatus.FAILED
    assert "no handler" in (stored.last_error or "")


async def test_a_job_of_a_holder_without_a_liveness_record_is_taken_after_its_lease(
    db: None,
) -> None:
    # given A (no liveness record: not a worker loop) claimed the job and died
    job = await _enqueue("test.record", n=1)
    claimed = await jobs.claim(worker="A", limit=10)
    assert [j.id for j in claimed] == [job.id]
    assert await jobs.claim(worker="B", limit=10) == []
    # when its backstop lease runs out
    await Job.filter(id=job.id).update(locked_until=clock.now() - timedelta(seconds=1))
    result = await jobs.drain_once(worker="B")
    # then B ran it, and A's late outcome changes nothing
    assert result.done == 1
    await jobs.run_one(claimed[0], "A")
    stored = await Job.get(id=job.id)
    assert (stored.status, stored.locked_by, stored.attempts) == (JobStatus.DONE, "B", 2)
    assert stored.reclaims == 1


async def test_a_run_that_lost_its_job_does_not_act(db: None) -> None:
    # given a handler that hands over before acting
    acted: list[int] = []

    async def effect(payload: dict[str, Any]) -> None:
        await jobs.hand_over()
        acted.append(payload["n"])

    jobs.register_handler("test.effect", effect)
    job = await _enqueue("test.effect", n=1)
    claimed = await jobs.claim(worker="A", limit=1)
    # when the job was taken back from A before A got to act
    await Job.filter(id=job.id).update(locked_by="B")
    outcome = await jobs.run_one(claimed[0], "A")
    # then A did nothing and recorded nothing
    assert outcome is None
    assert acted == []
    assert (await Job.get(id=job.id)).locked_by == "B"


async def test_a_hand_over_is_recorded_before_the_effect_and_known_to_the_next_run(
    db: None,
) -> None:
    # given a handler that hands over, then dies before learning the outcome
    seen_by_runs: list[tuple[bool, bool]] = []

    async def effect(payload: dict[str, Any]) -> None:
        earlier = await jobs.hand_over()
        recorded = (await Job.get(id=payload["id"])).handed_over_at is not None
        seen_by_runs.append((earlier, recorded))
        if not earlier:
            raise ConnectionError("no answer")

    jobs.register_handler("test.effect", effect)
    job = await _enqueue("test.effect")
    await Job.filter(id=job.id).update(payload={"id": job.id})
    # when it runs, fails without an answer, and runs again
    await jobs.drain_once(worker="w1")
    await Job.filter(id=job.id).update(run_after=clock.now())
    await jobs.drain_once(worker="w1")
    # then the hand-over was committed before the effect each time, and the second run knew
    assert seen_by_runs == [(False, True), (True, True)]
    assert (await Job.get(id=job.id)).status is JobStatus.DONE


async def test_a_known_answer_clears_the_hand_over(db: None) -> None:
    # given a handler that hands over and is told to come back later
    async def rate_limited(payload: dict[str, Any]) -> None:
        await jobs.hand_over()
        raise RetryLater(timedelta(seconds=5), "429")

    jobs.register_handler("test.answered", rate_limited)
    job = await _enqueue("test.answered")
    # when
    await jobs.drain_once(worker="w1")
    # then the next run will not think an effect may have happened
    stored = await Job.get(id=job.id)
    assert stored.status is JobStatus.PENDING
    assert stored.handed_over_at is None


async def test_a_worker_claims_no_more_than_it_can_start(db: None) -> None:
    # given more due jobs than a worker's slots
    for n in range(10):
        await _enqueue("test.record", n=n)
    # when it claims for its three free slots
    claimed = await jobs.claim(worker="w1", limit=3)
    # then three are running, the rest wait for whoever has room
    assert len(claimed) == 3
    assert await Job.filter(status=JobStatus.RUNNING).count() == 3
    assert await Job.filter(status=JobStatus.PENDING).count() == 7


async def test_concurrent_workers_never_claim_the_same_job(db: None) -> None:
    # given
    for n in range(40):
        await _enqueue("test.record", n=n)
    # when
    batches = await asyncio.gather(*(jobs.claim(worker=f"w{i}", limit=8) for i in range(6)))
    # then
    ids = [job.id for batch in batches for job in batch]
    assert len(ids) == len(set(ids)) == 40


@pytest.fixture
async def embedded_client(migrated: str, var_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    application = create_app(make_settings(migrated, var_dir, EMBEDDED_WORKER="1"))
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost:8000") as c:
            yield c
        await Job.all().delete()


async def test_the_embedded_server_drains_the_outbox_itself(
    embedded_client: httpx.AsyncClient,
) -> None:
    # given
    job = await _enqueue("test.record", n=42)
    # when its worker has had time (a deadline only stops a broken run: a loaded machine may
    # take seconds to let the embedded worker's loop run)
    deadline = time.monotonic() + 60
    for _ in range(1200):
        if (await Job.get(id=job.id)).status is JobStatus.DONE or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.05)
    # then
    assert (await Job.get(id=job.id)).status is JobStatus.DONE
    assert seen == [{"n": 42}]


def test_the_worker_command_stops_cleanly_on_sigterm(settings: Settings) -> None:
    # given
    env = {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "DATABASE_URL": settings.database_url,
        "VAR_DIR": str(settings.var_dir),
    }
    with subprocess.Popen(
        [sys.executable, "-m", "palm_customs", "worker", "--idle", "0.2"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            # when it has started
            assert process.stderr is not None
            for line in process.stderr:
                if "started" in line:
                    break
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
    # then
    assert code == 0
