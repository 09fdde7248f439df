from __future__ import annotations

import strawberry

from palm_customs.payments.mutations.application_fee_start import application_fee_payment_start
from palm_customs.payments.mutations.payment_start import payment_start
from palm_customs.payments.mutations.reconciliation_actions import (
    payment_refund_retry,
    payment_requery,
)


@strawberry.type
class PaymentMutation:
    payment_start = payment_start
    application_fee_payment_start = application_fee_payment_start
    payment_requery = payment_requery
    payment_refund_retry = payment_refund_retry
