"""Paying a declaration's duty through the WeChat Pay adapter against the local stand-in."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.core import clock
from palm_customs.core.audit import AuditEvent
from palm_customs.notifications.models import Notification, NotificationType
from palm_customs.payments.models import IntentState, PaymentIntent, ProviderNotification
from palm_customs.payments.standin import StandIn
from palm_customs.settings import public_pem
from tests.conftest import graphql
from tests.declarations.flows import AMEND, article, inspector, key, trip
from tests.payments.flows import (
    RECEIPT,
    RECONCILIATION,
    START,
    declared,
    drain,
    notify,
    officer_records,
    other_client,
    payment,
    provider_order,
    provider_pays,
    start,
)

CAMERA_DUTY_FEN = 78000  # a 6,000 CNY camera: 780.00 (tests/declarations)


async def _payment_events(intent_number: str) -> list[str]:
    intent = await PaymentIntent.get(number=intent_number)
    events = await AuditEvent.all().order_by("seq")
    return [e.operation for e in events if f"payment:{intent.id}" in e.target_ids]


async def test_a_traveller_pays_on_account_and_an_officer_verifies_the_receipt(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given a declaration whose estimate is 780.00
    declaration = await declared(client)
    before = await payment(client, declaration["id"])
    assert (before["state"], before["dueFen"], before["basis"]) == (
        "DUE",
        CAMERA_DUTY_FEN,
        "ESTIMATE",
    )
    # when the traveller pays (the server sets the amount) and the provider notifies us
    started = await start(client, declaration["id"])
    assert started["__typename"] == "PaymentStarted", started
    intent = started["intent"]
    assert (intent["state"], intent["amountFen"], intent["amountCny"]) == (
        "PENDING",
        78000,
        "780.00",
    )
    assert intent["codeUrl"].endswith(f"/pay/{intent['number']}")
    assert (await provider_order(standin_server[1], intent["number"]))["amount_fen"] == 78000
    note = await provider_pays(standin_server[1], intent["number"])
    # then it is paid, with a receipt an officer can check
    assert note["delivered"] == 204
    after = await payment(client, declaration["id"])
    assert (after["state"], after["paidFen"], after["balanceFen"]) == ("PAID", 78000, 0)
    assert after["receipt"].startswith("PC1:")
    async with other_client(app) as officer:
        await inspector(officer)
        checked = (await graphql(officer, RECEIPT, {"c": after["receipt"]}))["data"][
            "paymentReceiptVerification"  # type: ignore[index]
        ]
    assert checked["valid"] is True
    assert (checked["declarationNumber"], checked["paidFen"], checked["dueFen"]) == (
        declaration["number"],
        78000,
        78000,
    )
    # and every state change is in the inbox and the audit trail
    inbox = await Notification.filter(type=NotificationType.PAYMENT).order_by("created_at")
    assert len(inbox) == 3
    assert "780.00" in inbox[-1].body
    assert await _payment_events(intent["number"]) == [
        "payment.created",
        "paymentStart",
        "payment.pending",
        "payment.succeeded",
    ]


async def test_a_forged_notification_changes_nothing(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given a pending payment
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    # when someone with another key signs a genuine-looking notification (right serial, a
    # resource encrypted with the right APIv3 key: only the signature is wrong)
    genuine = await provider_pays(standin_server[1], intent["number"], deliver=False)
    forger = StandIn(
        merchant_id=standin.merchant_id,
        app_id=standin.app_id,
        merchant_public_pem=public_pem(_rsa_pem()),
        platform_private_pem=_rsa_pem(),
        public_key_id=standin.public_key_id,
        apiv3_key=standin.apiv3_key.decode(),
    )
    forged = {**genuine["headers"], **forger.sign(genuine["body"])}
    answer = await notify(client, {"headers": forged, "body": genuine["body"]})
    # then it is refused and the payment is still pending
    assert answer.status_code == 401
    assert (await PaymentIntent.get(number=intent["number"])).state is IntentState.PENDING
    assert await ProviderNotification.all().count() == 0


def _rsa_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


async def test_a_notification_changed_in_transit_is_refused(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    genuine = await provider_pays(standin_server[1], intent["number"], deliver=False)
    # when the body is altered after the provider signed it (ciphertext, or the event id)
    body = genuine["body"]
    tampered = body.replace('"ciphertext": "', '"ciphertext": "A', 1)
    renamed = body.replace('"id": "', '"id": "x', 1)
    answers = [
        await notify(client, {"headers": genuine["headers"], "body": tampered}),
        await notify(client, {"headers": genuine["headers"], "body": renamed}),
    ]
    # then both are refused and nothing changed
    assert [a.status_code for a in answers] == [401, 401]
    assert (await PaymentIntent.get(number=intent["number"])).state is IntentState.PENDING


@pytest.mark.parametrize(
    ("override", "outcome"),
    [({"amount_fen": 100}, "amount_mismatch"), ({"currency": "USD"}, "currency_mismatch")],
)
async def test_a_genuine_notification_for_another_amount_or_currency_is_not_a_payment(
    client: httpx.AsyncClient,
    app: Starlette,
    standin: StandIn,
    standin_server: tuple[StandIn, str],
    override: dict[str, object],
    outcome: str,
) -> None:
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    # when the provider's signed word disagrees with our record
    note = await provider_pays(standin_server[1], intent["number"], deliver=False, **override)
    answer = await notify(client, note)
    # then it is acknowledged (repeating cannot help) but the payment is not succeeded
    assert answer.status_code == 204
    assert (await PaymentIntent.get(number=intent["number"])).state is IntentState.PENDING
    assert (await payment(client, declaration["id"]))["state"] == "PENDING"
    # and an administrator sees the mismatch
    async with other_client(app) as admin:
        await inspector(admin, badge="A0001", roles=("administrator",))
        report = (await graphql(admin, RECONCILIATION))["data"]["paymentReconciliation"]  # type: ignore[index]
    assert report["mismatches"] == [{"orderNumber": intent["number"], "outcome": outcome}]


async def test_a_replayed_notification_is_applied_once_and_an_old_one_is_refused(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    note = await provider_pays(standin_server[1], intent["number"], deliver=False)
    # when the same notification comes three times, the last one ten minutes later
    first = await notify(client, note)
    again = await notify(client, note)
    with clock.travel(clock.now() + timedelta(minutes=10)):
        late = await notify(client, note)
    # then it was applied once
    assert (first.status_code, again.status_code, late.status_code) == (204, 204, 401)
    assert (await _payment_events(intent["number"])).count("payment.succeeded") == 1
    assert (
        await Notification.filter(type=NotificationType.PAYMENT, body__contains="received").count()
        == 1
    )
    assert (await payment(client, declaration["id"]))["paidFen"] == CAMERA_DUTY_FEN


async def test_a_notification_during_our_call_to_the_provider_is_applied(
    client: httpx.AsyncClient, standin: StandIn
) -> None:
    # given the provider notifies success before it answers our order request
    declaration = await declared(client)
    standin.state.notify_before_answer = True
    # when the traveller pays
    started = await start(client, declaration["id"])
    # then the payment succeeded (the late "pending" did not overwrite it) and keeps its link
    assert started["intent"]["state"] == "SUCCEEDED", started
    assert started["intent"]["codeUrl"]
    assert standin.state.deliveries[-1] == 204
    assert (await payment(client, declaration["id"]))["state"] == "PAID"


async def test_a_notification_for_an_order_we_cannot_see_yet_is_asked_again(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given a notification for an order whose record is not visible (not committed) yet
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    note = await provider_pays(standin_server[1], intent["number"], deliver=False)
    row = await PaymentIntent.get(number=intent["number"])
    await PaymentIntent.filter(id=row.id).update(number="PCHIDDEN")
    # when it arrives, then we ask the provider to send it again and store nothing
    assert (await notify(client, note)).status_code == 503
    assert await ProviderNotification.all().count() == 0
    # and when the record is there, the provider's retry is applied
    await PaymentIntent.filter(id=row.id).update(number=intent["number"])
    assert (await notify(client, note)).status_code == 204
    assert (await PaymentIntent.get(id=row.id)).state is IntentState.SUCCEEDED


async def test_a_provider_timeout_then_success_is_found_by_reconciliation(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given the provider makes the order but answers after our timeout (1 s)
    declaration = await declared(client)
    standin.state.create_delay_seconds = 2.5
    started = await start(client, declaration["id"])
    intent = started["intent"]
    assert intent["state"] == "CREATED", started
    # when the person paid anyway and the notification never came
    await provider_pays(standin_server[1], intent["number"], deliver=False)
    with clock.travel(clock.now() + timedelta(minutes=3)):
        await drain()
    # then the reconciliation job asked the provider and recorded the success once
    assert (await PaymentIntent.get(number=intent["number"])).state is IntentState.SUCCEEDED
    assert (await payment(client, declaration["id"]))["state"] == "PAID"


async def test_an_unpaid_order_expires_and_is_closed_at_the_provider(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    with clock.travel(clock.now() + timedelta(minutes=31)):
        await drain()
    assert (await PaymentIntent.get(number=intent["number"])).state is IntentState.EXPIRED
    assert (await provider_order(standin_server[1], intent["number"]))["state"] == "CLOSED"
    # and paying again makes a new order
    again = await start(client, declaration["id"])
    assert again["intent"]["number"] != intent["number"]
    assert again["intent"]["state"] == "PENDING"


async def test_a_double_submit_and_a_second_phone_get_the_same_payment(
    client: httpx.AsyncClient, standin: StandIn
) -> None:
    declaration = await declared(client)
    idempotency = key()
    # when the same button is pressed twice, and another device pays at the same moment
    results = await asyncio.gather(
        start(client, declaration["id"], idempotency),
        start(client, declaration["id"], idempotency),
        start(client, declaration["id"]),
    )
    # then there is one open payment, whatever the order the requests ran in
    numbers = {r["intent"]["number"] for r in results if r["__typename"] == "PaymentStarted"}
    refused = [r["code"] for r in results if r["__typename"] == "PaymentError"]
    assert len(numbers) == 1
    assert set(refused) <= {"IN_PROGRESS", "KEY_REUSED"}
    assert await PaymentIntent.all().count() == 1


async def test_an_amended_assessment_is_paid_against_the_latest_version(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given a payment started for version 1 (780.00)
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    # when the traveller amends to a dearer camera before the payment completes
    amended = await graphql(
        client,
        AMEND,
        {
            "id": declaration["id"],
            "input": trip(articles=[article(unitValue="9000.00")]),
            "key": key(),
        },
    )
    second = amended["data"]["declarationAmend"]["declaration"]  # type: ignore[index]
    stale = await start(client, declaration["id"])
    await provider_pays(standin_server[1], intent["number"])
    # then paying from the old version is refused, the first payment counts on account
    # and the balance of the new estimate is what is left to pay
    assert stale["__typename"] == "PaymentError"
    assert stale["code"] == "ASSESSMENT_CHANGED"
    now = await payment(client, second["id"])
    due = round(float(second["estimate"]["dutyCny"]) * 100)
    assert due > CAMERA_DUTY_FEN
    assert (now["state"], now["paidFen"], now["balanceFen"]) == (
        "DUE",
        CAMERA_DUTY_FEN,
        due - CAMERA_DUTY_FEN,
    )
    rest = (await start(client, second["id"]))["intent"]
    assert rest["amountFen"] == due - CAMERA_DUTY_FEN


async def test_an_assessment_lower_than_paid_on_account_is_refunded(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given 780.00 paid on account
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    await provider_pays(standin_server[1], intent["number"])
    # when the officer assesses 500.00
    await officer_records(
        app, number=declaration["number"], version=1, kind="DUTY_ASSESSED", duty="500.00"
    )
    pending = await payment(client, declaration["id"])
    assert (pending["state"], pending["refundPendingFen"]) == ("REFUND_PENDING", 28000)
    await drain()
    # then 280.00 went back through the provider, once, and the person was told
    assert (await provider_order(standin_server[1], intent["number"]))["refunded_fen"] == 28000
    done = await payment(client, declaration["id"])
    assert (done["state"], done["final"], done["paidFen"], done["dueFen"]) == (
        "PAID",
        True,
        50000,
        50000,
    )
    bodies = [n.body for n in await Notification.filter(type=NotificationType.PAYMENT)]
    assert sum("280.00" in b for b in bodies) == 2  # refund started, refund made


async def test_a_worker_killed_between_the_providers_refund_and_our_record_refunds_once(
    client: httpx.AsyncClient,
    app: Starlette,
    standin: StandIn,
    standin_server: tuple[StandIn, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from palm_customs.payments import services

    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    await provider_pays(standin_server[1], intent["number"])
    await officer_records(
        app, number=declaration["number"], version=1, kind="DUTY_ASSESSED", duty="500.00"
    )
    # when the first run dies after the provider refunded, before our record
    real = services.record_refund

    async def dies(*args: object, **kwargs: object) -> None:
        raise ConnectionResetError("worker killed")

    monkeypatch.setattr(services, "record_refund", dies)
    await drain()
    assert (await provider_order(standin_server[1], intent["number"]))["refunded_fen"] == 28000
    monkeypatch.setattr(services, "record_refund", real)
    with clock.travel(clock.now() + timedelta(hours=1)):
        await drain()
    # then the rerun sent the same refund number: the provider refunded once
    order = await provider_order(standin_server[1], intent["number"])
    assert (order["refunded_fen"], order["refunds"]) == (28000, 1)
    assert (await payment(client, declaration["id"]))["state"] == "PAID"


async def test_the_database_refuses_two_successes_for_one_assessment(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given a paid assessment
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    await provider_pays(standin_server[1], intent["number"])
    paid = await PaymentIntent.get(number=intent["number"])
    # when another intent tries to take the same success slot
    expired = await PaymentIntent.create(
        **{
            **{f: getattr(paid, f) for f in ("account_id", "subject_kind", "subject_ref", "basis")},
            "id": uuid.uuid4(),
            "number": "PCLATE0000000001",
            "assessment_ref": paid.assessment_ref,
            "amount_fen": paid.amount_fen,
            "state": IntentState.EXPIRED,
            "idempotency_key": key(),
            "provider": "wechat",
            "created_at": clock.now(),
            "updated_at": clock.now(),
            "expires_at": clock.now(),
        }
    )
    # then the constraint refuses it
    with pytest.raises(IntegrityError):
        async with in_transaction() as connection:
            await (
                PaymentIntent.filter(id=expired.id)
                .using_db(connection)
                .update(success_slot=paid.assessment_ref)
            )
    # and a late success of that expired order is refunded in full, never a second success
    from palm_customs.payments import services
    from palm_customs.payments.provider import TradeState, Transaction

    async with in_transaction() as connection:
        outcome = await services.apply_transaction(
            connection,
            Transaction(
                order_number="PCLATE0000000001",
                state=TradeState.SUCCESS,
                amount_fen=paid.amount_fen,
                currency="CNY",
                transaction_id="4200late",
                merchant_id=standin.merchant_id,
                app_id=standin.app_id,
            ),
            actor="test",
        )
    assert outcome == "duplicate_payment_refunded"
    assert await PaymentIntent.filter(success_slot=paid.assessment_ref).count() == 1
    assert (await PaymentIntent.get(id=expired.id)).state is IntentState.REFUNDED


async def test_paying_needs_a_fresh_step_up_and_ones_own_declaration(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn
) -> None:
    declaration = await declared(client)
    async with other_client(app) as stranger:
        from tests.declarations.flows import traveller
        from tests.identity.flows import step_up

        auth = await traveller(stranger, n=2)
        with clock.travel(clock.now() + timedelta(minutes=6)):
            below = await graphql(stranger, START, {"id": declaration["id"], "key": key()})
            await step_up(stranger, auth)
            foreign = await start(stranger, declaration["id"])
    assert below["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]
    assert (foreign["__typename"], foreign["code"]) == ("PaymentError", "NOT_FOUND")
    assert await PaymentIntent.all().count() == 0


async def test_the_payer_downloads_the_receipt_as_a_pdf_and_nobody_else_can(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    import io

    from pypdf import PdfReader

    # given a paid declaration
    declaration = await declared(client)
    intent = (await start(client, declaration["id"]))["intent"]
    path = f"/payments/receipts/{intent['number']}.pdf"
    unpaid = await client.get(path)
    await provider_pays(standin_server[1], intent["number"])
    # when the payer downloads the receipt
    response = await client.get(path)
    # then it is a PDF with the facts and the signed code
    assert unpaid.status_code == 404
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert declaration["number"] in text
    assert "CNY 780.00" in text
    assert "PC1:" in text
    # and to anyone else it does not exist
    async with other_client(app) as stranger:
        assert (await stranger.get(path)).status_code == 404
