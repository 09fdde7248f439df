"""The two HTTP endpoints GraphQL cannot serve well: a streamed multipart upload and files.

`POST /api/documents` (multipart/form-data, level 2 person): fields `materialCode`,
`enterpriseId`, `label`, `issueDate`, `expiryDate`, then the `file` part; header
`Idempotency-Key`. Put the fields before the file: once `materialCode` is read, the body is
cut off as soon as the file passes that material's size limit (and always at the global cap).

`GET /files/{id}`: the file to its owner, or to an officer a domain has granted it to.
Anyone else gets 404, never 403, so ids cannot be probed.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from typing import Any

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.catalogue.models import MaterialType
from palm_customs.core import audit, clock
from palm_customs.core.api_errors import AccessCode
from palm_customs.core.errors import (
    DomainError,
    FieldProblem,
    ValidationErrorCode,
    ValidationFailed,
)
from palm_customs.core.i18n import Language, negotiate_language, translate
from palm_customs.core.permissions import Level, Principal, Role
from palm_customs.documents import services
from palm_customs.documents.errors import DocumentErrorCode, DocumentProblem
from palm_customs.documents.models import Document, FileFormat
from palm_customs.documents.safety import EXTENSIONS
from palm_customs.documents.storage import BlobStore, blob_key
from palm_customs.identity import sessions
from palm_customs.settings import Settings

logger = logging.getLogger("palm_customs.documents")

UPLOAD_PATH = "/api/documents"
FILES_PATH = "/files/{id}"
# The request may be a little larger than the largest file: the multipart framing and fields.
UPLOAD_MAX_REQUEST_BYTES = services.UPLOAD_MAX_BYTES + 64 * 1024
MAX_FIELD_BYTES = 1024
MAX_PARTS = 8
FIELD_NAMES = frozenset({"materialCode", "enterpriseId", "label", "issueDate", "expiryDate"})
INLINE_FORMATS = frozenset({FileFormat.JPEG, FileFormat.PNG})
_STATUS = {
    DocumentErrorCode.NOT_FOUND: 404,
    DocumentErrorCode.TOO_LARGE: 413,
    DocumentErrorCode.UNRECOGNISED_FORMAT: 415,
    DocumentErrorCode.FORMAT_NOT_ACCEPTED: 415,
    DocumentErrorCode.NOT_A_MEMBER: 403,
}


class _Malformed(Exception):
    pass


@dataclass
class _Form:
    """What the streamed multipart body held; fills as the parser calls back."""

    limit: int
    fields: dict[str, str] = field(default_factory=dict)
    file: bytearray = field(default_factory=bytearray)
    file_seen: bool = False
    parts: int = 0
    _header_field: bytearray = field(default_factory=bytearray)
    _header_value: bytearray = field(default_factory=bytearray)
    _headers: dict[str, bytes] = field(default_factory=dict)
    _name: str | None = None
    _is_file: bool = False
    _value: bytearray = field(default_factory=bytearray)

    def on_part_begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise _Malformed
        self._headers = {}
        self._name = None
        self._is_file = False
        self._value = bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._header_field.decode("latin-1").lower()] = bytes(self._header_value)
        self._header_field = bytearray()
        self._header_value = bytearray()

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get("content-disposition"))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if name == "file" and b"filename" in options:
            if self.file_seen:
                raise _Malformed
            self.file_seen = True
            self._is_file = True
        elif name in FIELD_NAMES:
            self._name = name
        else:
            raise _Malformed

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._is_file:
            self.file += data[start:end]
            if len(self.file) > self.limit:
                raise DocumentProblem(
                    DocumentErrorCode.TOO_LARGE, field="file", params={"limit": self.limit}
                )
        else:
            self._value += data[start:end]
            if len(self._value) > MAX_FIELD_BYTES:
                raise _Malformed

    def on_part_end(self) -> None:
        if self._name is not None:
            try:
                self.fields[self._name] = self._value.decode("utf-8")
            except UnicodeDecodeError:
                raise _Malformed from None


class DocumentEndpoints:
    def __init__(self, settings: Settings, store: BlobStore) -> None:
        self.settings = settings
        self.store = store

    async def _principal(self, request: Request) -> Principal:
        token = request.cookies.get(sessions.cookie_name(self.settings.origin_is_https))
        session = await sessions.resolve(token)
        if session is None:
            return Principal.anonymous()
        return sessions.principal_for(session, clock.now())

    def _record(
        self, request: Request, principal: Principal, *, outcome: str, targets: tuple[str, ...]
    ) -> audit.AuditRecord:
        return audit.AuditRecord(
            actor=principal.actor,
            operation="documentUpload",
            target_ids=targets,
            outcome=outcome,
            request_id=getattr(request.state, "request_id", "-"),
            ip=request.client.host if request.client else "-",
            user_agent=request.headers.get("user-agent", "")[:300],
            index_access=principal.is_officer,
        )

    async def _audit(self, record: audit.AuditRecord) -> None:
        async with in_transaction() as connection:
            await audit.append(connection, record)

    # ------------------------------------------------------------------ upload

    async def upload(self, request: Request) -> Response:
        language = negotiate_language(request.headers.get("accept-language"))
        principal = await self._principal(request)
        denied = _access_problem(principal)
        if denied is not None:
            await self._audit(self._record(request, principal, outcome=denied.value, targets=()))
            return _access_denied(denied, language)
        try:
            uploaded = await self._upload(request, principal)
        except DomainError as error:
            await self._audit(self._record(request, principal, outcome=error.code, targets=()))
            return _refusal(error, language)
        await self._audit_success(request, principal, uploaded)
        return JSONResponse(
            {"document": document_json(uploaded.document), "replayed": uploaded.replayed},
            status_code=200 if uploaded.replayed else 201,
            headers={"cache-control": "no-store"},
        )

    async def _audit_success(
        self, request: Request, principal: Principal, uploaded: services.Uploaded
    ) -> None:
        # A new document was audited in its own transaction; a replay is audited here.
        if uploaded.replayed:
            await self._audit(
                self._record(request, principal, outcome="REPLAYED", targets=uploaded.audit_targets)
            )

    async def _upload(self, request: Request, principal: Principal) -> services.Uploaded:
        key = services.check_idempotency_key(request.headers.get("idempotency-key"))
        earlier = await services.replayed_upload(principal, key)
        if earlier is not None:
            # Retried after an interruption: the body need not even be read.
            return services.Uploaded(earlier, replayed=True)
        media_type, options = parse_options_header(request.headers.get("content-type"))
        boundary = options.get(b"boundary")
        if media_type != b"multipart/form-data" or not boundary:
            raise ValidationFailed([FieldProblem("file", ValidationErrorCode.REQUIRED)])
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > UPLOAD_MAX_REQUEST_BYTES:
            raise DocumentProblem(
                DocumentErrorCode.TOO_LARGE,
                field="file",
                params={"limit": services.UPLOAD_MAX_BYTES},
            )
        form = await _read_form(request, boundary)
        if not form.file_seen:
            raise ValidationFailed([FieldProblem("file", ValidationErrorCode.REQUIRED)])
        prepared = await services.prepare_upload(
            principal=principal,
            idempotency_key=key,
            fields=services.UploadFields(
                material_code=form.fields.get("materialCode", ""),
                enterprise_id=form.fields.get("enterpriseId", ""),
                label=form.fields.get("label", ""),
                issue_date=form.fields.get("issueDate", ""),
                expiry_date=form.fields.get("expiryDate", ""),
            ),
            data=bytes(form.file),
            today=clock.today(),
        )
        if prepared.existing is not None:
            return services.Uploaded(prepared.existing, replayed=True)
        await services.store_blob(self.store, prepared)
        try:
            async with in_transaction() as connection:
                uploaded = await services.record_upload(connection, prepared)
                await audit.append(
                    connection,
                    self._record(request, principal, outcome="OK", targets=uploaded.audit_targets),
                )
            return uploaded
        except IntegrityError:
            # A twin request (same key, or same file for the same owner) committed first.
            winner = await services.winner_of_race(prepared)
            if winner is None:
                await services.forget_blob_if_unused(self.store, prepared.sha256)
                raise
            if winner.sha256 != prepared.sha256:
                await services.forget_blob_if_unused(self.store, prepared.sha256)
            return services.Uploaded(winner, replayed=True)
        except BaseException:
            await services.forget_blob_if_unused(self.store, prepared.sha256)
            raise

    # ------------------------------------------------------------------ download

    async def download(self, request: Request) -> Response:
        principal = await self._principal(request)
        document_id = services.parse_id(str(request.path_params.get("id", "")))
        document = await Document.get_or_none(id=document_id) if document_id else None
        if (
            document is None
            or principal.level < Level.SESSION
            or not await services.may_view(principal, document)
        ):
            return _not_found(negotiate_language(request.headers.get("accept-language")))
        if principal.is_officer:
            # An officer opening someone's file is what "who looked at my data" shows.
            record = self._record(
                request, principal, outcome="READ", targets=(f"document:{document.id}",)
            )
            await self._audit(dataclasses.replace(record, operation="documentDownload"))
        data = await self.store.get(blob_key(document.sha256))
        if data is None:
            logger.error("document %s has no blob %s", document.id, document.sha256)
            return _not_found(negotiate_language(request.headers.get("accept-language")))
        filename = f"{document.material_code.lower()}-{document.id.hex[:8]}"
        filename += f".{EXTENSIONS[document.file_format]}"
        disposition = "inline" if document.file_format in INLINE_FORMATS else "attachment"
        return Response(
            data,
            media_type=document.media_type,
            headers={
                "content-disposition": f'{disposition}; filename="{filename}"',
                "cache-control": "no-store",
                "x-content-type-options": "nosniff",
                # Shown directly, a file still may not run anything or load anything.
                "content-security-policy": "default-src 'none'; img-src 'self'; sandbox",
            },
        )


async def _read_form(request: Request, boundary: bytes) -> _Form:
    form = _Form(limit=services.UPLOAD_MAX_BYTES)
    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": form.on_part_begin,
            "on_part_data": form.on_part_data,
            "on_part_end": form.on_part_end,
            "on_header_field": form.on_header_field,
            "on_header_value": form.on_header_value,
            "on_header_end": form.on_header_end,
            "on_headers_finished": form.on_headers_finished,
        },
        max_size=UPLOAD_MAX_REQUEST_BYTES,
    )
    material: MaterialType | None = None
    try:
        async for chunk in request.stream():
            parser.write(chunk)
            if material is None and "materialCode" in form.fields:
                # The material is known before the file: from now on its own limit applies.
                material = await MaterialType.get_or_none(
                    code=form.fields["materialCode"].strip().upper()[:40]
                )
                form.limit = services.size_limit(material)
                if len(form.file) > form.limit:
                    raise DocumentProblem(
                        DocumentErrorCode.TOO_LARGE, field="file", params={"limit": form.limit}
                    )
        parser.finalize()
    except (_Malformed, MultipartParseError):
        raise ValidationFailed([FieldProblem("file", ValidationErrorCode.INVALID_FORMAT)]) from None
    return form


def document_json(document: Document) -> dict[str, Any]:
    return {
        "id": str(document.id),
        "materialCode": document.material_code,
        "label": document.label,
        "format": document.file_format.name,
        "mediaType": document.media_type,
        "sizeBytes": document.size_bytes,
        "pages": document.pages,
        "sha256": document.sha256,
        "issueDate": document.issue_date.isoformat() if document.issue_date else None,
        "expiryDate": document.expiry_date.isoformat() if document.expiry_date else None,
        "expired": services.is_expired(document, on=clock.today()),
        "enterpriseId": str(document.enterprise_id) if document.enterprise_id else None,
        "url": f"/files/{document.id}",
    }


def _access_problem(principal: Principal) -> AccessCode | None:
    if principal.level == Level.ANONYMOUS:
        return AccessCode.UNAUTHENTICATED
    if Role.PERSON not in principal.roles or principal.account_id is None:
        return AccessCode.FORBIDDEN
    if principal.level < Level.VERIFIED:
        return AccessCode.STEP_UP_REQUIRED
    return None


def _access_denied(code: AccessCode, language: Language) -> JSONResponse:
    key = {
        AccessCode.UNAUTHENTICATED: "error.unauthenticated",
        AccessCode.STEP_UP_REQUIRED: "error.step_up_required",
        AccessCode.FORBIDDEN: "error.forbidden",
    }[code]
    return JSONResponse(
        {
            "error": {
                "code": code.value,
                "message": translate(key, language),
                "field": None,
                "requiredLevel": int(Level.VERIFIED),
            }
        },
        status_code=401 if code is AccessCode.UNAUTHENTICATED else 403,
        headers={"cache-control": "no-store"},
    )


def _refusal(error: DomainError, language: Language) -> JSONResponse:
    if isinstance(error, ValidationFailed):
        first = error.problems[0]
        body: dict[str, Any] = {
            "code": "validation_failed",
            "message": translate("validation.summary", language),
            "field": first.field,
            "errors": [
                {"field": p.field, "code": p.code.value, "message": p.message(language)}
                for p in error.problems
            ],
        }
        status = 422
    elif isinstance(error, DocumentProblem):
        body = {"code": error.code, "message": error.message(language), "field": error.field}
        status = _STATUS.get(error.error_code, 422)
    else:
        raise error
    return JSONResponse({"error": body}, status_code=status, headers={"cache-control": "no-store"})


def _not_found(language: Language) -> JSONResponse:
    return JSONResponse(
        {
            "error": {
                "code": DocumentErrorCode.NOT_FOUND.value,
                "message": translate("document.not_found", language),
                "field": None,
            }
        },
        status_code=404,
        headers={"cache-control": "no-store"},
    )
