from __future__ import annotations

import uuid
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.alerts import services
from palm_customs.alerts.models import Alert
from palm_customs.alerts.types import AuditAlert, AuditAlertRule
from palm_customs.context import Context
from palm_customs.core.i18n import Language, translate
from palm_customs.core.pagination import check_page_size
from palm_customs.core.permissions import Level, Role, access
from palm_customs.identity.models import Officer


async def present(rows: list[Alert], language: Language) -> list[AuditAlert]:
    """Alerts with the officer each is about (badge and name)."""
    ids: dict[str, uuid.UUID] = {}
    for row in rows:
        try:
            ids[row.actor] = uuid.UUID(row.actor.removeprefix(services.ACCOUNT_PREFIX))
        except ValueError:
            continue
    officers = {
        o.account_id: o
        for o in await Officer.filter(account_id__in=list(set(ids.values()))).only(
            "account_id", "badge_number", "full_name"
        )
    }
    other = translate("alert.not_an_officer", language)
    found = []
    for row in rows:
        officer = officers.get(ids.get(row.actor))  # type: ignore[arg-type]
        who = f"{officer.full_name} ({officer.badge_number})" if officer else other
        found.append(AuditAlert.from_row(row, who, language))
    return found


@strawberry.type
class AlertQuery:
    @strawberry.field(
        extensions=access(Level.VERIFIED, Role.SUPERVISOR, Role.ADMINISTRATOR),
        description="Anomaly alerts raised from the audit log about officers of my unit (and "
        "accounts that are no officer's), newest first; administrators see every unit's.",
    )
    async def audit_alerts(
        self, info: Info[Context, Any], open_only: bool = True, first: int = 50
    ) -> list[AuditAlert]:
        limit = check_page_size(first, info.context.language)
        rows = await services.visible(info.context.principal, open_only=open_only, first=limit)
        return await present(rows, info.context.language)

    @strawberry.field(
        extensions=access(Level.VERIFIED, Role.SUPERVISOR, Role.ADMINISTRATOR),
        description="The anomaly rules and their settings.",
    )
    async def audit_alert_rules(self, info: Info[Context, Any]) -> list[AuditAlertRule]:
        language = info.context.language
        return [AuditAlertRule.from_row(r, language) for r in await services.rules()]
