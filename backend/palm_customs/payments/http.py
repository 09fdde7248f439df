"""The provider's notification endpoint (POST /payments/wechat/notify)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from palm_customs.core import clock
from palm_customs.core.principal import Level
from palm_customs.identity import sessions
from palm_customs.payments import receipt_pdf, services
from palm_customs.payments.models import IntentState, PaymentIntent, SubjectKind
from palm_customs.settings import Settings

NOTIFY_PATH = "/payments/wechat/notify"
RECEIPT_PATH = "/payments/receipts/{number}.pdf"
MAX_NOTIFICATION_BYTES = 64 * 1024


async def wechat_notify(request: Request) -> Response:
    body = await request.body()
    if len(body) > MAX_NOTIFICATION_BYTES:
        return _fail(413)
    answer = await services.receive_notification(headers=request.headers, body=body)
    if answer.status == 200:
        return Response(status_code=204)
    return _fail(answer.status)


def _fail(status: int) -> Response:
    # WeChat Pay sends a notification again when the answer is not 2xx.
    return Response(
        json.dumps({"code": "FAIL", "message": "失败"}),
        status_code=status,
        media_type="application/json",
    )


def receipt_endpoint(settings: Settings) -> Callable[[Request], Awaitable[Response]]:
    """GET /payments/receipts/<order>.pdf: the payer's receipt (anyone else: 404)."""

    async def receipt(request: Request) -> Response:
        token = request.cookies.get(sessions.cookie_name(settings.origin_is_https))
        session = await sessions.resolve(token)
        principal = sessions.principal_for(session, clock.now()) if session else None
        number = str(request.path_params.get("number", ""))[:32]
        intent = await PaymentIntent.get_or_none(number=number)
        if (
            principal is None
            or principal.level < Level.SESSION
            or intent is None
            or intent.account_id != principal.account_id
            or intent.state not in (IntentState.SUCCEEDED, IntentState.REFUNDED)
            or not intent.receipt_credential
        ):
            return Response(status_code=404, media_type="text/plain")
        paid_at = (intent.succeeded_at or intent.updated_at).astimezone(clock.SERVICE_ZONE)
        subject_label = (
            "Application:" if intent.subject_kind is SubjectKind.APPLICATION else "Declaration:"
        )
        lines = [
            "Palm Customs - Payment receipt",
            "",
            f"{subject_label:<14}{intent.subject_ref}",
            f"Payment:      {intent.number}",
            f"Amount:       CNY {services.yuan(intent.amount_fen)}",
            f"Refunded:     CNY {services.yuan(intent.refunded_fen)}",
            f"Basis:        {intent.basis.value}",
            f"Paid at:      {paid_at.isoformat(timespec='seconds')} (China Standard Time)",
            f"Transaction:  {intent.provider_transaction_id or '-'}",
            "",
            "Signed receipt code (an officer's tablet verifies it, also offline):",
            *receipt_pdf.wrap(intent.receipt_credential),
        ]
        return Response(
            receipt_pdf.render(lines),
            media_type="application/pdf",
            headers={
                "content-disposition": f'attachment; filename="receipt-{intent.number}.pdf"',
                "cache-control": "no-store",
                "x-content-type-options": "nosniff",
            },
        )

    return receipt
