"""A bounded schemathesis pass against a real server, signed in (issue #11).

A `palm-customs serve` process on this run's database kind (`--db`: its own SQLite file or its
own PostgreSQL database), seeded with the demo data. A person signs up with a password and an
authenticator app and steps up to level 3; schemathesis then generates queries and mutations
for every operation of schema.graphql (arguments of every shape its GraphQL strategies make)
and sends them with that session. No answer may be a 5xx or carry an INTERNAL error.

Bounded: `FUZZ_EXAMPLES` examples per operation (about 300 operations), no shrinking; a
couple of minutes per database on a quiet machine. The few operations that would end the
session are left out (their arguments are fuzzed by tests/test_input_fuzz.py).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from palm_customs.core import clock
from tests.conftest import _pg_admin, create_test_database
from tests.identity.flows import person
from tests.identity.test_second_factor import CONFIRM, CREATE, PASSWORD
from tests.liveserver import LiveServer, live_server

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
SCHEMA = Path(__file__).resolve().parent.parent / "schema.graphql"
ENDS_THE_SESSION = {"signOut", "signOutEverywhere", "accountDelete", "sessionEnd"}
STEP_UP = """
mutation($p: String!, $c: String!) { stepUpWithPassword(password: $p, totpCode: $c) { __typename } }
"""

schemathesis.graphql.scalar("Fen", st.integers(-(10**12), 10**12).map(nodes.Int))


@pytest.fixture(scope="module")
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    var_dir = tmp_path_factory.mktemp("fuzz")
    name = None
    if request.config.getoption("--db") == "postgres":
        name = f"palm_fuzz_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        asyncio.run(create_test_database(name))
        database_url = f"postgres://postgres@127.0.0.1:5432/{name}"
    else:
        database_url = f"sqlite://{var_dir / 'fuzz.db'}"
    try:
        with live_server(var_dir, env={"DATABASE_URL": database_url}) as running:
            yield running
    finally:
        if name:
            asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _signed_in(server: LiveServer) -> dict[str, str]:
    """A person at level 3 (password + authenticator app, stepped up): the session cookie."""
    with httpx.Client(base_url=server.origin, headers={"origin": server.origin}) as http:

        def post(query: str, variables: dict[str, Any]) -> dict[str, Any]:
            body: dict[str, Any] = http.post(
                "/graphql", json={"query": query, "variables": variables}
            ).json()
            return body

        created = post(CREATE, {"input": person(1), "password": PASSWORD})
        secret = created["data"]["accountCreateWithPassword"]["totpSecret"]
        post(CONFIRM, {"code": pyotp.TOTP(secret).at(clock.now())})
        code = pyotp.TOTP(secret).at(clock.now(), counter_offset=1)
        stepped = post(STEP_UP, {"p": PASSWORD, "c": code})
        assert stepped["data"]["stepUpWithPassword"]["__typename"] == "StepUpSuccess", stepped
        return dict(http.cookies.items())


def _bounded(operation: Any, exercise: Any) -> Any:
    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        exercise(operation, case)

    return run


def test_generated_operations_never_end_in_a_server_error(server: LiveServer) -> None:
    # given a signed-in person and every operation of the schema
    cookies = _signed_in(server)
    schema = schemathesis.graphql.from_path(SCHEMA)
    headers = {"Origin": server.origin, "Accept-Language": "en"}
    base_url = f"{server.origin}/graphql"
    failures: list[str] = []
    sent = 0

    def exercise(operation: Any, case: Any) -> None:
        nonlocal sent
        # when
        response = case.call(base_url=base_url, headers=headers, cookies=cookies, timeout=30)
        sent += 1
        # then
        where = f"{operation.label}: {str(case.body)[:300]}"
        if response.status_code >= 500:
            failures.append(f"{where} → HTTP {response.status_code}")
            return
        try:
            errors = response.json().get("errors") or []
        except ValueError:
            failures.append(f"{where} → not JSON ({response.status_code})")
            return
        if any((e.get("extensions") or {}).get("code") == "INTERNAL" for e in errors):
            failures.append(f"{where} → INTERNAL")

    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.label.split(".")[-1] in ENDS_THE_SESSION:
            continue
        operations += 1
        _bounded(operation, exercise)()
    print(f"schemathesis: {operations} operations, {sent} requests, {len(failures)} failures")
    assert operations > 100
    assert failures == [], "\n".join(failures[:40])
    # and the session lasted the whole pass (the answers were a signed-in person's)
    still = httpx.post(
        base_url, json={"query": "{ me { assuranceLevel } }"}, headers=headers, cookies=cookies
    ).json()
    assert still["data"]["me"]["assuranceLevel"] >= 2, still
