from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications import drafts, services
from palm_customs.applications.models import Application as ApplicationRow
from palm_customs.applications.models import (
    ApplicationEvent,
    ApplicationStatus,
    CorrectionList,
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


async def present(row: ApplicationRow) -> Application:
    today = clock.today()
    corrections: list[dict[str, str]] = []
    if row.status is ApplicationStatus.CORRECTIONS_REQUIRED:
        for lst in await CorrectionList.filter(
            application_id=row.id, revision=row.revision
        ).order_by("created_at"):
            corrections.extend(lst.items)
    reviews = await Review.filter(application_id=row.id).order_by("revision", "level", "department")
    events = await ApplicationEvent.filter(application_id=row.id).order_by("at", "id")
    return Application.build(
        row,
        days_left=await services.days_left(row, today),
        corrections=corrections,
        reviews=list(reviews),
        events=list(events),
    )


async def _changes(row: ApplicationRow) -> RevisionChanges:
    snapshots = (
        await ApplicationEvent.filter(application_id=row.id, kind__in=["submitted", "resubmitted"])
        .order_by("-id")
        .limit(2)
    )
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
        return [await present(r) for r in rows]

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
        return await present(row) if row else None

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
        tasks = []
        for review in reviews:
            row = await ApplicationRow.get(id=review.application_id)
            if row.status is not ApplicationStatus.IN_REVIEW:
                continue
            tasks.append((row.due_date, review, row))
        tasks.sort(key=lambda t: (t[0], str(t[1].id)))
        shown = tasks[: max(1, min(first, 100))]
        await info.context.audit_read(
            operation="reviewQueue",
            target_ids=tuple(dict.fromkeys(f"application:{row.id}" for _, _, row in shown)),
        )
        return [
            ReviewTask(
                review=ReviewInfo(
                    id=strawberry.ID(str(r.id)),
                    level=r.level,
                    department=r.department,
                    status=r.status,
                    revision=r.revision,
                ),
                application=await present(row),
                changes=await _changes(row),
                draft_json=draft_json(r.draft if r.reviewer_id == principal.account_id else {}),
                claimed_by_me=r.reviewer_id == principal.account_id,
            )
            for _, r, row in shown
        ]


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
