"""The document vault's rules: upload once, reuse, expire, and who may see a file."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Literal

import anyio.to_thread
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.catalogue.models import MaterialType
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator
from palm_customs.core.principal import Principal, Role
from palm_customs.documents.errors import DocumentErrorCode, DocumentProblem
from palm_customs.documents.models import Document
from palm_customs.documents.safety import SafeFile, make_safe
from palm_customs.documents.storage import BlobStore, blob_key
from palm_customs.identity.models import EnterpriseMembership, MembershipStatus

# The largest file anyone may upload, whatever the material allows.
UPLOAD_MAX_BYTES = 20 * 1024 * 1024
LABEL_MAX = 120
_IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")


class Keep(Enum):
    """An update argument that was not given: the stored value stays."""

    KEEP = "keep"


KEEP = Keep.KEEP


# ------------------------------------------------------------------ hooks for other domains

OfficerGrant = Callable[[Principal, uuid.UUID], Awaitable[bool]]
UsageCheck = Callable[[uuid.UUID], Awaitable[bool]]
_officer_grants: list[OfficerGrant] = []
_usage_checks: list[UsageCheck] = []


def register_officer_grant(grant: OfficerGrant) -> Callable[[], None]:
    """Let a domain (applications) say an officer may handle a case using a document.

    Returns a function that removes the grant again (for tests).
    """
    _officer_grants.append(grant)
    return lambda: _officer_grants.remove(grant)


def register_usage_check(check: UsageCheck) -> Callable[[], None]:
    """Let a domain say a document is in use (then it cannot be deleted)."""
    _usage_checks.append(check)
    return lambda: _usage_checks.remove(check)


async def officer_may_view(officer: Principal, document_id: uuid.UUID) -> bool:
    """True when an officer may see this document: only when a domain grants it."""
    if not officer.is_officer:
        return False
    for grant in list(_officer_grants):
        if await grant(officer, document_id):
            return True
    return False


async def in_use(document_id: uuid.UUID) -> bool:
    for check in list(_usage_checks):
        if await check(document_id):
            return True
    return False


# ------------------------------------------------------------------ owners


def owner_key_for_account(account_id: uuid.UUID) -> str:
    return f"account:{account_id}"


def owner_key_for_enterprise(enterprise_id: uuid.UUID) -> str:
    return f"enterprise:{enterprise_id}"


async def is_active_member(account_id: uuid.UUID, enterprise_id: uuid.UUID) -> bool:
    return await EnterpriseMembership.exists(
        account_id=account_id, enterprise_id=enterprise_id, status=MembershipStatus.ACTIVE
    )


def _is_person(principal: Principal) -> bool:
    return principal.account_id is not None and Role.PERSON in principal.roles


async def may_use(principal: Principal, document: Document) -> bool:
    """The owner (or an active member of the owning enterprise) may see, edit and delete."""
    if not _is_person(principal) or principal.account_id is None:
        return False
    if document.account_id is not None:
        return document.account_id == principal.account_id
    if document.enterprise_id is not None:
        return await is_active_member(principal.account_id, document.enterprise_id)
    return False


async def may_view(principal: Principal, document: Document) -> bool:
    if await may_use(principal, document):
        return True
    return await officer_may_view(principal, document.id)


def parse_id(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


async def owned_document(principal: Principal, document_id: str) -> Document:
    """The document if this person may use it; NOT_FOUND otherwise (never 'forbidden')."""
    key = parse_id(document_id)
    document = await Document.get_or_none(id=key) if key else None
    if document is None or not await may_use(principal, document):
        raise DocumentProblem(DocumentErrorCode.NOT_FOUND, field="id")
    return document


# ------------------------------------------------------------------ validity


@dataclass(frozen=True, slots=True)
class Usability:
    usable: bool
    reason: DocumentErrorCode | None = None


def is_expired(document: Document, *, on: date) -> bool:
    return document.expiry_date is not None and document.expiry_date < on


async def usable_for(
    document: Document,
    material_code: str,
    *,
    on: date,
    frozen: Mapping[str, Any] | None = None,
) -> Usability:
    """Whether `document` may stand for `material_code` on day `on` (an application's use).

    Refused when it is another material, its format is not accepted, or the material requires
    validity and the document is expired, not yet issued or has no expiry date. `frozen` is the
    material's rules as the application's item version froze them (catalogue.material_spec):
    an application is judged by the rules it was made under, not by a later edit of the type.
    """
    if document.material_code != material_code:
        return Usability(False, DocumentErrorCode.WRONG_MATERIAL)
    if frozen is not None:
        accepted: list[str] = list(frozen["accepted_formats"])
        requires_validity = bool(frozen["requires_validity"])
    else:
        material = await MaterialType.get_or_none(code=material_code)
        if material is None:
            return Usability(False, DocumentErrorCode.MATERIAL_UNKNOWN)
        accepted = list(material.accepted_formats)
        requires_validity = material.requires_validity
    if document.file_format.value not in accepted:
        return Usability(False, DocumentErrorCode.FORMAT_NOT_ACCEPTED)
    if requires_validity:
        if document.expiry_date is None or document.expiry_date < on:
            return Usability(False, DocumentErrorCode.EXPIRED)
        if document.issue_date is not None and document.issue_date > on:
            return Usability(False, DocumentErrorCode.NOT_YET_VALID)
    return Usability(True)


def _check_dates(
    *, issue: date | None, expiry: date | None, material: MaterialType, today: date
) -> None:
    validator = Validator()
    if issue is not None and issue > today:
        validator.problems.append(FieldProblem("issueDate", ValidationErrorCode.IN_THE_FUTURE))
    if material.requires_validity and expiry is None:
        validator.problems.append(FieldProblem("expiryDate", ValidationErrorCode.REQUIRED))
    validator.raise_if_any()
    if issue is not None and expiry is not None and expiry < issue:
        raise DocumentProblem(DocumentErrorCode.NOT_YET_VALID, field="expiryDate")
    if material.requires_validity and expiry is not None and expiry < today:
        raise DocumentProblem(DocumentErrorCode.EXPIRED, field="expiryDate")


# ------------------------------------------------------------------ upload


def check_idempotency_key(value: str | None) -> str:
    if not value or not _IDEMPOTENCY_KEY.fullmatch(value):
        raise ValidationFailed([FieldProblem("idempotencyKey", ValidationErrorCode.INVALID_FORMAT)])
    return value


async def replayed_upload(principal: Principal, idempotency_key: str) -> Document | None:
    """The document an earlier request with this key created (a retried upload)."""
    if principal.account_id is None:
        return None
    return await Document.get_or_none(
        uploaded_by_id=principal.account_id, idempotency_key=idempotency_key
    )


async def material_for(code: str) -> MaterialType:
    material = await MaterialType.get_or_none(code=code.strip().upper()[:40])
    if material is None:
        raise DocumentProblem(DocumentErrorCode.MATERIAL_UNKNOWN, field="materialCode")
    return material


def size_limit(material: MaterialType | None) -> int:
    if material is None:
        return UPLOAD_MAX_BYTES
    return min(material.max_bytes, UPLOAD_MAX_BYTES)


@dataclass(frozen=True, slots=True)
class UploadFields:
    """The form fields of an upload, as text (parsed and validated here)."""

    material_code: str
    enterprise_id: str = ""
    label: str = ""
    issue_date: str = ""
    expiry_date: str = ""


@dataclass(frozen=True, slots=True)
class PreparedUpload:
    """A validated, sanitised upload: nothing is written yet."""

    account_id: uuid.UUID
    enterprise_id: uuid.UUID | None
    idempotency_key: str
    material_code: str
    label: str
    issue_date: date | None
    expiry_date: date | None
    safe: SafeFile
    source_sha256: str
    sha256: str
    existing: Document | None

    @property
    def owner_key(self) -> str:
        if self.enterprise_id is not None:
            return owner_key_for_enterprise(self.enterprise_id)
        return owner_key_for_account(self.account_id)


@dataclass(frozen=True, slots=True)
class Uploaded:
    document: Document
    replayed: bool

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (str(self.document.id),)


def _date(validator: Validator, field_path: str, value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        validator.problems.append(FieldProblem(field_path, ValidationErrorCode.INVALID_FORMAT))
        return None


async def prepare_upload(
    *,
    principal: Principal,
    idempotency_key: str,
    fields: UploadFields,
    data: bytes,
    today: date,
) -> PreparedUpload:
    """Validate the fields and the file and make the file safe; write nothing."""
    assert principal.account_id is not None
    validator = Validator()
    label = validator.text("label", fields.label, required=False, max_len=LABEL_MAX)
    issue = _date(validator, "issueDate", fields.issue_date)
    expiry = _date(validator, "expiryDate", fields.expiry_date)
    enterprise_id: uuid.UUID | None = None
    if fields.enterprise_id.strip():
        enterprise_id = parse_id(fields.enterprise_id.strip())
        if enterprise_id is None:
            validator.problems.append(
                FieldProblem("enterpriseId", ValidationErrorCode.INVALID_FORMAT)
            )
    if not fields.material_code.strip():
        validator.problems.append(FieldProblem("materialCode", ValidationErrorCode.REQUIRED))
    if not data:
        validator.problems.append(FieldProblem("file", ValidationErrorCode.REQUIRED))
    validator.raise_if_any()
    material = await material_for(fields.material_code)
    if enterprise_id is not None and not await is_active_member(
        principal.account_id, enterprise_id
    ):
        raise DocumentProblem(DocumentErrorCode.NOT_A_MEMBER, field="enterpriseId")
    limit = size_limit(material)
    if len(data) > limit:
        raise DocumentProblem(DocumentErrorCode.TOO_LARGE, field="file", params={"limit": limit})
    _check_dates(issue=issue, expiry=expiry, material=material, today=today)

    # Decoding and re-encoding is CPU work: off the event loop.
    safe = await anyio.to_thread.run_sync(make_safe, data)
    if safe.file_format.value not in material.accepted_formats:
        raise DocumentProblem(
            DocumentErrorCode.FORMAT_NOT_ACCEPTED,
            field="file",
            params={"found": safe.file_format.value, "accepted": material.accepted_formats},
        )
    source_sha256 = hashlib.sha256(data).hexdigest()
    owner_key = (
        owner_key_for_enterprise(enterprise_id)
        if enterprise_id is not None
        else owner_key_for_account(principal.account_id)
    )
    existing = await Document.get_or_none(
        owner_key=owner_key, material_code=material.code, source_sha256=source_sha256
    )
    return PreparedUpload(
        account_id=principal.account_id,
        enterprise_id=enterprise_id,
        idempotency_key=idempotency_key,
        material_code=material.code,
        label=label,
        issue_date=issue,
        expiry_date=expiry,
        safe=safe,
        source_sha256=source_sha256,
        sha256=hashlib.sha256(safe.data).hexdigest(),
        existing=existing,
    )


async def store_blob(store: BlobStore, prepared: PreparedUpload) -> None:
    """Write the file before its row: content-addressed, so a retry or a twin is harmless."""
    if prepared.existing is None:
        await store.put(
            blob_key(prepared.sha256), prepared.safe.data, media_type=prepared.safe.media_type
        )


async def record_upload(connection: BaseDBAsyncClient, prepared: PreparedUpload) -> Uploaded:
    if prepared.existing is not None:
        return Uploaded(prepared.existing, replayed=True)
    now = clock.now()
    document = await Document.create(
        using_db=connection,
        id=uuid.uuid4(),
        owner_key=prepared.owner_key,
        account_id=None if prepared.enterprise_id else prepared.account_id,
        enterprise_id=prepared.enterprise_id,
        uploaded_by_id=prepared.account_id,
        idempotency_key=prepared.idempotency_key,
        material_code=prepared.material_code,
        label=prepared.label,
        file_format=prepared.safe.file_format,
        media_type=prepared.safe.media_type,
        size_bytes=len(prepared.safe.data),
        pages=prepared.safe.pages,
        sha256=prepared.sha256,
        source_sha256=prepared.source_sha256,
        issue_date=prepared.issue_date,
        expiry_date=prepared.expiry_date,
        created_at=now,
        updated_at=now,
    )
    return Uploaded(document, replayed=False)


async def winner_of_race(prepared: PreparedUpload) -> Document | None:
    """After an IntegrityError: the row a concurrent twin request wrote first."""
    found = await Document.get_or_none(
        uploaded_by_id=prepared.account_id, idempotency_key=prepared.idempotency_key
    )
    if found is None:
        found = await Document.get_or_none(
            owner_key=prepared.owner_key,
            material_code=prepared.material_code,
            source_sha256=prepared.source_sha256,
        )
    return found


async def forget_blob_if_unused(store: BlobStore, sha256: str) -> bool:
    """Delete a blob no document refers to (after a failed insert or a delete)."""
    if await Document.exists(sha256=sha256):
        return False
    await store.delete(blob_key(sha256))
    return True


# ------------------------------------------------------------------ update and delete


@dataclass(frozen=True, slots=True)
class Changed:
    document: Document

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (str(self.document.id),)


async def update(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    document_id: str,
    issue_date: date | Literal[Keep.KEEP] | None = KEEP,
    expiry_date: date | Literal[Keep.KEEP] | None = KEEP,
    label: str | Literal[Keep.KEEP] | None = KEEP,
    today: date,
) -> Changed:
    document = await owned_document(principal, document_id)
    material = await MaterialType.get_or_none(code=document.material_code)
    if material is None:
        raise DocumentProblem(DocumentErrorCode.MATERIAL_UNKNOWN, field="id")
    validator = Validator()
    new_label = (
        document.label
        if label is KEEP
        else validator.text("label", label or "", required=False, max_len=LABEL_MAX)
    )
    validator.raise_if_any()
    issue = document.issue_date if issue_date is KEEP else issue_date
    expiry = document.expiry_date if expiry_date is KEEP else expiry_date
    _check_dates(issue=issue, expiry=expiry, material=material, today=today)
    document.label = new_label
    document.issue_date = issue
    document.expiry_date = expiry
    document.updated_at = clock.now()
    await document.save(
        using_db=connection, update_fields=["label", "issue_date", "expiry_date", "updated_at"]
    )
    return Changed(document)


@dataclass(frozen=True, slots=True)
class Deleted:
    document_id: uuid.UUID
    sha256: str

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (str(self.document_id),)


async def delete(
    connection: BaseDBAsyncClient, *, principal: Principal, document_id: str
) -> Deleted:
    document = await owned_document(principal, document_id)
    if await in_use(document.id):
        raise DocumentProblem(DocumentErrorCode.IN_USE, field="id")
    await Document.filter(id=document.id).using_db(connection).delete()
    return Deleted(document.id, document.sha256)


async def usable_by(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    document_id: str,
    material_code: str,
    enterprise_id: uuid.UUID | None,
    on: date,
    frozen: Mapping[str, Any] | None = None,
) -> bool:
    """What an application asks: may this applicant (for themselves, or for the enterprise)
    present this document as `material_code` on day `on`, under the material rules `frozen`
    into the application's item version (the type's current rules when there are none)?"""
    key = parse_id(document_id)
    if key is None or principal.account_id is None:
        return False
    document = await Document.filter(id=key).using_db(connection).first()
    if document is None:
        return False
    if enterprise_id is not None:
        owned = document.enterprise_id == enterprise_id and await is_active_member(
            principal.account_id, enterprise_id
        )
    else:
        owned = document.account_id == principal.account_id
    return owned and (await usable_for(document, material_code, on=on, frozen=frozen)).usable
