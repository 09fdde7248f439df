from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

import palm_customs.documents.types
import palm_customs.identity.types  # noqa: F401 (declares the GraphQL enums of identity models)
from palm_customs.context import Context
from palm_customs.core.i18n import translate
from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import LocalizedText, PageInfo, ValidationError
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem, DraftConflict
from palm_customs.declarations.models import (
    Declaration as DeclarationRow,
)
from palm_customs.declarations.models import (
    DeclarationStatus,
    Direction,
    InspectionOutcome,
    OutcomeKind,
    TravelMode,
)
from palm_customs.documents.models import FileFormat
from palm_customs.identity.models import DocumentType

# The domain's error codes are a plain enum (errors.py); published here as a GraphQL enum.
strawberry.enum(DeclarationErrorCode, description="Why a declaration action was refused.")

strawberry.enum(Direction, description="Arriving in or departing from the customs territory.")
strawberry.enum(TravelMode, description="How the traveller crosses.")
strawberry.enum(DeclarationStatus, description="Where a declaration version stands.")
strawberry.enum(OutcomeKind, description="What the officer decided at the channel.")


@strawberry.type(description="A declaration action was refused.")
class DeclarationError:
    code: DeclarationErrorCode
    message: str
    field: str | None


@strawberry.type(description="The draft changed on another device: choose which to keep.")
class DraftConflictError:
    code: DeclarationErrorCode
    message: str
    server_version: int
    server_data_json: str
    updated_at: str


# How the API answers each of the domain's exceptions (installed by schema.build_schema).
ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        DraftConflict,
        lambda e, c: DraftConflictError(
            code=e.error_code,
            message=translate("declaration.draft_conflict", c.language),
            server_version=e.server_version,
            server_data_json=json.dumps(e.server_data, ensure_ascii=False),
            updated_at=e.updated_at,
        ),
    ),
    maps(
        DeclarationProblem,
        lambda e, c: DeclarationError(
            code=e.error_code,
            message=translate(
                f"declaration.{e.code}",
                c.language,
                hours=c.settings.declaration_lead_hours,
                seconds=getattr(e, "retry_after_seconds", 0),
            ),
            field=e.field,
        ),
    ),
)


# ------------------------------------------------------------------ inputs


@strawberry.input
class CompanionInput:
    full_name: str
    date_of_birth: date
    is_resident: bool
    document_type: DocumentType
    document_number: str
    consent_statement: str = strawberry.field(
        description="Why the declarant may declare for this person (e.g. a parent for a child)."
    )


@strawberry.input
class ArticleInput:
    key: str = strawberry.field(description="The client's id for the line (stable across edits).")
    traveller: int = strawberry.field(description="0 = the declarant, n = companion n (1-based).")
    category_code: str
    description: str
    quantity: int
    unit_value: str = strawberry.field(description='Decimal, e.g. "1299.00".')
    currency: str
    unit_measure: int | None = strawberry.field(
        default=None, description="Alcohol/tobacco only: ml, sticks, cigars or grams in one unit."
    )
    indivisible: bool = False
    taken_out_again: bool = False
    duty_free_shop: bool = False
    photo_document_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Optional: a document of yours in the vault (uploaded to /api/documents as "
        "PRODUCT_PHOTOS or INVOICE), a picture or PDF of the receipt or the article.",
    )


@strawberry.input
class CashInput:
    traveller: int
    currency: str
    amount: str


@strawberry.input
class DeclarationInput:
    direction: Direction
    port_code: str
    travel_mode: TravelMode
    travel_number: str
    scheduled_at: datetime
    companions: list[CompanionInput] = strawberry.field(default_factory=list)
    articles: list[ArticleInput] = strawberry.field(default_factory=list)
    cash: list[CashInput] = strawberry.field(default_factory=list)
    restricted_yes: list[str] = strawberry.field(default_factory=list)
    frequent_crosser: bool = strawberry.field(
        default=False,
        description="Arriving from Hong Kong or Macau: the travellers crossed there and back "
        "the same day or often (the lowest alcohol and tobacco limits apply).",
    )


@strawberry.input
class OutcomeInput:
    number: str
    version: int
    kind: OutcomeKind
    duty_assessed: str | None = None
    reason: str = ""
    receipt_number: str = ""
    observed_at: datetime


# ------------------------------------------------------------------ objects


@strawberry.type
class DutyLine:
    article_key: str
    traveller_key: str
    category: str = strawberry.field(
        description="The category taxed: the value band the article falls in."
    )
    value_cny: str
    allowance_used_cny: str
    taxable_cny: str
    rate: str
    duty_cny: str
    rule: str
    legal_basis: str
    declared_category: str = strawberry.field(
        default="", description="The category the traveller picked (may differ from category)."
    )
    units_exempt: int = strawberry.field(
        default=0, description="Whole articles of the line the value allowance exempts."
    )


@strawberry.type
class DutyTravellerTotal:
    traveller_key: str
    allowance_cny: str
    allowance_used_cny: str
    value_cny: str
    taxable_cny: str
    duty_cny: str
    reasons: list[str]
    allowance_with_duty_free_cny: str | None = strawberry.field(
        default=None,
        description="The limit for articles acquired abroad and arrival duty-free purchases "
        "together, when duty-free purchases have their own room.",
    )


@strawberry.type(description="The server's duty estimate, line by line, with the rules it used.")
class DutyEstimate:
    lines: list[DutyLine]
    travellers: list[DutyTravellerTotal]
    value_cny: str
    taxable_cny: str
    duty_cny: str
    channel: str
    reasons: list[str]
    rule_set_version: str
    rates_date: date

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DutyEstimate:
        return cls(
            lines=[DutyLine(**line) for line in data["lines"]],
            travellers=[DutyTravellerTotal(**t) for t in data["travellers"]],
            value_cny=data["value_cny"],
            taxable_cny=data["taxable_cny"],
            duty_cny=data["duty_cny"],
            channel=data["channel"],
            reasons=list(data["reasons"]),
            rule_set_version=data["rule_set_version"],
            rates_date=date.fromisoformat(data["rates_date"]),
        )


@strawberry.type
class DeclarationTraveller:
    key: str
    full_name: str
    document_type: str
    document_number: str
    date_of_birth: date
    is_resident: bool
    consent_statement: str | None


@strawberry.type(description="A photo of the receipt or the article, kept in the vault.")
class DeclarationArticlePhoto:
    document_id: strawberry.ID
    format: FileFormat
    media_type: str
    url: str = strawberry.field(
        description="Where the file is served: to its owner, and to inspectors while the "
        "declaration is in force."
    )


async def _article_photo(
    root: DeclarationArticle, info: Info[Context, Any]
) -> DeclarationArticlePhoto | None:
    if not root.photo_document_id:
        return None
    row = await info.context.loaders.document_by_id.load(uuid.UUID(root.photo_document_id))
    if row is None:
        return None
    return DeclarationArticlePhoto(
        document_id=strawberry.ID(str(row.id)),
        format=row.file_format,
        media_type=row.media_type,
        url=f"/files/{row.id}",
    )


@strawberry.type
class DeclarationArticle:
    key: str
    traveller: int
    category_code: str
    description: str
    quantity: int
    unit_value: str
    currency: str
    unit_measure: int | None
    indivisible: bool
    taken_out_again: bool
    duty_free_shop: bool
    photo_document_id: strawberry.Private[str | None] = None

    photo: DeclarationArticlePhoto | None = strawberry.field(
        resolver=_article_photo,
        extensions=access(Level.SESSION, Role.PERSON, Role.INSPECTOR, Role.SUPERVISOR),
        description="The photo of the receipt or article, if one was given and it is still in "
        "the vault.",
    )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeclarationArticle:
        return cls(
            key=data["key"],
            traveller=data["traveller"],
            category_code=data["category_code"],
            description=data["description"],
            quantity=data["quantity"],
            unit_value=data["unit_value"],
            currency=data["currency"],
            unit_measure=data["unit_measure"],
            indivisible=data["indivisible"],
            taken_out_again=data["taken_out_again"],
            duty_free_shop=data["duty_free_shop"],
            photo_document_id=data.get("photo_document_id"),
        )


@strawberry.type
class DeclarationCash:
    traveller: int
    currency: str
    amount: str


@strawberry.type
class InspectionOutcomeInfo:
    kind: OutcomeKind
    duty_assessed: str | None
    reason: str
    receipt_number: str
    recorded_at: datetime
    observed_at: datetime

    @classmethod
    def from_row(cls, row: InspectionOutcome) -> InspectionOutcomeInfo:
        return cls(
            kind=row.kind,
            duty_assessed=str(row.duty_assessed) if row.duty_assessed else None,
            reason=row.reason,
            receipt_number=row.receipt_number,
            recorded_at=row.recorded_at,
            observed_at=row.observed_at,
        )


@strawberry.type(description="One version of a traveller's declaration.")
class Declaration:
    id: strawberry.ID
    number: str
    version: int
    status: DeclarationStatus
    direction: Direction
    port_code: str
    travel_mode: TravelMode
    travel_number: str
    scheduled_at: datetime
    valid_from: datetime
    valid_until: datetime
    travellers: list[DeclarationTraveller]
    articles: list[DeclarationArticle]
    cash: list[DeclarationCash]
    restricted_yes: list[str]
    estimate: DutyEstimate
    credential: str = strawberry.field(description="The signed QR text (PC1:…).")
    submitted_at: datetime
    outcome: InspectionOutcomeInfo | None

    @classmethod
    def from_row(cls, row: DeclarationRow, outcome: InspectionOutcome | None = None) -> Declaration:
        return cls(
            id=strawberry.ID(str(row.id)),
            number=row.number,
            version=row.version,
            status=row.status,
            direction=row.direction,
            port_code=row.port_code,
            travel_mode=row.travel_mode,
            travel_number=row.travel_number,
            scheduled_at=row.scheduled_at,
            valid_from=row.valid_from,
            valid_until=row.valid_until,
            travellers=[
                DeclarationTraveller(
                    key=t["key"],
                    full_name=t["full_name"],
                    document_type=t["document_type"],
                    document_number=t["document_number"],
                    date_of_birth=date.fromisoformat(t["date_of_birth"]),
                    is_resident=t["is_resident"],
                    consent_statement=t.get("consent_statement"),
                )
                for t in row.travellers
            ],
            articles=[DeclarationArticle.from_json(a) for a in row.articles],
            cash=[DeclarationCash(**c) for c in row.cash],
            restricted_yes=list(row.restricted_yes),
            estimate=DutyEstimate.from_dict(row.estimate),
            credential=row.credential,
            submitted_at=row.submitted_at,
            outcome=InspectionOutcomeInfo.from_row(outcome) if outcome else None,
        )


@strawberry.type
class DeclarationConnection:
    nodes: list[Declaration]
    page_info: PageInfo


@strawberry.type
class DeclarationDraftInfo:
    id: strawberry.ID
    version: int
    data_json: str
    updated_at: datetime
    device: str


@strawberry.type
class ArticleCategory:
    code: str
    name: LocalizedText
    examples: LocalizedText
    rate: str
    synonyms: list[str] = strawberry.field(
        default_factory=list, description="What people type for it, in the three languages."
    )
    needs_measure: bool = strawberry.field(
        default=False, description="Ask the ml, g, sticks or cigars in one unit."
    )


@strawberry.type
class ChecklistQuestion:
    code: str
    question: LocalizedText
    guidance: LocalizedText


@strawberry.type(description="Everything the PWA needs to estimate duty offline.")
class DutyRules:
    version: str
    effective_from: date
    source: str
    rates_date: date
    rates_source: str
    rule_set_json: str
    rates_json: str
    categories: list[ArticleCategory]
    checklist: list[ChecklistQuestion]


@strawberry.type(description="What an officer's online check found.")
class DeclarationVerification:
    valid: bool
    problem: DeclarationErrorCode | None
    message: str | None
    superseded: bool
    latest_version: int | None
    declaration: Declaration | None
    issued_at: datetime | None
    expires_at: datetime | None


# ------------------------------------------------------------------ payloads


@strawberry.type
class DeclarationSubmitSuccess:
    declaration: Declaration
    replayed: bool = strawberry.field(description="True when this key was already submitted.")


@strawberry.type
class DeclarationDraftSaved:
    draft: DeclarationDraftInfo


@strawberry.type
class DeclarationDraftDeleted:
    ok: bool = True


@strawberry.type
class OutcomeRecorded:
    declaration_id: strawberry.ID
    outcome: InspectionOutcomeInfo
    replayed: bool


DeclarationSubmitResult = Annotated[
    DeclarationSubmitSuccess | ValidationError | DeclarationError,
    strawberry.union("DeclarationSubmitResult"),
]
DraftSaveResult = Annotated[
    DeclarationDraftSaved | DraftConflictError | DeclarationError | ValidationError,
    strawberry.union("DraftSaveResult"),
]
DraftDeleteResult = Annotated[
    DeclarationDraftDeleted | DeclarationError, strawberry.union("DraftDeleteResult")
]
OutcomeRecordResult = Annotated[
    OutcomeRecorded | ValidationError | DeclarationError, strawberry.union("OutcomeRecordResult")
]
DutyEstimateResult = Annotated[
    DutyEstimate | ValidationError | DeclarationError, strawberry.union("DutyEstimateResult")
]


@strawberry.type
class DutyRulesPublished:
    version: str | None
    rates_date: str | None


DutyRulesPublishResult = Annotated[
    DutyRulesPublished | ValidationError, strawberry.union("DutyRulesPublishResult")
]
