"""A local stand-in for WeChat Pay API v3, for tests and the demo (never for production).

It speaks the provider's documented protocol with test keys, so the real adapter and the
real verification code run against it: it checks the merchant's request signatures
(`Authorization: WECHATPAY2-SHA256-RSA2048 ...`), signs its answers and notifications with
its platform key (`Wechatpay-Signature` over "timestamp\\nnonce\\nbody\\n", `Wechatpay-Serial`
the public key id) and encrypts notification resources with the APIv3 key (AES-256-GCM).

Endpoints: Native order, query and close by out_trade_no, refund and refund query. Outside
the protocol, for tests and the demo: `/__standin__/...` pays an order (and returns the
signed notification, delivering it to notify_url when asked), sets faults (a slow answer
after the order was made: the caller times out but the order exists; a notification sent
before the order's answer) and shows an order; `/pay/<number>` is the page a QR opens.

Run one: `palm-customs payments-standin --port 8790` (reads the keys from var/secrets).
"""

from __future__ import annotations

import asyncio
import base64
import html
import json
import re
import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from palm_customs.core import clock
from palm_customs.settings import Settings, public_pem, standin_platform_key

_AUTH = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class _Order:
    number: str
    amount_fen: int
    description: str
    notify_url: str
    state: str = "NOTPAY"
    transaction_id: str = ""
    success_time: str = ""


@dataclass
class _Refund:
    number: str
    order_number: str
    amount_fen: int
    refund_id: str
    created: str


@dataclass
class StandInState:
    orders: dict[str, _Order] = field(default_factory=dict)
    refunds: dict[str, _Refund] = field(default_factory=dict)
    create_delay_seconds: float = 0.0
    notify_before_answer: bool = False
    deliveries: list[int] = field(default_factory=list)


def _load_rsa_private(pem: str) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise TypeError("not an RSA key")
    return key


def _load_rsa_public(pem: str) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(pem.encode())
    if not isinstance(key, rsa.RSAPublicKey):
        raise TypeError("not an RSA key")
    return key


class StandIn:
    def __init__(
        self,
        *,
        merchant_id: str,
        app_id: str,
        merchant_public_pem: str,
        platform_private_pem: str,
        public_key_id: str,
        apiv3_key: str,
    ) -> None:
        self.merchant_id = merchant_id
        self.app_id = app_id
        self.merchant_key = _load_rsa_public(merchant_public_pem)
        self.platform_key = _load_rsa_private(platform_private_pem)
        self.public_key_id = public_key_id
        self.apiv3_key = apiv3_key.encode()
        self.state = StandInState()
        # Tests deliver notifications into an app without a socket through this.
        self.deliver_hook: Callable[[dict[str, str], str], Awaitable[int]] | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> StandIn:
        config = settings.wechatpay
        if config is None or not config.stand_in:
            raise RuntimeError("the stand-in runs only with generated test keys")
        return cls(
            merchant_id=config.merchant_id,
            app_id=config.app_id,
            merchant_public_pem=public_pem(config.private_key.reveal()),
            platform_private_pem=standin_platform_key(settings.var_dir),
            public_key_id=config.public_key_id,
            apiv3_key=config.apiv3_key.reveal(),
        )

    # --- signatures ---------------------------------------------------------------------

    def sign(self, body: str, *, timestamp: int | None = None) -> dict[str, str]:
        """Wechatpay-* headers signing `body` as the platform does."""
        ts = str(timestamp if timestamp is not None else int(clock.now().timestamp()))
        nonce = secrets.token_hex(16)
        message = f"{ts}\n{nonce}\n{body}\n".encode()
        signature = self.platform_key.sign(message, padding.PKCS1v15(), hashes.SHA256())
        return {
            "Wechatpay-Timestamp": ts,
            "Wechatpay-Nonce": nonce,
            "Wechatpay-Signature": base64.b64encode(signature).decode(),
            "Wechatpay-Serial": self.public_key_id,
            "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
        }

    def _answer(self, data: dict[str, Any] | None, status: int = 200) -> Response:
        body = json.dumps(data, ensure_ascii=False) if data is not None else ""
        headers = self.sign(body)
        if data is None:
            return Response(status_code=204, headers=headers)
        return Response(body, status_code=status, headers=headers, media_type="application/json")

    def _refuse(self, status: int, code: str) -> Response:
        return self._answer({"code": code, "message": code}, status)

    async def _authorized(self, request: Request) -> bytes | None:
        """The request body if the merchant's signature verifies, else None."""
        body = await request.body()
        header = request.headers.get("authorization", "")
        scheme, _, rest = header.partition(" ")
        if scheme != "WECHATPAY2-SHA256-RSA2048":
            return None
        parts = dict(_AUTH.findall(rest))
        if parts.get("mchid") != self.merchant_id:
            return None
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        message = (
            f"{request.method}\n{path}\n{parts.get('timestamp', '')}\n"
            f"{parts.get('nonce_str', '')}\n{body.decode()}\n"
        ).encode()
        try:
            self.merchant_key.verify(
                base64.b64decode(parts.get("signature", "")),
                message,
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except (InvalidSignature, ValueError):
            return None
        return body

    # --- the provider's resources ------------------------------------------------------

    def _transaction(self, order: _Order, **override: Any) -> dict[str, Any]:
        amount = override.get("amount_fen", order.amount_fen)
        currency = override.get("currency", "CNY")
        data: dict[str, Any] = {
            "mchid": override.get("mchid", self.merchant_id),
            "appid": self.app_id,
            "out_trade_no": order.number,
            "trade_type": "NATIVE",
            "trade_state": order.state,
            "trade_state_desc": order.state,
            "amount": {"total": amount, "currency": currency},
        }
        if order.state == "SUCCESS":
            data.update(
                transaction_id=order.transaction_id,
                success_time=order.success_time,
                bank_type="OTHERS",
                payer={"openid": "o-standin-payer"},
            )
            data["amount"].update(payer_total=amount, payer_currency=currency)
        return data

    def notification(self, order: _Order, **override: Any) -> tuple[dict[str, str], str]:
        """The signed, encrypted TRANSACTION.SUCCESS notification of a paid order."""
        plaintext = json.dumps(self._transaction(order, **override), ensure_ascii=False)
        nonce = secrets.token_hex(6)  # 12 characters, used as the GCM nonce's bytes
        ciphertext = AESGCM(self.apiv3_key).encrypt(
            nonce.encode(), plaintext.encode(), b"transaction"
        )
        body = json.dumps(
            {
                "id": str(uuid.uuid4()),
                "create_time": clock.now().isoformat(timespec="seconds"),
                "resource_type": "encrypt-resource",
                "event_type": "TRANSACTION.SUCCESS",
                "summary": "支付成功",
                "resource": {
                    "original_type": "transaction",
                    "algorithm": "AEAD_AES_256_GCM",
                    "ciphertext": base64.b64encode(ciphertext).decode(),
                    "associated_data": "transaction",
                    "nonce": nonce,
                },
            },
            ensure_ascii=False,
        )
        headers = {**self.sign(body), "Content-Type": "application/json"}
        return headers, body

    def pay(self, number: str) -> _Order:
        order = self.state.orders[number]
        if order.state == "NOTPAY":
            order.state = "SUCCESS"
            order.transaction_id = "4200" + secrets.token_hex(12)
            order.success_time = clock.now().isoformat(timespec="seconds")
        return order

    async def deliver(self, order: _Order, headers: dict[str, str], body: str) -> int:
        if self.deliver_hook is not None:
            status = await self.deliver_hook(headers, body)
            self.state.deliveries.append(status)
            return status
        try:
            async with (
                aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session,
                session.post(order.notify_url, data=body.encode(), headers=headers) as response,
            ):
                status = response.status
        except (aiohttp.ClientError, TimeoutError):
            status = 0
        self.state.deliveries.append(status)
        return status

    async def create_native(self, request: Request) -> Response:
        body = await self._authorized(request)
        if body is None:
            return self._refuse(401, "SIGN_ERROR")
        data = json.loads(body)
        number = str(data.get("out_trade_no", ""))
        amount = data.get("amount", {})
        if data.get("mchid") != self.merchant_id or data.get("appid") != self.app_id:
            return self._refuse(400, "PARAM_ERROR")
        if not re.fullmatch(r"[A-Za-z0-9_*|-]{6,32}", number) or not isinstance(
            amount.get("total"), int
        ):
            return self._refuse(400, "PARAM_ERROR")
        existing = self.state.orders.get(number)
        if existing is not None and existing.amount_fen != amount["total"]:
            return self._refuse(400, "INVALID_REQUEST")  # same number, other content
        if existing is None:
            existing = self.state.orders[number] = _Order(
                number=number,
                amount_fen=amount["total"],
                description=str(data.get("description", "")),
                notify_url=str(data.get("notify_url", "")),
            )
        if self.state.notify_before_answer:
            self.state.notify_before_answer = False
            order = self.pay(number)
            await self.deliver(order, *self.notification(order))
        if self.state.create_delay_seconds:
            delay, self.state.create_delay_seconds = self.state.create_delay_seconds, 0.0
            await asyncio.sleep(delay)
        origin = f"{request.url.scheme}://{request.url.netloc}"
        return self._answer({"code_url": f"{origin}/pay/{number}"})

    async def query(self, request: Request) -> Response:
        if await self._authorized(request) is None:
            return self._refuse(401, "SIGN_ERROR")
        order = self.state.orders.get(request.path_params["number"])
        if order is None:
            return self._refuse(404, "ORDER_NOT_EXIST")
        return self._answer(self._transaction(order))

    async def close(self, request: Request) -> Response:
        if await self._authorized(request) is None:
            return self._refuse(401, "SIGN_ERROR")
        order = self.state.orders.get(request.path_params["number"])
        if order is None:
            return self._refuse(404, "ORDER_NOT_EXIST")
        if order.state == "SUCCESS":
            return self._refuse(400, "ORDERPAID")
        order.state = "CLOSED"
        return self._answer(None)

    async def refund(self, request: Request) -> Response:
        body = await self._authorized(request)
        if body is None:
            return self._refuse(401, "SIGN_ERROR")
        data = json.loads(body)
        order = self.state.orders.get(str(data.get("out_trade_no", "")))
        if order is None or order.state not in ("SUCCESS", "REFUND"):
            return self._refuse(404, "RESOURCE_NOT_EXISTS")
        number = str(data.get("out_refund_no", ""))
        amount = data.get("amount", {})
        existing = self.state.refunds.get(number)
        if existing is None:
            refunded = sum(
                r.amount_fen for r in self.state.refunds.values() if r.order_number == order.number
            )
            if (
                amount.get("total") != order.amount_fen
                or not isinstance(amount.get("refund"), int)
                or not 0 < amount["refund"] <= order.amount_fen - refunded
            ):
                return self._refuse(400, "PARAM_ERROR")
            existing = self.state.refunds[number] = _Refund(
                number=number,
                order_number=order.number,
                amount_fen=amount["refund"],
                refund_id="5030" + secrets.token_hex(12),
                created=clock.now().isoformat(timespec="seconds"),
            )
        return self._answer(self._refund_data(existing))

    def _refund_data(self, refund: _Refund) -> dict[str, Any]:
        total = self.state.orders[refund.order_number].amount_fen
        return {
            "refund_id": refund.refund_id,
            "out_refund_no": refund.number,
            "out_trade_no": refund.order_number,
            "status": "SUCCESS",
            "create_time": refund.created,
            "amount": {"refund": refund.amount_fen, "total": total, "currency": "CNY"},
        }

    async def refund_query(self, request: Request) -> Response:
        if await self._authorized(request) is None:
            return self._refuse(401, "SIGN_ERROR")
        refund = self.state.refunds.get(request.path_params["number"])
        if refund is None:
            return self._refuse(404, "RESOURCE_NOT_EXISTS")
        return self._answer(self._refund_data(refund))

    # --- outside the protocol: tests and the demo --------------------------------------

    async def control_pay(self, request: Request) -> Response:
        number = request.path_params["number"]
        if number not in self.state.orders:
            return JSONResponse({"error": "no such order"}, status_code=404)
        options = await request.json() if await request.body() else {}
        order = self.pay(number)
        override = {k: options[k] for k in ("amount_fen", "currency", "mchid") if k in options}
        headers, body = self.notification(order, **override)
        status = await self.deliver(order, headers, body) if options.get("deliver") else None
        return JSONResponse({"headers": headers, "body": body, "delivered": status})

    async def control_faults(self, request: Request) -> Response:
        options = await request.json()
        self.state.create_delay_seconds = float(options.get("create_delay_seconds", 0))
        self.state.notify_before_answer = bool(options.get("notify_before_answer", False))
        return JSONResponse({"ok": True})

    async def control_order(self, request: Request) -> Response:
        order = self.state.orders.get(request.path_params["number"])
        if order is None:
            return JSONResponse({"error": "no such order"}, status_code=404)
        refunds = [r for r in self.state.refunds.values() if r.order_number == order.number]
        return JSONResponse(
            {
                "number": order.number,
                "state": order.state,
                "amount_fen": order.amount_fen,
                "refunded_fen": sum(r.amount_fen for r in refunds),
                "refunds": len(refunds),
            }
        )

    async def pay_page(self, request: Request) -> Response:
        number = request.path_params["number"]
        order = self.state.orders.get(number)
        if order is None:
            return HTMLResponse("<p>No such order</p>", status_code=404)
        if request.method == "POST" and order.state == "NOTPAY":
            order = self.pay(number)
            await self.deliver(order, *self.notification(order))
        paid = order.state == "SUCCESS"
        amount = f"{order.amount_fen // 100}.{order.amount_fen % 100:02d}"
        return HTMLResponse(
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width'>"
            "<title>WeChat Pay stand-in</title></head><body><main>"
            f"<h1>WeChat Pay (local stand-in)</h1><p>{html.escape(order.description)}</p>"
            f"<p>¥{amount}</p>"
            + (
                "<p id='status'>Paid</p>"
                if paid
                else "<form method='post'><button type='submit'>Pay</button></form>"
            )
            + "</main></body></html>"
        )

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v3/pay/transactions/native", self.create_native, methods=["POST"]),
                Route("/v3/pay/transactions/out-trade-no/{number}", self.query, methods=["GET"]),
                Route(
                    "/v3/pay/transactions/out-trade-no/{number}/close",
                    self.close,
                    methods=["POST"],
                ),
                Route("/v3/refund/domestic/refunds", self.refund, methods=["POST"]),
                Route("/v3/refund/domestic/refunds/{number}", self.refund_query, methods=["GET"]),
                Route("/__standin__/orders/{number}/pay", self.control_pay, methods=["POST"]),
                Route("/__standin__/orders/{number}", self.control_order, methods=["GET"]),
                Route("/__standin__/faults", self.control_faults, methods=["POST"]),
                Route("/pay/{number}", self.pay_page, methods=["GET", "POST"]),
            ]
        )
