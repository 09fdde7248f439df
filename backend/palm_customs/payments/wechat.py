"""WeChat Pay API v3 (Native payments) through the `wechatpayv3` library.

The library signs our requests with the merchant API key, verifies the signature of every
response and notification with the WeChat Pay public key (public-key mode: `Wechatpay-Serial`
is the public key id) and decrypts notification resources (AEAD_AES_256_GCM with the APIv3
key). What the library leaves to us and is done here: a notification must be fresh (its
signed timestamp within five minutes: a replay of an old one is refused), name our public key
id (an unknown serial would make the library download certificates on an attacker's
request), name our merchant and app, and carry a transaction. Amount, currency and order
number are checked against our own record by the services, which alone know it.

The library is synchronous (requests): calls run in a worker thread. The gateway is a
setting, so the same adapter talks to the local stand-in (payments/standin.py) in tests and
the demo, and to WeChat Pay in production.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import anyio.to_thread
from wechatpayv3 import WeChatPay, WeChatPayType

from palm_customs.core import clock
from palm_customs.payments.provider import (
    Notification,
    NotificationRejected,
    OutcomeUnknown,
    ProviderRefused,
    RefundOutcome,
    TradeState,
    Transaction,
)
from palm_customs.settings import WeChatPaySettings

# A notification older (or newer) than this is refused: WeChat Pay signs its timestamp.
MAX_NOTIFICATION_SKEW_SECONDS = 300
SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048"
_HEADERS = (
    "Wechatpay-Signature",
    "Wechatpay-Timestamp",
    "Wechatpay-Nonce",
    "Wechatpay-Serial",
    "Wechatpay-Signature-Type",
)


class WeChatPayProvider:
    name = "wechat"

    def __init__(self, config: WeChatPaySettings) -> None:
        self.merchant_id = config.merchant_id
        self.app_id = config.app_id
        self._public_key_id = config.public_key_id
        self._client = WeChatPay(
            wechatpay_type=WeChatPayType.NATIVE,
            mchid=config.merchant_id,
            private_key=config.private_key.reveal(),
            cert_serial_no=config.cert_serial_no,
            appid=config.app_id,
            apiv3_key=config.apiv3_key.reveal(),
            notify_url=config.notify_url,
            public_key=config.public_key,
            public_key_id=config.public_key_id,
            timeout=(config.timeout_seconds, config.timeout_seconds),
        )
        # The library has no setting for its gateway: the stand-in and a sandbox need one.
        self._client._core._gate_way = config.gateway.rstrip("/")

    async def _call(self, method: Callable[..., tuple[int, Any]], **kwargs: Any) -> tuple[int, Any]:
        try:
            code, message = await anyio.to_thread.run_sync(functools.partial(method, **kwargs))
        except OSError as error:  # requests' errors (timeouts, connections) are OSErrors
            raise OutcomeUnknown(type(error).__name__) from None
        except Exception as error:  # the library raises bare Exception (bad response signature)
            raise OutcomeUnknown(str(error)[:120]) from None
        if code >= 500:
            raise OutcomeUnknown(f"status {code}")
        return code, message

    @staticmethod
    def _json(message: Any) -> dict[str, Any]:
        try:
            data = json.loads(message)
        except (TypeError, ValueError):
            raise OutcomeUnknown("response is not JSON") from None
        if not isinstance(data, dict):
            raise OutcomeUnknown("response is not an object")
        return data

    async def create_order(
        self, *, number: str, amount_fen: int, description: str, expires_at: datetime
    ) -> str:
        code, message = await self._call(
            self._client.pay,
            description=description[:127],
            out_trade_no=number,
            amount={"total": amount_fen, "currency": "CNY"},
            time_expire=expires_at.astimezone(clock.SERVICE_ZONE).isoformat(timespec="seconds"),
        )
        if code != 200:
            raise ProviderRefused(f"status {code}")
        url = self._json(message).get("code_url")
        if not isinstance(url, str) or not url:
            raise OutcomeUnknown("no code_url")
        return url

    async def query_order(self, *, number: str) -> Transaction | None:
        code, message = await self._call(self._client.query, out_trade_no=number)
        if code == 404:
            return None
        if code != 200:
            raise ProviderRefused(f"status {code}")
        return transaction_from(self._json(message))

    async def close_order(self, *, number: str) -> None:
        code, _ = await self._call(self._client.close, out_trade_no=number)
        if code not in (200, 204):
            raise ProviderRefused(f"status {code}")

    async def refund(
        self, *, refund_number: str, order_number: str, amount_fen: int, total_fen: int
    ) -> RefundOutcome:
        code, message = await self._call(
            self._client.refund,
            out_refund_no=refund_number,
            out_trade_no=order_number,
            amount={"refund": amount_fen, "total": total_fen, "currency": "CNY"},
        )
        if code != 200:
            raise ProviderRefused(f"status {code}")
        data = self._json(message)
        return RefundOutcome(
            provider_refund_id=str(data.get("refund_id", "")), status=str(data.get("status", ""))
        )

    def verify_notification(self, *, headers: Mapping[str, str], body: bytes) -> Notification:
        named = {name: headers.get(name, "") for name in _HEADERS}
        if named["Wechatpay-Signature-Type"] != SIGNATURE_TYPE:
            raise NotificationRejected("signature_type")
        if named["Wechatpay-Serial"] != self._public_key_id:
            raise NotificationRejected("unknown_serial")
        try:
            signed_at = int(named["Wechatpay-Timestamp"])
        except ValueError:
            raise NotificationRejected("timestamp") from None
        if abs(clock.now().timestamp() - signed_at) > MAX_NOTIFICATION_SKEW_SECONDS:
            raise NotificationRejected("stale")
        try:
            text = body.decode("utf-8")
            data = self._client.callback(headers=named, body=text)
        except Exception:  # undecodable, unsupported algorithm, malformed JSON
            raise NotificationRejected("malformed") from None
        # None: the signature did not verify, or the resource did not decrypt (AES-GCM tag).
        if not isinstance(data, dict):
            raise NotificationRejected("signature")
        resource = data.get("resource")
        event_id, event_type = data.get("id"), data.get("event_type")
        if not (isinstance(resource, dict) and isinstance(event_id, str) and event_id):
            raise NotificationRejected("malformed")
        try:
            transaction = transaction_from(resource)
        except OutcomeUnknown:
            raise NotificationRejected("malformed") from None
        if transaction.merchant_id != self.merchant_id or transaction.app_id != self.app_id:
            raise NotificationRejected("merchant")
        return Notification(
            event_id=event_id[:64], event_type=str(event_type)[:40], transaction=transaction
        )


def transaction_from(data: Mapping[str, Any]) -> Transaction:
    """A transaction object of API v3 (query answer or decrypted notification resource)."""
    amount = data.get("amount")
    try:
        state = TradeState(str(data.get("trade_state")))
        if not isinstance(amount, dict):
            raise ValueError("no amount")
        total = amount.get("total")
        if not isinstance(total, int) or isinstance(total, bool):
            raise ValueError("amount is not an integer")
        return Transaction(
            order_number=str(data["out_trade_no"]),
            state=state,
            amount_fen=total,
            currency=str(amount.get("currency", "")),
            transaction_id=str(data.get("transaction_id", ""))[:64],
            merchant_id=str(data.get("mchid", "")),
            app_id=str(data.get("appid", "")),
        )
    except (KeyError, ValueError) as error:
        raise OutcomeUnknown(f"not a transaction: {error}") from None
