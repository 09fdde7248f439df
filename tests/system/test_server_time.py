from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from palm_customs.core import clock
from tests.liveserver import LiveServer, live_server

PROTOCOL = "graphql-transport-ws"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("ws"), seed=False) as running:
        yield running


def _connect(server: LiveServer, origin: str | None = None, language: str = "en"):  # type: ignore[no-untyped-def]
    headers = {"Origin": origin or server.origin, "Accept-Language": language}
    return connect(
        f"ws://localhost:{server.port}/graphql",
        subprotocols=[PROTOCOL],  # type: ignore[list-item]
        additional_headers=headers,
        open_timeout=5,
    )


def _subscribe(ws, query: str) -> None:  # type: ignore[no-untyped-def]
    ws.send(json.dumps({"type": "connection_init"}))
    assert json.loads(ws.recv(timeout=5))["type"] == "connection_ack"
    ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))


def test_server_time_streams_over_graphql_transport_ws(server: LiveServer) -> None:
    # given
    with _connect(server) as ws:
        # when
        _subscribe(ws, "subscription { serverTime(intervalSeconds: 1) }")
        first = json.loads(ws.recv(timeout=5))
        second = json.loads(ws.recv(timeout=5))
        ws.send(json.dumps({"id": "1", "type": "complete"}))
    # then
    assert first["type"] == second["type"] == "next"
    t1 = datetime.fromisoformat(first["payload"]["data"]["serverTime"])
    t2 = datetime.fromisoformat(second["payload"]["data"]["serverTime"])
    assert t1.tzinfo is not None
    assert 0.5 <= (t2 - t1).total_seconds() <= 5
    assert abs((clock.now() - t2).total_seconds()) < 30


def test_an_out_of_range_interval_is_a_typed_error(server: LiveServer) -> None:
    with _connect(server) as ws:
        # when
        _subscribe(ws, "subscription { serverTime(intervalSeconds: 0) }")
        message = json.loads(ws.recv(timeout=5))
    # then
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "between 1 and 60" in errors[0]["message"]


def test_a_websocket_from_another_origin_is_refused(server: LiveServer) -> None:
    with pytest.raises(InvalidStatus) as refused:
        _connect(server, origin="https://evil.example")
    assert refused.value.response.status_code == 403
