"""The Starlette application factory."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import strawberry.http.async_base_view as strawberry_http_view
from redis.asyncio import Redis
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http.parse_content_type import parse_content_type
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from tortoise.contrib.starlette import RegisterTortoise
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from palm_customs import registry
from palm_customs.alerts import metrics as alert_metrics
from palm_customs.alerts import services as alert_services
from palm_customs.appointments.services import configure_availability_cache
from palm_customs.context import Context, RequestMeta
from palm_customs.core import audit, broadcast, clock, invalidation, metrics
from palm_customs.core.audit_endpoints import HEAD_PATH, KEYS_PATH, head_endpoint, keys_endpoint
from palm_customs.core.clock_endpoint import CLOCK_PATH, clock_endpoint
from palm_customs.core.db import settings_config
from palm_customs.core.health import healthz, readiness
from palm_customs.core.http import EdgeMiddleware
from palm_customs.core.i18n import negotiate_language
from palm_customs.core.job_workers import run_worker
from palm_customs.core.limits import MAX_BODY_BYTES
from palm_customs.core.logs import register_secret
from palm_customs.core.permissions import Principal
from palm_customs.core.ratelimit import DatabaseRateLimiter, RateLimiter, RedisRateLimiter
from palm_customs.core.signing import KEY_SET_PATH, key_set_endpoint
from palm_customs.core.static import PwaFiles
from palm_customs.documents import storage as document_storage
from palm_customs.documents.http import (
    FILES_PATH,
    UPLOAD_MAX_REQUEST_BYTES,
    UPLOAD_PATH,
    DocumentEndpoints,
)
from palm_customs.identity import sessions
from palm_customs.identity.services.people import device_of
from palm_customs.notifications import push
from palm_customs.notifications.push import WebPushSender
from palm_customs.payments import services as payments
from palm_customs.payments.http import NOTIFY_PATH, RECEIPT_PATH, receipt_endpoint, wechat_notify
from palm_customs.schema import build_schema
from palm_customs.settings import Settings, load_settings


def _client_ip(request: Request | WebSocket) -> str:
    # Forwarded headers were applied by ProxyHeadersMiddleware only from TRUSTED_PROXIES.
    return request.client.host if request.client else "-"


_startup_heap_frozen = False


def _freeze_startup_heap() -> None:
    """What start-up built (the schema, the ORM's models, imported modules: about 220,000
    objects) lives as long as the process; `gc.freeze` moves it out of the collector's way, so
    a full collection under load no longer walks all of it (with 32 GraphQL requests in flight
    one took about a quarter of the CPU per request). Once per process."""
    global _startup_heap_frozen
    if not _startup_heap_frozen:
        _startup_heap_frozen = True
        gc.collect()
        gc.freeze()


@lru_cache(maxsize=64)
def _content_type_of(header: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    mime_type, params = parse_content_type(header)
    return mime_type, tuple(params.items())


def _parse_content_type(content_type: str) -> tuple[str, dict[str, str]]:
    """strawberry's parse_content_type, the answer kept for the few header texts clients send:
    it builds an email.message.Message to parse the header on every request (about 5 us of
    CPU, 1-2 % of a small query). A new dict each time, as strawberry's gives."""
    mime_type, params = _content_type_of(content_type)
    return mime_type, dict(params)


# The GraphQL view looks the function up in its module on each request.
strawberry_http_view.parse_content_type = _parse_content_type  # type: ignore[attr-defined]

# Principal is frozen: every request without a session shares one.
_ANONYMOUS = Principal.anonymous()


class PalmGraphQL(GraphQL[Context, None]):
    def __init__(self, settings: Settings, rate_limiter: RateLimiter) -> None:
        super().__init__(
            build_schema(production=settings.is_production),
            graphql_ide="graphiql" if settings.is_development else None,
            allow_queries_via_get=False,
            multipart_uploads_enabled=False,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=20,
            allowed_origins=(settings.public_origin,),
        )
        self.settings = settings
        self.rate_limiter = rate_limiter

    def _get_stream_transport_from_headers(self, headers: Mapping[str, str]) -> Any:
        # Strawberry looks for an Accept header among all of a request's headers (decoding each)
        # to pick an HTTP streaming transport; subscriptions here are WebSocket only, so there
        # is none to pick.
        if not self._stream_transport_map:
            return None
        return super()._get_stream_transport_from_headers(headers)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        headers = request.headers
        request_id = getattr(request.state, "request_id", None) or "ws"
        token = request.cookies.get(sessions.cookie_name(self.settings.origin_is_https))
        session = await sessions.resolve(token) if token else None
        principal = (
            sessions.principal_for(session, clock.now()) if session is not None else _ANONYMOUS
        )
        return Context(
            settings=self.settings,
            meta=RequestMeta(
                request_id=request_id,
                ip=_client_ip(request),
                user_agent=headers.get("user-agent", "")[:300],
                device=device_of(headers.get("x-palm-device")),
            ),
            language=negotiate_language(headers.get("accept-language")),
            principal=principal,
            rate_limiter=self.rate_limiter,
            response=response if isinstance(response, Response) else None,
        )


def create_app(
    settings: Settings | None = None, *, extra_routes: Sequence[BaseRoute] = ()
) -> Starlette:
    """Build the app. `extra_routes` lets benchmarks add a baseline route beside GraphQL."""
    settings = settings or load_settings()
    registry.install()
    if settings.clock_spec is not None:
        clock.configure(settings.clock_spec)
    register_secret(settings.secret_key.reveal())
    audit.configure(settings)
    register_secret(settings.vapid_private_key.reveal())
    if settings.metrics_token:
        register_secret(settings.metrics_token.reveal())
    if settings.identity_verification_key:
        register_secret(settings.identity_verification_key.reveal())

    redis = Redis.from_url(settings.redis_url) if settings.redis_url else None
    rate_limiter: RateLimiter = RedisRateLimiter(redis) if redis else DatabaseRateLimiter()
    graphql = PalmGraphQL(settings, rate_limiter)
    pwa = PwaFiles(settings.pwa_dist)
    document_store = document_storage.build_store(settings)
    document_storage.use_store(document_store)
    payments.configure(settings)
    documents = DocumentEndpoints(settings, document_store)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        if settings.uses_sqlite:
            settings.var_dir.mkdir(parents=True, exist_ok=True)
        async with contextlib.AsyncExitStack() as stack:
            stack.callback(metrics.process_exited, settings.metrics_multiproc_dir)
            await stack.enter_async_context(RegisterTortoise(app, config=settings_config(settings)))
            invalidation.drop_all()  # answers cached from another database are not served
            configure_availability_cache(settings.availability_cache_seconds)
            if redis is not None:
                stack.push_async_callback(redis.aclose)
            # Subscriptions fan out through Redis pub/sub across replicas, else in-process.
            broadcast.use(broadcast.for_redis(redis))
            # Caches here hear of changes committed by other replicas, workers and the CLI.
            stop_listening = asyncio.Event()
            listener = asyncio.create_task(invalidation.listen(stop_listening))

            async def stop_listener() -> None:
                stop_listening.set()
                listener.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await listener

            stack.push_async_callback(stop_listener)
            if settings.embedded_worker:
                # Embedded default: one process drains the outbox itself; production runs
                # `palm-customs worker` processes instead.
                sender = WebPushSender(settings)
                push.use_sender(sender)
                stack.push_async_callback(sender.close)
                stop = asyncio.Event()
                drainer = asyncio.create_task(
                    run_worker(
                        stop,
                        database_url=settings.database_url,
                        concurrency=settings.worker_concurrency,
                    )
                )

                async def stop_drainer() -> None:
                    stop.set()
                    await drainer

                stack.push_async_callback(stop_drainer)
                sealer = asyncio.create_task(
                    audit.run_sealer(
                        stop,
                        interval=settings.audit_seal_seconds,
                        after_seal=alert_services.evaluate_all,
                    )
                )

                async def stop_sealer() -> None:
                    stop.set()
                    await sealer

                stack.push_async_callback(stop_sealer)
            _freeze_startup_heap()
            yield {}

    routes: list[BaseRoute] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readiness(redis), methods=["GET"]),
        Route(
            "/metrics",
            metrics.metrics_endpoint(
                settings.metrics_token.reveal() if settings.metrics_token else None,
                multiprocess_dir=settings.metrics_multiproc_dir,
                read_from_database=(alert_metrics.registry,),
            ),
            methods=["GET"],
        ),
        Route(KEY_SET_PATH, key_set_endpoint, methods=["GET"]),
        Route(HEAD_PATH, head_endpoint, methods=["GET"]),
        Route(KEYS_PATH, keys_endpoint, methods=["GET"]),
        Route(UPLOAD_PATH, documents.upload, methods=["POST"]),
        Route(FILES_PATH, documents.download, methods=["GET"]),
        Route(NOTIFY_PATH, wechat_notify, methods=["POST"]),
        Route(RECEIPT_PATH, receipt_endpoint(settings), methods=["GET"]),
        *extra_routes,
        # Tests only: the e2e harness moves this process's clock (never mounted otherwise).
        *([Route(CLOCK_PATH, clock_endpoint, methods=["GET", "PUT"])] if settings.is_test else []),
        Route(
            "/{path:path}", pwa.handle, methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
        ),
    ]
    return Starlette(
        debug=False,
        routes=routes,
        lifespan=lifespan,
        middleware=[
            # Outermost: the client's address is the peer's, unless the peer is a configured
            # proxy (TRUSTED_PROXIES), then the nearest address it reports that is not itself a
            # trusted proxy. Rate limits and the audit trail key on this address.
            Middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies)),
            Middleware(
                EdgeMiddleware,
                settings=settings,
                max_body_bytes=MAX_BODY_BYTES,
                body_limits={UPLOAD_PATH: UPLOAD_MAX_REQUEST_BYTES},
            ),
            Middleware(GZipMiddleware, minimum_size=1024),
        ],
    )
