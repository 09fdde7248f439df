"""An item's fee: an amount in integer fen (CNY) and when it falls due.

Kept in the item's published data (`data["fee"]`, absent or None when the item is free), so
it is versioned with every other edit and frozen into each application's snapshot: what an
applicant owes is the fee of the version they applied under. Payments reads it
(payments/application_fees.py); the free-text `fees` stays as the explanation shown to people.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from palm_customs.core.errors import Validator

# One million yuan: above any administrative fee, and within GraphQL's 32-bit Int.
MAX_FEE_FEN = 100_000_000


class FeeDue(StrEnum):
    """When an applicant is asked to pay."""

    ON_SUBMISSION = "on_submission"
    AFTER_PREREVIEW = "after_prereview"


@dataclass(frozen=True, slots=True)
class ItemFee:
    amount_fen: int
    due: FeeDue

    def as_data(self) -> dict[str, Any]:
        return {"amount_fen": self.amount_fen, "due": self.due.value}


def fee_of(data: dict[str, Any]) -> ItemFee | None:
    """The fee in an item's (or an application's frozen) data; None when it is free."""
    raw = data.get("fee")
    if not isinstance(raw, dict):
        return None
    try:
        amount, due = int(raw["amount_fen"]), FeeDue(raw["due"])
    except (KeyError, TypeError, ValueError):
        return None
    return ItemFee(amount, due) if amount > 0 else None


def checked_fee(check: Validator, *, amount_fen: int, due: FeeDue) -> dict[str, Any] | None:
    """The fee as it is stored, or None for a free item (an amount of 0)."""
    check.int_range("input.fee.amountFen", amount_fen, low=0, high=MAX_FEE_FEN)
    if amount_fen <= 0:
        return None
    return ItemFee(amount_fen, due).as_data()
