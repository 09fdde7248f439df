from __future__ import annotations

import httpx
import pytest

from palm_customs.catalogue.models import ServiceItemVersion
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core.models import AuditEvent
from tests.conftest import graphql
from tests.declarations.flows import inspector

SEARCH = """
query($s: String, $c: ServiceCategory, $m: HandlingMode, $first: Int!) {
  serviceItems(search: $s, category: $c, handlingMode: $m, first: $first) {
    nodes { code version handlingMode name { zhHans zhHant en } onsiteReason { en }
            materials { material required } form { element required } timeLimitDays reviewLevels }
    pageInfo { hasNextPage }
  }
}
"""
UPDATE = """
mutation($code: String!, $input: ServiceItemUpdateInput!) {
  serviceItemUpdate(code: $code, input: $input) {
    __typename ... on ServiceItemUpdated { item { version timeLimitDays name { en } } }
    ... on ValidationError { errors { field code } }
  }
}
"""


async def _codes(client: httpx.AsyncClient, **variables: object) -> list[str]:
    body = await graphql(client, SEARCH, {"first": 50, **variables})
    return [n["code"] for n in body["data"]["serviceItems"]["nodes"]]  # type: ignore[index]


async def test_at_least_twelve_items_are_seeded_across_every_category(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    body = await graphql(client, SEARCH, {"first": 50})
    nodes = body["data"]["serviceItems"]["nodes"]  # type: ignore[index]
    assert len(nodes) >= 12
    assert {n["handlingMode"] for n in nodes} == {
        "FULLY_ONLINE",
        "PREREVIEW_THEN_ONSITE",
        "ONSITE_ONLY",
    }
    onsite = next(n for n in nodes if n["handlingMode"] == "ONSITE_ONLY")
    assert onsite["onsiteReason"]["en"]  # on-site-only items say why
    assert all(n["name"]["zhHans"] and n["name"]["zhHant"] and n["name"]["en"] for n in nodes)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("宠物", "PETS_ENTRY"),
        ("寵物", "PETS_ENTRY"),
        ("pet", "PETS_ENTRY"),
        ("pre_class", "PRE_CLASSIFICATION"),
        ("文物", "CULTURAL_RELIC_EXIT"),
        ("advance ruling", "PRE_CLASSIFICATION"),
    ],
)
async def test_search_works_in_all_three_languages_and_by_code(
    client: httpx.AsyncClient, search: str, expected: str
) -> None:
    await seed_catalogue()
    assert expected in await _codes(client, s=search)


async def test_filters_by_category_and_handling_mode(client: httpx.AsyncClient) -> None:
    await seed_catalogue()
    tax = await _codes(client, c="TAX")
    prereview = await _codes(client, m="PREREVIEW_THEN_ONSITE")
    assert set(tax) == {"DUTY_EXEMPTION", "TAX_REFUND"}
    assert "PETS_ENTRY" in prereview
    assert "TAX_REFUND" not in prereview


async def test_seeding_twice_changes_nothing(db: None) -> None:
    first = await seed_catalogue()
    second = await seed_catalogue()
    assert first > 40
    assert second == 0


async def test_an_administrator_publishes_a_new_version_and_the_old_one_is_kept(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    await inspector(client, badge="A2001", roles=("administrator",))
    body = await graphql(client, UPDATE, {"code": "PETS_ENTRY", "input": {"timeLimitDays": 2}})
    updated = body["data"]["serviceItemUpdate"]["item"]  # type: ignore[index]
    assert (updated["version"], updated["timeLimitDays"]) == (2, 2)
    versions = await ServiceItemVersion.filter(code="PETS_ENTRY").order_by("version")
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].data["time_limit_days"] == 1
    assert await AuditEvent.filter(operation="serviceItemUpdate", outcome="OK").count() == 1


async def test_only_administrators_edit_items_and_bad_values_are_refused(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    await inspector(client, badge="T2009")
    forbidden = await graphql(client, UPDATE, {"code": "PETS_ENTRY", "input": {"timeLimitDays": 2}})
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    client.cookies.clear()
    await inspector(client, badge="A2002", roles=("administrator",))
    bad = await graphql(
        client,
        UPDATE,
        {
            "code": "PETS_ENTRY",
            "input": {
                "timeLimitDays": 0,
                "materials": [{"material": "NOPE", "required": True}],
                "name": {"zhHans": "宠物入境", "zhHant": " ", "en": "Pets"},
            },
        },
    )
    fields = {(e["field"], e["code"]) for e in bad["data"]["serviceItemUpdate"]["errors"]}  # type: ignore[index]
    assert fields == {
        ("input.timeLimitDays", "OUT_OF_RANGE"),
        ("input.materials.0.material", "INVALID_CHOICE"),
        ("input.name.zhHant", "REQUIRED"),
    }
    assert await ServiceItemVersion.filter(code="PETS_ENTRY").count() == 1
