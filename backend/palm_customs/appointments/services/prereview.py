"""Which items need a passed online pre-review before their on-site step, and the check of it."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications import services as applications
from palm_customs.applications.models import Application
from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.catalogue.models import HandlingMode, ServiceItem
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed

# Catalogue items whose on-site step needs a passed online pre-review first. The catalogue
# (palm_customs.catalogue.models.ServiceItem) is the source of truth when it knows the item;
# this mapping covers the demo items until then.
PREREVIEW_ITEMS = frozenset(
    {
        "PETS_ENTRY",
        "DUTY_EXEMPTION",
        "POSTAL_ARTICLES",
        "PROCESSING_TRADE_MANUAL",
        "BONDED_WAREHOUSE",
        "AEO_CERTIFICATION",
        "TEMPORARY_ADMISSION",
    }
)


async def requires_prereview(item_code: str, connection: BaseDBAsyncClient | None = None) -> bool:
    """Whether the item's on-site step needs a passed online pre-review (handling mode)."""
    row = await ServiceItem.filter(code=item_code).using_db(connection).first()
    if row is not None:
        return bool(row.handling_mode == HandlingMode.PREREVIEW_THEN_ONSITE)
    return item_code in PREREVIEW_ITEMS


async def prereview_passed(account_id: uuid.UUID, item_code: str, application_id: str) -> bool:
    """Whether `application_id` is this person's application for the item with a passed
    pre-review.

    The applications domain answers (appointments sits above it: pyproject.toml's contracts).
    """
    return await applications.prereview_passed(account_id, item_code, application_id)


async def application_is_theirs(
    account_id: uuid.UUID,
    item_code: str,
    application_id: str,
    connection: BaseDBAsyncClient | None = None,
) -> bool:
    """Whether `application_id` is this person's own application for the item."""
    try:
        key = uuid.UUID(application_id)
    except ValueError:
        return False
    return bool(
        await Application.filter(id=key, applicant_id=account_id, item_code=item_code)
        .using_db(connection)
        .exists()
    )


async def _check_application(
    connection: BaseDBAsyncClient,
    *,
    account_id: uuid.UUID,
    item_code: str,
    application_id: str | None,
) -> str | None:
    application = (application_id or "").strip() or None
    if application is not None and len(application) > 40:
        raise ValidationFailed(
            [FieldProblem("applicationId", ValidationErrorCode.TOO_LONG, {"limit": 40})]
        )
    # Every reference an input carries is checked, not only the object acted on: another
    # person's application (or one for another item) is "not found", and never stored.
    if application is not None and not await application_is_theirs(
        account_id, item_code, application, connection
    ):
        raise AppointmentProblem(AppointmentErrorCode.NOT_FOUND, field="applicationId")
    if await requires_prereview(item_code, connection):
        if application is None:
            raise AppointmentProblem(AppointmentErrorCode.PREREVIEW_REQUIRED, field="applicationId")
        if not await prereview_passed(account_id, item_code, application):
            raise AppointmentProblem(
                AppointmentErrorCode.PREREVIEW_NOT_PASSED, field="applicationId"
            )
    return application
