from __future__ import annotations

import httpx

from palm_customs.catalogue.demo import PORTS, seed_ports
from palm_customs.catalogue.models import Port
from tests.conftest import graphql

PORT = """
query Port($code: String!) {
  port(code: $code) { code kind name { zhHans zhHant en } city { en } }
}
"""
PORTS_PAGE = """
query Ports($first: Int!, $after: String, $kind: PortKind) {
  ports(first: $first, after: $after, kind: $kind) {
    nodes { code kind }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def test_a_port_is_found_by_its_code_in_three_languages(client: httpx.AsyncClient) -> None:
    # given
    await seed_ports()
    # when
    body = await graphql(client, PORT, {"code": "pvg"})
    # then
    assert body["data"] == {
        "port": {
            "code": "PVG",
            "kind": "AIRPORT",
            "name": {
                "zhHans": "上海浦东国际机场",
                "zhHant": "上海浦東國際機場",
                "en": "Shanghai Pudong International Airport",
            },
            "city": {"en": "Shanghai"},
        }
    }


async def test_an_unknown_port_is_null(client: httpx.AsyncClient) -> None:
    body = await graphql(client, PORT, {"code": "NOPE"})
    assert body["data"] == {"port": None}


async def test_ports_page_through_every_port_once(client: httpx.AsyncClient) -> None:
    # given
    await seed_ports()
    seen: list[str] = []
    after = None
    # when
    while True:
        body = await graphql(client, PORTS_PAGE, {"first": 4, "after": after})
        page = body["data"]["ports"]  # type: ignore[index]
        seen += [n["code"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # then
    assert seen == sorted(code for code, *_ in PORTS)


async def test_ports_filter_by_kind(client: httpx.AsyncClient) -> None:
    await seed_ports()
    body = await graphql(client, PORTS_PAGE, {"first": 50, "kind": "LAND"})
    kinds = {n["kind"] for n in body["data"]["ports"]["nodes"]}  # type: ignore[index]
    assert kinds == {"LAND"}


async def test_an_absurd_page_size_is_a_typed_error(client: httpx.AsyncClient) -> None:
    # when
    body = await graphql(client, PORTS_PAGE, {"first": 1_000_000}, language="zh-CN")
    # then
    error = body["errors"][0]  # type: ignore[index]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"}
    assert error["message"] == "每页数量必须在 1 到 100 之间。"


async def test_a_forged_cursor_is_a_typed_error(client: httpx.AsyncClient) -> None:
    body = await graphql(client, PORTS_PAGE, {"first": 5, "after": "%%%not-base64"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"  # type: ignore[index]


async def test_seeding_twice_changes_nothing(db: None) -> None:
    # when
    first = await seed_ports()
    before = [(p.code, p.name_en) for p in await Port.all().order_by("code")]
    second = await seed_ports()
    after = [(p.code, p.name_en) for p in await Port.all().order_by("code")]
    # then
    assert first == len(PORTS)
    assert second == 0
    assert before == after
