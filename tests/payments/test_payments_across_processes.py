"""Two processes record a success for two orders of one assessment at the same instant (the
person paid on two phones, one order expired here): the database lets exactly one succeed."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from pathlib import Path

import httpx
from tortoise.transactions import in_transaction

from palm_customs.core import clock
from palm_customs.payments import services
from palm_customs.payments.models import IntentState, PaymentIntent
from palm_customs.payments.provider import TradeState, Transaction
from palm_customs.payments.standin import StandIn
from palm_customs.settings import Settings
from tests.declarations.flows import key
from tests.liveserver import clock_env
from tests.payments.flows import declared, start

ROOT = Path(__file__).resolve().parents[2]


async def test_two_processes_never_record_two_successes_for_one_assessment(
    client: httpx.AsyncClient,
    settings: Settings,
    var_dir: Path,
    standin: StandIn,
    tmp_path: Path,
) -> None:
    # given two orders for one assessment: one open, one that expired here
    declaration = await declared(client)
    open_intent = await PaymentIntent.get(
        number=(await start(client, declaration["id"]))["intent"]["number"]
    )
    now = clock.now()
    expired = await PaymentIntent.create(
        id=uuid.uuid4(),
        number="PCRACE" + uuid.uuid4().hex[:16].upper(),
        account_id=open_intent.account_id,
        subject_kind=open_intent.subject_kind,
        subject_ref=open_intent.subject_ref,
        assessment_ref=open_intent.assessment_ref,
        basis=open_intent.basis,
        amount_fen=open_intent.amount_fen,
        state=IntentState.EXPIRED,
        idempotency_key=key(),
        provider="wechat",
        created_at=now,
        updated_at=now,
        expires_at=now,
    )
    # when two processes record the provider's success for each at the same instant
    env = {
        **os.environ,
        "PALM_ENV": "test",
        "DATABASE_URL": settings.database_url,
        "VAR_DIR": str(var_dir),
        "PUBLIC_ORIGIN": settings.public_origin,
        "PALM_CLOCK": clock_env(),
    }
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    racers = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.payments.racer",
            number,
            str(open_intent.amount_fen),
            str(barrier),
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for number in (open_intent.number, expired.number)
    ]
    for _ in range(2400):
        if len(list(barrier.glob("ready-*"))) == 2 or any(r.returncode for r in racers):
            break
        await asyncio.sleep(0.05)
    (barrier / "go").touch()
    outcomes = []
    for racer in racers:
        out, err = await asyncio.wait_for(racer.communicate(), timeout=120)
        assert racer.returncode == 0, err.decode()
        outcomes.append(out.decode().strip().splitlines()[-1])
    print("race outcomes:", outcomes)
    # then at most one recorded a success; the loser is told to come again (the provider
    # retries) and then refunds its payment in full
    assert outcomes.count("applied") <= 1, outcomes
    assert set(outcomes) <= {"applied", "duplicate_payment_refunded", "integrity", "locked"}
    for number, outcome in zip((open_intent.number, expired.number), outcomes, strict=True):
        if outcome in ("integrity", "locked"):
            async with in_transaction() as connection:
                await services.apply_transaction(
                    connection,
                    Transaction(
                        order_number=number,
                        state=TradeState.SUCCESS,
                        amount_fen=open_intent.amount_fen,
                        currency="CNY",
                        transaction_id=f"4200{number}",
                        merchant_id=standin.merchant_id,
                        app_id=standin.app_id,
                    ),
                    actor="provider:wechat",
                )
    states = sorted(
        [(await PaymentIntent.get(id=i.id)).state.value for i in (open_intent, expired)]
    )
    assert states == ["refunded", "succeeded"]
    assert await PaymentIntent.filter(success_slot=open_intent.assessment_ref).count() == 1
