"""usable_for and the officer hook, as other domains call them."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from palm_customs.core import clock
from palm_customs.core.permissions import Level, Principal, Role
from palm_customs.documents import services
from palm_customs.documents.errors import DocumentErrorCode
from palm_customs.documents.models import Document, FileFormat
from palm_customs.identity.models import AccountKind
from tests.documents.flows import create_material
from tests.factories import make_account

TODAY = date(2026, 6, 1)


async def _document(
    *, material: str, file_format: FileFormat = FileFormat.JPEG, **dates: date | None
) -> Document:
    account = await make_account(kind=AccountKind.PERSON)
    now = clock.now()
    return await Document.create(
        id=uuid.uuid4(),
        owner_key=services.owner_key_for_account(account.id),
        account_id=account.id,
        uploaded_by_id=account.id,
        idempotency_key=uuid.uuid4().hex,
        material_code=material,
        file_format=file_format,
        media_type="image/jpeg",
        size_bytes=1,
        pages=1,
        sha256="a" * 64,
        source_sha256="b" * 64,
        created_at=now,
        updated_at=now,
        **dates,
    )


@pytest.mark.parametrize(
    ("expiry", "issue", "expected"),
    [
        (date(2026, 6, 1), None, None),
        (date(2026, 5, 31), None, DocumentErrorCode.EXPIRED),
        (None, None, DocumentErrorCode.EXPIRED),
        (date(2030, 1, 1), date(2026, 6, 2), DocumentErrorCode.NOT_YET_VALID),
    ],
)
async def test_a_passport_is_usable_only_while_valid(
    db: None, expiry: date | None, issue: date | None, expected: DocumentErrorCode | None
) -> None:
    # given
    await create_material(code="PASSPORT", requires_validity=True)
    document = await _document(material="PASSPORT", expiry_date=expiry, issue_date=issue)
    # when
    verdict = await services.usable_for(document, "PASSPORT", on=TODAY)
    # then
    assert verdict.usable is (expected is None)
    assert verdict.reason is expected


async def test_an_expired_document_is_usable_where_validity_is_not_required(db: None) -> None:
    # given
    await create_material(code="INVOICE")
    document = await _document(material="INVOICE", expiry_date=date(2020, 1, 1))
    # when
    verdict = await services.usable_for(document, "INVOICE", on=TODAY)
    # then
    assert verdict.usable
    assert services.is_expired(document, on=TODAY)


async def test_a_document_of_another_material_or_format_is_not_usable(db: None) -> None:
    # given
    await create_material(code="PHOTO")
    await create_material(code="CONTRACT", formats=["pdf"])
    photo = await _document(material="PHOTO")
    # when
    wrong_material = await services.usable_for(photo, "CONTRACT", on=TODAY)
    await Document.filter(id=photo.id).update(material_code="CONTRACT")
    wrong_format = await services.usable_for(await Document.get(id=photo.id), "CONTRACT", on=TODAY)
    # then
    assert wrong_material.reason is DocumentErrorCode.WRONG_MATERIAL
    assert wrong_format.reason is DocumentErrorCode.FORMAT_NOT_ACCEPTED


async def test_no_officer_may_view_until_a_domain_grants_it(db: None) -> None:
    # given
    officer = Principal(actor="officer:1", level=Level.VERIFIED, roles=frozenset({Role.REVIEWER}))
    person = Principal(actor="person:1", level=Level.VERIFIED, roles=frozenset({Role.PERSON}))
    document_id = uuid.uuid4()

    async def grant(principal: Principal, wanted: uuid.UUID) -> bool:
        return wanted == document_id

    # when / then
    assert not await services.officer_may_view(officer, document_id)
    remove = services.register_officer_grant(grant)
    try:
        assert await services.officer_may_view(officer, document_id)
        assert not await services.officer_may_view(officer, uuid.uuid4())
        assert not await services.officer_may_view(person, document_id)
    finally:
        remove()
    assert not await services.officer_may_view(officer, document_id)
