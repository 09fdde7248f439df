from __future__ import annotations

import uuid

import httpx
from starlette.applications import Starlette

from palm_customs.documents import services
from palm_customs.documents.models import Document
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import traveller
from tests.documents import files
from tests.documents.flows import DELETE, create_material, stored, upload, uploaded


async def test_a_deleted_document_and_its_file_are_gone(client: httpx.AsyncClient) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    document = uploaded(await upload(client, files.jpeg_with_gps()))
    assert await stored(document["sha256"]) is not None
    # when
    body = await graphql(client, DELETE, {"id": document["id"]})
    # then
    assert body["data"]["documentDelete"] == {  # type: ignore[index]
        "__typename": "DocumentDeleteSuccess",
        "id": document["id"],
    }
    assert not await Document.exists(id=document["id"])
    assert await stored(document["sha256"]) is None
    assert (await client.get(document["url"])).status_code == 404


async def test_a_document_an_application_uses_cannot_be_deleted(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    document = uploaded(await upload(client, files.jpeg_with_gps()))

    async def used(document_id: uuid.UUID) -> bool:
        return str(document_id) == document["id"]

    remove = services.register_usage_check(used)
    try:
        # when
        body = await graphql(client, DELETE, {"id": document["id"]})
    finally:
        remove()
    # then
    assert body["data"]["documentDelete"]["code"] == "IN_USE"  # type: ignore[index]
    assert await Document.exists(id=document["id"])
    assert await stored(document["sha256"]) is not None


async def test_a_file_shared_with_another_owner_stays_when_one_deletes(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given
    await create_material(code="PHOTO")
    data = files.jpeg_with_gps()
    await traveller(client, 1)
    mine = uploaded(await upload(client, data))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as other:
        await traveller(other, 2)
        theirs = uploaded(await upload(other, data))
        # when
        await graphql(client, DELETE, {"id": mine["id"]})
        # then
        assert await stored(mine["sha256"]) is not None
        assert (await other.get(theirs["url"])).status_code == 200


async def test_another_person_cannot_delete_your_document(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client, 1)
    document = uploaded(await upload(client, files.jpeg_with_gps()))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as other:
        await traveller(other, 2)
        # when
        body = await graphql(other, DELETE, {"id": document["id"]})
    # then
    assert body["data"]["documentDelete"]["code"] == "NOT_FOUND"  # type: ignore[index]
    assert await Document.exists(id=document["id"])
