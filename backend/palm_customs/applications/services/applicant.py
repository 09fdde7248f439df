"""The applicant's side: submit, resubmit after corrections, withdraw, rate."""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from palm_customs.applications import hooks, workdays
from palm_customs.applications.errors import ApplicationErrorCode, ApplicationProblem
from palm_customs.applications.models import (
    Application,
    ApplicationDraft,
    ApplicationEvent,
    ApplicationStatus,
    Review,
    ReviewStatus,
)
from palm_customs.applications.services.deadlines import calendar
from palm_customs.applications.services.shared import (
    _NUMBER_ALPHABET,
    Changed,
    MaterialRef,
)
from palm_customs.applications.services.validation import validate
from palm_customs.catalogue.models import HandlingMode, ServiceItem
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator
from palm_customs.core.i18n import Language, translate
from palm_customs.core.principal import Principal
from palm_customs.identity.models import EnterpriseMembership, MembershipStatus
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType


def _new_number(now: datetime) -> str:
    return (
        "A" + now.strftime("%y%m%d") + "".join(secrets.choice(_NUMBER_ALPHABET) for _ in range(6))
    )


async def _event(
    connection: BaseDBAsyncClient, application: Application, kind: str, actor: str, **detail: Any
) -> None:
    await ApplicationEvent.create(
        using_db=connection,
        application_id=application.id,
        at=clock.now(),
        kind=kind,
        actor=actor,
        detail=detail,
    )


async def _notify(connection: BaseDBAsyncClient, application: Application) -> None:
    names = application.item_snapshot["names"]
    await notifications.notify(
        connection,
        recipient_id=application.applicant_id,
        message=notifications.Message(
            type=NotificationType.PREREVIEW_RESULT,
            subject=f"application:{application.number}",
            subject_version=application.revision,
            title_key="notify.prereview.title",
            body_key="notify.prereview.body",
            params={
                "number": application.number,
                "status": {
                    lang: translate(f"status.{application.status.value}", Language(lang))
                    for lang in ("zh-Hans", "zh-Hant", "en")
                },
                "item": names,
            },
            link=f"/services/applications/{application.id}",
        ),
    )


async def _open_reviews(
    connection: BaseDBAsyncClient, application: Application, level: int
) -> None:
    departments = list(application.item_snapshot["departments"])
    departments = departments if level == 1 else departments[:1]
    for department in departments:
        await Review.create(
            using_db=connection,
            id=uuid.uuid4(),
            application_id=application.id,
            revision=application.revision,
            level=level,
            department=department,
        )


async def acting_for(
    connection: BaseDBAsyncClient, principal: Principal, enterprise_id: str | None
) -> uuid.UUID | None:
    if not enterprise_id:
        return None
    try:
        key = uuid.UUID(enterprise_id)
    except ValueError:
        raise ApplicationProblem(ApplicationErrorCode.NOT_A_MEMBER, field="enterpriseId") from None
    member = (
        await EnterpriseMembership.filter(
            enterprise_id=key, account_id=principal.account_id, status=MembershipStatus.ACTIVE
        )
        .using_db(connection)
        .exists()
    )
    if not member:
        raise ApplicationProblem(ApplicationErrorCode.NOT_A_MEMBER, field="enterpriseId")
    return key


async def online_item(connection: BaseDBAsyncClient, item_code: str) -> ServiceItem:
    """The published item `item_code` names, if it can be applied for online."""
    item = await ServiceItem.get_or_none(
        code=item_code.strip().upper()[:40], published=True, using_db=connection
    )
    if item is None:
        raise ApplicationProblem(ApplicationErrorCode.ITEM_NOT_FOUND, field="itemCode")
    if item.handling_mode is HandlingMode.ONSITE_ONLY:
        raise ApplicationProblem(ApplicationErrorCode.NOT_ONLINE, field="itemCode")
    return item


async def submit(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    item_code: str,
    form_data: dict[str, str],
    materials: list[MaterialRef],
    idempotency_key: str,
    enterprise_id: str | None,
) -> Changed:
    key = idempotency_key.strip()
    if not re.fullmatch(r"[A-Za-z0-9\-_]{8,64}", key):
        raise ValidationFailed([FieldProblem("idempotencyKey", ValidationErrorCode.INVALID_FORMAT)])
    existing = await Application.get_or_none(
        applicant_id=principal.account_id, idempotency_key=key, using_db=connection
    )
    if existing is not None:
        return Changed(existing)
    item = await online_item(connection, item_code)
    enterprise = await acting_for(connection, principal, enterprise_id)
    clean_form, clean_materials = await validate(
        connection,
        principal=principal,
        item=item,
        form_data=form_data,
        materials=materials,
        enterprise_id=enterprise,
    )
    now = clock.now()
    holidays, extra = await calendar(connection)
    assert principal.account_id is not None
    try:
        application = await Application.create(
            using_db=connection,
            id=uuid.uuid4(),
            number=_new_number(now),
            applicant_id=principal.account_id,
            enterprise_id=enterprise,
            item_code=item.code,
            item_version=item.version,
            item_snapshot=dict(item.data),
            status=ApplicationStatus.IN_REVIEW,
            form_data=clean_form,
            materials=clean_materials,
            idempotency_key=key,
            submitted_at=now,
            due_date=workdays.add_working_days(
                clock.day_of(now),
                int(item.data["time_limit_days"]),
                holidays=holidays,
                extra_workdays=extra,
            ),
        )
    except IntegrityError:
        raise ApplicationProblem(ApplicationErrorCode.WRONG_STATE) from None
    await _event(
        connection,
        application,
        "submitted",
        principal.actor,
        revision=1,
        form=clean_form,
        materials=clean_materials,
    )
    await _open_reviews(connection, application, level=1)
    await _notify(connection, application)
    # The draft it was made from (on any device) is done with.
    await (
        ApplicationDraft.filter(account_id=principal.account_id, item_code=item.code)
        .using_db(connection)
        .delete()
    )
    return Changed(application)


async def _own(
    connection: BaseDBAsyncClient, principal: Principal, application_id: str
) -> Application:
    try:
        key = uuid.UUID(application_id)
    except ValueError:
        raise ApplicationProblem(ApplicationErrorCode.NOT_FOUND) from None
    row = await Application.get_or_none(
        id=key, applicant_id=principal.account_id, using_db=connection
    )
    if row is None:
        raise ApplicationProblem(ApplicationErrorCode.NOT_FOUND)
    return row


async def resubmit(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    application_id: str,
    form_data: dict[str, str],
    materials: list[MaterialRef],
) -> Changed:
    """Fix what the corrections asked for; the time limit resumes where it paused."""
    application = await _own(connection, principal, application_id)
    if application.status is not ApplicationStatus.CORRECTIONS_REQUIRED:
        raise ApplicationProblem(ApplicationErrorCode.WRONG_STATE)
    item = ServiceItem(code=application.item_code, data=application.item_snapshot)
    clean_form, clean_materials = await validate(
        connection,
        principal=principal,
        item=item,
        form_data=form_data,
        materials=materials,
        enterprise_id=application.enterprise_id,
    )
    if clean_form == application.form_data and clean_materials == application.materials:
        raise ApplicationProblem(ApplicationErrorCode.NOTHING_CHANGED)
    today = clock.today()
    holidays, extra = await calendar(connection)
    assert application.paused_since is not None
    paused = workdays.working_days_between(
        application.paused_since, today, holidays=holidays, extra_workdays=extra
    )
    due = workdays.add_working_days(
        application.due_date, paused, holidays=holidays, extra_workdays=extra
    )
    revision = application.revision + 1
    updated = (
        await Application.filter(
            id=application.id,
            status=ApplicationStatus.CORRECTIONS_REQUIRED,
            revision=application.revision,
        )
        .using_db(connection)
        .update(
            status=ApplicationStatus.IN_REVIEW,
            revision=revision,
            form_data=clean_form,
            materials=clean_materials,
            due_date=due,
            paused_since=None,
        )
    )
    if updated != 1:
        raise ApplicationProblem(ApplicationErrorCode.WRONG_STATE)
    application.status, application.revision = ApplicationStatus.IN_REVIEW, revision
    application.form_data, application.materials = clean_form, clean_materials
    application.due_date, application.paused_since = due, None
    await _event(
        connection,
        application,
        "resubmitted",
        principal.actor,
        revision=revision,
        form=clean_form,
        materials=clean_materials,
    )
    await _open_reviews(connection, application, level=1)
    await _notify(connection, application)
    return Changed(application)


async def withdraw(
    connection: BaseDBAsyncClient, *, principal: Principal, application_id: str
) -> Changed:
    application = await _own(connection, principal, application_id)
    updated = (
        await Application.filter(
            id=application.id,
            status__in=[ApplicationStatus.IN_REVIEW, ApplicationStatus.CORRECTIONS_REQUIRED],
        )
        .using_db(connection)
        .update(status=ApplicationStatus.WITHDRAWN, decided_at=clock.now())
    )
    if updated != 1:
        raise ApplicationProblem(ApplicationErrorCode.WRONG_STATE)
    await (
        Review.filter(
            application_id=application.id, status__in=[ReviewStatus.PENDING, ReviewStatus.CLAIMED]
        )
        .using_db(connection)
        .update(status=ReviewStatus.CANCELLED)
    )
    application.status = ApplicationStatus.WITHDRAWN
    await _event(connection, application, "withdrawn", principal.actor)
    await hooks.closed(connection, application)
    await _notify(connection, application)
    return Changed(application)


async def rate(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    application_id: str,
    rating: int,
    comment: str,
) -> Changed:
    application = await _own(connection, principal, application_id)
    if application.status not in (ApplicationStatus.PASSED, ApplicationStatus.REJECTED):
        raise ApplicationProblem(ApplicationErrorCode.WRONG_STATE)
    check = Validator()
    check.int_range("rating", rating, low=1, high=5)
    clean = check.text("comment", comment, required=False, max_len=500)
    check.raise_if_any()
    await (
        Application.filter(id=application.id)
        .using_db(connection)
        .update(rating=rating, rating_comment=clean)
    )
    await _event(connection, application, "rated", principal.actor, rating=rating)
    return Changed(application)
