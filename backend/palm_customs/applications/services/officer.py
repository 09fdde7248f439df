"""The officers' side: claim and release a review, keep a draft, decide (pass, corrections,
rejection), and the application's status as its reviews advance.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications import hooks
from palm_customs.applications.errors import ApplicationErrorCode, ApplicationProblem
from palm_customs.applications.models import (
    Application,
    ApplicationStatus,
    CorrectionList,
    Review,
    ReviewStatus,
)
from palm_customs.applications.services.applicant import (
    _event,
    _notify,
    _open_reviews,
)
from palm_customs.applications.services.shared import (
    MAX_CORRECTIONS,
    Changed,
    CorrectionItem,
)
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.principal import Principal, Role
from palm_customs.identity.models import EnterpriseMembership, Officer


async def _officer_unit(connection: BaseDBAsyncClient, principal: Principal) -> str:
    officer = await Officer.get_or_none(account_id=principal.account_id, using_db=connection)
    return officer.unit if officer else ""


async def _review_for(
    connection: BaseDBAsyncClient, principal: Principal, review_id: str
) -> tuple[Review, Application]:
    try:
        key = uuid.UUID(review_id)
    except ValueError:
        raise ApplicationProblem(ApplicationErrorCode.NOT_FOUND) from None
    review = await Review.get_or_none(id=key, using_db=connection)
    if review is None:
        raise ApplicationProblem(ApplicationErrorCode.NOT_FOUND)
    if review.department != await _officer_unit(connection, principal):
        raise ApplicationProblem(ApplicationErrorCode.NOT_YOUR_DEPARTMENT)
    needed = Role.REVIEWER if review.level == 1 else Role.SENIOR_REVIEWER
    if needed not in principal.roles:
        raise ApplicationProblem(ApplicationErrorCode.NOT_YOUR_DEPARTMENT)
    application = await Application.get(id=review.application_id, using_db=connection)
    # Separation of duties: not your own, not your enterprise's, and a second pair of eyes.
    if application.applicant_id == principal.account_id:
        raise ApplicationProblem(ApplicationErrorCode.OWN_APPLICATION)
    if (
        application.enterprise_id
        and await EnterpriseMembership.filter(
            enterprise_id=application.enterprise_id, account_id=principal.account_id
        )
        .using_db(connection)
        .exists()
    ):
        raise ApplicationProblem(ApplicationErrorCode.OWN_APPLICATION)
    if (
        review.level == 2
        and await Review.filter(
            application_id=application.id, level=1, reviewer_id=principal.account_id
        )
        .using_db(connection)
        .exists()
    ):
        raise ApplicationProblem(ApplicationErrorCode.SAME_REVIEWER)
    return review, application


async def claim(connection: BaseDBAsyncClient, *, principal: Principal, review_id: str) -> Changed:
    review, application = await _review_for(connection, principal, review_id)
    claimed = (
        await Review.filter(id=review.id, status=ReviewStatus.PENDING)
        .using_db(connection)
        .update(
            status=ReviewStatus.CLAIMED,
            reviewer_id=principal.account_id,
            claimed_at=clock.now(),
        )
    )
    if claimed != 1:
        raise ApplicationProblem(ApplicationErrorCode.ALREADY_CLAIMED)
    await _event(
        connection,
        application,
        "review_claimed",
        principal.actor,
        department=review.department,
        level=review.level,
    )
    return Changed(application)


async def release(
    connection: BaseDBAsyncClient, *, principal: Principal, review_id: str
) -> Changed:
    review, application = await _review_for(connection, principal, review_id)
    released = (
        await Review.filter(
            id=review.id, status=ReviewStatus.CLAIMED, reviewer_id=principal.account_id
        )
        .using_db(connection)
        .update(status=ReviewStatus.PENDING, reviewer_id=None, claimed_at=None)
    )
    if released != 1:
        raise ApplicationProblem(ApplicationErrorCode.NOT_CLAIMED_BY_YOU)
    return Changed(application)


async def save_review_draft(
    connection: BaseDBAsyncClient, *, principal: Principal, review_id: str, draft: dict[str, Any]
) -> Changed:
    review, application = await _review_for(connection, principal, review_id)
    if review.status is not ReviewStatus.CLAIMED or review.reviewer_id != principal.account_id:
        raise ApplicationProblem(ApplicationErrorCode.NOT_CLAIMED_BY_YOU)
    await Review.filter(id=review.id).using_db(connection).update(draft=draft)
    return Changed(application)


def _valid_targets(application: Application) -> set[str]:
    snapshot = application.item_snapshot
    return {f"field:{f['element']}" for f in snapshot["form"]} | {
        f"material:{m['material']}" for m in snapshot["materials"]
    }


async def decide(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    review_id: str,
    outcome: ReviewStatus,
    corrections: list[CorrectionItem],
) -> Changed:
    """Record one review's outcome, then move the application when its level is complete."""
    review, application = await _review_for(connection, principal, review_id)
    if review.status is not ReviewStatus.CLAIMED or review.reviewer_id != principal.account_id:
        raise ApplicationProblem(ApplicationErrorCode.NOT_CLAIMED_BY_YOU)
    if (
        application.status is not ApplicationStatus.IN_REVIEW
        or review.revision != application.revision
    ):
        raise ApplicationProblem(ApplicationErrorCode.WRONG_STATE)
    if outcome is ReviewStatus.CORRECTIONS:
        check = Validator()
        if not 1 <= len(corrections) <= MAX_CORRECTIONS:
            check.problems.append(
                FieldProblem(
                    "corrections",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 1, "high": MAX_CORRECTIONS},
                )
            )
        targets = _valid_targets(application)
        for index, item in enumerate(corrections[:MAX_CORRECTIONS]):
            if item.target not in targets:
                check.problems.append(
                    FieldProblem(f"corrections.{index}.target", ValidationErrorCode.INVALID_CHOICE)
                )
            check.text(f"corrections.{index}.problem", item.problem, max_len=500)
            check.text(f"corrections.{index}.action", item.action, max_len=500)
        check.raise_if_any()
        await CorrectionList.create(
            using_db=connection,
            id=uuid.uuid4(),
            application_id=application.id,
            review_id=review.id,
            revision=review.revision,
            items=[
                {
                    "target": c.target,
                    "problem": c.problem.strip(),
                    "action": c.action.strip(),
                    "department": review.department,
                }
                for c in corrections
            ],
            created_at=clock.now(),
        )
    now = clock.now()
    await (
        Review.filter(id=review.id)
        .using_db(connection)
        .update(status=outcome, decided_at=now, draft={})
    )
    await _event(
        connection,
        application,
        f"review_{outcome.value}",
        principal.actor,
        department=review.department,
        level=review.level,
    )
    await _advance(connection, application, level=review.level, now=now)
    return Changed(application)


async def _advance(
    connection: BaseDBAsyncClient, application: Application, *, level: int, now: datetime
) -> None:
    reviews = (
        await Review.filter(
            application_id=application.id, revision=application.revision, level=level
        )
        .exclude(status=ReviewStatus.CANCELLED)
        .using_db(connection)
    )
    statuses = {r.status for r in reviews}
    if ReviewStatus.REJECTED in statuses:
        await (
            Review.filter(
                application_id=application.id,
                status__in=[ReviewStatus.PENDING, ReviewStatus.CLAIMED],
            )
            .using_db(connection)
            .update(status=ReviewStatus.CANCELLED)
        )
        await _set_status(connection, application, ApplicationStatus.REJECTED, now)
        return
    if statuses & {ReviewStatus.PENDING, ReviewStatus.CLAIMED}:
        return  # parallel reviews still open: the applicant hears once, with everything
    if ReviewStatus.CORRECTIONS in statuses:
        await _set_status(connection, application, ApplicationStatus.CORRECTIONS_REQUIRED, now)
        return
    if level == 1 and int(application.item_snapshot["review_levels"]) == 2:
        await _open_reviews(connection, application, level=2)
        return
    await _set_status(connection, application, ApplicationStatus.PASSED, now)


async def _set_status(
    connection: BaseDBAsyncClient,
    application: Application,
    status: ApplicationStatus,
    now: datetime,
) -> None:
    changes: dict[str, Any] = {"status": status}
    if status is ApplicationStatus.CORRECTIONS_REQUIRED:
        changes["paused_since"] = clock.day_of(now)
    if status in (ApplicationStatus.PASSED, ApplicationStatus.REJECTED):
        changes["decided_at"] = now
    await Application.filter(id=application.id).using_db(connection).update(**changes)
    application.status = status
    await _event(connection, application, status.value, "system")
    if status is ApplicationStatus.REJECTED:
        await hooks.closed(connection, application)
    await _notify(connection, application)
