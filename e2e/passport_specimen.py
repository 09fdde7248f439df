"""An ICAO 9303 specimen passport data page, drawn for the passport-reader tests (the photo
upload and Chromium's fake camera): the specimen's own machine-readable zone in OCR-B when
Debian's fonts-ocr-b is installed, else in DejaVu Sans Mono (always there)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

MRZ = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
# A specimen whose document is still valid (the ICAO one expired in 2012): same holder, expiry
# 2034-04-15, check digits recomputed.
VALID_MRZ = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F3404159ZE184226B<<<<<16",
)
OCR_B = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def data_page(
    lines: tuple[str, str] = VALID_MRZ, *, width: int = 1280, height: int = 720
) -> Image.Image:
    """The data page filling most of a landscape frame, the MRZ at its foot."""
    page = Image.new("RGB", (width, height), (214, 226, 220))
    draw = ImageDraw.Draw(page)
    margin = width // 20
    draw.rounded_rectangle(
        (margin, margin, width - margin, height - margin), radius=18, fill=(246, 244, 236)
    )
    sans = ImageFont.truetype(str(SANS), height // 30)
    draw.text(
        (margin * 2, margin + 20), "PASSPORT  PASSEPORT  UTOPIA", font=sans, fill=(40, 60, 110)
    )
    draw.rectangle((margin * 2, margin + 70, margin * 2 + 200, margin + 330), fill=(190, 196, 205))
    fields = [
        ("Surname / Nom", "ERIKSSON"),
        ("Given names / Prénoms", "ANNA MARIA"),
        ("Nationality", "UTOPIAN"),
        ("Date of birth", "12 AUG 1974"),
        ("Date of expiry", "15 APR 2034"),
    ]
    for n, (label, value) in enumerate(fields):
        y = margin + 70 + n * 52
        draw.text((margin * 2 + 240, y), label, font=sans, fill=(90, 90, 90))
        draw.text((margin * 2 + 240, y + 22), value, font=sans, fill=(10, 10, 10))
    mono_path = OCR_B if OCR_B.exists() else MONO
    size = 10
    usable = width - 4 * margin
    while ImageFont.truetype(str(mono_path), size + 1).getlength(lines[0]) <= usable:
        size += 1
    mono = ImageFont.truetype(str(mono_path), size)
    y = height - margin - 2 * int(size * 1.6) - 10
    for line in lines:
        draw.text((margin * 2, y), line, font=mono, fill=(15, 15, 20))
        y += int(size * 1.6)
    return page


def write_y4m(image: Image.Image, path: Path, *, frames: int = 10) -> Path:
    """A Y4M video (4:2:0) of the still image, for --use-file-for-fake-video-capture."""
    y, cb, cr = image.convert("YCbCr").split()
    half = (image.width // 2, image.height // 2)
    planes = y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes()
    header = f"YUV4MPEG2 W{image.width} H{image.height} F10:1 Ip A1:1 C420jpeg\n".encode()
    with path.open("wb") as out:
        out.write(header)
        for _ in range(frames):
            out.write(b"FRAME\n" + planes)
    return path


if __name__ == "__main__":
    import sys

    data_page().save(sys.argv[1] if len(sys.argv) > 1 else "specimen.png")
