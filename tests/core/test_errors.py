from __future__ import annotations

import logging

import httpx
import pytest

from palm_customs.catalogue import services
from palm_customs.core.logs import JsonFormatter, ReadableFormatter, register_secret, scrub

QUERY = '{ port(code: "PVG") { code } }'


async def test_an_unexpected_error_reaches_the_client_as_a_generic_message_with_request_id(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # given a bug in a service, whose message would leak internals
    async def broken(code: str) -> None:
        raise RuntimeError("connection string postgres://admin:hunter2@db/palm")

    monkeypatch.setattr(services, "port_by_code", broken)
    # when
    with caplog.at_level(logging.ERROR, logger="palm_customs.graphql"):
        response = await client.post(
            "/graphql", json={"query": QUERY}, headers={"accept-language": "en"}
        )
    # then the client sees a translated generic message and a request id, nothing internal
    assert response.status_code == 200
    error = response.json()["errors"][0]
    request_id = response.headers["x-request-id"]
    assert error["extensions"] == {"code": "INTERNAL", "requestId": request_id}
    assert request_id in error["message"]
    assert "hunter2" not in response.text
    assert "RuntimeError" not in response.text
    # and the log has the request id and the stack
    record = next(r for r in caplog.records if r.name == "palm_customs.graphql")
    assert request_id in record.getMessage()
    assert record.exc_info is not None


BAD_VARIABLES = """
mutation($input: PolicyNoticeInput!) { policyNoticePublish(input: $input) { __typename } }
"""


@pytest.mark.parametrize(
    "variables",
    [
        # an input object with a misspelt field and missing ones
        {"input": {"category": "tax", "title": {"zh-Hans": "x"}, "body": {}}},
        # a scalar of the wrong type
        {"input": {"category": 7, "title": "x", "body": None}},
    ],
)
async def test_variables_that_do_not_fit_their_type_are_a_typed_client_error(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, variables: dict[str, object]
) -> None:
    # when a client sends variables its declared types refuse
    with caplog.at_level(logging.ERROR, logger="palm_customs.graphql"):
        response = await client.post(
            "/graphql",
            json={"query": BAD_VARIABLES, "variables": variables},
            headers={"accept-language": "en"},
        )
    # then each problem is a translated BAD_USER_INPUT naming what is wrong, never INTERNAL
    errors = response.json()["errors"]
    assert errors
    for error in errors:
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert error["message"].startswith("The data sent with the request is not in the expected")
        assert "$input" in error["extensions"]["detail"]
    # and nothing is logged as our failure
    assert [r for r in caplog.records if r.name == "palm_customs.graphql"] == []


async def test_a_bad_date_variable_is_explained_in_the_callers_language(
    client: httpx.AsyncClient,
) -> None:
    # when a date variable does not parse (checked before access, so no sign-in needed)
    response = await client.post(
        "/graphql",
        json={
            "query": 'query($d: Date!) { siteDay(siteId: "1", date: $d) { date } }',
            "variables": {"d": "2026-13-45"},
        },
        headers={"accept-language": "zh-Hant"},
    )
    # then
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["message"] == "請求中的資料格式不正確，未作任何變更。"


def test_log_formatters_scrub_registered_secrets_and_credentials() -> None:
    # given
    register_secret("s3cr3t-signing-key-value")
    record = logging.LogRecord(
        "x",
        logging.INFO,
        __file__,
        1,
        "using s3cr3t-signing-key-value with cookie=abc123 password: pw9 Authorization: Bearer",
        None,
        None,
    )
    record.request_id = "req1"
    # when
    outputs = [JsonFormatter().format(record), ReadableFormatter().format(record)]
    # then
    for output in outputs:
        assert "s3cr3t-signing-key-value" not in output
        assert "abc123" not in output
        assert "pw9" not in output
        assert "req1" in output


def test_scrub_leaves_ordinary_text_alone() -> None:
    assert scrub("GET /healthz 200") == "GET /healthz 200"


async def test_a_value_longer_than_its_column_is_refused_naming_the_argument(
    client: httpx.AsyncClient,
) -> None:
    # given a signed-in traveller (push subscriptions are theirs to delete)
    from tests.declarations.flows import traveller

    await traveller(client)
    # when the endpoint to delete is longer than the column it is compared with (800) but
    # within the guard's general limit
    response = await client.post(
        "/graphql",
        json={
            "query": "mutation($e: String!) { pushSubscriptionDelete(endpoint: $e) { __typename } }",
            "variables": {"e": "https://push.example/" + "x" * 1000},
        },
        headers={"accept-language": "zh-Hans"},
    )
    # then the person is told which value is too long and its limit, in their language
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "endpoint"}, error
    assert error["message"] == "输入过长（最多 800 个字符），未作任何更改。"
