"""Files made on the spot: pictures carrying GPS EXIF, PDFs with scripts, encrypted PDFs."""

from __future__ import annotations

import io

import pillow_heif
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

pillow_heif.register_heif_opener()

GPS_IFD = 0x8825  # GPSInfo, tag 34853
# 31°14'N 121°29'E: the Bund, Shanghai.
GPS = {1: "N", 2: (31.0, 14.0, 0.0), 3: "E", 4: (121.0, 29.0, 0.0)}


def _exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PalmTestCam"  # Make
    exif[GPS_IFD] = GPS
    return exif


def jpeg_with_gps(
    colour: tuple[int, int, int] = (180, 40, 40), size: tuple[int, int] = (64, 48)
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG", exif=_exif_with_gps())
    return out.getvalue()


def png_with_gps(colour: tuple[int, int, int] = (10, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, format="PNG", exif=_exif_with_gps())
    return out.getvalue()


def heic_with_gps() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 160, 60)).save(
        out, format="HEIF", exif=_exif_with_gps().tobytes()
    )
    return out.getvalue()


def gps_of(data: bytes) -> dict[int, object]:
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif().get_ifd(GPS_IFD))


def make_of(data: bytes) -> object:
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif().get(0x010F)


def _writer(pages: int = 1) -> PdfWriter:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    return writer


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def plain_pdf(pages: int = 2) -> bytes:
    return _bytes(_writer(pages))


def pdf_with_javascript() -> bytes:
    """Document-level JavaScript: /Names /JavaScript in the catalogue (runs on open)."""
    writer = _writer()
    action = writer._add_object(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('hello');"),
            }
        )
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("hello"), action])}
            )
        }
    )
    return _bytes(writer)


def pdf_with_open_action_js() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.launchURL('http://x.invalid');"),
        }
    )
    return _bytes(writer)


def pdf_with_launch_action() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("calc.exe"),
        }
    )
    return _bytes(writer)


def pdf_with_escaped_names() -> bytes:
    """/OpenAction << /S /J#61vaScript /J#53 (...) >>: a byte scan for '/JavaScript' misses it."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def encrypted_pdf() -> bytes:
    writer = _writer()
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    return _bytes(writer)
