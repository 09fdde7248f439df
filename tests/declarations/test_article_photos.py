"""An article may carry a photo of its receipt or of the article: a document from the vault."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from palm_customs.core import clock, signing
from palm_customs.core.models import AuditEvent
from palm_customs.declarations.models import Declaration, DeclarationPhoto
from palm_customs.identity.models import Officer
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import article, inspector, key, traveller, trip
from tests.documents.files import jpeg_with_gps
from tests.documents.flows import DELETE, create_material, upload, uploaded

SUBMIT = """
mutation($input: DeclarationInput!, $key: String!) {
  declarationSubmit(input: $input, idempotencyKey: $key) {
    __typename
    ... on DeclarationSubmitSuccess {
      declaration { id number version credential
        articles { key photo { documentId format mediaType url } } }
    }
    ... on ValidationError { errors { field code } }
    ... on DeclarationError { code message field }
  }
}
"""
VERIFY = """
query($c: String!) {
  declarationVerification(credential: $c) {
    valid declaration { number articles { key photo { documentId url } } }
  }
}
"""
MY_DECLARATION = """
query($id: ID!) { declaration(id: $id) { articles { key photo { documentId url } } } }
"""


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def _materials() -> None:
    await create_material(code="PRODUCT_PHOTOS", formats=["jpeg", "png", "heic"])
    await create_material(code="INVOICE")
    await create_material(code="PASSPORT", requires_validity=False)


async def _photo(client: httpx.AsyncClient, material: str = "PRODUCT_PHOTOS") -> str:
    document = uploaded(await upload(client, jpeg_with_gps(), material=material))
    document_id: str = document["id"]
    return document_id


async def _submit(
    client: httpx.AsyncClient, data: dict[str, Any], *, language: str = "en"
) -> dict[str, Any]:
    body = await graphql(client, SUBMIT, {"input": data, "key": key()}, language=language)
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["declarationSubmit"]  # type: ignore[index]
    return result


async def _declared_with_photo(client: httpx.AsyncClient) -> tuple[dict[str, Any], str]:
    await traveller(client)
    await _materials()
    photo = await _photo(client)
    result = await _submit(
        client, trip(articles=[article("a1"), article("a2", photoDocumentId=photo)])
    )
    assert result["__typename"] == "DeclarationSubmitSuccess", result
    return result["declaration"], photo


async def test_an_article_carries_the_declarants_photo_and_the_submission_is_audited_with_it(
    client: httpx.AsyncClient,
) -> None:
    # when
    declaration, photo = await _declared_with_photo(client)
    # then: the second article shows its photo, the first has none
    first, second = declaration["articles"]
    assert first["photo"] is None
    assert second["photo"] == {
        "documentId": photo,
        "format": "JPEG",
        "mediaType": "image/jpeg",
        "url": f"/files/{photo}",
    }
    row = await Declaration.get(id=declaration["id"])
    assert row.articles[1]["photo_document_id"] == photo
    assert row.articles[0]["photo_document_id"] is None
    indexed = await DeclarationPhoto.filter(declaration_id=row.id).values_list(
        "article_key", "document_id"
    )
    assert [(k, str(d)) for k, d in indexed] == [("a2", photo)]
    event = await AuditEvent.filter(operation="declarationSubmit").get()
    assert event.outcome == "OK"
    assert f"document:{photo}" in event.target_ids
    assert f"declaration:{row.id}" in event.target_ids
    # the QR stays as small as before: nothing about photos in it
    claims = (await signing.verify(declaration["credential"], now=clock.now())).claims
    assert "photo" not in str(claims)
    # and the owner reads it back
    mine = await graphql(client, MY_DECLARATION, {"id": declaration["id"]})
    assert mine["data"]["declaration"]["articles"][1]["photo"]["documentId"] == photo  # type: ignore[index]


async def test_a_receipt_uploaded_as_an_invoice_pdf_or_picture_is_accepted(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    await _materials()
    receipt = await _photo(client, material="INVOICE")
    # when
    result = await _submit(client, trip(articles=[article("a1", photoDocumentId=receipt)]))
    # then
    assert result["__typename"] == "DeclarationSubmitSuccess", result
    assert result["declaration"]["articles"][0]["photo"]["documentId"] == receipt


async def test_someone_elses_document_is_refused_as_not_found_and_nothing_is_saved(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given: another traveller's picture
    await _materials()
    async with _client(app) as other:
        await traveller(other, n=2)
        theirs = await _photo(other)
    await traveller(client)
    # when: it is given as the photo of the second article, in Chinese
    result = await _submit(
        client,
        trip(articles=[article("a1"), article("a2", photoDocumentId=theirs)]),
        language="zh-Hans",
    )
    # then
    assert result == {
        "__typename": "DeclarationError",
        "code": "PHOTO_NOT_FOUND",
        "message": "找不到这张物品照片：它不在您的文件中或已被删除。请重新添加照片，或删除后再提交。",
        "field": "input.articles.1.photoDocumentId",
    }
    assert await Declaration.all().count() == 0
    assert await DeclarationPhoto.all().count() == 0
    refused = await AuditEvent.filter(operation="declarationSubmit").get()
    assert refused.outcome == "photo_not_found"


async def test_a_deleted_or_made_up_document_is_refused(client: httpx.AsyncClient) -> None:
    # given: a picture uploaded, then deleted from the vault
    await traveller(client)
    await _materials()
    photo = await _photo(client)
    deleted = await graphql(client, DELETE, {"id": photo})
    assert deleted["data"]["documentDelete"]["__typename"] == "DocumentDeleteSuccess"  # type: ignore[index]
    # when
    gone = await _submit(client, trip(articles=[article("a1", photoDocumentId=photo)]))
    made_up = await _submit(client, trip(articles=[article("a1", photoDocumentId="not-an-id")]))
    # then
    assert (gone["code"], gone["field"]) == ("PHOTO_NOT_FOUND", "input.articles.0.photoDocumentId")
    assert made_up["code"] == "PHOTO_NOT_FOUND"
    assert await Declaration.all().count() == 0


async def test_a_document_that_is_not_a_picture_of_goods_or_a_receipt_is_refused(
    client: httpx.AsyncClient,
) -> None:
    # given: the traveller's passport scan, an image in the same vault
    await traveller(client)
    await _materials()
    passport = await _photo(client, material="PASSPORT")
    # when
    result = await _submit(
        client, trip(articles=[article("a1"), article("a2", photoDocumentId=passport)])
    )
    # then
    assert result["__typename"] == "DeclarationError"
    assert result["code"] == "PHOTO_WRONG_TYPE"
    assert result["field"] == "input.articles.1.photoDocumentId"
    assert "not an identity document" in result["message"]
    assert await Declaration.all().count() == 0


async def test_an_inspector_verifying_the_declaration_sees_the_photo_and_other_people_cannot(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given
    declaration, photo = await _declared_with_photo(client)
    own = await client.get(f"/files/{photo}")
    assert own.status_code == 200
    async with _client(app) as tablet, _client(app) as stranger, _client(app) as reviewer:
        await inspector(tablet)
        await traveller(stranger, n=2)
        await inspector(reviewer, badge="R1001", roles=("reviewer",))
        # when: the inspector scans the code online and opens the photo
        verified = await graphql(tablet, VERIFY, {"c": declaration["credential"]})
        seen = verified["data"]["declarationVerification"]  # type: ignore[index]
        url = seen["declaration"]["articles"][1]["photo"]["url"]
        inspector_file = await tablet.get(url)
        stranger_file = await stranger.get(url)
        reviewer_file = await reviewer.get(url)
    # then
    assert seen["valid"] is True
    assert url == f"/files/{photo}"
    assert inspector_file.status_code == 200
    assert inspector_file.headers["content-type"] == "image/jpeg"
    assert inspector_file.content == own.content
    assert stranger_file.status_code == 404
    assert reviewer_file.status_code == 404


async def test_an_inspector_cannot_open_photos_of_declarations_long_expired(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given: a declaration whose validity ended more than a week ago
    declaration, photo = await _declared_with_photo(client)
    await Declaration.filter(id=declaration["id"]).update(
        valid_until=clock.now() - timedelta(days=8)
    )
    async with _client(app) as tablet:
        await inspector(tablet)
        # when
        response = await tablet.get(f"/files/{photo}")
    # then
    assert response.status_code == 404


async def test_an_inspector_whose_unit_is_a_name_opens_the_photo_at_their_post(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given an inspector whose unit is written as a name, longer than any port code, and who
    # serves at the declaration's port
    _, photo = await _declared_with_photo(client)
    async with _client(app) as tablet:
        await inspector(tablet)
        await Officer.filter(badge_number="T3001").update(unit="Shanghai Pudong Airport")
        # when
        response = await tablet.get(f"/files/{photo}")
    # then the photo is served (the name is simply not a port code), never a server error
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"


async def test_a_photo_of_a_declaration_in_force_cannot_be_deleted_from_the_vault(
    client: httpx.AsyncClient,
) -> None:
    # given
    declaration, photo = await _declared_with_photo(client)
    # when
    in_force = await graphql(client, DELETE, {"id": photo})
    await Declaration.filter(id=declaration["id"]).update(
        valid_until=clock.now() - timedelta(days=8)
    )
    long_past = await graphql(client, DELETE, {"id": photo})
    # then
    assert in_force["data"]["documentDelete"]["code"] == "IN_USE"  # type: ignore[index]
    assert long_past["data"]["documentDelete"]["__typename"] == "DocumentDeleteSuccess"  # type: ignore[index]
    # the article keeps its reference, and shows no photo any more
    mine = await graphql(client, MY_DECLARATION, {"id": declaration["id"]})
    assert mine["data"]["declaration"]["articles"][1]["photo"] is None  # type: ignore[index]


AMEND = """
mutation($id: ID!, $input: DeclarationInput!, $key: String!) {
  declarationAmend(declarationId: $id, input: $input, idempotencyKey: $key) {
    __typename
    ... on DeclarationSubmitSuccess { declaration { id version articles { key photo { documentId } } } }
    ... on DeclarationError { code field }
  }
}
"""


async def test_an_amendment_keeps_a_photo_and_a_refused_one_leaves_the_declaration_as_it_was(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given a declaration with a photo, and another traveller's picture
    declaration, photo = await _declared_with_photo(client)
    async with _client(app) as other:
        await traveller(other, n=2)
        theirs = await _photo(other)
    # when the traveller amends it naming the other's picture, then with their own again
    refused = await graphql(
        client,
        AMEND,
        {
            "id": declaration["id"],
            "key": key(),
            "input": trip(articles=[article("a1", photoDocumentId=theirs)]),
        },
    )
    amended = await graphql(
        client,
        AMEND,
        {
            "id": declaration["id"],
            "key": key(),
            "input": trip(articles=[article("a1"), article("a2", photoDocumentId=photo)]),
        },
    )
    # then the refusal changed nothing, and the new version carries the photo
    assert refused["data"]["declarationAmend"] == {  # type: ignore[index]
        "__typename": "DeclarationError",
        "code": "PHOTO_NOT_FOUND",
        "field": "input.articles.0.photoDocumentId",
    }
    new = amended["data"]["declarationAmend"]["declaration"]  # type: ignore[index]
    assert new["version"] == 2
    assert new["articles"][1]["photo"] == {"documentId": photo}
    versions = await Declaration.filter(number=declaration["number"]).order_by("version")
    assert [(d.version, d.status.value) for d in versions] == [(1, "superseded"), (2, "submitted")]
    assert await DeclarationPhoto.filter(document_id=photo).count() == 2
