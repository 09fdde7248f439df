"""The app with its audit append switchable at run time, for bench_audit_log.py only.

`PUT /bench/audit-mode/{mode}`: `log` (the transparency log: insert with no lock), `off` (no
audit event at all: the baseline) or `lock` (the previous design's cost: every append first
takes one PostgreSQL advisory lock held until commit).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.app import create_app
from palm_customs.core import audit
from palm_customs.core.models import AuditEvent

_real_append = audit.append
_mode = {"value": "log"}


async def _append(connection: BaseDBAsyncClient, record: audit.AuditRecord) -> AuditEvent | None:
    mode = _mode["value"]
    if mode == "off":
        return None
    if mode == "lock":
        await connection.execute_query("SELECT pg_advisory_xact_lock($1)", [0x5A1C_A0D1])
    return await _real_append(connection, record)


async def set_mode(request: Request) -> Response:
    mode = str(request.path_params["mode"])
    if mode not in ("log", "off", "lock"):
        return PlainTextResponse("unknown mode", status_code=400)
    _mode["value"] = mode
    return PlainTextResponse(mode)


audit.append = _append  # type: ignore[assignment]
app = create_app(extra_routes=[Route("/bench/audit-mode/{mode}", set_mode, methods=["PUT"])])
