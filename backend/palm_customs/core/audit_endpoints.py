"""Public URLs of the audit log: the latest signed tree head and the keys that sign heads, so
that anyone can keep copies of the heads and later hold the log to them."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from palm_customs.core import audit
from palm_customs.core.audit_heads import key_id, public_pem

HEAD_PATH = "/audit/checkpoint"
KEYS_PATH = "/audit/keys"


async def head_endpoint(request: Request) -> Response:
    head = await asyncio.to_thread(audit.head_store().latest)
    if head is None:
        return JSONResponse({"error": "no signed tree head yet"}, status_code=404)
    body = head.to_json()
    body.pop("compact", None)
    return JSONResponse(body, headers={"cache-control": "no-cache"})


async def keys_endpoint(request: Request) -> Response:
    keys = audit.trust().keys
    return JSONResponse(
        {"keys": [{"kid": key_id(k), "pem": public_pem(k)} for k in keys.values()]},
        headers={"cache-control": "max-age=300"},
    )
