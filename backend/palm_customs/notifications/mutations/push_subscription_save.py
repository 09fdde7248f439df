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


@strawberry.mutation(
    extensions=access(Level.SESSION),
    description="Register (or refresh, after pushsubscriptionchange) this device's push "
    "subscription and the categories it wants pushed.",
)
async def push_subscription_save(
    info: Info[Context, Any],
    endpoint: str,
    p256dh: str,
    auth: str,
    categories: list[str],
    device: str = "",
) -> NotificationResult:
    context = info.context
    return await run_mutation(
        info,
        perform=lambda c: services.save_subscription(
            c,
            context.settings,
            principal=context.principal,
            endpoint=endpoint,
            p256dh=p256dh,
            auth=auth,
            device=device,
            categories=categories[:20],
        ),
        present=lambda done: NotificationDone(changed=done.count),
        refused=refusals(NotificationError, ValidationError),
    )
