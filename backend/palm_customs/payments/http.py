"""The provider's notification endpoint (POST /payments/wechat/notify)."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response

from palm_customs.payments import services

NOTIFY_PATH = "/payments/wechat/notify"
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
