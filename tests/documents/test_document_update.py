from __future__ import annotations

import httpx
from starlette.applications import Starlette

from palm_customs.core.models import AuditEvent
from palm_customs.documents.models import Document
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import traveller
from tests.documents import files
from tests.documents.flows import UPDATE, create_material, upload, uploaded


async def test_the_owner_corrects_dates_and_label_and_it_is_audited(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="PASSPORT", requires_validity=True)
    await traveller(client)
    document = uploaded(
        await upload(client, files.jpeg_with_gps(), material="PASSPORT", expiryDate="2030-01-01")
    )
    # when
    body = await graphql(
        client,
        UPDATE,
        {"id": document["id"], "issue": "2020-01-02", "expiry": "2030-01-01", "label": " 护照 "},
    )
    # then
    result = body["data"]["documentUpdate"]  # type: ignore[index]
    assert result["__typename"] == "DocumentUpdateSuccess"
    assert result["document"] == {
        "id": document["id"],
        "label": "护照",
        "issueDate": "2020-01-02",
        "expiryDate": "2030-01-01",
        "expired": False,
    }
    event = await AuditEvent.filter(operation="documentUpdate").first()
    assert event is not None
    assert event.outcome == "OK"
    assert event.target_ids == [document["id"]]


async def test_an_argument_left_out_is_kept(client: httpx.AsyncClient) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    document = uploaded(await upload(client, files.jpeg_with_gps(), label="front"))
    # when
    body = await graphql(client, UPDATE, {"id": document["id"], "issue": "2021-05-06"})
    # then
    result = body["data"]["documentUpdate"]["document"]  # type: ignore[index]
    assert result["label"] == "front"
    assert result["issueDate"] == "2021-05-06"


async def test_expiry_before_issue_and_clearing_a_required_expiry_are_refused(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="PASSPORT", requires_validity=True)
    await traveller(client)
    document = uploaded(
        await upload(client, files.jpeg_with_gps(), material="PASSPORT", expiryDate="2030-01-01")
    )
    # when
    inverted = await graphql(
        client, UPDATE, {"id": document["id"], "issue": "2031-01-01", "expiry": "2030-01-01"}
    )
    cleared = await graphql(client, UPDATE, {"id": document["id"], "expiry": None})
    # then
    assert inverted["data"]["documentUpdate"]["__typename"] in ("DocumentError", "ValidationError")  # type: ignore[index]
    assert cleared["data"]["documentUpdate"]["errors"] == [  # type: ignore[index]
        {"field": "expiryDate", "code": "REQUIRED", "message": "Enter the expiry date."}
    ]
    row = await Document.get(id=document["id"])
    assert row.expiry_date is not None
    assert row.issue_date is None


async def test_another_persons_document_is_not_found(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client, 1)
    document = uploaded(await upload(client, files.jpeg_with_gps(), label="mine"))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
    ) as other:
        await traveller(other, 2)
        # when
        body = await graphql(other, UPDATE, {"id": document["id"], "label": "theirs"})
    # then
    assert body["data"]["documentUpdate"] == {  # type: ignore[index]
        "__typename": "DocumentError",
        "code": "NOT_FOUND",
        "message": "We could not find that document.",
        "field": "id",
    }
    assert (await Document.get(id=document["id"])).label == "mine"
