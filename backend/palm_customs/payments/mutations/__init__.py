from __future__ import annotations

import strawberry

from palm_customs.payments.mutations.payment_start import payment_start


@strawberry.type
class PaymentMutation:
    payment_start = payment_start
