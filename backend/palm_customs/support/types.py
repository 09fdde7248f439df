from __future__ import annotations

import datetime
from typing import Annotated, Any

import strawberry

from palm_customs.core.i18n import Language
from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import ValidationError
from palm_customs.support.errors import FeedbackErrorCode, FeedbackProblem
from palm_customs.support.models import Feedback, FeedbackKind, FeedbackStatus

strawberry.enum(FeedbackErrorCode, description="Why a feedback action was refused.")
strawberry.enum(
    FeedbackKind, description="Feedback, a complaint, a suggestion or a report (may be anonymous)."
)
strawberry.enum(FeedbackStatus, description="Where a feedback item is.")


@strawberry.type(description="A feedback action was refused.")
class FeedbackError:
    code: FeedbackErrorCode
    message: str
    field: str | None


ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        FeedbackProblem,
        lambda e, c: FeedbackError(code=e.error_code, message=e.message(c.language), field=e.field),
    ),
)


@strawberry.input
class FeedbackSubmitInput:
    message: str
    page: str = ""
    language: Language = Language.ZH_HANS
    kind: FeedbackKind = FeedbackKind.FEEDBACK
    anonymous: bool = strawberry.field(
        default=False,
        description="Send without the account (always so when signed out); a tracking code"
        " is given instead.",
    )


@strawberry.type
class FeedbackSubmitSuccess:
    feedback_id: strawberry.ID
    reference: str
    due_date: datetime.date
    tracking_code: str | None = strawberry.field(
        description="Only for an anonymous sender, shown once: with the reference it shows the"
        " status and the answers."
    )


FeedbackSubmitResult = Annotated[
    FeedbackSubmitSuccess | ValidationError, strawberry.union("FeedbackSubmitResult")
]


@strawberry.type
class FeedbackReply:
    at: datetime.datetime
    text: str


@strawberry.type(description="A feedback item as its sender (or an officer) sees it.")
class FeedbackItem:
    reference: str
    kind: FeedbackKind
    status: FeedbackStatus
    message: str
    submitted_at: datetime.datetime
    due_date: datetime.date | None
    escalated: bool
    replies: list[FeedbackReply]
    publication_consent: bool | None
    anonymous: bool

    @classmethod
    def from_row(cls, row: Feedback) -> FeedbackItem:
        return cls(
            reference=row.reference or "",
            kind=row.kind,
            status=row.status,
            message=row.message,
            submitted_at=row.created_at,
            due_date=row.due_date,
            escalated=row.escalated_at is not None,
            replies=[
                FeedbackReply(at=datetime.datetime.fromisoformat(r["at"]), text=r["text"])
                for r in row.replies
            ],
            publication_consent=row.publication_consent,
            anonymous=row.account_id is None,
        )


@strawberry.type(description="An answered item in the public column, without personal data.")
class PublicFeedback:
    reference: str
    kind: FeedbackKind
    message: str
    reply: str
    published_at: datetime.datetime

    @classmethod
    def from_row(cls, row: Feedback) -> PublicFeedback:
        assert row.published_at is not None
        return cls(
            reference=row.reference or "",
            kind=row.kind,
            message=row.public_message or "",
            reply=row.public_reply or "",
            published_at=row.published_at,
        )


@strawberry.type
class FeedbackChanged:
    item: FeedbackItem


@strawberry.input
class FeedbackReplyInput:
    reference: str
    reply: str


@strawberry.input
class FeedbackConsentInput:
    reference: str
    agree: bool
    tracking_code: str | None = None


@strawberry.input
class FeedbackPublishInput:
    reference: str
    public_message: str
    public_reply: str


FeedbackChangeResult = Annotated[
    FeedbackChanged | ValidationError | FeedbackError, strawberry.union("FeedbackChangeResult")
]
