"""Applications and their online pre-review. No GraphQL here.

An application freezes the item's version, is checked against the item's form (data
dictionary) and materials, and is reviewed by each department in parallel (all must pass),
then at a second level when the item requires it. A review that finds problems sends one
complete list of corrections; the applicant sees the union of every department's list at once,
fixes only those entries and resubmits; the time limit pauses meanwhile.
"""

from __future__ import annotations

import logging
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from palm_customs.applications import workdays
from palm_customs.applications.errors import ApplicationErrorCode, ApplicationProblem
from palm_customs.applications.models import (
    Application,
    ApplicationDraft,
    ApplicationEvent,
    ApplicationStatus,
    CorrectionList,
    Holiday,
    Review,
    ReviewStatus,
)
from palm_customs.catalogue.models import DataElement, HandlingMode, ServiceItem
from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator
from palm_customs.core.i18n import Language, translate
from palm_customs.core.principal import Principal, Role
from palm_customs.documents import services as vault
from palm_customs.identity import documents as id_documents
from palm_customs.identity.models import EnterpriseMembership, MembershipStatus, Officer
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType

logger = logging.getLogger(__name__)

MAX_MATERIALS = 40
MAX_CORRECTIONS = 50
_NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")


@dataclass(frozen=True, slots=True)
class MaterialRef:
    material: str
    document_id: str


@dataclass(frozen=True, slots=True)
class CorrectionItem:
    target: str  # "field:<ELEMENT>" or "material:<CODE>"
    problem: str
    action: str


@dataclass(frozen=True, slots=True)
class Changed:
    application: Application

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"application:{self.application.id}",)


def queue_channel(department: str) -> str:
    return f"reviews:{department}"


async def publish_queue_events(changed: Changed) -> None:
    """Tell every officer watching the queues of the application's departments (any replica)
    that something changed, after the change committed."""
    from palm_customs.core import broadcast

    application = changed.application
    departments = sorted(set(application.item_snapshot.get("departments", [])))
    message = {"applicationNumber": application.number, "status": application.status.value}
    for department in departments:
        try:
            await broadcast.current().publish(queue_channel(department), message)
        except Exception:  # committed already: a lost live update must not fail the request
            logger.exception("could not publish a queue event for %s", application.number)


# ------------------------------------------------------------------ calendar


async def calendar(connection: BaseDBAsyncClient | None = None) -> tuple[set[date], set[date]]:
    rows = await Holiday.all().using_db(connection)
    return {r.day for r in rows if not r.working}, {r.day for r in rows if r.working}


async def seed_holidays() -> int:
    created = 0
    for day, name in workdays.DEMO_HOLIDAYS:
        _, new = await Holiday.get_or_create(day=date.fromisoformat(day), defaults={"name": name})
        created += int(new)
    return created


async def days_left(application: Application, today: date) -> int:
    holidays, extra = await calendar()
    reference = application.paused_since or today
    return workdays.working_days_between(
        reference, application.due_date, holidays=holidays, extra_workdays=extra
    )


# ------------------------------------------------------------------ validation


def _check_value(check: Validator, path: str, element: DataElement, value: str) -> str:
    rule = element.rule or {}
    cleaned = value.strip()
    kind = element.format
    if kind == "text":
        return check.text(path, cleaned, max_len=int(rule.get("max_len", 500)))  # type: ignore[call-overload]
    if kind == "uscc":
        try:
            return id_documents.parse_uscc(cleaned).code
        except id_documents.DocumentNumberInvalid as error:
            code = (
                ValidationErrorCode.CHECK_DIGIT
                if error.reason == "check_digit"
                else ValidationErrorCode.INVALID_FORMAT
            )
            check.problems.append(FieldProblem(path, code))
            return cleaned
    if (kind == "phone" and not _PHONE.match(cleaned)) or (
        kind == "pattern" and not re.fullmatch(str(rule.get("pattern", ".*")), cleaned)
    ):
        check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_FORMAT))
    elif kind == "choice" and cleaned not in list(rule.get("choices", [])):  # type: ignore[call-overload]
        check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_CHOICE))
    elif kind == "money":
        try:
            amount = Decimal(cleaned)
            if (
                not amount.is_finite()
                or amount < 0
                or amount > Decimal(str(rule.get("max", "1000000000")))
            ):
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            check.problems.append(
                FieldProblem(
                    path,
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 0, "high": rule.get("max", 1_000_000_000)},
                )
            )
    elif kind == "date":
        try:
            date.fromisoformat(cleaned)
        except ValueError:
            check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_FORMAT))
    return cleaned


async def _document_usable(
    connection: BaseDBAsyncClient,
    principal: Principal,
    material: str,
    document_id: str,
    enterprise_id: uuid.UUID | None,
    frozen: dict[str, Any] | None,
) -> bool:
    """The document vault decides (its own module): owned by the applicant and usable for the
    material today, under the rules the item version froze (`frozen`)."""
    return bool(
        await vault.usable_by(
            connection,
            principal=principal,
            document_id=document_id,
            material_code=material,
            enterprise_id=enterprise_id,
            on=clock.today(),
            frozen=frozen,
        )
    )


async def validate(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    item: ServiceItem,
    form_data: dict[str, str],
    materials: list[MaterialRef],
    enterprise_id: uuid.UUID | None,
) -> tuple[dict[str, str], list[dict[str, str]]]:
    check = Validator()
    data = item.data
    form_fields: list[dict[str, Any]] = list(data["form"])
    known = {f["element"] for f in form_fields}
    elements = {
        e.code: e for e in await DataElement.filter(code__in=list(known)).using_db(connection)
    }
    clean_form: dict[str, str] = {}
    for key in form_data:
        if key not in known:
            check.problems.append(
                FieldProblem(f"input.formData.{key}", ValidationErrorCode.INVALID_CHOICE)
            )
    for field in form_fields:
        code = field["element"]
        value = str(form_data.get(code, "")).strip()
        path = f"input.formData.{code}"
        if not value:
            if field["required"]:
                check.problems.append(FieldProblem(path, ValidationErrorCode.REQUIRED))
            continue
        clean_form[code] = _check_value(check, path, elements[code], value[:5000])
    wanted = {m["material"]: m["required"] for m in data["materials"]}
    frozen: dict[str, dict[str, Any]] = {
        m["material"]: m["type"] for m in data["materials"] if "type" in m
    }
    given: dict[str, str] = {}
    if len(materials) > MAX_MATERIALS:
        check.problems.append(
            FieldProblem(
                "input.materials",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 0, "high": MAX_MATERIALS},
            )
        )
    for index, ref in enumerate(materials[:MAX_MATERIALS]):
        path = f"input.materials.{index}.material"
        if ref.material not in wanted:
            check.problems.append(FieldProblem(path, ValidationErrorCode.INVALID_CHOICE))
        elif not await _document_usable(
            connection,
            principal,
            ref.material,
            ref.document_id,
            enterprise_id,
            frozen.get(ref.material),
        ):
            check.problems.append(
                FieldProblem(
                    f"input.materials.{index}.documentId", ValidationErrorCode.INVALID_CHOICE
                )
            )
        else:
            given[ref.material] = ref.document_id
    for code, required in wanted.items():
        if required and code not in given:
            check.problems.append(
                FieldProblem(f"input.materials.{code}", ValidationErrorCode.REQUIRED)
            )
    check.raise_if_any()
    return clean_form, [{"material": m, "document_id": d} for m, d in sorted(given.items())]


# ------------------------------------------------------------------ applicant side


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


# ------------------------------------------------------------------ officer side


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
    await _notify(connection, application)


# ------------------------------------------------------------------ for other domains


async def prereview_passed(account_id: uuid.UUID, item_code: str, application_id: str) -> bool:
    """Appointments ask this before booking an item that needs pre-review."""
    try:
        key = uuid.UUID(application_id)
    except ValueError:
        return False
    return await Application.filter(
        id=key, applicant_id=account_id, item_code=item_code, status=ApplicationStatus.PASSED
    ).exists()


async def officer_may_view(officer: Principal, document_id: uuid.UUID) -> bool:
    """The vault asks this before serving a file to an officer: only a reviewer of the
    department reviewing an application that uses the document."""
    if not (officer.roles & {Role.REVIEWER, Role.SENIOR_REVIEWER}):
        return False
    unit = await _officer_unit(None, officer)  # type: ignore[arg-type]
    rows = (
        await Application.filter(reviews__department=unit)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .distinct()
        .values_list("materials", flat=True)
    )
    wanted = str(document_id)
    return any(m.get("document_id") == wanted for materials in rows for m in materials)


async def document_in_use(document_id: uuid.UUID) -> bool:
    """A document an open application relies on cannot be deleted from the vault."""
    wanted = str(document_id)
    rows = await Application.filter(
        status__in=[
            ApplicationStatus.IN_REVIEW,
            ApplicationStatus.CORRECTIONS_REQUIRED,
            ApplicationStatus.PASSED,
        ]
    ).values_list("materials", flat=True)
    return any(m.get("document_id") == wanted for materials in rows for m in materials)


def register_with_vault() -> None:
    vault.register_officer_grant(officer_may_view)
    vault.register_usage_check(document_in_use)


# Applications tell the document vault which officers may see a file and which files are in use.
register_with_vault()
