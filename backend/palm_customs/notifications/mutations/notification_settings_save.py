from __future__ import annotations

from datetime import time
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.notifications import services
from palm_customs.notifications.types import NotificationDone, NotificationError, NotificationResult


@strawberry.mutation(
    extensions=access(Level.SESSION),
    description="Quiet hours (non-urgent pushes wait until they end) and policy-notice topics.",
)
async def notification_settings_save(
    info: Info[Context, Any],
    policy_categories: list[str],
    quiet_start: time | None = None,
    quiet_end: time | None = None,
    timezone: str = "Asia/Shanghai",
) -> NotificationResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.save_settings(
            c,
            principal=principal,
            quiet_start=quiet_start,
            quiet_end=quiet_end,
            timezone=timezone[:40],
            policy_categories=policy_categories[:20],
        ),
        present=lambda done: NotificationDone(changed=done.count),
        refused=refusals(NotificationError, ValidationError),
    )
