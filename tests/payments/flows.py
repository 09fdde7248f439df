"""Helpers for payment tests: a traveller who can pay, an inspector, the stand-in's word."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from starlette.applications import Starlette

from palm_customs.core import clock, jobs
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, key, submit, traveller, trip
from tests.identity.flows import step_up

PAYMENT = """
query($id: ID!) {
  declarationPayment(declarationId: $id) {
    number state basis final dueFen paidFen balanceFen refundPendingFen receipt
    openIntent { number state amountFen codeUrl }
    intents { number state amountFen refundedFen }
  }
}
"""
START = """
mutation($id: ID!, $key: String!) {
  paymentStart(declarationId: $id, idempotencyKey: $key) {
    __typename
    ... on PaymentStarted { replayed intent { id number state amountFen amountCny codeUrl receipt } }
    ... on PaymentError { code message field }
    ... on ValidationError { errors { field code } }
  }
}
"""
RECEIPT = """
query($c: String!) {
  paymentReceiptVerification(credential: $c) {
    valid expired problem message declarationNumber orderNumber amountFen paidFen dueFen
  }
}
"""
RECONCILIATION = """
{ paymentReconciliation(first: 10) {
    unknown { number state } mismatches { orderNumber outcome }
    refundsPending { number amountFen } refundsFailed { number }
} }
"""
RECORD = """
mutation($input: OutcomeInput!, $key: String!) {
  inspectionOutcomeRecord(input: $input, idempotencyKey: $key) { __typename }
}
"""
INBOX = "{ myNotifications { nodes { type title body } } }"


def other_client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def declared(client: httpx.AsyncClient, **trip_overrides: Any) -> dict[str, Any]:
    """A traveller signed in, stepped up (paying needs level 3) and with a declaration."""
    auth = await traveller(client)
    assert (await step_up(client, auth))["__typename"] == "StepUpSuccess"
    declaration: dict[str, Any] = (await submit(client, trip(**trip_overrides)))["declaration"]
    return declaration


async def payment(client: httpx.AsyncClient, declaration_id: str) -> dict[str, Any]:
    body = await graphql(client, PAYMENT, {"id": declaration_id})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["declarationPayment"]  # type: ignore[index]
    return result


async def start(
    client: httpx.AsyncClient, declaration_id: str, idempotency: str | None = None
) -> dict[str, Any]:
    body = await graphql(client, START, {"id": declaration_id, "key": idempotency or key()})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["paymentStart"]  # type: ignore[index]
    return result


async def provider_pays(
    standin_url: str, number: str, *, deliver: bool = True, **override: Any
) -> dict[str, Any]:
    """The person pays at the provider; the signed notification (and its delivery status)."""
    async with httpx.AsyncClient(base_url=standin_url) as provider:
        response = await provider.post(
            f"/__standin__/orders/{number}/pay", json={"deliver": deliver, **override}
        )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def provider_order(standin_url: str, number: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=standin_url) as provider:
        response = await provider.get(f"/__standin__/orders/{number}")
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def notify(client: httpx.AsyncClient, note: dict[str, Any]) -> httpx.Response:
    """Post a notification to our endpoint as the provider would (no Origin header)."""
    async with httpx.AsyncClient(transport=client._transport, base_url=ORIGIN) as provider:
        return await provider.post(
            "/payments/wechat/notify", content=note["body"].encode(), headers=note["headers"]
        )


async def officer_records(
    app: Starlette, *, number: str, version: int, kind: str, duty: str | None = None
) -> None:
    async with other_client(app) as officer:
        await inspector(officer, badge=f"T{uuid.uuid4().int % 10000:04d}")
        body = await graphql(
            officer,
            RECORD,
            {
                "input": {
                    "number": number,
                    "version": version,
                    "kind": kind,
                    "dutyAssessed": duty,
                    "reason": "",
                    "receiptNumber": "",
                    "observedAt": clock.now().isoformat(),
                },
                "key": key(),
            },
        )
    assert body["data"]["inspectionOutcomeRecord"]["__typename"] == "OutcomeRecorded", body  # type: ignore[index]


async def drain() -> jobs.DrainResult:
    return await jobs.drain_once(worker="test-payments", limit=20)
