"""The receipt as a one-page PDF, written directly (a page of text needs no library): the
facts in English and digits, and the signed receipt code an officer's tablet verifies."""

from __future__ import annotations

from collections.abc import Sequence

_WIDTH = 84


def _escape(line: str) -> str:
    ascii_only = line.encode("ascii", "replace").decode()
    return ascii_only.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def wrap(text: str, width: int = _WIDTH) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def render(lines: Sequence[str]) -> bytes:
    """A PDF 1.4 page of `lines` in Helvetica (ASCII; anything else becomes '?')."""
    text = "BT /F1 11 Tf 50 800 Td 15 TL\n"
    text += "".join(f"({_escape(line)}) '\n" for line in lines[:50])
    text += "ET"
    stream = text.encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
