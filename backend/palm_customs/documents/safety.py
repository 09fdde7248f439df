"""What an uploaded file really is, and a copy of it that is safe to keep and serve.

The type comes from the bytes, never from the file name or the client's Content-Type.
Images are decoded and RE-ENCODED from their pixels, so nothing but pixels survives: EXIF
(GPS position, camera serial), XMP, comments and trailing data are dropped (the orientation
is applied to the pixels first, so the picture still stands upright). PDFs cannot be
re-encoded without changing them, so they are parsed (pypdf, which reads compressed object
streams and #-escaped names a byte scan would miss) and refused when encrypted or carrying
JavaScript, launch or other active actions.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

from palm_customs.documents.errors import DocumentErrorCode, DocumentProblem
from palm_customs.documents.models import FileFormat

pillow_heif.register_heif_opener()

MEDIA_TYPES = {
    FileFormat.JPEG: "image/jpeg",
    FileFormat.PNG: "image/png",
    FileFormat.HEIC: "image/heic",
    FileFormat.PDF: "application/pdf",
}
EXTENSIONS = {
    FileFormat.JPEG: "jpg",
    FileFormat.PNG: "png",
    FileFormat.HEIC: "heic",
    FileFormat.PDF: "pdf",
}
# A scanned A4 page at 600 dpi is ~35 MP: more is a decompression bomb, not a document.
MAX_PIXELS = 50_000_000
# Walking a PDF's objects is bounded so a crafted file cannot keep a worker busy.
MAX_PDF_OBJECTS = 20_000
MAX_PDF_PAGES = 500
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")
# The only action a harmless document may carry: a jump within itself. Every other type (run
# code, open a URI, another file or program, send data, play media, and any type invented
# later) is refused: an allow-list, not a list of the bad ones.
_ALLOWED_ACTIONS = frozenset({"/GoTo"})
# Where a dictionary holds an action (ISO 32000 12.6): /A, /OpenAction, /Next (a chain), and
# every entry of an additional-actions (/AA) dictionary; or a dictionary typed /Action.
_ACTION_KEYS = frozenset({"/A", "/OpenAction", "/Next"})
_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/XFA"})


@dataclass(frozen=True, slots=True)
class SafeFile:
    file_format: FileFormat
    data: bytes
    pages: int

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.file_format]


def sniff(head: bytes) -> FileFormat | None:
    """The format announced by the first bytes (magic numbers), or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return FileFormat.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileFormat.PNG
    # ISO BMFF: a box size, then 'ftyp' and the major brand.
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return FileFormat.HEIC
    # PDF readers accept the header anywhere in the first 1024 bytes: so do we, since that
    # is how a PDF disguised behind a junk prefix would still open.
    if b"%PDF-" in head[:1024]:
        return FileFormat.PDF
    return None


def make_safe(data: bytes) -> SafeFile:
    file_format = sniff(data[:1024])
    if file_format is None:
        raise DocumentProblem(DocumentErrorCode.UNRECOGNISED_FORMAT, field="file")
    if file_format is FileFormat.PDF:
        return SafeFile(file_format, data, _checked_pdf(data))
    return SafeFile(file_format, _reencoded(data, file_format), 1)


def _reencoded(data: bytes, file_format: FileFormat) -> bytes:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if (opened.format or "").upper() not in {"JPEG", "PNG", "HEIF"}:
                    raise DocumentProblem(DocumentErrorCode.UNRECOGNISED_FORMAT, field="file")
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise DocumentProblem(DocumentErrorCode.IMAGE_TOO_LARGE, field="file")
                opened.load()
                upright = ImageOps.exif_transpose(opened)
                icc = opened.info.get("icc_profile")
    except DocumentProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DocumentProblem(DocumentErrorCode.IMAGE_TOO_LARGE, field="file") from None
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
    ):
        raise DocumentProblem(DocumentErrorCode.UNREADABLE, field="file") from None
    # A new image from the pixels alone: no info dict, so no metadata can ride along.
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    out = io.BytesIO()
    options: dict[str, Any] = {"icc_profile": icc} if icc else {}
    if file_format is FileFormat.JPEG:
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        clean.save(out, format="JPEG", quality=90, **options)
    elif file_format is FileFormat.PNG:
        clean.save(out, format="PNG", **options)
    else:
        if clean.mode not in ("RGB", "RGBA", "L"):
            clean = clean.convert("RGB")
        clean.save(out, format="HEIF", quality=90, **options)
    return out.getvalue()


def _checked_pdf(data: bytes) -> int:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise DocumentProblem(DocumentErrorCode.PDF_ENCRYPTED, field="file")
            _refuse_active_content(reader)
            pages = len(reader.pages)
    except DocumentProblem:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise DocumentProblem(DocumentErrorCode.UNREADABLE, field="file") from None
    if not 1 <= pages <= MAX_PDF_PAGES:
        raise DocumentProblem(DocumentErrorCode.UNREADABLE, field="file")
    return pages


def _check_action(value: PdfObject) -> None:
    action = value.get_object() if isinstance(value, IndirectObject) else value
    # An /OpenAction may be a plain destination (an array): a jump, harmless.
    if isinstance(action, DictionaryObject) and str(action.get("/S", "")) not in _ALLOWED_ACTIONS:
        raise DocumentProblem(DocumentErrorCode.PDF_ACTIVE_CONTENT, field="file")


def _refuse_active_content(reader: PdfReader) -> None:
    """Walk every object reachable from the trailer: refuse any action but a jump within the
    document, and any script, embedded file or XFA form."""
    seen: set[tuple[int, int]] = set()
    stack: list[PdfObject] = [reader.trailer]
    visited = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            ident = (node.idnum, node.generation)
            if ident in seen:
                continue
            seen.add(ident)
            resolved = node.get_object()
            if resolved is None:
                continue
            node = resolved
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise DocumentProblem(DocumentErrorCode.UNREADABLE, field="file")
        if isinstance(node, DictionaryObject):
            if str(node.get("/Type", "")) == "/Action":
                _check_action(node)
            for key, value in node.items():
                if key in _ACTIVE_KEYS:
                    raise DocumentProblem(DocumentErrorCode.PDF_ACTIVE_CONTENT, field="file")
                if key in _ACTION_KEYS:
                    _check_action(value)
                elif key == "/AA":
                    triggers = value.get_object() if isinstance(value, IndirectObject) else value
                    if isinstance(triggers, DictionaryObject):
                        for action in triggers.values():
                            _check_action(action)
                stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
