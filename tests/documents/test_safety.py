"""Sniffing and sanitising, without a database: the rules the upload relies on."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from palm_customs.documents.errors import DocumentErrorCode, DocumentProblem
from palm_customs.documents.models import FileFormat
from palm_customs.documents.safety import make_safe, sniff
from tests.documents import files


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (files.jpeg_with_gps, FileFormat.JPEG),
        (files.png_with_gps, FileFormat.PNG),
        (files.heic_with_gps, FileFormat.HEIC),
        (files.plain_pdf, FileFormat.PDF),
    ],
)
def test_the_format_is_read_from_the_bytes(make: object, expected: FileFormat) -> None:
    # given
    data = make()  # type: ignore[operator]
    # when
    found = sniff(data[:1024])
    # then
    assert found is expected


def test_text_is_no_known_format() -> None:
    assert sniff(b"GIF89a....") is None
    with pytest.raises(DocumentProblem) as refused:
        make_safe(b"hello, this is not a picture")
    assert refused.value.error_code is DocumentErrorCode.UNRECOGNISED_FORMAT


@pytest.mark.parametrize("make", [files.jpeg_with_gps, files.png_with_gps, files.heic_with_gps])
def test_a_picture_loses_its_gps_position_and_camera_but_keeps_its_pixels(make: object) -> None:
    # given a picture whose EXIF says where it was taken and with which camera
    data = make()  # type: ignore[operator]
    assert files.gps_of(data)
    assert files.make_of(data) == "PalmTestCam"
    # when
    safe = make_safe(data)
    # then
    assert files.gps_of(safe.data) == {}
    assert files.make_of(safe.data) is None
    assert b"PalmTestCam" not in safe.data
    with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(safe.data)) as after:
        assert after.size == before.size
        assert after.format == before.format


def test_a_picture_taken_sideways_is_turned_upright_before_its_orientation_tag_goes() -> None:
    # given a 60x20 picture tagged "rotate 90°" (orientation 6)
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    Image.new("RGB", (60, 20), (1, 2, 3)).save(out, format="JPEG", exif=exif)
    # when
    safe = make_safe(out.getvalue())
    # then
    with Image.open(io.BytesIO(safe.data)) as image:
        assert image.size == (20, 60)
        assert image.getexif().get(0x0112) is None


@pytest.mark.parametrize(
    "make",
    [
        files.pdf_with_javascript,
        files.pdf_with_open_action_js,
        files.pdf_with_launch_action,
        files.pdf_with_escaped_names,
    ],
)
def test_a_pdf_with_active_content_is_refused(make: object) -> None:
    with pytest.raises(DocumentProblem) as refused:
        make_safe(make())  # type: ignore[operator]
    assert refused.value.error_code is DocumentErrorCode.PDF_ACTIVE_CONTENT


def test_an_encrypted_pdf_is_refused() -> None:
    with pytest.raises(DocumentProblem) as refused:
        make_safe(files.encrypted_pdf())
    assert refused.value.error_code is DocumentErrorCode.PDF_ENCRYPTED


def test_a_plain_pdf_is_kept_byte_for_byte_and_its_pages_counted() -> None:
    # given
    data = files.plain_pdf(pages=3)
    # when
    safe = make_safe(data)
    # then
    assert safe.data == data
    assert safe.pages == 3
    assert safe.media_type == "application/pdf"


def test_a_truncated_picture_is_unreadable() -> None:
    with pytest.raises(DocumentProblem) as refused:
        make_safe(files.jpeg_with_gps()[:200])
    assert refused.value.error_code is DocumentErrorCode.UNREADABLE


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    # given a PNG that claims 10000 x 10000 pixels (tiny on disk: one colour)
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG")
    # when / then
    with pytest.raises(DocumentProblem) as refused:
        make_safe(out.getvalue())
    assert refused.value.error_code is DocumentErrorCode.IMAGE_TOO_LARGE
