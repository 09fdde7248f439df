from __future__ import annotations

import json
from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from palm_customs.applications.errors import (
    ApplicationDraftConflict,
    ApplicationErrorCode,
    ApplicationProblem,
)
from palm_customs.applications.models import Application as ApplicationRow
from palm_customs.applications.models import ApplicationDraft as ApplicationDraftRow
from palm_customs.applications.models import ApplicationStatus, ReviewStatus
from palm_customs.catalogue.models import HandlingMode
from palm_customs.catalogue.types import localized
from palm_customs.context import Context
from palm_customs.core.i18n import translate
from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import LocalizedText, ValidationError

# The domain's error codes are a plain enum (errors.py); published here as a GraphQL enum.
strawberry.enum(
    ApplicationErrorCode, description="Why an application or review action was refused."
)

strawberry.enum(ApplicationStatus, description="Where an application stands.")
strawberry.enum(ReviewStatus, description="Where one department's review stands.")


async def _appointment_next(root: Application, info: Info[Context, Any]) -> bool:
    """A passed pre-review whose service is finished at a window: the person books next."""
    if root.status is not ApplicationStatus.PASSED:
        return False
    item = await info.context.loaders.service_item_by_code.load(root.item_code)
    return item is not None and item.handling_mode is HandlingMode.PREREVIEW_THEN_ONSITE


@strawberry.type(description="An application or review action was refused.")
class ApplicationError:
    application_code: ApplicationErrorCode
    message: str
    field: str | None


@strawberry.type(
    description="The draft was changed on another device since this one last synced: here is "
    "the server's copy, for the person to choose which to keep."
)
class ApplicationDraftConflictError:
    code: ApplicationErrorCode
    message: str
    server_version: int
    server_data_json: str
    updated_at: str
    device: str


# How the API answers each of the domain's exceptions (installed by schema.build_schema).
ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        ApplicationProblem,
        lambda e, c: ApplicationError(
            application_code=e.error_code,
            message=translate(f"application.{e.code}", c.language),
            field=e.field,
        ),
    ),
    maps(
        ApplicationDraftConflict,
        lambda e, c: ApplicationDraftConflictError(
            code=e.error_code,
            message=translate("application.draft_conflict", c.language),
            server_version=e.server_version,
            server_data_json=json.dumps(e.server_data, ensure_ascii=False),
            updated_at=e.updated_at,
            device=e.device,
        ),
    ),
)


@strawberry.input
class FormValueInput:
    element: str
    value: str


@strawberry.input
class MaterialRefInput:
    material: str
    document_id: strawberry.ID


@strawberry.input
class CorrectionItemInput:
    target: str = strawberry.field(description='"field:<ELEMENT>" or "material:<CODE>"')
    problem: str
    action: str


@strawberry.type
class FormValue:
    element: str
    value: str


@strawberry.type
class MaterialRef:
    material: str
    document_id: strawberry.ID


@strawberry.type(description="One entry of a correction list: what is wrong and what to do.")
class Correction:
    target: str
    problem: str
    action: str
    department: str


@strawberry.type
class TimelineEntry:
    at: datetime
    kind: str
    actor: str


@strawberry.type
class ReviewInfo:
    id: strawberry.ID
    level: int
    department: str
    status: ReviewStatus
    revision: int


@strawberry.type(description="An application and everything its applicant may see.")
class Application:
    id: strawberry.ID
    number: str
    item_code: str
    item_version: int
    item_name: LocalizedText
    status: ApplicationStatus
    revision: int
    form: list[FormValue]
    materials: list[MaterialRef]
    submitted_at: datetime
    due_date: date
    days_left: int
    paused: bool
    corrections: list[Correction] = strawberry.field(
        description="When corrections are required: every department's list for this revision."
    )
    reviews: list[ReviewInfo]
    timeline: list[TimelineEntry]
    rating: int | None
    appointment_next: bool = strawberry.field(
        resolver=_appointment_next,
        description="The pre-review passed and the service is finished at a window: book an "
        "appointment next.",
    )

    @classmethod
    def build(
        cls,
        row: ApplicationRow,
        *,
        days_left: int,
        corrections: list[dict[str, str]],
        reviews: list[Any],
        events: list[Any],
    ) -> Application:
        name = localized(row.item_snapshot["names"])
        assert name is not None
        return cls(
            id=strawberry.ID(str(row.id)),
            number=row.number,
            item_code=row.item_code,
            item_version=row.item_version,
            item_name=name,
            status=row.status,
            revision=row.revision,
            form=[FormValue(element=k, value=v) for k, v in sorted(row.form_data.items())],
            materials=[
                MaterialRef(material=m["material"], document_id=strawberry.ID(m["document_id"]))
                for m in row.materials
            ],
            submitted_at=row.submitted_at,
            due_date=row.due_date,
            days_left=days_left,
            paused=row.paused_since is not None,
            corrections=[Correction(**c) for c in corrections],
            reviews=[
                ReviewInfo(
                    id=strawberry.ID(str(r.id)),
                    level=r.level,
                    department=r.department,
                    status=r.status,
                    revision=r.revision,
                )
                for r in reviews
            ],
            timeline=[
                TimelineEntry(
                    at=e.at,
                    kind=e.kind,
                    actor="officer"
                    if e.actor.startswith("account:") and e.kind.startswith("review")
                    else e.actor,
                )
                for e in events
            ],
            rating=row.rating,
        )


@strawberry.type(description="What changed since the last review (for the reviewer).")
class RevisionChanges:
    fields: list[str]
    materials: list[str]


@strawberry.type
class ReviewTask:
    review: ReviewInfo
    application: Application
    changes: RevisionChanges
    draft_json: str
    claimed_by_me: bool


@strawberry.type
class ApplicationDone:
    application_id: strawberry.ID
    status: ApplicationStatus


ApplicationResult = Annotated[
    ApplicationDone | ValidationError | ApplicationError, strawberry.union("ApplicationResult")
]


def draft_json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


@strawberry.type(description="An application being filled in, as last synced from a device.")
class ApplicationDraftInfo:
    id: strawberry.ID
    item_code: str
    item_name: LocalizedText | None = strawberry.field(
        description="The item's name as currently published (none if it was withdrawn)."
    )
    enterprise_id: strawberry.ID | None
    version: int
    data_json: str
    updated_at: datetime
    device: str

    @classmethod
    def from_row(
        cls, row: ApplicationDraftRow, *, item_names: dict[str, str] | None = None
    ) -> ApplicationDraftInfo:
        return cls(
            id=strawberry.ID(str(row.id)),
            item_code=row.item_code,
            item_name=localized(item_names),
            enterprise_id=strawberry.ID(str(row.enterprise_id)) if row.enterprise_id else None,
            version=row.version,
            data_json=json.dumps(row.data, ensure_ascii=False),
            updated_at=row.updated_at,
            device=row.device,
        )


@strawberry.type
class ApplicationDraftSaved:
    draft: ApplicationDraftInfo


@strawberry.type
class ApplicationDraftDeleted:
    item_code: str


ApplicationDraftSaveResult = Annotated[
    ApplicationDraftSaved | ApplicationDraftConflictError | ApplicationError | ValidationError,
    strawberry.union("ApplicationDraftSaveResult"),
]
ApplicationDraftDeleteResult = Annotated[
    ApplicationDraftDeleted | ApplicationError, strawberry.union("ApplicationDraftDeleteResult")
]
