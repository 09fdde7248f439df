"""Sign-in does not tell which names exist (issue #11, account enumeration).

`signInStart` answers a known name with passkeys, a known name without passkeys (password
accounts), an officer's badge number and an unknown name with the same options (a fresh
challenge, no allowCredentials: every passkey is discoverable), after the same statements.
`signInWithPassword` likewise sends the same statements and hashes a password either way.
Timing is compared by the work done (statements sent, each the same text with values left out),
not by a timed assertion; the medians are printed for the record.
"""

from __future__ import annotations

import dataclasses
import json
import re
import statistics
import time
from typing import Any

import httpx

from palm_customs.app import create_app
from palm_customs.settings import Settings
from tests.appointments.flows import client_for
from tests.conftest import ORIGIN, _empty_tables, graphql
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import SIGN_IN_START, create_account, person
from tests.identity.test_second_factor import CREATE, PASSWORD
from tests.statements import counted_statements

PASSWORD_SIGN_IN = """
mutation($name: String!, $password: String!) {
  signInWithPassword(signInName: $name, password: $password, totpCode: "000000") {
    __typename ... on SignInError { code }
  }
}
"""
_IDENTITY_TABLES = (
    '"account"',
    '"officer"',
    '"passkey"',
    '"password_credential"',
    '"webauthn_challenge"',
)
_VALUES = re.compile(r"'[^']*'|\$\d+|\?|\b[0-9a-f]{8}-[0-9a-f-]{27}\b|\b\d+\b")


def _shape(statements: list[str]) -> list[str]:
    """What each statement does, without the values it carries."""
    return [_VALUES.sub("_", s.split(": [")[0]) for s in statements]


def _options_shape(options: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (len(v) if k == "challenge" else v) for k, v in options.items() if k != "challenge"
    } | {"challenge_length": len(options["challenge"])}


async def _start(client: httpx.AsyncClient, name: str) -> tuple[dict[str, Any], list[str]]:
    client.cookies.clear()
    with counted_statements() as statements:
        answer = await graphql(client, SIGN_IN_START, {"name": name})
    ceremony = answer["data"]["signInStart"]  # type: ignore[index]
    assert ceremony["__typename"] == "PasskeyCeremony", answer
    return json.loads(ceremony["optionsJson"]), [
        s for s in statements if any(t in s for t in _IDENTITY_TABLES)
    ]


async def test_sign_in_start_answers_known_and_unknown_names_alike(
    client: httpx.AsyncClient,
) -> None:
    # given an account with a passkey and one with a password (no passkey)
    await create_account(client, SoftAuthenticator(origin=ORIGIN))
    client.cookies.clear()
    created = await graphql(client, CREATE, {"input": person(2), "password": PASSWORD})
    assert created["data"]["accountCreateWithPassword"]["totpSecret"], created  # type: ignore[index]
    names = {
        "with a passkey": "person1@example.cn",
        "with a password": "person2@example.cn",
        "unknown": "nobody1@example.cn",
        "unknown, long": "nobody-at-all-with-a-long-name@example.org",
    }
    # when
    answers = {label: await _start(client, name) for label, name in names.items()}
    # then the options have the same shape, with no credential listed
    shapes = {label: _options_shape(options) for label, (options, _) in answers.items()}
    assert all(shape == shapes["unknown"] for shape in shapes.values()), shapes
    assert all(not options.get("allowCredentials") for options, _ in answers.values())
    # and the same work was done: the same statements, values left out
    works = {label: _shape(statements) for label, (_, statements) in answers.items()}
    assert works["with a passkey"], works
    assert all(work == works["unknown"] for work in works.values()), works
    # (timing, for the record only: medians of 15 starts each)
    medians = {}
    for label, name in names.items():
        took = []
        for _ in range(15):
            began = time.perf_counter()
            await graphql(client, SIGN_IN_START, {"name": name})
            took.append(time.perf_counter() - began)
        medians[label] = round(statistics.median(took) * 1000, 2)
    print("signInStart median ms:", medians)


async def test_password_sign_in_does_the_same_work_for_a_name_that_does_not_exist(
    client: httpx.AsyncClient,
) -> None:
    # given a password account
    created = await graphql(client, CREATE, {"input": person(1), "password": PASSWORD})
    assert created["data"]["accountCreateWithPassword"]["totpSecret"], created  # type: ignore[index]
    works = {}
    answers = {}
    for label, name in (("known", "person1@example.cn"), ("unknown", "nobody1@example.cn")):
        client.cookies.clear()
        # when a wrong password is given
        with counted_statements() as statements:
            answer = await graphql(client, PASSWORD_SIGN_IN, {"name": name, "password": "x" * 12})
        answers[label] = answer["data"]["signInWithPassword"]  # type: ignore[index]
        works[label] = _shape([s for s in statements if any(t in s for t in _IDENTITY_TABLES)])
    # then the same answer after the same lookups
    assert (
        answers["known"]
        == answers["unknown"]
        == {
            "__typename": "SignInError",
            "code": "INVALID_CREDENTIALS",
        }
    )
    assert works["known"] == works["unknown"], works
    assert any('"password_credential"' in s for s in works["unknown"]), works


async def test_each_taken_answer_at_sign_up_uses_up_one_of_the_networks_sign_ups(
    settings: Settings,
) -> None:
    # given a server that lets one network create three accounts an hour, and one account
    application = create_app(dataclasses.replace(settings, sign_up_network_limit=3))
    async with application.router.lifespan_context(application):
        client = client_for(application)
        try:
            created = await graphql(client, CREATE, {"input": person(1), "password": PASSWORD})
            assert created["data"]["accountCreateWithPassword"]["totpSecret"], created  # type: ignore[index]
            # when someone probes whether that document is registered, three times
            answers = []
            for _ in range(3):
                client.cookies.clear()
                body = await graphql(client, CREATE, {"input": person(1), "password": PASSWORD})
                answers.append(body["data"]["accountCreateWithPassword"]["__typename"])  # type: ignore[index]
            # then the two "taken" answers used the network's remaining sign-ups
            assert answers == ["AccountError", "AccountError", "TooManyAttempts"], answers
        finally:
            await client.aclose()
            await _empty_tables()
