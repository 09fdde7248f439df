"""Per-request context: who is calling, in which language, and the request's DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise.transactions import in_transaction

from palm_customs.core import audit
from palm_customs.core.i18n import Language
from palm_customs.core.permissions import Principal
from palm_customs.settings import Settings


@dataclass
class RequestMeta:
    request_id: str
    ip: str
    user_agent: str


@dataclass
class Context:
    settings: Settings
    meta: RequestMeta
    language: Language
    principal: Principal
    loaders: dict[str, DataLoader[Any, Any]] = field(default_factory=dict)

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
        )

    async def audit_refusal(self, *, operation: str, outcome: str) -> None:
        """Record a refused mutation in a transaction of its own (nothing else was written)."""
        async with in_transaction() as connection:
            await audit.append(connection, self.audit_record(operation=operation, outcome=outcome))
