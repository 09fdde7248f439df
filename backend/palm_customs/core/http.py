"""The HTTP edge: request ids, security headers, origin and content-type checks, body limits.

A plain ASGI middleware (not BaseHTTPMiddleware) so it adds no task per request and can
refuse a body before the application reads it.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

import asyncpg
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from tortoise.exceptions import DBConnectionError

from palm_customs.core.i18n import negotiate_language
from palm_customs.core.logs import request_id_var
from palm_customs.settings import Settings

access_logger = logging.getLogger("palm_customs.access")
logger = logging.getLogger(__name__)

STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Paths that are part of the API: never answered with the PWA's index.html.
API_PREFIXES = (
    "/graphql",
    "/healthz",
    "/readyz",
    "/metrics",
    "/api/",
    "/.well-known/",
    "/files/",
)


def content_security_policy(settings: Settings) -> str:
    ws_origin = settings.public_origin.replace("https://", "wss://").replace("http://", "ws://")
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            f"connect-src 'self' {ws_origin}",
            "worker-src 'self'",
            "manifest-src 'self'",
            "media-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def security_headers(settings: Settings) -> list[tuple[bytes, bytes]]:
    headers = [
        (b"content-security-policy", content_security_policy(settings).encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"strict-origin-when-cross-origin"),
        (
            b"permissions-policy",
            b"camera=(self), microphone=(), geolocation=(), payment=(), usb=(), "
            b"interest-cohort=(), browsing-topics=()",
        ),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cross-origin-resource-policy", b"same-origin"),
        (b"x-frame-options", b"DENY"),
    ]
    if settings.origin_is_https:
        headers.append((b"strict-transport-security", b"max-age=63072000; includeSubDomains"))
    return headers


class BodyTooLarge(Exception):
    pass


def _json_error(status: int, code: str, message: str, request_id: str) -> tuple[int, bytes]:
    body = {"errors": [{"message": message, "extensions": {"code": code, "requestId": request_id}}]}
    return status, json.dumps(body, ensure_ascii=False).encode()


_EDGE_MESSAGES = {
    "BAD_ORIGIN": (
        "请求来源不被允许。",
        "請求來源不被允許。",
        "This request's origin is not allowed.",
    ),
    "UNSUPPORTED_MEDIA_TYPE": (
        "请以 application/json 格式发送请求。",
        "請以 application/json 格式傳送請求。",
        "Send the request as application/json.",
    ),
    "PAYLOAD_TOO_LARGE": ("请求内容过大。", "請求內容過大。", "The request is too large."),
    "UNAVAILABLE": (
        "服务暂时不可用，请稍后再试。",
        "服務暫時無法使用，請稍後再試。",
        "The service is unavailable for a moment. Try again shortly.",
    ),
    "INTERNAL": (
        "出现了意外错误，请稍后再试。",
        "發生了意外錯誤，請稍後再試。",
        "Something went wrong on our side. Try again shortly.",
    ),
}


# What a dependency going away raises, as seen through asyncpg, Tortoise, Redis and the sockets
# under them: refused or dropped connections (OSError, EOFError for a stream cut mid-answer), a
# database refusing connections or shutting down (SQLSTATE 08, 57P, 55000), a closed pool, and
# asyncpg's protocol-state errors (InternalClientError: "cannot switch to state 11; another
# operation is in progress", raised by a pooled connection the server dropped while it was
# idle, when it is used before the pool notices; seen in the topology test's outage).
_UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    DBConnectionError,
    asyncpg.PostgresConnectionError,
    asyncpg.ObjectNotInPrerequisiteStateError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
)


def _unavailable(error: BaseException) -> bool:
    """Whether the error, or any error it came from (its cause, the error being handled when it
    was raised, the members of an exception group) says a service we depend on cannot be
    reached. The whole tree is walked, however deep the wrapping, each error once."""
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, _UNAVAILABLE_ERRORS):
            return True
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return False


class EdgeMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        settings: Settings,
        max_body_bytes: int,
        json_only_paths: Iterable[str] = ("/graphql",),
        body_limits: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.max_body_bytes = max_body_bytes
        # Paths that take larger bodies (a multipart file upload) and their own caps. Such a
        # path is not JSON-only, so it may be sent as multipart/form-data; the Origin check
        # applies to it like to every state-changing request.
        self.body_limits = dict(body_limits or {})
        self.json_only_paths = tuple(json_only_paths)
        self.headers = security_headers(settings)
        self.allowed_origin = settings.public_origin

    def _origin_ok(self, headers: Headers) -> bool:
        origin = headers.get("origin")
        if origin is None:
            # Browsers always send Origin on cross-site state-changing requests; a request
            # without one is from a non-browser client, which a CSRF attack cannot be.
            return headers.get("sec-fetch-site") in (None, "same-origin", "none")
        return origin == self.allowed_origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            headers = Headers(scope=scope)
            if headers.get("origin") not in (None, self.allowed_origin):
                await send({"type": "websocket.close", "code": 4403})
                return
            request_id_var.set(secrets.token_hex(8))
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        headers = Headers(scope=scope)
        incoming = headers.get("x-request-id", "")
        request_id = (
            incoming if incoming.isalnum() and 8 <= len(incoming) <= 64 else secrets.token_hex(8)
        )
        request_id_var.set(request_id)
        scope.setdefault("state", {})["request_id"] = request_id
        method = scope["method"]
        path = scope["path"]
        graphiql = self.settings.is_development and method == "GET" and path == "/graphql"
        max_body_bytes = self.body_limits.get(path, self.max_body_bytes)
        started = time.perf_counter()
        status_holder = {"status": 0}
        response_started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
                status_holder["status"] = message["status"]
                out = MutableHeaders(scope=message)
                for name, value in self.headers:
                    if name == b"content-security-policy" and graphiql:
                        # Development only: GraphiQL's page loads its scripts from a CDN.
                        continue
                    if name.decode() not in out:
                        out.raw.append((name, value))
                out["x-request-id"] = request_id
            await send(message)

        async def refuse(status: int, code: str) -> None:
            language = negotiate_language(headers.get("accept-language"))
            column = ["zh-Hans", "zh-Hant", "en"].index(language.value)
            status_code, body = _json_error(status, code, _EDGE_MESSAGES[code][column], request_id)
            await send_wrapper(
                {
                    "type": "http.response.start",
                    "status": status_code,
                    "headers": [
                        (b"content-type", b"application/json; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                        (b"cache-control", b"no-store"),
                    ],
                }
            )
            await send_wrapper({"type": "http.response.body", "body": body})

        try:
            if method in STATE_CHANGING:
                if not self._origin_ok(headers):
                    await refuse(403, "BAD_ORIGIN")
                    return
                if path in self.json_only_paths:
                    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
                    if content_type != "application/json":
                        await refuse(415, "UNSUPPORTED_MEDIA_TYPE")
                        return
                declared = headers.get("content-length")
                if declared is not None and declared.isdigit() and int(declared) > max_body_bytes:
                    await refuse(413, "PAYLOAD_TOO_LARGE")
                    return

            received = 0

            async def receive_limited() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > max_body_bytes:
                        raise BodyTooLarge
                return message

            try:
                await self.app(scope, receive_limited, send_wrapper)
            except BodyTooLarge:
                if not response_started:
                    await refuse(413, "PAYLOAD_TOO_LARGE")
            except Exception as error:
                # Whatever escaped the app (resolving the session before GraphQL runs, a
                # database that went away) still gets a typed, translated JSON answer with the
                # request id; the details go to the log only.
                if response_started:
                    raise
                unavailable = _unavailable(error)
                # An outage is logged by its kind only (one line per request while it lasts);
                # anything else with its traceback.
                logger.error(
                    "unhandled error on %s %s: %s",
                    method,
                    path,
                    type(error).__name__,
                    exc_info=not unavailable,
                )
                await refuse(
                    503 if unavailable else 500, "UNAVAILABLE" if unavailable else "INTERNAL"
                )
        finally:
            access_logger.info(
                "%s %s %s %.1fms",
                method,
                urlsplit(path).path[:200],
                status_holder["status"],
                (time.perf_counter() - started) * 1000,
            )
