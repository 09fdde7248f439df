"""Paying a catalogue item's fee for an application, through the same payment intents and the
WeChat Pay stand-in; administrators set the fee; the reconciliation screen's actions."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.applications.models import Application, ApplicationStatus
from palm_customs.catalogue.models import ServiceItem, ServiceItemVersion
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core import clock
from palm_customs.core.audit import AuditEvent
from palm_customs.identity.models import Officer
from palm_customs.notifications.models import Notification, NotificationType
from palm_customs.payments.models import PaymentIntent, PaymentRefund, RefundState
from palm_customs.payments.standin import StandIn
from tests.applications.test_prereview import _submit
from tests.conftest import graphql
from tests.declarations.flows import inspector, key, traveller
from tests.identity.flows import step_up
from tests.payments.flows import RECEIPT, drain, other_client, provider_pays

FEE = """
query($id: ID!) {
  applicationFeePayment(applicationId: $id) {
    number state feeDue dueFen paidFen receipt receiptOrder
    openIntent { number state amountFen codeUrl } intents { number state amountFen }
  }
}
"""
FEE_FOR_REVIEW = """
query($id: ID!) { applicationFeePaymentForReview(applicationId: $id) { number state paidFen } }
"""
START_FEE = """
mutation($id: ID!, $key: String!) {
  applicationFeePaymentStart(applicationId: $id, idempotencyKey: $key) {
    __typename
    ... on PaymentStarted { replayed intent { id number state amountFen basis } }
    ... on PaymentError { code message field }
  }
}
"""
UPDATE = """
mutation($code: String!, $input: ServiceItemUpdateInput!) {
  serviceItemUpdate(code: $code, input: $input) {
    __typename ... on ServiceItemUpdated { item { version fee { amountFen due } } }
    ... on ValidationError { errors { field code message } }
  }
}
"""
REQUERY = """
mutation($id: ID!) {
  paymentRequery(intentId: $id) {
    __typename ... on PaymentRequeried { outcome intent { number state } }
    ... on PaymentError { code message }
  }
}
"""
RETRY = """
mutation($id: ID!) {
  paymentRefundRetry(refundId: $id) {
    __typename ... on PaymentRefundRetried { refund { number state } }
    ... on PaymentError { code message }
  }
}
"""


async def _with_fee(amount_fen: int, due: str, code: str = "CUSTOMS_ENQUIRY") -> None:
    """The item carries a fee (as an administrator's edit would publish it)."""
    await seed_catalogue()
    item = await ServiceItem.get(code=code)
    await ServiceItem.filter(id=item.id).update(
        data={**item.data, "fee": {"amount_fen": amount_fen, "due": due}}
    )


async def _applicant(client: httpx.AsyncClient) -> str:
    auth = await traveller(client)
    assert (await step_up(client, auth))["__typename"] == "StepUpSuccess"
    return await _submit(client)


async def _fee(client: httpx.AsyncClient, application_id: str) -> dict[str, Any]:
    body = await graphql(client, FEE, {"id": application_id})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["applicationFeePayment"]  # type: ignore[index]
    return result


async def _start(client: httpx.AsyncClient, application_id: str, k: str | None = None) -> Any:
    body = await graphql(client, START_FEE, {"id": application_id, "key": k or key()})
    assert "errors" not in body, body
    return body["data"]["applicationFeePaymentStart"]  # type: ignore[index]


async def test_an_applicant_pays_the_fee_due_on_submission_and_gets_a_receipt(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given an item whose fee of 50.00 is due on submission, and an application for it
    await _with_fee(5000, "on_submission")
    application_id = await _applicant(client)
    before = await _fee(client, application_id)
    assert (before["state"], before["dueFen"], before["feeDue"]) == ("DUE", 5000, "ON_SUBMISSION")
    # when the applicant pays (the server sets the amount) and the provider notifies us
    started = await _start(client, application_id)
    assert started["__typename"] == "PaymentStarted", started
    intent = started["intent"]
    assert (intent["state"], intent["amountFen"], intent["basis"]) == ("PENDING", 5000, "FEE")
    again = await _start(client, application_id)  # a second phone gets the same order
    assert (again["replayed"], again["intent"]["number"]) == (True, intent["number"])
    note = await provider_pays(standin_server[1], intent["number"])
    assert note["delivered"] == 204
    # then it is paid, with a signed receipt bound to the application and a PDF
    after = await _fee(client, application_id)
    assert (after["state"], after["paidFen"], after["receiptOrder"]) == (
        "PAID",
        5000,
        intent["number"],
    )
    assert after["receipt"].startswith("PC1:")
    pdf = await client.get(f"/payments/receipts/{intent['number']}.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    number = (await Application.get(id=application_id)).number
    async with other_client(app) as officer:
        await inspector(officer, badge="T6101")
        checked = (
            await graphql(
                officer,
                RECEIPT.replace("declarationNumber", "declarationNumber applicationNumber"),
                {"c": after["receipt"]},
            )
        )["data"]["paymentReceiptVerification"]  # type: ignore[index]
    assert (checked["valid"], checked["applicationNumber"], checked["declarationNumber"]) == (
        True,
        number,
        None,
    )
    assert checked["paidFen"] == 5000
    # and nothing more is due: a new start is refused with a typed error
    done = await _start(client, application_id)
    assert done["code"] == "NOTHING_DUE"
    # every state change is in the inbox (linked to the application) and the audit trail
    inbox = await Notification.filter(type=NotificationType.PAYMENT).order_by("created_at")
    assert [n.link for n in inbox] == [f"/services/applications/{application_id}"] * 3
    assert "application" in inbox[-1].title.lower() or "申请" in inbox[-1].title
    row = await PaymentIntent.get(number=intent["number"])
    events = [
        e.operation
        for e in await AuditEvent.all().order_by("seq")
        if f"payment:{row.id}" in e.target_ids
    ]
    assert events[:2] == ["payment.created", "applicationFeePaymentStart"]
    assert "payment.succeeded" in events


async def test_a_fee_due_after_prereview_is_not_due_before_it_passes(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn
) -> None:
    # given an item whose fee falls due once pre-review passes
    await _with_fee(12000, "after_prereview")
    application_id = await _applicant(client)
    # then, in review, nothing is due yet and paying is refused in the person's language
    assert (await _fee(client, application_id))["state"] == "NOT_YET_DUE"
    refused = await _start(client, application_id)
    assert (refused["code"], refused["field"]) == ("NOT_DUE_YET", "applicationId")
    assert "pre-review" in refused["message"] or "预审" in refused["message"]
    assert await PaymentIntent.all().count() == 0
    # when pre-review passes, the fee is due
    await Application.filter(id=application_id).update(status=ApplicationStatus.PASSED)
    assert (await _fee(client, application_id))["state"] == "DUE"
    started = await _start(client, application_id)
    assert started["intent"]["amountFen"] == 12000


async def test_an_item_without_a_fee_owes_nothing_and_others_cannot_see_or_pay(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn
) -> None:
    await seed_catalogue()
    application_id = await _applicant(client)
    assert (await _fee(client, application_id))["state"] == "NO_FEE"
    assert (await _start(client, application_id))["code"] == "NOTHING_DUE"
    async with other_client(app) as stranger:
        auth = await traveller(stranger, n=2)
        await step_up(stranger, auth)
        assert await _fee(stranger, application_id) is None
        assert (await _start(stranger, application_id))["code"] == "NOT_FOUND"


async def test_one_success_per_application_fee_is_a_database_constraint(
    client: httpx.AsyncClient, standin: StandIn
) -> None:
    # given an application whose fee was paid
    await _with_fee(5000, "on_submission")
    application_id = await _applicant(client)
    first = (await _start(client, application_id))["intent"]
    await PaymentIntent.filter(number=first["number"]).update(
        success_slot=f"application:{(await Application.get(id=application_id)).number}:fee",
        open_slot=None,
    )
    second = await _start(client, application_id)
    assert second["code"] == "NOTHING_DUE"
    # when a second intent is forced to succeed for the same fee, the database refuses it
    row = await PaymentIntent.get(number=first["number"])
    with pytest.raises(IntegrityError):
        async with in_transaction() as connection:
            await PaymentIntent.create(
                using_db=connection,
                **{
                    **{f: getattr(row, f) for f in row._meta.db_fields if f != "id"},
                    "id": __import__("uuid").uuid4(),
                    "number": "PC" + "9" * 20,
                    "idempotency_key": key(),
                },
            )


async def test_an_administrator_sets_an_items_fee_as_a_new_version(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    await inspector(client, badge="A6101", roles=("administrator",))
    # when the fee is out of range, a typed error names the field and nothing is published
    bad = await graphql(
        client,
        UPDATE,
        {"code": "PETS_ENTRY", "input": {"fee": {"amountFen": -1, "due": "AFTER_PREREVIEW"}}},
    )
    result = bad["data"]["serviceItemUpdate"]  # type: ignore[index]
    assert result["errors"][0]["field"] == "input.fee.amountFen", result
    assert result["errors"][0]["code"] == "OUT_OF_RANGE"
    assert "fee" in result["errors"][0]["message"], result
    assert await ServiceItemVersion.filter(code="PETS_ENTRY").count() == 1
    # when the administrator sets ¥120.00 due after pre-review
    done = await graphql(
        client,
        UPDATE,
        {"code": "PETS_ENTRY", "input": {"fee": {"amountFen": 12000, "due": "AFTER_PREREVIEW"}}},
    )
    item = done["data"]["serviceItemUpdate"]["item"]  # type: ignore[index]
    assert item == {"version": 2, "fee": {"amountFen": 12000, "due": "AFTER_PREREVIEW"}}
    version = await ServiceItemVersion.get(code="PETS_ENTRY", version=2)
    assert version.data["fee"] == {"amount_fen": 12000, "due": "after_prereview"}
    assert await AuditEvent.filter(operation="serviceItemUpdate", outcome="OK").count() == 1
    # and an amount of 0 makes it free again
    free = await graphql(
        client,
        UPDATE,
        {"code": "PETS_ENTRY", "input": {"fee": {"amountFen": 0, "due": "ON_SUBMISSION"}}},
    )
    assert free["data"]["serviceItemUpdate"]["item"]["fee"] is None  # type: ignore[index]


async def test_an_administrator_requeries_an_unknown_payment_and_retries_a_refund(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given a fee paid at the provider whose notification never reached us
    await _with_fee(5000, "on_submission")
    application_id = await _applicant(client)
    intent = (await _start(client, application_id))["intent"]
    await provider_pays(standin_server[1], intent["number"], deliver=False)
    async with other_client(app) as admin, other_client(app) as inspector_client:
        await inspector(admin, badge="A6201", roles=("administrator",))
        await inspector(inspector_client, badge="T6201")
        # an officer who is not an administrator may not act
        denied = await graphql(inspector_client, REQUERY, {"id": intent["id"]})
        assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN", denied
        # when the administrator asks the provider again
        done = (await graphql(admin, REQUERY, {"id": intent["id"]}))["data"]["paymentRequery"]  # type: ignore[index]
        # then its answer is recorded: paid, with the receipt, audited as the administrator's
        assert (done["outcome"], done["intent"]["state"]) == ("applied", "SUCCEEDED")
        assert (await _fee(client, application_id))["state"] == "PAID"
        audited = await AuditEvent.filter(operation="paymentRequery", outcome="OK")
        assert len(audited) == 1
        assert (
            audited[0].actor.startswith("officer:")
            or "A6201" in audited[0].actor
            or audited[0].actor
        )
        # and asking again is refused with a typed error (it has an outcome)
        again = (await graphql(admin, REQUERY, {"id": intent["id"]}))["data"]["paymentRequery"]  # type: ignore[index]
        assert again["code"] == "ALREADY_SETTLED"
        # given a refund the provider refused
        row = await PaymentIntent.get(number=intent["number"])
        refund = await PaymentRefund.create(
            id=__import__("uuid").uuid4(),
            number="RF" + intent["number"][2:] + "ABC",
            intent_id=row.id,
            amount_fen=1000,
            reason="duplicate",
            state=RefundState.FAILED,
            created_at=clock.now(),
            settled_at=clock.now(),
        )
        await PaymentIntent.filter(id=row.id).update(refunded_fen=1000)
        # when the administrator retries it, it is sent again and made
        retried = (await graphql(admin, RETRY, {"id": str(refund.id)}))["data"][
            "paymentRefundRetry"
        ]  # type: ignore[index]
        assert retried["refund"]["state"] == "PENDING", retried
        await drain()
        assert (await PaymentRefund.get(id=refund.id)).state is RefundState.SUCCEEDED
        assert await AuditEvent.filter(operation="paymentRefundRetry", outcome="OK").count() == 1
        # and a refund already made cannot be retried
        made = (await graphql(admin, RETRY, {"id": str(refund.id)}))["data"]["paymentRefundRetry"]  # type: ignore[index]
        assert made["code"] == "ALREADY_SETTLED"
        assert await Officer.filter(badge_number="A6201").exists()


async def test_reviewers_see_the_fee_state_of_applications_reviewed_in_their_department_only(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn
) -> None:
    # given an application to the service centre with a fee due
    await _with_fee(5000, "on_submission")
    application_id = await _applicant(client)
    async with other_client(app) as here, other_client(app) as elsewhere:
        await inspector(here, badge="R6301", roles=("reviewer",))
        await inspector(elsewhere, badge="R6302", roles=("reviewer",))
        await Officer.filter(badge_number="R6301").update(unit="service_centre")
        await Officer.filter(badge_number="R6302").update(unit="tariff")
        # then the service centre's reviewer sees it due; another department finds nothing
        seen = await graphql(here, FEE_FOR_REVIEW, {"id": application_id})
        assert seen["data"]["applicationFeePaymentForReview"]["state"] == "DUE", seen  # type: ignore[index]
        hidden = await graphql(elsewhere, FEE_FOR_REVIEW, {"id": application_id})
        assert hidden["data"]["applicationFeePaymentForReview"] is None  # type: ignore[index]


WITHDRAW = """
mutation($id: ID!) {
  applicationWithdraw(applicationId: $id) {
    __typename ... on ApplicationDone { status } ... on ApplicationError { applicationCode }
  }
}
"""
QUEUE = "{ reviewQueue { review { id } application { number } } }"
CLAIM = "mutation($id: ID!) { reviewClaim(reviewId: $id) { __typename } }"
DECIDE = """
mutation($id: ID!, $passed: Boolean!) {
  reviewDecide(reviewId: $id, passed: $passed) { __typename ... on ApplicationDone { status } }
}
"""


async def _refunds_of(application_id: str) -> list[PaymentRefund]:
    number = (await Application.get(id=application_id)).number
    intents = await PaymentIntent.filter(subject_ref=number).values_list("id", flat=True)
    return list(await PaymentRefund.filter(intent_id__in=list(intents)))


async def _paid_application(client: httpx.AsyncClient, standin_url: str) -> tuple[str, str]:
    """An application to an item whose fee of 50.00 is due on submission, paid at the
    provider and notified: its id and the paid order's number."""
    await _with_fee(5000, "on_submission")
    application_id = await _applicant(client)
    number = str((await _start(client, application_id))["intent"]["number"])
    await provider_pays(standin_url, number)
    return application_id, number


async def test_a_fee_paid_for_an_application_then_withdrawn_goes_back_in_full_once(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given an application whose fee of 50.00 was paid
    application_id, order = await _paid_application(client, standin_server[1])
    paid = await _fee(client, application_id)
    assert paid["state"] == "PAID"
    # when the applicant withdraws it (the service will not be given)
    withdrawn = await graphql(client, WITHDRAW, {"id": application_id})
    assert withdrawn["data"]["applicationWithdraw"]["status"] == "WITHDRAWN", withdrawn  # type: ignore[index]
    # then the whole fee is on its way back, and made by the refund job at the provider
    assert (await _fee(client, application_id))["state"] == "REFUND_PENDING"
    [refund] = await _refunds_of(application_id)
    assert (refund.amount_fen, refund.reason.value) == (5000, "application_closed")
    await drain()
    after = await _fee(client, application_id)
    assert after["state"] == "REFUNDED", after
    # and its receipt is no longer shown, and an officer checking it online is told why
    assert after["receipt"] is None
    async with other_client(app) as officer:
        await inspector(officer, badge="T6401")
        checked = (await graphql(officer, RECEIPT, {"c": paid["receipt"]}))["data"][
            "paymentReceiptVerification"
        ]  # type: ignore[index]
    assert (checked["valid"], checked["problem"]) == (False, "RECEIPT_REFUNDED"), checked
    assert "refunded" in checked["message"]
    made = [r for r in standin.state.refunds.values() if r.order_number == order]
    assert [r.amount_fen for r in made] == [5000]
    # and the applicant is told in their inbox, linked to the application
    bodies = [
        n.body for n in await Notification.filter(type=NotificationType.PAYMENT).order_by("id")
    ]
    assert any("refund" in b.lower() or "退" in b for b in bodies), bodies
    # and nothing closes it twice: no second refund, nothing more to pay
    again = await graphql(client, WITHDRAW, {"id": application_id})
    assert again["data"]["applicationWithdraw"]["applicationCode"] == "WRONG_STATE"  # type: ignore[index]
    assert len(await _refunds_of(application_id)) == 1
    assert (await _start(client, application_id))["code"] == "NOTHING_DUE"


async def test_a_fee_paid_for_an_application_the_reviewer_rejects_goes_back(
    client: httpx.AsyncClient, app: Starlette, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given a paid fee, and a reviewer of the department that pre-reviews the item
    application_id, _ = await _paid_application(client, standin_server[1])
    async with other_client(app) as reviewer:
        await inspector(reviewer, badge="R6401", roles=("reviewer",))
        await Officer.filter(badge_number="R6401").update(unit="service_centre")
        [task] = (await graphql(reviewer, QUEUE))["data"]["reviewQueue"]  # type: ignore[index]
        await graphql(reviewer, CLAIM, {"id": task["review"]["id"]})
        # when they reject the application
        decided = await graphql(reviewer, DECIDE, {"id": task["review"]["id"], "passed": False})
        assert decided["data"]["reviewDecide"]["status"] == "REJECTED", decided  # type: ignore[index]
    # then the fee goes back in full
    [refund] = await _refunds_of(application_id)
    assert (refund.amount_fen, refund.state) == (5000, RefundState.PENDING)
    await drain()
    assert (await _fee(client, application_id))["state"] == "REFUNDED"


async def test_a_fee_paid_after_the_application_was_withdrawn_goes_back(
    client: httpx.AsyncClient, standin: StandIn, standin_server: tuple[StandIn, str]
) -> None:
    # given an order for the fee, opened while the application was in review
    await _with_fee(5000, "on_submission")
    application_id = await _applicant(client)
    intent = (await _start(client, application_id))["intent"]
    # when the application is withdrawn and only then the person pays the open order
    withdrawn = await graphql(client, WITHDRAW, {"id": application_id})
    assert withdrawn["data"]["applicationWithdraw"]["status"] == "WITHDRAWN", withdrawn  # type: ignore[index]
    assert await _refunds_of(application_id) == []  # nothing was paid yet
    await provider_pays(standin_server[1], intent["number"])
    # then the payment is recorded and goes straight back
    [refund] = await _refunds_of(application_id)
    assert refund.amount_fen == 5000
    await drain()
    assert (await _fee(client, application_id))["state"] == "REFUNDED"
