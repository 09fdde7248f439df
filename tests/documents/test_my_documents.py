from __future__ import annotations

import httpx

from tests.conftest import graphql
from tests.declarations.flows import traveller
from tests.documents import files
from tests.documents.flows import MY_DOCUMENTS, create_material, upload, uploaded


async def test_my_documents_pages_newest_first_and_filters_by_material(
    client: httpx.AsyncClient,
) -> None:
    # given three photos and one contract
    await create_material(code="PHOTO")
    await create_material(code="CONTRACT", formats=["pdf"])
    await traveller(client)
    photos = [
        uploaded(await upload(client, files.jpeg_with_gps(colour=(i * 40, 10, 10))))["id"]
        for i in range(3)
    ]
    await upload(client, files.plain_pdf(), material="CONTRACT")
    # when
    first = await graphql(client, MY_DOCUMENTS, {"first": 2, "material": "PHOTO"})
    page = first["data"]["myDocuments"]  # type: ignore[index]
    rest = await graphql(
        client,
        MY_DOCUMENTS,
        {"first": 2, "material": "PHOTO", "after": page["pageInfo"]["endCursor"]},
    )
    everything = await graphql(client, MY_DOCUMENTS, {"first": 10})
    # then
    seen = [d["id"] for d in page["nodes"]] + [
        d["id"]
        for d in rest["data"]["myDocuments"]["nodes"]  # type: ignore[index]
    ]
    assert seen == list(reversed(photos))
    assert page["pageInfo"]["hasNextPage"] is True
    assert rest["data"]["myDocuments"]["pageInfo"]["hasNextPage"] is False  # type: ignore[index]
    assert len(everything["data"]["myDocuments"]["nodes"]) == 4  # type: ignore[index]


async def test_my_documents_needs_a_session(client: httpx.AsyncClient) -> None:
    # when
    body = await graphql(client, MY_DOCUMENTS, {"first": 5})
    # then
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
