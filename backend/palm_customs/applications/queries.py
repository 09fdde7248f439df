from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncGenerator
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications import drafts, services, workdays
from palm_customs.applications.models import Application as ApplicationRow
from palm_customs.applications.models import (
    ApplicationStatus,
    Review,
    ReviewStatus,
)
from palm_customs.applications.types import (
    Application,
    ApplicationDraftInfo,
    ReviewInfo,
    ReviewTask,
    RevisionChanges,
    draft_json,
)
from palm_customs.catalogue.models import ServiceItem
from palm_customs.context import Context
from palm_customs.core import clock
from palm_customs.core.permissions import Level, Role, access
from palm_customs.identity.models import Officer
from palm_customs.loaders import Loaders


async def present(row: ApplicationRow, loaders: Loaders) -> Application:
    today = clock.today()
    corrections: list[dict[str, str]] = []
    if row.status is ApplicationStatus.CORRECTIONS_REQUIRED:
        for lst in await loaders.correction_lists_by_revision.load((row.id, row.revision)):
            corrections.extend(lst.items)
    reviews, events, (holidays, extra) = await asyncio.gather(
        loaders.reviews_by_application.load(row.id),
        loaders.events_by_application.load(row.id),
        loaders.holiday_calendar.load(None),
    )
    return Application.build(
        row,
        days_left=workdays.working_days_between(
            row.paused_since or today, row.due_date, holidays=holidays, extra_workdays=extra
        ),
        corrections=corrections,
        reviews=list(reviews),
        events=list(events),
    )


async def _changes(row: ApplicationRow, loaders: Loaders) -> RevisionChanges:
    events = await loaders.events_by_application.load(row.id)
    snapshots = sorted(
        (e for e in events if e.kind in ("submitted", "resubmitted")),
        key=lambda e: e.id,
        reverse=True,
    )[:2]
    if len(snapshots) < 2:
        return RevisionChanges(fields=[], materials=[])
    new, old = snapshots[0].detail, snapshots[1].detail
    fields = sorted(
        k for k in set(new["form"]) | set(old["form"]) if new["form"].get(k) != old["form"].get(k)
    )
    old_m = {m["material"]: m["document_id"] for m in old["materials"]}
    new_m = {m["material"]: m["document_id"] for m in new["materials"]}
    materials = sorted(k for k in set(old_m) | set(new_m) if old_m.get(k) != new_m.get(k))
    return RevisionChanges(fields=fields, materials=materials)


REVIEWERS = (Role.REVIEWER, Role.SENIOR_REVIEWER)


@strawberry.type
class ApplicationQuery:
    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON), description="Your applications."
    )
    async def my_applications(self, info: Info[Context, Any], first: int = 20) -> list[Application]:
        rows = (
            await ApplicationRow.filter(applicant_id=info.context.principal.account_id)
            .order_by("-submitted_at")
            .limit(max(1, min(first, 100)))
        )
        loaders = info.context.loaders
        return list(await asyncio.gather(*(present(r, loaders) for r in rows)))

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Your application drafts synced from any device, newest first (one for an "
        "enterprise only while you are still its active member).",
    )
    async def my_application_drafts(self, info: Info[Context, Any]) -> list[ApplicationDraftInfo]:
        rows = await drafts.mine(info.context.principal)
        items = await ServiceItem.filter(code__in=[r.item_code for r in rows], published=True).only(
            "code", "data"
        )
        names = {i.code: i.data["names"] for i in items}
        return [ApplicationDraftInfo.from_row(r, item_names=names.get(r.item_code)) for r in rows]

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="One of your applications with its corrections and timeline.",
    )
    async def application(self, info: Info[Context, Any], id: strawberry.ID) -> Application | None:
        try:
            key = uuid.UUID(id)
        except ValueError:
            return None
        row = await ApplicationRow.get_or_none(
            id=key, applicant_id=info.context.principal.account_id
        )
        return await present(row, info.context.loaders) if row else None

    @strawberry.field(
        extensions=access(Level.VERIFIED, *REVIEWERS),
        description="Reviews for your department and level, soonest due first.",
    )
    async def review_queue(self, info: Info[Context, Any], first: int = 50) -> list[ReviewTask]:
        principal = info.context.principal
        officer = await Officer.get(account_id=principal.account_id)
        levels = [
            lvl
            for lvl, role in ((1, Role.REVIEWER), (2, Role.SENIOR_REVIEWER))
            if role in principal.roles
        ]
        reviews = await Review.filter(
            department=officer.unit,
            level__in=levels,
            status__in=[ReviewStatus.PENDING, ReviewStatus.CLAIMED],
        ).limit(500)
        loaders = info.context.loaders
        rows = await asyncio.gather(
            *(loaders.application_by_id.load(review.application_id) for review in reviews)
        )
        tasks = [
            (row.due_date, review, row)
            for review, row in zip(reviews, rows, strict=True)
            if row is not None and row.status is ApplicationStatus.IN_REVIEW
        ]
        tasks.sort(key=lambda t: (t[0], str(t[1].id)))
        page = tasks[: max(1, min(first, 100))]
        await info.context.audit_read(
            operation="reviewQueue",
            target_ids=tuple(dict.fromkeys(f"application:{row.id}" for _, _, row in page)),
        )

        async def task(review: Review, row: ApplicationRow) -> ReviewTask:
            application, changes = await asyncio.gather(
                present(row, loaders), _changes(row, loaders)
            )
            mine = review.reviewer_id == principal.account_id
            return ReviewTask(
                review=ReviewInfo(
                    id=strawberry.ID(str(review.id)),
                    level=review.level,
                    department=review.department,
                    status=review.status,
                    revision=review.revision,
                ),
                application=application,
                changes=changes,
                draft_json=draft_json(review.draft if mine else {}),
                claimed_by_me=mine,
            )

        return list(await asyncio.gather(*(task(review, row) for _, review, row in page)))


@strawberry.type(description="Something changed in your department's review queue: refetch it.")
class ReviewQueueEvent:
    application_number: str
    status: ApplicationStatus


@strawberry.type
class ApplicationSubscription:
    @strawberry.subscription(
        extensions=access(Level.VERIFIED, *REVIEWERS),
        description="Live changes to your department's queue (claims, decisions, new and "
        "resubmitted applications), from any replica.",
    )
    async def review_queue_events(
        self, info: Info[Context, Any]
    ) -> AsyncGenerator[ReviewQueueEvent, None]:
        from palm_customs.core import broadcast

        officer = await Officer.get(account_id=info.context.principal.account_id)
        async with broadcast.current().subscribe(services.queue_channel(officer.unit)) as messages:
            async for message in messages:
                yield ReviewQueueEvent(
                    application_number=str(message.get("applicationNumber", "")),
                    status=ApplicationStatus(str(message.get("status", "in_review"))),
                )
