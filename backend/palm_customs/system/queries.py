from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs import __version__
from palm_customs.context import Context
from palm_customs.core import clock
from palm_customs.core.api_errors import InputRejected
from palm_customs.core.errors import FieldProblem, ValidationErrorCode
from palm_customs.core.permissions import Level, access


@strawberry.type(description="Facts about this server that the PWA needs at start.")
class ServerInfo:
    version: str
    server_time: datetime
    webauthn_rp_id: str
    vapid_public_key: str


@strawberry.type
class SystemQuery:
    @strawberry.field(extensions=access(Level.ANONYMOUS))
    def server_info(self, info: Info[Context, Any]) -> ServerInfo:
        settings = info.context.settings
        return ServerInfo(
            version=__version__,
            server_time=clock.now(),
            webauthn_rp_id=settings.rp_id,
            vapid_public_key=settings.vapid_public_key,
        )


@strawberry.type
class SystemSubscription:
    @strawberry.subscription(
        extensions=access(Level.ANONYMOUS),
        description="The server's clock, every `intervalSeconds` (1–60): a liveness signal.",
    )
    async def server_time(
        self, info: Info[Context, Any], interval_seconds: int = 5
    ) -> AsyncGenerator[datetime, None]:
        if not 1 <= interval_seconds <= 60:
            raise InputRejected(
                FieldProblem(
                    "interval_seconds", ValidationErrorCode.OUT_OF_RANGE, {"low": 1, "high": 60}
                ),
                info.context.language,
            )
        while True:
            yield clock.now()
            await asyncio.sleep(interval_seconds)
