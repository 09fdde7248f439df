"""Live queue updates over a real WebSocket on a real server process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from tests.factories import make_person_input
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import ACCOUNT_CREATE_FINISH, ACCOUNT_CREATE_START, SIGN_IN_RESULT
from tests.liveserver import LiveServer, clock_env, live_server

ENROL_START = """
mutation($b: String!, $code: String!) {
  officerEnrolStart(badgeNumber: $b, code: $code) { ... on PasskeyCeremony { challengeId optionsJson } }
}
"""
ENROL_FINISH = (
    "mutation($c: ID!, $j: String!) { officerEnrolFinish(challengeId: $c, credentialJson: $j, "
    'passkeyName: "Tablet") {' + SIGN_IN_RESULT + "} }"
)
SUBMIT = """
mutation($key: String!) {
  applicationSubmit(itemCode: "CUSTOMS_ENQUIRY", materials: [], idempotencyKey: $key, formData: [
    {element: "APPLICANT_NAME", value: "王小明"}, {element: "GOODS_DESCRIPTION", value: "无人机入境怎么申报？"}
  ]) { __typename ... on ApplicationDone { applicationId } }
}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("queue")) as running:
        yield running


def _post(http: httpx.Client, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = http.post(
        "/graphql", json={"query": query, "variables": variables}
    ).json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def _officer_code(server: LiveServer) -> str:
    env = {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "VAR_DIR": str(server.log_path.parent),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "palm_customs",
            "officer",
            "create",
            "--badge",
            "R9001",
            "--name",
            "陈审",
            "--unit",
            "service_centre",
            "--role",
            "reviewer",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return next(
        line.split(": ", 1)[1]
        for line in result.stdout.splitlines()
        if line.startswith("enrolment code")
    )


def test_a_reviewer_sees_new_applications_arrive_live(server: LiveServer) -> None:
    # given an enrolled reviewer of the service centre, subscribed to the queue
    auth = SoftAuthenticator(origin=server.origin)
    with httpx.Client(base_url=server.origin, headers={"origin": server.origin}) as officer:
        ceremony = _post(officer, ENROL_START, {"b": "R9001", "code": _officer_code(server)})[
            "officerEnrolStart"
        ]
        _post(
            officer,
            ENROL_FINISH,
            {"c": ceremony["challengeId"], "j": auth.create(ceremony["optionsJson"])},
        )
        cookie = f"palm_session={officer.cookies.get('palm_session')}"
    with connect(
        f"ws://localhost:{server.port}/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers={"Origin": server.origin, "Cookie": cookie},
        open_timeout=5,
    ) as ws:
        ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(ws.recv(timeout=5))["type"] == "connection_ack"
        ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {
                        "query": "subscription { reviewQueueEvents { applicationNumber status } }"
                    },
                }
            )
        )
        # when a traveller applies
        traveller = SoftAuthenticator(origin=server.origin)
        with httpx.Client(base_url=server.origin, headers={"origin": server.origin}) as http:
            started = _post(http, ACCOUNT_CREATE_START, {"input": make_person_input(n=9)})[
                "accountCreateStart"
            ]
            _post(
                http,
                ACCOUNT_CREATE_FINISH,
                {
                    "c": started["challengeId"],
                    "j": traveller.create(started["optionsJson"]),
                    "n": "phone",
                },
            )
            _post(http, SUBMIT, {"key": uuid.uuid4().hex})
        # then the reviewer's queue hears of it without polling
        message = json.loads(ws.recv(timeout=10))
    assert message["type"] == "next", message
    event = message["payload"]["data"]["reviewQueueEvents"]
    assert event["status"] == "IN_REVIEW"
    assert event["applicationNumber"].startswith("A")
