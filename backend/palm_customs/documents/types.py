from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry

from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import PageInfo, ValidationError
from palm_customs.documents import services
from palm_customs.documents.errors import DocumentErrorCode, DocumentProblem
from palm_customs.documents.models import Document as DocumentRow
from palm_customs.documents.models import FileFormat

# The domain's error codes are a plain enum (errors.py); published here as a GraphQL enum.
strawberry.enum(DocumentErrorCode, description="Why a document action was refused.")

strawberry.enum(FileFormat, description="A file's real format, sniffed from its bytes.")


@strawberry.type(description="A document action was refused.")
class DocumentError:
    code: DocumentErrorCode
    message: str
    field: str | None


# How the API answers each of the domain's exceptions (installed by schema.build_schema).
ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        DocumentProblem,
        lambda e, c: DocumentError(code=e.error_code, message=e.message(c.language), field=e.field),
    ),
)


@strawberry.type(description="A document in the vault: upload once, use in many applications.")
class Document:
    id: strawberry.ID
    material_code: str
    label: str
    format: FileFormat
    media_type: str
    size_bytes: int
    pages: int
    sha256: str
    issue_date: date | None
    expiry_date: date | None
    expired: bool = strawberry.field(description="The expiry date has passed (today, UTC).")
    enterprise_id: strawberry.ID | None
    url: str = strawberry.field(description="Where the file is served (owner only).")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, row: DocumentRow, *, today: date) -> Document:
        return cls(
            id=strawberry.ID(str(row.id)),
            material_code=row.material_code,
            label=row.label,
            format=row.file_format,
            media_type=row.media_type,
            size_bytes=row.size_bytes,
            pages=row.pages,
            sha256=row.sha256,
            issue_date=row.issue_date,
            expiry_date=row.expiry_date,
            expired=services.is_expired(row, on=today),
            enterprise_id=strawberry.ID(str(row.enterprise_id)) if row.enterprise_id else None,
            url=f"/files/{row.id}",
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


@strawberry.type
class DocumentConnection:
    nodes: list[Document]
    page_info: PageInfo


@strawberry.type
class DocumentUpdateSuccess:
    document: Document


@strawberry.type
class DocumentDeleteSuccess:
    id: strawberry.ID


DocumentUpdateResult = Annotated[
    DocumentUpdateSuccess | ValidationError | DocumentError,
    strawberry.union("DocumentUpdateResult"),
]
DocumentDeleteResult = Annotated[
    DocumentDeleteSuccess | DocumentError, strawberry.union("DocumentDeleteResult")
]
