"""The provider-neutral interface the payment services use (WeChat Pay: wechat.py).

An adapter turns every failure into one of three answers: the provider refused (it said no,
nothing happened), the outcome is unknown (timeout, connection lost, a 5xx: it may have
happened, so only a later query can tell) or a notification is rejected (never trusted).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class TradeState(StrEnum):
    """The provider's view of one order (WeChat Pay's trade_state values)."""

    SUCCESS = "SUCCESS"
    NOTPAY = "NOTPAY"
    USERPAYING = "USERPAYING"
    CLOSED = "CLOSED"
    REVOKED = "REVOKED"
    PAYERROR = "PAYERROR"
    REFUND = "REFUND"


@dataclass(frozen=True, slots=True)
class Transaction:
    """An order as the provider reports it (from a verified notification or a query)."""

    order_number: str
    state: TradeState
    amount_fen: int
    currency: str
    transaction_id: str
    merchant_id: str
    app_id: str


@dataclass(frozen=True, slots=True)
class Notification:
    """A notification whose signature, freshness and decryption were verified."""

    event_id: str
    event_type: str
    transaction: Transaction


@dataclass(frozen=True, slots=True)
class RefundOutcome:
    provider_refund_id: str
    # SUCCESS, PROCESSING, CLOSED, ABNORMAL
    status: str


class ProviderRefused(Exception):
    """The provider answered and refused: nothing happened."""


class OutcomeUnknown(Exception):
    """No answer (timeout, network, 5xx): the request may or may not have taken effect."""


class NotificationRejected(Exception):
    """Not a genuine, fresh, well-formed notification from the provider."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PaymentProvider(Protocol):
    name: str
    merchant_id: str
    app_id: str

    async def create_order(
        self, *, number: str, amount_fen: int, description: str, expires_at: datetime
    ) -> str:
        """Create (or, with the same number, find again) an order; its QR link (code_url)."""
        ...

    async def query_order(self, *, number: str) -> Transaction | None:
        """The order as the provider knows it; None if it never reached the provider."""
        ...

    async def close_order(self, *, number: str) -> None: ...

    async def refund(
        self, *, refund_number: str, order_number: str, amount_fen: int, total_fen: int
    ) -> RefundOutcome:
        """Refund part of a paid order; the same refund number never refunds twice."""
        ...

    def verify_notification(self, *, headers: Mapping[str, str], body: bytes) -> Notification:
        """Verify and decrypt one notification, or raise NotificationRejected."""
        ...


_provider: PaymentProvider | None = None


def use_provider(provider: PaymentProvider | None) -> None:
    """Install the process's provider (create_app and the worker do, from the settings)."""
    global _provider
    _provider = provider


def current_provider() -> PaymentProvider | None:
    return _provider
