"""What other domains ask of applications: a passed pre-review (appointments), and which
officers may see a document and which documents are in use (the document vault).
"""

from __future__ import annotations

import uuid

from palm_customs.applications.models import (
    Application,
    ApplicationStatus,
)
from palm_customs.applications.services.officer import _officer_unit
from palm_customs.core.principal import Principal, Role
from palm_customs.documents import services as vault


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
