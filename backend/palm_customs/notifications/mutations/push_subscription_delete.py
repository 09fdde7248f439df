from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, access
from palm_customs.core.types import ValidationError
from palm_customs.notifications import services
from palm_customs.notifications.types import NotificationDone, NotificationError, NotificationResult


@strawberry.mutation(extensions=access(Level.SESSION), description="Stop pushes to a device.")
async def push_subscription_delete(info: Info[Context, Any], endpoint: str) -> NotificationResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.delete_subscription(c, principal=principal, endpoint=endpoint),
        present=lambda done: NotificationDone(changed=done.count),
        refused=refusals(NotificationError, ValidationError),
    )
