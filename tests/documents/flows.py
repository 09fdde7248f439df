"""Helpers for document tests: materials, uploads, the store's contents."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from palm_customs.catalogue.models import MaterialType
from palm_customs.documents.storage import blob_key, current_store
from palm_customs.identity.models import Account

MY_DOCUMENTS = """
query($first: Int!, $after: String, $material: String, $enterprise: ID) {
  myDocuments(first: $first, after: $after, materialCode: $material, enterpriseId: $enterprise) {
    nodes { id materialCode label format mediaType sizeBytes pages sha256 issueDate expiryDate
            expired enterpriseId url }
    pageInfo { hasNextPage endCursor }
  }
}
"""
UPDATE = """
mutation($id: ID!, $issue: Date, $expiry: Date, $label: String) {
  documentUpdate(id: $id, issueDate: $issue, expiryDate: $expiry, label: $label) {
    __typename
    ... on DocumentUpdateSuccess { document { id label issueDate expiryDate expired } }
    ... on DocumentError { code message field }
    ... on ValidationError { errors { field code message } }
  }
}
"""
DELETE = """
mutation($id: ID!) {
  documentDelete(id: $id) {
    __typename
    ... on DocumentDeleteSuccess { id }
    ... on DocumentError { code message field }
  }
}
"""


async def create_material(
    *,
    code: str,
    formats: list[str] | None = None,
    max_bytes: int = 10 * 1024 * 1024,
    requires_validity: bool = False,
) -> MaterialType:
    return await MaterialType.create(
        code=code,
        names={"zh-Hans": code, "zh-Hant": code, "en": code},
        accepted_formats=formats if formats is not None else ["jpeg", "png", "heic", "pdf"],
        max_bytes=max_bytes,
        requires_validity=requires_validity,
    )


async def account_of(n: int = 1) -> Account:
    """The n-th account created in this test (tests start from empty tables)."""
    accounts = await Account.all().order_by("created_at")
    return accounts[n - 1]


async def upload(
    client: httpx.AsyncClient,
    data: bytes,
    *,
    material: str = "PHOTO",
    filename: str = "scan.jpg",
    content_type: str = "application/octet-stream",
    key: str | None = None,
    **fields: str,
) -> httpx.Response:
    form = {"materialCode": material, **fields}
    return await client.post(
        "/api/documents",
        data=form,
        files={"file": (filename, data, content_type)},
        headers={"idempotency-key": key or uuid.uuid4().hex, "accept-language": "en"},
    )


def uploaded(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 201), response.text
    document: dict[str, Any] = response.json()["document"]
    return document


async def stored(sha256: str) -> bytes | None:
    return await current_store().get(blob_key(sha256))
