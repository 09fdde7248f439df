from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import httpx
from tortoise.transactions import in_transaction

from palm_customs.core import audit
from palm_customs.core.models import AuditEvent
from palm_customs.settings import Settings
from tests.liveserver import clock_env

SUBMIT = """
mutation Submit($input: FeedbackSubmitInput!) {
  feedbackSubmit(input: $input) { __typename }
}
"""


def _record(n: int) -> audit.AuditRecord:
    return audit.AuditRecord(
        actor="anonymous",
        operation="test",
        target_ids=(f"thing:{n}",),
        outcome="OK",
        request_id=f"req{n}",
        ip="127.0.0.1",
        user_agent="pytest",
    )


async def _append(n: int) -> None:
    async with in_transaction() as connection:
        await audit.append(connection, _record(n))


async def test_events_chain_each_hash_to_the_previous(db: None) -> None:
    # given
    for n in range(3):
        await _append(n)
    # when
    events = await AuditEvent.all().order_by("seq")
    checked, broken = await audit.verify_chain()
    # then
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == audit.GENESIS_HASH
    assert events[1].prev_hash == events[0].hash
    assert events[2].prev_hash == events[1].hash
    assert (checked, broken) == (3, None)


async def test_verify_names_the_first_altered_event(db: None) -> None:
    # given
    for n in range(5):
        await _append(n)
    await AuditEvent.filter(seq=3).update(outcome="FORGED")
    # when
    checked, broken = await audit.verify_chain()
    # then
    assert broken is not None
    assert broken.seq == 3
    assert checked == 2


async def test_verify_detects_a_removed_event(db: None) -> None:
    # given
    for n in range(4):
        await _append(n)
    await AuditEvent.filter(seq=2).delete()
    # when
    _, broken = await audit.verify_chain()
    # then
    assert broken is not None
    assert broken.seq == 3


async def test_concurrent_appends_never_fork_the_chain(db: None) -> None:
    # when
    await asyncio.gather(*(_append(n) for n in range(25)))
    # then
    checked, broken = await audit.verify_chain()
    assert broken is None
    assert checked == 25


async def test_concurrent_mutations_through_the_api_each_leave_one_event(
    client: httpx.AsyncClient,
) -> None:
    # when
    responses = await asyncio.gather(
        *(
            client.post(
                "/graphql",
                json={"query": SUBMIT, "variables": {"input": {"message": f"feedback {n}"}}},
            )
            for n in range(12)
        )
    )
    # then
    assert all(
        r.json()["data"]["feedbackSubmit"]["__typename"] == "FeedbackSubmitSuccess"
        for r in responses
    )
    assert await AuditEvent.filter(operation="feedbackSubmit", outcome="OK").count() == 12
    assert (await audit.verify_chain())[1] is None


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "DATABASE_URL": settings.database_url,
        "VAR_DIR": str(settings.var_dir),
    }
    return subprocess.run(
        [sys.executable, "-m", "palm_customs", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_audit_verify_command_exits_1_naming_the_broken_event(
    db: None, settings: Settings
) -> None:
    # given
    for n in range(3):
        await _append(n)
    intact = await asyncio.to_thread(_cli, settings, "audit", "verify")
    await AuditEvent.filter(seq=2).update(actor="someone-else")
    # when
    broken = await asyncio.to_thread(_cli, settings, "audit", "verify")
    # then
    assert intact.returncode == 0, intact.stderr
    assert "3 events verified" in intact.stdout
    assert broken.returncode == 1
    assert "seq=2" in broken.stderr
