from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from tests.factories import make_person_input
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import ACCOUNT_CREATE_FINISH, ACCOUNT_CREATE_START
from tests.liveserver import LiveServer, live_server

SUBSCRIBE = "subscription { sessionStatus { active assuranceLevel } }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("status"), seed=False) as running:
        yield running


def _post(http: httpx.Client, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = http.post(
        "/graphql", json={"query": query, "variables": variables}
    ).json()
    return body


def _first_message(server: LiveServer, cookie: str | None) -> dict[str, Any]:
    headers = {"Origin": server.origin}
    if cookie:
        headers["Cookie"] = cookie
    with connect(
        f"ws://localhost:{server.port}/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers=headers,
        open_timeout=5,
    ) as ws:
        ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(ws.recv(timeout=5))["type"] == "connection_ack"
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
        message: dict[str, Any] = json.loads(ws.recv(timeout=5))
        return message


def test_subscriptions_authenticate_with_the_session_cookie(
    server: LiveServer, tmp_path: Path
) -> None:
    # given a person signed in over HTTP
    auth = SoftAuthenticator(origin=server.origin)
    with httpx.Client(base_url=server.origin, headers={"origin": server.origin}) as http:
        ceremony = _post(http, ACCOUNT_CREATE_START, {"input": make_person_input(n=7)})["data"][
            "accountCreateStart"
        ]
        _post(
            http,
            ACCOUNT_CREATE_FINISH,
            {"c": ceremony["challengeId"], "j": auth.create(ceremony["optionsJson"]), "n": "phone"},
        )
        token = http.cookies.get("palm_session")
    assert token
    # when
    signed_in = _first_message(server, f"palm_session={token}")
    anonymous = _first_message(server, None)
    forged = _first_message(server, "palm_session=forged-token")
    # then
    assert signed_in["type"] == "next"
    assert signed_in["payload"]["data"]["sessionStatus"] == {"active": True, "assuranceLevel": 3}
    for refused in (anonymous, forged):
        errors = refused["payload"] if refused["type"] == "error" else refused["payload"]["errors"]
        assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
