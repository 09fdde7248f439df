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


@strawberry.mutation(extensions=access(Level.SESSION), description="Mark one notification read.")
async def notification_mark_read(
    info: Info[Context, Any], notification_id: strawberry.ID
) -> NotificationResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.mark_read(
            c, principal=principal, notification_id=notification_id
        ),
        present=lambda done: NotificationDone(changed=done.count),
        refused=refusals(NotificationError, ValidationError),
    )
