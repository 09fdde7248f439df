"""What every payment module shares: the provider and settings installed in this process,
money formatting, and the audit event and inbox notification written on every state change.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import audit, clock
from palm_customs.core.logs import request_id_var
from palm_customs.declarations.models import Declaration
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType, Urgency
from palm_customs.payments.errors import PaymentErrorCode, PaymentProblem
from palm_customs.payments.models import PaymentIntent, SubjectKind
from palm_customs.payments.provider import PaymentProvider, current_provider, use_provider
from palm_customs.settings import Settings

CREDENTIAL_TYPE = "payment_receipt"
INTENT_LIFETIME = timedelta(minutes=30)
# The reconciliation job first looks at an intent this long after it was made (a
# notification normally arrives within seconds), then as the provider's answer asks.
RECONCILE_AFTER = timedelta(minutes=2)
RECONCILE_JOB = "payments.reconcile"
REFUND_JOB = "payments.refund"
RECEIPT_LIFETIME = timedelta(days=30)
SYSTEM_ACTOR = "system:payments"

_settings: Settings | None = None


def configure(settings: Settings) -> None:
    """Install the provider (and the settings receipts are signed with) in this process."""
    global _settings
    _settings = settings
    if settings.wechatpay is None:
        use_provider(None)
        return
    from palm_customs.payments.wechat import WeChatPayProvider

    use_provider(WeChatPayProvider(settings.wechatpay))


def settings() -> Settings:
    assert _settings is not None, "payments.configure() was not called"
    return _settings


def provider() -> PaymentProvider:
    found = current_provider()
    if found is None:
        raise PaymentProblem(PaymentErrorCode.UNAVAILABLE)
    return found


def fen(amount: Decimal | None) -> int:
    if amount is None:
        return 0
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def yuan(amount_fen: int) -> str:
    sign = "-" if amount_fen < 0 else ""
    value = abs(amount_fen)
    return f"{sign}{value // 100}.{value % 100:02d}"


def new_number(now: datetime) -> str:
    return "PC" + clock.day_of(now).strftime("%Y%m%d") + secrets.token_hex(8).upper()


def subject_target(intent: PaymentIntent) -> str:
    """The audit target of what the intent pays (a declaration or an application, by number)."""
    return f"{intent.subject_kind.value}:{intent.subject_ref}"


# Where the payer sees a payment of each kind other than a declaration's, by subject number:
# installed by the module that owns that kind (application_fees.py), so that declarations,
# which use the settlement, never reach applications through here.
SubjectLink = Callable[[BaseDBAsyncClient, str], Awaitable[str]]
SUBJECT_LINKS: dict[SubjectKind, SubjectLink] = {}


async def subject_link(connection: BaseDBAsyncClient, intent: PaymentIntent) -> str:
    """Where the payer sees the payment: the declaration's latest version or the application."""
    link = SUBJECT_LINKS.get(intent.subject_kind)
    if link is not None:
        return await link(connection, intent.subject_ref)
    latest = (
        await Declaration.filter(number=intent.subject_ref)
        .using_db(connection)
        .order_by("-version")
        .only("id")
        .first()
    )
    return f"/declare/declarations/{latest.id if latest else ''}"


async def record(
    connection: BaseDBAsyncClient,
    intent: PaymentIntent,
    *,
    operation: str,
    body_key: str,
    amount_fen: int | None = None,
    actor: str = SYSTEM_ACTOR,
) -> None:
    """The audit event and the payer's inbox notification of one state change."""
    await audit.append(
        connection,
        audit.AuditRecord(
            actor=actor,
            operation=operation,
            target_ids=(f"payment:{intent.id}", subject_target(intent)),
            outcome="OK",
            request_id=request_id_var.get() or "-",
            ip="",
            user_agent="",
        ),
    )
    title = (
        "notify.payment.title.application"
        if intent.subject_kind is SubjectKind.APPLICATION
        else "notify.payment.title"
    )
    await notifications.notify(
        connection,
        recipient_id=intent.account_id,
        message=notifications.Message(
            type=NotificationType.PAYMENT,
            subject=f"payment:{intent.number}",
            subject_version=1,
            title_key=title,
            body_key=f"notify.payment.body.{body_key}",
            params={
                "number": intent.subject_ref,
                "order": intent.number,
                "amount": yuan(intent.amount_fen if amount_fen is None else amount_fen),
            },
            link=await subject_link(connection, intent),
            urgency=Urgency.HIGH if body_key != "created" else Urgency.NORMAL,
        ),
    )
