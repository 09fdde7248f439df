"""Per-request context: who is calling, in which language, and the request's DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.responses import Response
from tortoise.transactions import in_transaction

from palm_customs.core import audit, audit_group
from palm_customs.core.i18n import Language
from palm_customs.core.permissions import Principal
from palm_customs.core.ratelimit import RateLimiter
from palm_customs.loaders import Loaders
from palm_customs.settings import Settings


@dataclass
class RequestMeta:
    request_id: str
    ip: str
    user_agent: str
    # The device id the PWA keeps (X-Palm-Device), if well formed: sign-up limits per device.
    device: str | None = None


@dataclass
class Context:
    settings: Settings
    meta: RequestMeta
    language: Language
    principal: Principal
    rate_limiter: RateLimiter
    # The HTTP response being built (None on a WebSocket): where session cookies are set.
    response: Response | None = None
    # This request's DataLoaders (palm_customs/loaders.py), made on first use.
    loaders: Loaders = field(default_factory=Loaders)

    def audit_record(
        self, *, operation: str, outcome: str, target_ids: tuple[str, ...] = ()
    ) -> audit.AuditRecord:
        return audit.AuditRecord(
            actor=self.principal.actor,
            operation=operation,
            target_ids=target_ids,
            outcome=outcome,
            request_id=self.meta.request_id,
            ip=self.meta.ip,
            user_agent=self.meta.user_agent,
            index_access=self.principal.is_officer,
        )

    async def audit_refusal(
        self, *, operation: str, outcome: str, target_ids: tuple[str, ...] = ()
    ) -> None:
        """Record a refused mutation (nothing else was written) once it is committed, in a
        transaction shared with the refusals waiting at the same time (core/audit_group.py)."""
        await audit_group.append_refusal(
            self.audit_record(operation=operation, outcome=outcome, target_ids=target_ids)
        )

    async def audit_read(self, *, operation: str, target_ids: tuple[str, ...]) -> None:
        """Record that an officer opened someone's records (a person reading their own is not
        recorded): the log behind "who looked at my data"."""
        if not self.principal.is_officer or not target_ids:
            return
        async with in_transaction() as connection:
            await audit.append(
                connection,
                self.audit_record(operation=operation, outcome="READ", target_ids=target_ids),
            )

    def set_session_cookie(self, token: str, *, max_age: int) -> None:
        from palm_customs.identity.sessions import cookie_name

        if self.response is None:
            return
        https = self.settings.origin_is_https
        self.response.set_cookie(
            cookie_name(https),
            token,
            max_age=max_age,
            path="/",
            secure=https,
            httponly=True,
            samesite="lax",
        )

    def clear_session_cookie(self) -> None:
        from palm_customs.identity.sessions import cookie_name

        if self.response is None:
            return
        https = self.settings.origin_is_https
        self.response.delete_cookie(
            cookie_name(https), path="/", secure=https, httponly=True, samesite="lax"
        )
