"""Signed receipts (COSE, the same machinery as declaration credentials): issued when a
payment succeeds, bound to the declaration or application it paid, verified offline too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock, signing
from palm_customs.payments.base import CREDENTIAL_TYPE, RECEIPT_LIFETIME, settings
from palm_customs.payments.errors import PaymentErrorCode
from palm_customs.payments.models import PaymentIntent, SubjectKind
from palm_customs.payments.settlement import settlement


async def _claims(connection: BaseDBAsyncClient, intent: PaymentIntent) -> dict[str, Any]:
    if intent.subject_kind is SubjectKind.APPLICATION:
        # An application's fee is paid whole, once: paid and due are the intent's amount.
        return {"k": "application", "paid": intent.amount_fen, "due": intent.amount_fen}
    current = await settlement(connection, intent.subject_ref)
    assert current is not None
    return {"paid": current.paid_fen, "due": current.due_fen}


async def issue_receipt(connection: BaseDBAsyncClient, intent: PaymentIntent) -> str:
    now = clock.now()
    issued = await signing.issue(
        settings=settings(),
        credential_type=CREDENTIAL_TYPE,
        claims={
            "n": intent.subject_ref,
            "p": intent.number,
            "a": intent.amount_fen,
            **await _claims(connection, intent),
            "b": intent.basis.value,
            "at": now.isoformat(timespec="seconds"),
        },
        issued_at=now,
        expires_at=now + RECEIPT_LIFETIME,
    )
    return issued.text


@dataclass(frozen=True, slots=True)
class ReceiptCheck:
    claims: dict[str, Any] | None
    problem: PaymentErrorCode | None
    expired: bool = False


async def verify_receipt(text: str) -> ReceiptCheck:
    try:
        credential = await signing.verify(text, now=clock.now())
        expired = False
    except signing.CredentialExpired as error:
        credential, expired = error.credential, True
    except signing.CredentialInvalid:
        return ReceiptCheck(None, PaymentErrorCode.RECEIPT_INVALID)
    if credential.credential_type != CREDENTIAL_TYPE:
        return ReceiptCheck(None, PaymentErrorCode.RECEIPT_INVALID)
    claims = dict(credential.claims)
    # Online, what happened since it was signed is known: a payment refunded in full (an
    # application withdrawn or rejected after its fee was paid) proves nothing paid.
    order = claims.get("p")
    if isinstance(order, str) and len(order) <= 32:
        paid = await PaymentIntent.get_or_none(number=order).only("amount_fen", "refunded_fen")
        if paid is not None and paid.refunded_fen >= paid.amount_fen:
            return ReceiptCheck(claims, PaymentErrorCode.RECEIPT_REFUNDED, expired)
    return ReceiptCheck(claims, None, expired)
