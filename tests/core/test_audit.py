"""The audit log against someone with write access to the database: every tampering case is
done with SQL, then `palm-customs audit verify` runs as its own process and must name it."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from tortoise.connection import get_connection
from tortoise.transactions import in_transaction

from palm_customs.core import audit
from palm_customs.core.models import AuditEvent
from palm_customs.settings import Settings
from tests.conftest import ORIGIN, make_settings
from tests.liveserver import clock_env

SUBMIT = """
mutation Submit($input: FeedbackSubmitInput!) {
  feedbackSubmit(input: $input) { __typename }
}
"""


@pytest.fixture
def settings(migrated: str, var_dir: Path, tmp_path: Path) -> Settings:
    # Each test's signed heads in a folder of its own (they live outside the database).
    return make_settings(migrated, var_dir, AUDIT_CHECKPOINT_DIR=str(tmp_path / "audit-log"))


def _record(n: int, **overrides: str) -> audit.AuditRecord:
    fields = {
        "actor": "anonymous",
        "operation": "test",
        "outcome": "OK",
        "request_id": f"req{n}",
        "ip": "127.0.0.1",
        "user_agent": "pytest",
    } | overrides
    return audit.AuditRecord(target_ids=(f"thing:{n}",), **fields)


async def _append(n: int, **overrides: str) -> None:
    async with in_transaction() as connection:
        await audit.append(connection, _record(n, **overrides))


async def _sealed_log(size: int) -> None:
    for n in range(size):
        await _append(n)
    await audit.seal()


def _env(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "DATABASE_URL": settings.database_url,
        "VAR_DIR": str(settings.var_dir),
        "AUDIT_CHECKPOINT_DIR": str(settings.audit_log_dir),
    }


def _run(
    settings: Settings, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "palm_customs", *args],
        env=_env(settings),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


async def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(_run, settings, *args)


async def _sql(query: str, values: list[object] | None = None) -> None:
    connection = get_connection("default")
    if connection.capabilities.dialect != "postgres":
        query = query.replace("$1", "?").replace("$2", "?")
    await connection.execute_query(query, values or [])


# --- an untouched log ----------------------------------------------------------------------


async def test_an_untouched_log_verifies_through_the_command(db: None, settings: Settings) -> None:
    # given
    await _sealed_log(5)
    await _append(99)  # not sealed yet: counted as pending, not as a break
    # when
    result = await _cli(settings, "audit", "verify")
    # then
    assert result.returncode == 0, result.stderr
    assert "5 events verified" in result.stdout
    assert "1 not yet signed" in result.stdout


async def test_appends_take_no_sequence_number_until_sealed(db: None, settings: Settings) -> None:
    # given
    for n in range(3):
        await _append(n)
    before = await AuditEvent.all().order_by("id")
    # when
    sealed = await _cli(settings, "audit", "seal")
    after = await AuditEvent.all().order_by("id")
    # then
    assert [e.seq for e in before] == [None, None, None]
    assert sealed.returncode == 0, sealed.stderr
    assert [e.seq for e in after] == [1, 2, 3]
    head = json.loads((settings.audit_log_dir / "latest.json").read_text())
    assert head["size"] == 3


async def test_a_request_with_an_over_long_forwarded_address_verifies(
    app: Starlette, settings: Settings
) -> None:
    # given a client whose address (as a proxy would forward it) is 100 characters long
    transport = httpx.ASGITransport(app=app, client=("f" * 100, 40000))
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN, "user-agent": "u" * 900}
    ) as client:
        response = await client.post(
            "/graphql", json={"query": SUBMIT, "variables": {"input": {"message": "long"}}}
        )
    assert response.json()["data"]["feedbackSubmit"]["__typename"] == "FeedbackSubmitSuccess"
    # when
    await _append(1)
    sealed = await _cli(settings, "audit", "seal")
    verified = await _cli(settings, "audit", "verify")
    # then what is stored is what was hashed
    event = await AuditEvent.get(operation="feedbackSubmit")
    assert event.ip == "f" * 64
    assert sealed.returncode == 0, sealed.stderr
    assert verified.returncode == 0, verified.stderr
    assert "2 events verified" in verified.stdout


async def test_concurrent_mutations_through_the_api_each_leave_one_verified_event(
    client: httpx.AsyncClient, settings: Settings
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
    await audit.seal()
    report = await audit.verify()
    # then
    assert all(
        r.json()["data"]["feedbackSubmit"]["__typename"] == "FeedbackSubmitSuccess"
        for r in responses
    )
    assert await AuditEvent.filter(operation="feedbackSubmit", outcome="OK").count() == 12
    assert report.breaks == []
    assert report.verified == 12


# --- tampering, each named by `audit verify` -------------------------------------------------


async def _broken(settings: Settings) -> str:
    result = await _cli(settings, "audit", "verify")
    assert result.returncode == 1, result.stdout
    return result.stderr


async def test_an_edited_event_is_named(db: None, settings: Settings) -> None:
    # given
    await _sealed_log(5)
    # when
    await AuditEvent.filter(seq=3).update(outcome="FORGED")
    # then
    stderr = await _broken(settings)
    assert "event seq=3" in stderr
    assert "content differs from what was sealed" in stderr
    assert "seq=1 " not in stderr
    assert "seq=4 " not in stderr


async def test_a_deleted_middle_event_is_named(db: None, settings: Settings) -> None:
    await _sealed_log(5)
    await AuditEvent.filter(seq=3).delete()
    stderr = await _broken(settings)
    assert "event seq=3: this event is missing (deleted)" in stderr


async def test_a_truncated_tail_is_detected(db: None, settings: Settings) -> None:
    await _sealed_log(8)
    await AuditEvent.filter(seq__gt=6).delete()
    stderr = await _broken(settings)
    assert "events seq=7..8 are missing: the log was truncated" in stderr


async def test_deleting_the_last_event_is_detected(db: None, settings: Settings) -> None:
    await _sealed_log(4)
    await AuditEvent.filter(seq=4).delete()
    stderr = await _broken(settings)
    assert "event seq=4: this event is missing: the log was truncated" in stderr


async def test_deleting_every_event_is_detected(db: None, settings: Settings) -> None:
    await _sealed_log(4)
    await AuditEvent.all().delete()
    stderr = await _broken(settings)
    assert "every event is missing: the log was emptied" in stderr


async def test_reordered_events_are_both_named(db: None, settings: Settings) -> None:
    # given
    await _sealed_log(5)
    # when seq 2 and 4 swap places
    await _sql("UPDATE audit_event SET seq = -1000 WHERE seq = 2")
    await _sql("UPDATE audit_event SET seq = 2 WHERE seq = 4")
    await _sql("UPDATE audit_event SET seq = 4 WHERE seq = -1000")
    # then
    stderr = await _broken(settings)
    assert "event seq=2" in stderr
    assert "event seq=4" in stderr
    assert "seq=3" not in stderr


async def test_an_inserted_event_is_detected(db: None, settings: Settings) -> None:
    # given
    await _sealed_log(5)
    model = await AuditEvent.get(seq=2)
    # when the events after 3 move up one place and a copy of event 2 takes seq 4
    for seq in (5, 4):
        await _sql("UPDATE audit_event SET seq = $1 WHERE seq = $2", [seq + 1, seq])
    await AuditEvent.create(
        seq=4,
        occurred_at=model.occurred_at,
        actor="officer:planted",
        operation=model.operation,
        target_ids=model.target_ids,
        outcome="OK",
        request_id=model.request_id,
        ip=model.ip,
        user_agent=model.user_agent,
        mac=model.mac,
    )
    # then every moved position is named, and the planted event's MAC does not hold
    stderr = await _broken(settings)
    assert "event seq=4" in stderr
    assert "MAC is invalid" in stderr
    assert "event seq=5" in stderr


async def test_a_forged_event_with_recomputed_hashes_is_detected(
    db: None, settings: Settings
) -> None:
    # given
    await _sealed_log(3)
    leaf = audit.Leaf.from_record(
        _record(7, actor="officer:ghost"), (await AuditEvent.get(seq=3)).occurred_at
    )
    # when an event is appended with every hash an outsider can compute
    await AuditEvent.create(
        seq=None,
        occurred_at=leaf.occurred_at,
        actor=leaf.actor,
        operation=leaf.operation,
        target_ids=list(leaf.target_ids),
        outcome=leaf.outcome,
        request_id=leaf.request_id,
        ip=leaf.ip,
        user_agent=leaf.user_agent,
        mac=hashlib.sha256(leaf.data()).hexdigest(),
    )
    forged = await AuditEvent.get(actor="officer:ghost")
    # then verify names it, and the sealer refuses to seal it
    stderr = await _broken(settings)
    sealed = await _cli(settings, "audit", "seal")
    stderr_after = await _broken(settings)
    assert f"id {forged.id}: not yet sealed and its MAC is invalid" in stderr
    assert sealed.returncode == 1
    assert f"id {forged.id}: rejected by the sealer" in stderr_after
    assert (await AuditEvent.get(id=forged.id)).seq == -forged.id


async def test_an_edit_with_everything_rehashed_is_detected(db: None, settings: Settings) -> None:
    # given
    await _sealed_log(5)
    event = await AuditEvent.get(seq=2)
    event.actor = "officer:someone-else"
    # when the attacker recomputes whatever hash they can (without the MAC key)
    event.mac = hashlib.sha256(audit.Leaf.from_event(event).data()).hexdigest()
    await event.save()
    # then
    stderr = await _broken(settings)
    assert "event seq=2" in stderr
    assert "content differs from what was sealed" in stderr
    assert "MAC is invalid" in stderr


async def test_every_break_is_reported_not_only_the_first(db: None, settings: Settings) -> None:
    # given
    await _sealed_log(8)
    # when
    await AuditEvent.filter(seq=2).update(outcome="X")
    await AuditEvent.filter(seq=5).delete()
    await AuditEvent.filter(seq=8).delete()
    # then
    stderr = await _broken(settings)
    assert stderr.index("event seq=2") < stderr.index("event seq=5") < stderr.index("seq=8")
    assert "4 problem(s)" in stderr  # the edit breaks both its MAC and its sealed leaf


async def test_a_tree_head_altered_on_disk_is_detected(db: None, settings: Settings) -> None:
    # given
    await _sealed_log(3)
    path = next((settings.audit_log_dir / "checkpoints").glob("*.json"))
    head = json.loads(path.read_text())
    # when
    head["size"] = 2
    path.write_text(json.dumps(head))
    # then
    stderr = await _broken(settings)
    assert "tree head of size 2: signature does not verify" in stderr


# --- the sealer ------------------------------------------------------------------------------


async def test_a_sealer_that_died_after_numbering_is_finished_by_the_next(
    db: None, settings: Settings
) -> None:
    # given events numbered but no head signed (the sealer died in between)
    await _sealed_log(2)
    for n in range(3):
        await _append(10 + n)
    await audit._number(audit.head_store())
    # when
    result = await _cli(settings, "audit", "seal")
    verified = await _cli(settings, "audit", "verify")
    # then
    assert result.returncode == 0, result.stderr
    assert "signed tree head size 5" in result.stdout
    assert verified.returncode == 0
    assert "5 events verified" in verified.stdout


async def test_the_sealer_stops_on_a_truncated_log_instead_of_hiding_it(
    db: None, settings: Settings
) -> None:
    # given
    await _sealed_log(4)
    await AuditEvent.filter(seq=4).delete()
    await _append(5)
    # when
    result = await _cli(settings, "audit", "seal")
    # then nothing was renumbered over the hole
    assert result.returncode == 1
    assert "a signed head covers 4" in result.stderr
    assert await AuditEvent.filter(seq__isnull=True).count() == 1


async def test_heads_grow_consistently_and_the_latest_is_public(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    # given
    for size in (3, 7):
        while await AuditEvent.all().count() < size:
            await _append(size)
        await audit.seal()
    # when
    public = await client.get("/audit/checkpoint")
    keys = await client.get("/audit/keys")
    report = await audit.verify()
    # then
    assert public.status_code == 200
    assert public.json()["size"] == 7
    assert keys.json()["keys"][0]["kid"] == public.json()["kid"]
    assert report.heads == 2
    assert report.breaks == []


# --- proofs ----------------------------------------------------------------------------------


async def test_an_inclusion_proof_verifies_with_the_public_key_alone(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    # given
    await _sealed_log(6)
    event = await AuditEvent.get(seq=4)
    key = await _cli(settings, "audit", "public-key")
    (tmp_path / "key.pem").write_text(key.stdout)
    # when
    proof = await _cli(settings, "audit", "prove", str(event.id))
    (tmp_path / "proof.json").write_text(proof.stdout)
    document = json.loads(proof.stdout)
    document["leaf"] = document["leaf"].replace("anonymous", "somebody")
    (tmp_path / "forged.json").write_text(json.dumps(document))
    env = {"PATH": os.environ["PATH"], "PALM_ENV": "test", "VAR_DIR": str(tmp_path / "elsewhere")}

    def check(name: str) -> subprocess.CompletedProcess[str]:
        # Another machine: no database, no log folder, only the proof and the public key.
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "palm_customs",
                "audit",
                "check-proof",
                str(tmp_path / name),
                "--public-key",
                str(tmp_path / "key.pem"),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    good = await asyncio.to_thread(check, "proof.json")
    bad = await asyncio.to_thread(check, "forged.json")
    # then
    assert proof.returncode == 0, proof.stderr
    assert "127.0.0.1" not in document["leaf"]
    assert document["leaf_index"] == 3
    assert document["tree_size"] == 6
    assert good.returncode == 0, good.stderr
    assert "position 4" in good.stdout
    assert bad.returncode == 1
    assert "does NOT verify" in bad.stderr


async def test_a_consistency_proof_between_two_heads_verifies(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    # given
    await _sealed_log(3)
    for n in range(5):
        await _append(20 + n)
    await audit.seal()
    # when
    proof = await _cli(settings, "audit", "prove", "--consistency", "3")
    (tmp_path / "consistency.json").write_text(proof.stdout)
    checked = await _cli(settings, "audit", "check-proof", str(tmp_path / "consistency.json"))
    # then
    assert proof.returncode == 0, proof.stderr
    assert checked.returncode == 0, checked.stderr
    assert "the log of 8 events extends the log of 3" in checked.stdout


async def test_no_proof_for_an_event_not_yet_sealed(db: None, settings: Settings) -> None:
    await _append(1)
    event = await AuditEvent.get(request_id="req1")
    result = await _cli(settings, "audit", "prove", str(event.id))
    assert result.returncode == 1
    assert "not in a signed tree head yet" in result.stderr


# --- no global lock --------------------------------------------------------------------------

_WRITER = textwrap.dedent(
    """
    import asyncio, sys
    from tortoise import Tortoise
    from tortoise.transactions import in_transaction
    from palm_customs.core import audit
    from palm_customs.core.db import settings_config
    from palm_customs.settings import load_settings

    async def main(name: str, count: int) -> None:
        settings = load_settings()
        audit.configure(settings)
        await Tortoise.init(config=settings_config(settings))
        try:
            for n in range(count):
                async with in_transaction() as connection:
                    await audit.append(connection, audit.AuditRecord(
                        actor=name, operation="concurrent", target_ids=(f"{name}:{n}",),
                        outcome="OK", request_id=f"{name}-{n}", ip="-", user_agent="writer"))
        finally:
            await Tortoise.close_connections()

    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
    """
)


async def test_two_processes_append_while_another_transaction_stays_open(
    db: None, settings: Settings
) -> None:
    if not settings.database_url.startswith("postgres"):
        pytest.skip("SQLite serialises writers itself; the lock question is PostgreSQL's")

    def writer(name: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", _WRITER, name, "40"],
            env=_env(settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    # given a request that appended its event and has not committed yet
    async with in_transaction() as open_request:
        await audit.append(open_request, _record(0))
        # when two other processes append meanwhile (a global lock would block them here)
        processes = [writer("one"), writer("two")]
        results = [await asyncio.to_thread(p.communicate, timeout=60) for p in processes]
        finished_while_open = [p.returncode for p in processes]
    await audit.seal()
    report = await audit.verify()
    # then
    assert finished_while_open == [0, 0], results
    assert await AuditEvent.filter(operation="concurrent").count() == 80
    assert report.breaks == []
    assert report.verified == 81


async def test_heads_signed_before_a_key_rotation_verify_with_the_retired_key(
    db: None, settings: Settings, migrated: str, var_dir: Path, tmp_path: Path
) -> None:
    # given heads signed with a first key
    log_dir = str(settings.audit_log_dir)
    first = make_settings(
        migrated,
        var_dir,
        AUDIT_CHECKPOINT_DIR=log_dir,
        AUDIT_SIGNING_KEY_FILE=str(tmp_path / "a.pem"),
    )
    audit.configure(first)
    await _sealed_log(3)
    retired = tmp_path / "retired.pem"
    retired.write_text(audit.public_pem(audit.signer().public))
    # when the key is rotated and more events are sealed with the new one
    rotated = make_settings(
        migrated,
        var_dir,
        AUDIT_CHECKPOINT_DIR=log_dir,
        AUDIT_SIGNING_KEY_FILE=str(tmp_path / "b.pem"),
        AUDIT_RETIRED_KEYS_FILE=str(retired),
    )
    audit.configure(rotated)
    await _sealed_log(2)
    with_retired = await audit.verify()
    forgotten = make_settings(
        migrated,
        var_dir,
        AUDIT_CHECKPOINT_DIR=log_dir,
        AUDIT_SIGNING_KEY_FILE=str(tmp_path / "b.pem"),
    )
    audit.configure(forgotten)
    without_retired = await audit.verify()
    # then
    assert with_retired.breaks == []
    assert with_retired.heads == 2
    assert with_retired.verified == 5
    assert without_retired.breaks[0].reason.startswith(
        "tree head of size 3: signed by an unknown key"
    )
