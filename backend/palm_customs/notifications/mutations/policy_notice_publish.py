from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import LocalizedText, ValidationError
from palm_customs.notifications import services
from palm_customs.notifications.types import (
    PolicyNoticeInput,
    PolicyNoticePublished,
    PolicyNoticeResult,
)


@strawberry.mutation(
    extensions=access(Level.STEP_UP, Role.SUPERVISOR, Role.ADMINISTRATOR),
    description="Publish a policy notice to everyone following its category (fans out through "
    "the outbox).",
)
async def policy_notice_publish(
    info: Info[Context, Any], input: PolicyNoticeInput
) -> PolicyNoticeResult:
    principal = info.context.principal
    return await run_mutation(
        info,
        perform=lambda c: services.publish_policy_notice(
            c,
            principal=principal,
            category=input.category,
            title=services.NoticeText(input.title.zh_hans, input.title.zh_hant, input.title.en),
            body=services.NoticeText(input.body.zh_hans, input.body.zh_hant, input.body.en),
            link=input.link,
        ),
        present=lambda done: PolicyNoticePublished(
            id=strawberry.ID(str(done.notice.id)),
            category=done.notice.category,
            title=LocalizedText(
                zh_hans=done.notice.title_zh_hans,
                zh_hant=done.notice.title_zh_hant,
                en=done.notice.title_en,
            ),
        ),
        refused=refusals(ValidationError),
    )
