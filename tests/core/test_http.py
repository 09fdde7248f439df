from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from palm_customs.app import create_app
from palm_customs.core.limits import MAX_BODY_BYTES
from tests.conftest import ORIGIN, make_settings

QUERY = {"query": "{ serverInfo { version } }"}


async def test_every_response_carries_the_security_headers(client: httpx.AsyncClient) -> None:
    # when
    response = await client.get("/healthz")
    # then
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=(self)" in response.headers["permissions-policy"]
    assert "geolocation=()" in response.headers["permissions-policy"]
    assert len(response.headers["x-request-id"]) >= 8
    # http origin: no HSTS (it would be ignored and is wrong on plain http)
    assert "strict-transport-security" not in response.headers


async def test_https_origin_adds_hsts(migrated: str, var_dir: object) -> None:
    # given
    settings = make_settings(migrated, var_dir, PUBLIC_ORIGIN="https://palm.example")  # type: ignore[arg-type]
    application = create_app(settings)
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="https://palm.example") as http:
        # when
        response = await http.get("/healthz")
    # then
    assert response.headers["strict-transport-security"].startswith("max-age=63072000")


async def test_post_from_another_origin_is_refused(client: httpx.AsyncClient) -> None:
    # when
    response = await client.post("/graphql", json=QUERY, headers={"origin": "https://evil.example"})
    # then
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_ORIGIN"


async def test_cross_site_post_without_origin_is_refused(client: httpx.AsyncClient) -> None:
    # given a browser request that hides its origin but says it is cross-site
    client.headers.pop("origin")
    # when
    response = await client.post("/graphql", json=QUERY, headers={"sec-fetch-site": "cross-site"})
    # then
    assert response.status_code == 403


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
async def test_graphql_post_must_be_json(client: httpx.AsyncClient, content_type: str) -> None:
    # when
    response = await client.post(
        "/graphql",
        content=b'{"query":"{ serverInfo { version } }"}',
        headers={"content-type": content_type, "accept-language": "zh-TW"},
    )
    # then
    assert response.status_code == 415
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert error["message"] == "請以 application/json 格式傳送請求。"


async def test_declared_oversized_body_is_refused_before_reading(client: httpx.AsyncClient) -> None:
    # given
    body = b'{"query":"' + b"x" * (MAX_BODY_BYTES + 1) + b'"}'
    # when
    response = await client.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    # then
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_streamed_oversized_body_is_refused(client: httpx.AsyncClient) -> None:
    # given a chunked body with no Content-Length
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query":"'
        for _ in range(20):
            yield b"x" * 100_000
        yield b'"}'

    # when
    response = await client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    # then
    assert response.status_code == 413


async def test_malformed_json_is_a_400(client: httpx.AsyncClient) -> None:
    # when
    response = await client.post(
        "/graphql", content=b'{"query": ', headers={"content-type": "application/json"}
    )
    # then
    assert response.status_code == 400


async def test_queries_over_get_are_disabled(client: httpx.AsyncClient) -> None:
    # when
    response = await client.get("/graphql", params={"query": "{ serverInfo { version } }"})
    # then
    assert 400 <= response.status_code < 500
    assert "version" not in response.text


async def test_batched_operations_are_refused(client: httpx.AsyncClient) -> None:
    # when
    response = await client.post("/graphql", json=[QUERY, QUERY])
    # then
    assert response.status_code == 400


async def test_unknown_field_is_a_graphql_error_not_a_500(client: httpx.AsyncClient) -> None:
    # when
    response = await client.post("/graphql", json={"query": "{ serverInfo { secretKey } }"})
    # then
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert "secretKey" in body["errors"][0]["message"]


async def test_wrong_argument_type_is_a_graphql_error(client: httpx.AsyncClient) -> None:
    # when
    response = await client.post(
        "/graphql", json={"query": '{ ports(first: "ten") { nodes { code } } }'}
    )
    # then
    assert response.status_code == 200
    assert response.json()["errors"]


async def test_an_incoming_request_id_is_kept_when_well_formed(client: httpx.AsyncClient) -> None:
    # when
    kept = await client.get("/healthz", headers={"x-request-id": "abcdef0123456789"})
    replaced = await client.get("/healthz", headers={"x-request-id": "bad id\r\nx"})
    # then
    assert kept.headers["x-request-id"] == "abcdef0123456789"
    assert replaced.headers["x-request-id"] != "bad id\r\nx"


@pytest.mark.parametrize(("env", "ide"), [("development", True), ("test", False)])
async def test_graphiql_is_served_only_in_development(
    migrated: str, var_dir: object, env: str, ide: bool
) -> None:
    # given
    application = create_app(make_settings(migrated, var_dir, PALM_ENV=env))  # type: ignore[arg-type]
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as http:
        # when
        page = await http.get("/graphql", headers={"accept": "text/html"})
        other = await http.get("/healthz")
    # then: the IDE page (development) is the one response without the strict policy
    assert (page.status_code == 200 and "graphiql" in page.text.lower()) is ide
    assert ("content-security-policy" in page.headers) is not ide
    assert "script-src 'self'" in other.headers["content-security-policy"]


def _wrapped(error: Exception, *, depth: int) -> Exception:
    """`error` raised at the bottom of `depth` handlers that each raise an error of their own."""
    try:
        raise error
    except Exception as caught:
        outer: Exception = caught
    for level in range(depth):
        try:
            raise RuntimeError(f"while handling level {level}") from outer
        except RuntimeError as caught:
            outer = caught
    return outer


@pytest.mark.parametrize(
    ("raised", "status", "code", "message"),
    [
        (
            ConnectionRefusedError(111, "Connect call failed"),
            503,
            "UNAVAILABLE",
            "The service is unavailable for a moment. Try again shortly.",
        ),
        (
            # a lost connection seen through an exception group (a task group's failure)
            ExceptionGroup("several tasks failed", [ValueError("x"), ConnectionResetError()]),
            503,
            "UNAVAILABLE",
            "The service is unavailable for a moment. Try again shortly.",
        ),
        (
            # the database shutting down, wrapped deeper than a few hops
            _wrapped(asyncpg.AdminShutdownError("terminating connection"), depth=8),
            503,
            "UNAVAILABLE",
            "The service is unavailable for a moment. Try again shortly.",
        ),
        (
            # a pooled connection the database dropped while idle, used before the pool noticed
            _wrapped(
                asyncpg.InternalClientError(
                    "cannot switch to state 11; another operation (2) is in progress"
                ),
                depth=2,
            ),
            503,
            "UNAVAILABLE",
            "The service is unavailable for a moment. Try again shortly.",
        ),
        (ZeroDivisionError("a bug"), 500, "INTERNAL", "Something went wrong on our side."),
        (_wrapped(ZeroDivisionError("a bug"), depth=8), 500, "INTERNAL", "Something went wrong"),
    ],
)
async def test_an_error_escaping_the_app_is_a_typed_json_answer(
    raised: Exception, status: int, code: str, message: str
) -> None:
    # given an app behind the edge whose route fails before any response (as resolving the
    # session does when the database has gone away)
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route, Router

    from palm_customs.core.http import EdgeMiddleware

    async def failing(request: Request) -> Response:
        raise raised

    edge = EdgeMiddleware(
        Router(routes=[Route("/graphql", failing, methods=["POST"])]),
        settings=make_settings("sqlite://:memory:", Path("/nonexistent")),
        max_body_bytes=MAX_BODY_BYTES,
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=edge), base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as http:
        # when
        response = await http.post(
            "/graphql", json={"query": "{ me { id } }"}, headers={"accept-language": "en"}
        )
    # then
    assert response.status_code == status
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == code
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert error["message"].startswith(message)
    assert "a bug" not in response.text
    assert "Connect call failed" not in response.text
