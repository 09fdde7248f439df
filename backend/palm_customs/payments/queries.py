from __future__ import annotations

import uuid
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.applications.models import Application, Review
from palm_customs.context import Context
from palm_customs.core.api_errors import InputRejected
from palm_customs.core.errors import FieldProblem, ValidationErrorCode
from palm_customs.core.i18n import translate
from palm_customs.core.permissions import Level, Role, access
from palm_customs.declarations.models import Declaration
from palm_customs.identity.models import Officer
from palm_customs.identity.services.officers import officer_posts
from palm_customs.payments import services
from palm_customs.payments.application_fees import fee_settlement
from palm_customs.payments.reconcile import reconciliation
from palm_customs.payments.types import (
    ApplicationFeePayment,
    DeclarationPayment,
    PaymentIntent,
    PaymentMismatch,
    PaymentReceiptVerification,
    PaymentReconciliation,
    PaymentRefund,
)

OFFICERS = (Role.INSPECTOR, Role.SUPERVISOR)
REVIEWERS = (Role.REVIEWER, Role.SENIOR_REVIEWER)
MAX_PAGE = 50


@strawberry.type
class PaymentQuery:
    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Paying the duty of one of your declarations (others' are never found).",
    )
    async def declaration_payment(
        self, info: Info[Context, Any], declaration_id: strawberry.ID
    ) -> DeclarationPayment | None:
        try:
            key = uuid.UUID(declaration_id)
        except ValueError:
            return None
        row = await Declaration.get_or_none(id=key, account_id=info.context.principal.account_id)
        if row is None:
            return None
        current = await services.settlement(None, row.number)
        return DeclarationPayment.from_settlement(current) if current else None

    @strawberry.field(
        extensions=access(Level.VERIFIED, *OFFICERS),
        description="Paying a declaration's duty, by its number (the officer's view).",
    )
    async def declaration_payment_by_number(
        self, info: Info[Context, Any], number: str
    ) -> DeclarationPayment | None:
        clean = number.strip().upper()[:20]
        row = await Declaration.filter(number=clean).order_by("-version").first()
        if row is None:
            return None
        # Officers read only declarations for the ports where they serve (issue #11): a look
        # elsewhere is answered like an unknown number, and audited.
        context = info.context
        if row.port_code not in await officer_posts(context.principal.account_id):
            await context.audit_refusal(
                operation="declarationPaymentByNumber",
                outcome="OTHER_PORT",
                target_ids=(f"declaration:{row.number}",),
            )
            return None
        current = await services.settlement(None, clean)
        return DeclarationPayment.from_settlement(current) if current else None

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Paying the fee of one of your applications (others' are never found).",
    )
    async def application_fee_payment(
        self, info: Info[Context, Any], application_id: strawberry.ID
    ) -> ApplicationFeePayment | None:
        try:
            key = uuid.UUID(str(application_id)[:40])
        except ValueError:
            return None
        row = await Application.get_or_none(id=key, applicant_id=info.context.principal.account_id)
        if row is None:
            return None
        return ApplicationFeePayment.from_settlement(await fee_settlement(None, row))

    @strawberry.field(
        extensions=access(Level.VERIFIED, *REVIEWERS),
        description="Whether an application's fee is paid (the reviewer's view).",
    )
    async def application_fee_payment_for_review(
        self, info: Info[Context, Any], application_id: strawberry.ID
    ) -> ApplicationFeePayment | None:
        try:
            key = uuid.UUID(str(application_id)[:40])
        except ValueError:
            return None
        # Only an application reviewed in the officer's own department is found.
        officer = await Officer.get_or_none(account_id=info.context.principal.account_id)
        reviewed_here = (
            officer is not None
            and await Review.filter(application_id=key, department=officer.unit).exists()
        )
        row = await Application.get_or_none(id=key) if reviewed_here else None
        if row is None:
            if await Application.exists(id=key):
                # another department's application: answered like an unknown one, audited
                await info.context.audit_refusal(
                    operation="applicationFeePaymentForReview",
                    outcome="NOT_YOUR_DEPARTMENT",
                    target_ids=(f"application:{key}",),
                )
            return None
        return ApplicationFeePayment.from_settlement(await fee_settlement(None, row))

    @strawberry.field(
        extensions=access(Level.VERIFIED, *OFFICERS),
        description="Check a scanned payment receipt online (tablets also verify it offline).",
    )
    async def payment_receipt_verification(
        self, info: Info[Context, Any], credential: str
    ) -> PaymentReceiptVerification:
        result = await services.verify_receipt(credential[:5000])
        claims = result.claims or {}
        return PaymentReceiptVerification(
            valid=result.problem is None and not result.expired,
            expired=result.expired,
            problem=result.problem,
            message=translate(f"payment.{result.problem.value}", info.context.language)
            if result.problem
            else None,
            declaration_number=None if claims.get("k") == "application" else claims.get("n"),
            application_number=claims.get("n") if claims.get("k") == "application" else None,
            order_number=claims.get("p"),
            amount_fen=claims.get("a"),
            paid_fen=claims.get("paid"),
            due_fen=claims.get("due"),
        )

    @strawberry.field(
        extensions=access(Level.VERIFIED, Role.ADMINISTRATOR),
        description="Payments whose outcome is unknown, mismatches with the provider's record, "
        "refunds pending or refused.",
    )
    async def payment_reconciliation(
        self, info: Info[Context, Any], first: int = 20
    ) -> PaymentReconciliation:
        if not 1 <= first <= MAX_PAGE:
            raise InputRejected(
                FieldProblem(
                    "first", ValidationErrorCode.OUT_OF_RANGE, {"low": 1, "high": MAX_PAGE}
                ),
                info.context.language,
            )
        report = await reconciliation(limit=first)
        return PaymentReconciliation(
            unknown=[PaymentIntent.from_row(r) for r in report.unknown],
            mismatches=[PaymentMismatch.from_row(r) for r in report.mismatches],
            refunds_pending=[PaymentRefund.from_row(r) for r in report.refunds_pending],
            refunds_failed=[PaymentRefund.from_row(r) for r in report.refunds_failed],
        )
