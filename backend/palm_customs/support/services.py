"""Feedback, complaints, suggestions and reports: received with a reference and a working-day
time limit, answered by officers (the sender is notified), escalated when the limit runs out,
and published in the public column when the sender agrees, with personal data removed."""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications import workdays
from palm_customs.applications.services import calendar
from palm_customs.core import clock, jobs
from palm_customs.core.errors import Validator
from palm_customs.core.i18n import Language
from palm_customs.core.principal import Principal
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType
from palm_customs.support.errors import FeedbackErrorCode, FeedbackProblem
from palm_customs.support.models import Feedback, FeedbackKind, FeedbackStatus

MAX_MESSAGE = 2000
MAX_PAGE = 200
MAX_REPLY = 2000
# Working days to answer, counted like pre-review time limits (applications/workdays.py).
ANSWER_DAYS: dict[FeedbackKind, int] = {
    FeedbackKind.COMPLAINT: 5,
    FeedbackKind.REPORT: 10,
    FeedbackKind.SUGGESTION: 10,
    FeedbackKind.FEEDBACK: 10,
}
DUE_JOB = "support.feedback_due"
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
# What an officer must have removed before publication (checked, not trusted).
PERSONAL_DATA = (
    re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"),  # mainland mobile numbers
    re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)"),  # resident ID card numbers
    re.compile(r"(?<!\d)\d{3,4}-?\d{7,8}(?!\d)"),  # landlines
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),  # email addresses
    re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,2}\d{7,8}(?![A-Za-z0-9])"),  # passport numbers
)


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _new_reference(today: date) -> str:
    tail = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))
    return f"F{today:%y%m%d}-{tail}"


def due_at(due_date: date) -> datetime:
    """The moment a time limit has run out: the start of the day after the last day."""
    return datetime.combine(due_date + timedelta(days=1), time(0), tzinfo=clock.SERVICE_ZONE)


@dataclass(frozen=True, slots=True)
class FeedbackReceived:
    feedback_id: uuid.UUID
    reference: str
    due_date: date
    # Given once, to an anonymous sender only: with the reference it shows the status.
    tracking_code: str | None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"feedback:{self.feedback_id}",)


@dataclass(frozen=True, slots=True)
class FeedbackChanged:
    feedback: Feedback

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"feedback:{self.feedback.id}",)


async def submit_feedback(
    connection: BaseDBAsyncClient,
    *,
    message: str,
    page: str,
    language: Language,
    kind: FeedbackKind = FeedbackKind.FEEDBACK,
    principal: Principal | None = None,
    anonymous: bool = True,
) -> FeedbackReceived:
    check = Validator()
    cleaned_message = check.text("input.message", message, min_len=3, max_len=MAX_MESSAGE)
    cleaned_page = check.text("input.page", page, required=False, max_len=MAX_PAGE)
    check.raise_if_any()
    signed = principal is not None and principal.account_id is not None and not anonymous
    tracking_code = None if signed else secrets.token_urlsafe(12)
    today = clock.today()
    holidays, extra = await calendar(connection)
    due = workdays.add_working_days(
        today, ANSWER_DAYS[kind], holidays=holidays, extra_workdays=extra
    )
    reference = _new_reference(today)
    while await Feedback.filter(reference=reference).using_db(connection).exists():
        reference = _new_reference(today)
    row = await Feedback.create(
        using_db=connection,
        id=uuid.uuid4(),
        message=cleaned_message,
        page=cleaned_page,
        language=language.value,
        kind=kind,
        reference=reference,
        account_id=principal.account_id if signed and principal else None,
        tracking_hash=_hash(tracking_code) if tracking_code else None,
        status=FeedbackStatus.RECEIVED,
        due_date=due,
    )
    await jobs.enqueue(
        connection, kind=DUE_JOB, payload={"feedback": str(row.id)}, run_after=due_at(due)
    )
    return FeedbackReceived(
        feedback_id=row.id, reference=reference, due_date=due, tracking_code=tracking_code
    )


async def find_for_sender(
    connection: BaseDBAsyncClient | None,
    *,
    reference: str,
    principal: Principal,
    tracking_code: str | None,
) -> Feedback:
    """The sender's own item: theirs by account, or by the tracking code they were given."""
    row = await Feedback.get_or_none(reference=reference.strip().upper()[:20], using_db=connection)
    if row is not None:
        if principal.account_id is not None and row.account_id == principal.account_id:
            return row
        if (
            tracking_code
            and row.tracking_hash
            and secrets.compare_digest(row.tracking_hash, _hash(tracking_code[:64]))
        ):
            return row
    raise FeedbackProblem(FeedbackErrorCode.NOT_FOUND, field="reference")


async def _for_officer(connection: BaseDBAsyncClient, reference: str) -> Feedback:
    row = await Feedback.get_or_none(reference=reference.strip().upper()[:20], using_db=connection)
    if row is None:
        raise FeedbackProblem(FeedbackErrorCode.NOT_FOUND, field="reference")
    return row


async def reply(
    connection: BaseDBAsyncClient, *, principal: Principal, reference: str, text: str
) -> FeedbackChanged:
    """An officer's answer; each one is kept, and a signed sender is notified of each."""
    check = Validator()
    cleaned = check.text("input.reply", text, min_len=2, max_len=MAX_REPLY)
    check.raise_if_any()
    row = await _for_officer(connection, reference)
    now = clock.now()
    row.replies = [*row.replies, {"at": now.isoformat(), "by": principal.actor, "text": cleaned}]
    if row.status != FeedbackStatus.PUBLISHED:
        row.status = FeedbackStatus.ANSWERED
    await row.save(using_db=connection, update_fields=["replies", "status"])
    if row.account_id is not None:
        await notifications.notify(
            connection,
            recipient_id=row.account_id,
            message=notifications.Message(
                type=NotificationType.FEEDBACK_REPLY,
                subject=f"feedback:{row.reference}",
                subject_version=len(row.replies),
                title_key="notify.feedback.title",
                body_key="notify.feedback.body",
                params={
                    "reference": row.reference,
                    "kind": _kind_words(row.kind),
                    "reply": cleaned[:300],
                },
                link="/help/feedback",
            ),
            now=now,
        )
    return FeedbackChanged(row)


def _kind_words(kind: FeedbackKind) -> dict[str, str]:
    from palm_customs.core.i18n import translate

    return {lang.value: translate(f"feedback.kind.{kind.value}", lang) for lang in Language}


async def set_consent(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    reference: str,
    tracking_code: str | None,
    agree: bool,
) -> FeedbackChanged:
    row = await find_for_sender(
        connection, reference=reference, principal=principal, tracking_code=tracking_code
    )
    if row.status == FeedbackStatus.PUBLISHED and not agree:
        # Withdrawing consent takes the item out of the public column.
        row.status = FeedbackStatus.ANSWERED
        row.published_at = None
    row.publication_consent = agree
    await row.save(
        using_db=connection, update_fields=["publication_consent", "status", "published_at"]
    )
    return FeedbackChanged(row)


def personal_data_in(text: str) -> bool:
    return any(pattern.search(text) for pattern in PERSONAL_DATA)


async def publish(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    reference: str,
    public_message: str,
    public_reply: str,
) -> FeedbackChanged:
    """Put an answered item the sender agreed to publish in the public column, as the officer
    rewrote it without personal data (and checked here for what is easy to find)."""
    check = Validator()
    message = check.text("input.publicMessage", public_message, min_len=3, max_len=MAX_MESSAGE)
    answer = check.text("input.publicReply", public_reply, min_len=2, max_len=MAX_REPLY)
    check.raise_if_any()
    row = await _for_officer(connection, reference)
    if row.status == FeedbackStatus.PUBLISHED:
        raise FeedbackProblem(FeedbackErrorCode.ALREADY_PUBLISHED)
    if row.status != FeedbackStatus.ANSWERED:
        raise FeedbackProblem(FeedbackErrorCode.NOT_ANSWERED)
    if row.publication_consent is not True:
        raise FeedbackProblem(FeedbackErrorCode.NO_CONSENT)
    for field, text in (("input.publicMessage", message), ("input.publicReply", answer)):
        if personal_data_in(text):
            raise FeedbackProblem(FeedbackErrorCode.PERSONAL_DATA_LEFT, field=field)
    row.public_message, row.public_reply = message, answer
    row.status = FeedbackStatus.PUBLISHED
    row.published_at, row.published_by = clock.now(), principal.actor
    await row.save(
        using_db=connection,
        update_fields=["public_message", "public_reply", "status", "published_at", "published_by"],
    )
    return FeedbackChanged(row)


async def mine(account_id: uuid.UUID, *, limit: int) -> list[Feedback]:
    return await Feedback.filter(account_id=account_id).order_by("-created_at").limit(limit)


async def queue(*, limit: int) -> list[Feedback]:
    """Open items, escalated first, then by the day the answer is due."""
    rows = (
        await Feedback.filter(
            status__in=[FeedbackStatus.RECEIVED, FeedbackStatus.ESCALATED],
            reference__isnull=False,
        )
        .order_by("due_date", "created_at")
        .limit(limit)
    )
    return sorted(rows, key=lambda r: r.status != FeedbackStatus.ESCALATED)


async def ready_to_publish(*, limit: int) -> list[Feedback]:
    """Answered items whose sender agreed to publication, waiting for an officer's redaction."""
    return (
        await Feedback.filter(status=FeedbackStatus.ANSWERED, publication_consent=True)
        .order_by("created_at")
        .limit(limit)
    )


async def public_column(*, limit: int) -> list[Feedback]:
    return (
        await Feedback.filter(status=FeedbackStatus.PUBLISHED, publication_consent=True)
        .order_by("-published_at")
        .limit(limit)
    )


async def escalate_if_unanswered(feedback_id: str) -> bool:
    """The time limit ran out: an item still unanswered is escalated (once)."""
    changed = await Feedback.filter(
        id=uuid.UUID(feedback_id), status=FeedbackStatus.RECEIVED
    ).update(status=FeedbackStatus.ESCALATED, escalated_at=clock.now())
    return changed > 0


async def _due_job(payload: dict[str, Any]) -> None:
    await escalate_if_unanswered(str(payload["feedback"]))


JOB_HANDLERS: dict[str, jobs.HandlerEntry] = {DUE_JOB: _due_job}
