from __future__ import annotations

from datetime import date

import httpx

from palm_customs.applications.models import Holiday
from palm_customs.core.models import AuditEvent
from tests.conftest import graphql
from tests.declarations.flows import inspector, traveller

SET = """
mutation($day: Date!, $name: String!, $working: Boolean!, $remove: Boolean!) {
  holidaySet(day: $day, name: $name, working: $working, remove: $remove) {
    __typename ... on HolidaySaved { day working removed } ... on ValidationError { errors { field code } }
  }
}
"""


async def test_an_administrator_maintains_the_working_day_calendar(
    client: httpx.AsyncClient,
) -> None:
    await inspector(client, badge="A4001", roles=("administrator",))
    added = await graphql(
        client, SET, {"day": "2027-02-06", "name": "春节调休", "working": True, "remove": False}
    )
    assert added["data"]["holidaySet"] == {
        "__typename": "HolidaySaved",
        "day": "2027-02-06",
        "working": True,
        "removed": False,
    }  # type: ignore[index]
    assert (await Holiday.get(day=date(2027, 2, 6))).working is True
    removed = await graphql(
        client, SET, {"day": "2027-02-06", "name": "", "working": False, "remove": True}
    )
    assert removed["data"]["holidaySet"]["removed"] is True  # type: ignore[index]
    assert await Holiday.filter(day=date(2027, 2, 6)).count() == 0
    assert await AuditEvent.filter(operation="holidaySet", outcome="OK").count() == 2


async def test_only_administrators_edit_the_calendar(client: httpx.AsyncClient) -> None:
    await traveller(client)
    body = await graphql(
        client, SET, {"day": "2027-02-06", "name": "x", "working": False, "remove": False}
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert await Holiday.all().count() == 0
