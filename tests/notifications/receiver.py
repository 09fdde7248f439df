"""A local push-service receiver on 127.0.0.1, standing in for FCM/Mozilla/Apple in tests.

It decrypts every message (RFC 8291, aes128gcm) with the subscription's private key and auth
secret, checks the VAPID JWT (RFC 8292), and answers what each endpoint is told to answer.
"""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import http_ece
from aiohttp import web
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Device:
    """A browser's push subscription: the key pair and auth secret only it knows."""

    path: str
    key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth: bytes = field(default_factory=lambda: secrets.token_bytes(16))

    @property
    def p256dh(self) -> str:
        return b64url(
            self.key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )


@dataclass
class Delivery:
    path: str
    headers: dict[str, str]
    payload: dict[str, Any]
    vapid_claims: dict[str, Any]


def verify_vapid(authorization: str, audience: str) -> dict[str, Any]:
    """Check `vapid t=<jwt>, k=<key>`: ES256 signature by k, aud, exp; return the claims."""
    scheme, _, params = authorization.partition(" ")
    assert scheme.lower() == "vapid", authorization
    parts = dict(p.strip().split("=", 1) for p in params.split(","))
    header_b64, claims_b64, signature_b64 = parts["t"].split(".")
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
    raw = unb64url(signature_b64)
    signature = encode_dss_signature(
        int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
    )
    public.verify(signature, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    claims: dict[str, Any] = json.loads(unb64url(claims_b64))
    assert claims["aud"] == audience, claims
    assert claims["exp"] > time.time(), claims
    assert claims["sub"].startswith(("mailto:", "https:")), claims
    return claims


class Receiver:
    def __init__(self) -> None:
        self.devices: dict[str, Device] = {}
        self.answers: dict[str, list[tuple[int, dict[str, str]]]] = {}
        self.standing: dict[str, tuple[int, dict[str, str]]] = {}
        self.holds: dict[str, list[float]] = {}
        self.deliveries: list[Delivery] = []
        self.refused: list[tuple[str, int]] = []
        # What happened, in order: ("arrived" | "answered", path, status).
        self.events: list[tuple[str, str, int]] = []
        self.open_requests: set[str] = set()
        # Awaited as each message arrives, before it is answered (e.g. to look at the database).
        self.on_arrival: Callable[[str], Awaitable[None]] | None = None
        self.origin = ""
        self._runner: web.AppRunner | None = None

    def device(self) -> Device:
        device = Device(path=f"/push/{secrets.token_hex(8)}")
        self.devices[device.path] = device
        return device

    def endpoint(self, device: Device) -> str:
        return self.origin + device.path

    def answer(self, device: Device, status: int, headers: dict[str, str] | None = None) -> None:
        """The next message to this device gets this answer (then 201 again)."""
        self.answers.setdefault(device.path, []).append((status, headers or {}))

    def always(self, device: Device, status: int, headers: dict[str, str] | None = None) -> None:
        """Every message to this device gets this answer (until `answer_normally`)."""
        self.standing[device.path] = (status, headers or {})

    def answer_normally(self, device: Device) -> None:
        self.standing.pop(device.path, None)

    def hold(self, device: Device, seconds: float) -> None:
        """The next message to this device is taken (decrypted, recorded) and answered only
        after `seconds`: a slow push service, or one a worker dies waiting for."""
        self.holds.setdefault(device.path, []).append(seconds)

    def deliveries_to(self, device: Device) -> list[Delivery]:
        return [d for d in self.deliveries if d.path == device.path]

    def arrivals_to(self, device: Device) -> int:
        return sum(1 for kind, path, _ in self.events if kind == "arrived" and path == device.path)

    async def _handle(self, request: web.Request) -> web.Response:
        device = self.devices.get(request.path)
        if device is None:
            return web.Response(status=404)
        self.events.append(("arrived", request.path, 0))
        self.open_requests.add(request.path)
        try:
            if self.on_arrival is not None:
                await self.on_arrival(request.path)
            response = await self._answer(request, device)
        finally:
            self.open_requests.discard(request.path)
        self.events.append(("answered", request.path, response.status))
        return response

    async def _answer(self, request: web.Request, device: Device) -> web.Response:
        queued = self.answers.get(request.path)
        if queued or request.path in self.standing:
            status, headers = queued.pop(0) if queued else self.standing[request.path]
            self.refused.append((request.path, status))
            return web.Response(status=status, headers=headers)
        body = await request.read()
        claims = verify_vapid(request.headers["Authorization"], self.origin)
        plaintext = http_ece.decrypt(
            body, private_key=device.key, auth_secret=device.auth, version="aes128gcm"
        )
        self.deliveries.append(
            Delivery(
                path=request.path,
                headers={k.lower(): v for k, v in request.headers.items()},
                payload=json.loads(plaintext),
                vapid_claims=claims,
            )
        )
        holds = self.holds.get(request.path)
        if holds:
            await asyncio.sleep(holds.pop(0))
        return web.Response(status=201)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/push/{name}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.origin = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
