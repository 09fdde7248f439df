"""POST /api/documents and GET /files/<id>, on both databases and both storages."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from starlette.applications import Starlette

from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from palm_customs.core.permissions import Principal
from palm_customs.documents import services
from palm_customs.documents.models import Document
from palm_customs.identity.models import (
    Enterprise,
    EnterpriseMembership,
    EnterpriseRole,
    MembershipStatus,
)
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, traveller
from tests.documents import files
from tests.documents.flows import (
    MY_DOCUMENTS,
    account_of,
    create_material,
    stored,
    upload,
    uploaded,
)


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def test_a_photo_comes_back_without_its_gps_position(client: httpx.AsyncClient) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    original = files.jpeg_with_gps()
    assert files.gps_of(original)
    # when
    document = uploaded(await upload(client, original, material="PHOTO"))
    served = await client.get(document["url"])
    # then
    assert served.status_code == 200
    assert files.gps_of(served.content) == {}
    assert b"PalmTestCam" not in served.content
    assert document["format"] == "JPEG"
    assert document["sizeBytes"] == len(served.content)
    assert await stored(document["sha256"]) == served.content


async def test_a_heic_photo_is_accepted_and_loses_its_gps_position(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    # when
    document = uploaded(await upload(client, files.heic_with_gps(), filename="IMG_0001.HEIC"))
    served = await client.get(document["url"])
    # then
    assert document["mediaType"] == "image/heic"
    assert files.gps_of(served.content) == {}
    assert served.headers["content-disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (files.pdf_with_javascript, "pdf_active_content"),
        (files.pdf_with_open_action_js, "pdf_active_content"),
        (files.encrypted_pdf, "pdf_encrypted"),
    ],
)
async def test_a_dangerous_pdf_is_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, make: object, code: str
) -> None:
    # given
    await create_material(code="CONTRACT", formats=["pdf"])
    await traveller(client)
    # when
    response = await upload(client, make(), material="CONTRACT", filename="c.pdf")  # type: ignore[operator]
    # then
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == code
    assert error["field"] == "file"
    assert "PDF" in error["message"]
    assert await Document.all().count() == 0
    refusal = await AuditEvent.filter(operation="documentUpload").first()
    assert refusal is not None
    assert refusal.outcome == code


async def test_a_png_renamed_pdf_is_sniffed_as_png(client: httpx.AsyncClient) -> None:
    # given
    await create_material(code="PHOTO", formats=["png", "pdf"])
    await traveller(client)
    # when
    response = await upload(
        client, files.png_with_gps(), filename="invoice.pdf", content_type="application/pdf"
    )
    # then
    document = uploaded(response)
    assert document["format"] == "PNG"
    assert document["mediaType"] == "image/png"
    served = await client.get(document["url"])
    assert served.headers["content-type"] == "image/png"


async def test_a_png_renamed_pdf_is_refused_where_only_pdf_is_accepted(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="CONTRACT", formats=["pdf"])
    await traveller(client)
    # when
    response = await upload(
        client,
        files.png_with_gps(),
        material="CONTRACT",
        filename="contract.pdf",
        content_type="application/pdf",
    )
    # then
    assert response.status_code == 415
    error = response.json()["error"]
    assert error == {
        "code": "format_not_accepted",
        "message": "This file is a PNG. This material accepts only: PDF.",
        "field": "file",
    }
    assert await Document.all().count() == 0


async def test_an_oversize_file_is_refused_with_413_and_not_stored(
    client: httpx.AsyncClient,
) -> None:
    # given a material of at most 2 KB
    await create_material(code="SMALL", max_bytes=2048)
    await traveller(client)
    big = files.jpeg_with_gps(size=(400, 400))
    assert len(big) > 2048
    # when
    response = await upload(client, big, material="SMALL")
    # then
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "too_large"
    assert error["field"] == "file"
    assert "0.001953" in error["message"] or "MB" in error["message"]
    assert await Document.all().count() == 0


async def test_the_upload_stops_reading_once_the_material_limit_is_passed(
    client: httpx.AsyncClient,
) -> None:
    # given a 100 KB material and a 4 MB body streamed in 64 KB chunks, fields first
    await create_material(code="SMALL", max_bytes=100 * 1024)
    await traveller(client)
    boundary = "palmboundary"
    chunk = b"\xff" * 65536
    total_chunks = 64
    sent = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal sent
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="materialCode"\r\n\r\n'
            f'SMALL\r\n--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
        ).encode()
        for _ in range(total_chunks):
            sent += 1
            yield chunk
        yield f"\r\n--{boundary}--\r\n".encode()

    # when
    response = await client.post(
        "/api/documents",
        content=body(),
        headers={
            "content-type": f"multipart/form-data; boundary={boundary}",
            "idempotency-key": uuid.uuid4().hex,
        },
    )
    # then
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert sent < total_chunks // 2


async def test_a_body_over_the_global_cap_is_refused_by_its_declared_length(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    # when
    response = await client.post(
        "/api/documents",
        content=b"x" * 100,
        headers={
            "content-type": "multipart/form-data; boundary=x",
            "content-length": str(services.UPLOAD_MAX_BYTES * 2),
            "idempotency-key": uuid.uuid4().hex,
        },
    )
    # then
    assert response.status_code == 413


async def test_the_same_file_twice_is_stored_once(client: httpx.AsyncClient) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    data = files.jpeg_with_gps()
    # when
    first = await upload(client, data)
    second = await upload(client, data)
    # then
    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json()["replayed"] is True
    assert uploaded(first)["id"] == uploaded(second)["id"]
    assert await Document.all().count() == 1


async def test_a_retried_upload_with_the_same_key_does_not_duplicate(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    key = uuid.uuid4().hex
    first = uploaded(await upload(client, files.jpeg_with_gps(), key=key))
    # when the retry carries a different (even empty) body: the key alone decides
    retry = await client.post(
        "/api/documents",
        content=b"",
        headers={"idempotency-key": key, "content-type": "multipart/form-data; boundary=x"},
    )
    # then
    assert retry.status_code == 200
    assert retry.json()["replayed"] is True
    assert retry.json()["document"]["id"] == first["id"]
    assert await Document.all().count() == 1


async def test_two_owners_with_the_same_file_share_one_blob_but_not_the_document(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given
    await create_material(code="PHOTO")
    data = files.jpeg_with_gps()
    await traveller(client, 1)
    mine = uploaded(await upload(client, data))
    async with _client(app) as other:
        await traveller(other, 2)
        # when
        theirs = uploaded(await upload(other, data))
    # then
    assert mine["id"] != theirs["id"]
    assert mine["sha256"] == theirs["sha256"]


async def test_another_person_gets_404_for_your_file(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client, 1)
    document = uploaded(await upload(client, files.jpeg_with_gps()))
    async with _client(app) as other:
        await traveller(other, 2)
        # when
        response = await other.get(document["url"])
    # then
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await client.get(document["url"])).status_code == 200


async def test_nobody_signed_in_gets_404(app: Starlette, client: httpx.AsyncClient) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    document = uploaded(await upload(client, files.jpeg_with_gps()))
    async with _client(app) as anonymous:
        # when
        response = await anonymous.get(document["url"])
    # then
    assert response.status_code == 404


async def test_an_officer_gets_the_file_only_when_a_domain_grants_it(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    document = uploaded(await upload(client, files.jpeg_with_gps()))
    granted: set[str] = set()

    async def grant(officer: Principal, document_id: uuid.UUID) -> bool:
        return str(document_id) in granted

    remove = services.register_officer_grant(grant)
    try:
        async with _client(app) as officer:
            await inspector(officer, badge="D1001", roles=("reviewer",))
            # when no application grants it
            refused = await officer.get(document["url"])
            granted.add(document["id"])
            # when one does
            allowed = await officer.get(document["url"])
    finally:
        remove()
    # then
    assert refused.status_code == 404
    assert allowed.status_code == 200
    assert allowed.content == (await client.get(document["url"])).content


async def test_a_file_is_served_with_no_store_nosniff_and_its_sniffed_type(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="PHOTO")
    await create_material(code="CONTRACT", formats=["pdf"])
    await traveller(client)
    photo = uploaded(await upload(client, files.jpeg_with_gps(), filename='a"b.jpg'))
    contract = uploaded(
        await upload(client, files.plain_pdf(), material="CONTRACT", filename="c.bin")
    )
    # when
    photo_response = await client.get(photo["url"])
    contract_response = await client.get(contract["url"])
    # then
    short = photo["id"].replace("-", "")[:8]
    assert photo_response.headers["content-type"] == "image/jpeg"
    assert photo_response.headers["content-disposition"] == f'inline; filename="photo-{short}.jpg"'
    assert contract_response.headers["content-type"] == "application/pdf"
    assert contract_response.headers["content-disposition"].startswith("attachment;")
    assert contract["pages"] == 2
    for response in (photo_response, contract_response):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in response.headers["content-security-policy"]


async def test_an_upload_from_another_origin_is_refused(client: httpx.AsyncClient) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    # when
    response = await client.post(
        "/api/documents",
        data={"materialCode": "PHOTO"},
        files={"file": ("a.jpg", files.jpeg_with_gps(), "image/jpeg")},
        headers={"origin": "https://evil.example", "idempotency-key": uuid.uuid4().hex},
    )
    # then
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_ORIGIN"
    assert await Document.all().count() == 0


async def test_an_upload_needs_a_signed_in_person(app: Starlette) -> None:
    # given
    await create_material(code="PHOTO")
    async with _client(app) as anonymous:
        # when
        response = await upload(anonymous, files.jpeg_with_gps())
    # then
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHENTICATED"


async def test_an_officer_cannot_upload(app: Starlette) -> None:
    # given
    await create_material(code="PHOTO")
    async with _client(app) as officer:
        await inspector(officer, badge="D1002")
        # when
        response = await upload(officer, files.jpeg_with_gps())
    # then
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "FORBIDDEN"


async def test_an_upload_without_an_idempotency_key_is_refused(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="PHOTO")
    await traveller(client)
    # when
    response = await client.post(
        "/api/documents",
        data={"materialCode": "PHOTO"},
        files={"file": ("a.jpg", files.jpeg_with_gps(), "image/jpeg")},
    )
    # then
    assert response.status_code == 422
    assert response.json()["error"]["errors"][0]["field"] == "idempotencyKey"


async def test_an_unknown_material_and_bad_dates_are_typed_errors(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    # when
    unknown = await upload(client, files.jpeg_with_gps(), material="NO_SUCH")
    bad_date = await upload(client, files.jpeg_with_gps(), issueDate="31/12/2020")
    # then
    assert unknown.status_code == 422
    assert unknown.json()["error"]["code"] == "material_unknown"
    assert unknown.json()["error"]["field"] == "materialCode"
    problem = bad_date.json()["error"]["errors"][0]
    assert (problem["field"], problem["code"]) == ("issueDate", "invalid_format")


async def test_an_expired_passport_is_refused_where_validity_is_required(
    client: httpx.AsyncClient,
) -> None:
    # given
    await create_material(code="PASSPORT", requires_validity=True)
    await traveller(client)
    yesterday = (clock.today() - timedelta(days=1)).isoformat()
    # when
    expired = await upload(client, files.jpeg_with_gps(), material="PASSPORT", expiryDate=yesterday)
    undated = await upload(client, files.jpeg_with_gps(), material="PASSPORT")
    # then
    assert expired.status_code == 422
    assert expired.json()["error"]["code"] == "expired"
    assert expired.json()["error"]["field"] == "expiryDate"
    assert undated.json()["error"]["errors"][0] == {
        "field": "expiryDate",
        "code": "required",
        "message": "Enter the expiry date.",
    }
    assert await Document.all().count() == 0


async def test_an_enterprise_document_needs_an_active_member(client: httpx.AsyncClient) -> None:
    # given
    await create_material(code="BUSINESS_LICENCE", formats=["pdf", "jpeg"])
    await traveller(client)
    account = await account_of(1)
    enterprise = await Enterprise.create(
        id=uuid.uuid4(), name="上海测试贸易有限公司", uscc="91310000MA1FL0000X"
    )
    membership = await EnterpriseMembership.create(
        id=uuid.uuid4(),
        enterprise=enterprise,
        account=account,
        role=EnterpriseRole.DECLARANT,
        status=MembershipStatus.INVITED,
    )
    # when only invited
    refused = await upload(
        client,
        files.plain_pdf(),
        material="BUSINESS_LICENCE",
        enterpriseId=str(enterprise.id),
        expiryDate="2099-01-01",
    )
    membership.status = MembershipStatus.ACTIVE
    await membership.save()
    # when active
    accepted = await upload(
        client,
        files.plain_pdf(),
        material="BUSINESS_LICENCE",
        enterpriseId=str(enterprise.id),
        expiryDate="2099-01-01",
    )
    # then
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "not_a_member"
    document = uploaded(accepted)
    assert document["enterpriseId"] == str(enterprise.id)
    listed = await graphql(client, MY_DOCUMENTS, {"first": 10, "enterprise": str(enterprise.id)})
    personal = await graphql(client, MY_DOCUMENTS, {"first": 10})
    assert [d["id"] for d in listed["data"]["myDocuments"]["nodes"]] == [document["id"]]  # type: ignore[index]
    assert personal["data"]["myDocuments"]["nodes"] == []  # type: ignore[index]
