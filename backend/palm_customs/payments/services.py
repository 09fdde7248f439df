"""Payments, one concept a module; this module gathers what other packages and the process
wiring use (declarations, the worker, the app, the registry of job handlers).

- base: the provider and settings installed in this process, money, audit + inbox
- settlement: a declaration's duty due, paid and owed back; refunds after the assessment
- application_fees: a catalogue item's fee for an application
- intents: starting a payment and the provider's order
- events: the provider's notifications and query answers, applied once
- receipts: signed receipts, issued and checked
- refunds: money going back (job), and an administrator's retry
- reconcile: the reconciliation job, an administrator's re-query, the reconciliation list
"""

from __future__ import annotations

from datetime import timedelta

from palm_customs.core import jobs

# Imported for its subject link too (the inbox link of an application's payment).
from palm_customs.payments.application_fees import fee_settlement, start_fee
from palm_customs.payments.base import (
    CREDENTIAL_TYPE,
    RECONCILE_JOB,
    REFUND_JOB,
    configure,
    fen,
    yuan,
)
from palm_customs.payments.events import (
    NotificationAnswer,
    apply_transaction,
    receive_notification,
)
from palm_customs.payments.intents import Started, open_at_provider, start
from palm_customs.payments.receipts import ReceiptCheck, verify_receipt
from palm_customs.payments.reconcile import Reconciliation, reconcile, reconciliation
from palm_customs.payments.refunds import record_refund, refund
from palm_customs.payments.settlement import (
    Settlement,
    SettlementState,
    after_outcome,
    settle,
    settlement,
)

__all__ = [
    "CREDENTIAL_TYPE",
    "JOB_HANDLERS",
    "NotificationAnswer",
    "ReceiptCheck",
    "Reconciliation",
    "Settlement",
    "SettlementState",
    "Started",
    "after_outcome",
    "apply_transaction",
    "configure",
    "fee_settlement",
    "fen",
    "open_at_provider",
    "receive_notification",
    "reconcile",
    "reconciliation",
    "record_refund",
    "refund",
    "settle",
    "settlement",
    "start",
    "start_fee",
    "verify_receipt",
    "yuan",
]

# Installed by palm_customs/registry.py.
JOB_HANDLERS: dict[str, jobs.HandlerEntry] = {
    RECONCILE_JOB: jobs.JobKind(run=reconcile, timeout=120.0, budget=timedelta(days=2)),
    REFUND_JOB: jobs.JobKind(run=refund, timeout=120.0, budget=timedelta(days=7)),
}
