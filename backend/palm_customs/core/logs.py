"""Logging: JSON lines in production, readable lines elsewhere, every line with its request id,
and known secrets scrubbed from whatever is printed."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

_SECRETS: set[str] = set()
# Values that look like credentials in free text: cookies, bearer tokens, key=value secrets.
_PATTERNS = [
    re.compile(r"(?i)(cookie|authorization|set-cookie)([\"']?\s*[:=]\s*)[^\s,;\"']+"),
    re.compile(
        r"(?i)(password|passwd|secret|token|api[_-]?key)([\"']?\s*[:=]\s*[\"']?)[^\s,;\"']+"
    ),
]


def register_secret(value: str) -> None:
    """Never print this value (a key, a password, a token) in any log line."""
    if len(value) >= 8:
        _SECRETS.add(value)


def scrub(text: str) -> str:
    for secret in _SECRETS:
        if secret in text:
            text = text.replace(secret, "[redacted]")
    for pattern in _PATTERNS:
        text = pattern.sub(r"\1\2[redacted]", text)
    return text


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class ReadableFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s [%(request_id)s] %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["stack"] = self.formatException(record.exc_info)
        return scrub(json.dumps(entry, ensure_ascii=False))


def configure_logging(*, json_lines: bool, level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_RequestIdFilter())
    handler.setFormatter(JsonFormatter() if json_lines else ReadableFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "strawberry", "tortoise"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    # uvicorn's access log lacks request ids; ours (core.http) has them.
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    logging.getLogger("tortoise").setLevel(logging.WARNING)
