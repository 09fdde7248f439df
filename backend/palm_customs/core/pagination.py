"""Keyset pagination with opaque cursors and capped page sizes."""

from __future__ import annotations

import base64
import binascii

from palm_customs.core.api_errors import InputRejected
from palm_customs.core.errors import FieldProblem, ValidationErrorCode
from palm_customs.core.i18n import Language

MAX_PAGE_SIZE = 100


def check_page_size(first: int, language: Language) -> int:
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise InputRejected(
            FieldProblem(
                "first", ValidationErrorCode.OUT_OF_RANGE, {"low": 1, "high": MAX_PAGE_SIZE}
            ),
            language,
        )
    return first


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, language: Language) -> str | None:
    if cursor is None:
        return None
    try:
        if len(cursor) > 200:
            raise ValueError
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.urlsafe_b64decode(padded.encode()).decode()
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InputRejected(
            FieldProblem("after", ValidationErrorCode.INVALID_FORMAT), language
        ) from None
