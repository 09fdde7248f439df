"""What a traveller declares, as plain values, the limits on how much, and a traveller as
validation leaves them (what the duty estimate reads).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from palm_customs.core import drafts
from palm_customs.declarations.models import Direction, TravelMode
from palm_customs.identity.models import DocumentType

MAX_ARTICLES = 100
MAX_COMPANIONS = 20
MAX_CASH_LINES = 20
MAX_QUANTITY = 10_000
MAX_UNIT_VALUE = Decimal("100000000")
MAX_DRAFT_BYTES = drafts.MAX_DRAFT_BYTES


@dataclass(frozen=True, slots=True)
class CompanionInput:
    full_name: str
    date_of_birth: date
    is_resident: bool
    document_type: DocumentType
    document_number: str
    consent_statement: str


@dataclass(frozen=True, slots=True)
class ArticleInput:
    key: str
    traveller: int  # 0 = the declarant, n = companion n
    category_code: str
    description: str
    quantity: int
    unit_value: Decimal
    currency: str
    unit_measure: int | None = None
    indivisible: bool = False
    taken_out_again: bool = False
    duty_free_shop: bool = False
    # A vault document of the declarant's: a photo (or PDF) of the receipt or the article.
    photo_document_id: str | None = None


@dataclass(frozen=True, slots=True)
class CashInput:
    traveller: int
    currency: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class DeclarationInput:
    direction: Direction
    port_code: str
    travel_mode: TravelMode
    travel_number: str
    scheduled_at: datetime
    companions: list[CompanionInput] = field(default_factory=list)
    articles: list[ArticleInput] = field(default_factory=list)
    cash: list[CashInput] = field(default_factory=list)
    restricted_yes: list[str] = field(default_factory=list)
    # Crossed to and from Hong Kong or Macau the same day or often (for everyone declared).
    frequent_crosser: bool = False


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True, slots=True)
class CleanTraveller:
    key: str
    full_name: str
    document_type: str
    document_number: str
    date_of_birth: date
    is_resident: bool
    consent_statement: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "full_name": self.full_name,
            "document_type": self.document_type,
            "document_number": self.document_number,
            "date_of_birth": self.date_of_birth.isoformat(),
            "is_resident": self.is_resident,
            "consent_statement": self.consent_statement,
        }


def _decimal_ok(value: Decimal) -> bool:
    return value.is_finite() and value == value.quantize(Decimal("0.01"))
