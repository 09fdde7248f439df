"""Traveller declarations: validation, drafts, submission with a signed credential, amendment,
officers' verification and outcomes. No GraphQL here."""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from palm_customs.catalogue.models import Port
from palm_customs.core import clock, drafts, signing
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed, Validator
from palm_customs.core.permissions import Principal, Role
from palm_customs.declarations import checklist, duty
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem, DraftConflict
from palm_customs.declarations.models import (
    Declaration,
    DeclarationDraft,
    DeclarationPhoto,
    DeclarationStatus,
    Direction,
    DutyRuleSet,
    ExchangeRateTable,
    InspectionOutcome,
    OutcomeKind,
    TravelMode,
)
from palm_customs.declarations.rules import ExchangeRateTable as RatesData
from palm_customs.declarations.rules import Residency, RuleSet, seed_rates, seed_rule_set
from palm_customs.documents import services as vault
from palm_customs.documents.models import Document, FileFormat
from palm_customs.identity import documents
from palm_customs.identity.models import DocumentType, Person
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType, Urgency
from palm_customs.settings import Settings

MAX_ARTICLES = 100
MAX_COMPANIONS = 20
MAX_CASH_LINES = 20
MAX_QUANTITY = 10_000
MAX_UNIT_VALUE = Decimal("100000000")
MAX_DRAFT_BYTES = drafts.MAX_DRAFT_BYTES
VALID_AFTER = timedelta(hours=24)
CREDENTIAL_TYPE = "declaration"
_TRAVEL_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9 \-]{1,19}$")
_NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


# ------------------------------------------------------------------ inputs


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


# ------------------------------------------------------------------ rules


@dataclass(frozen=True, slots=True)
class CurrentRules:
    rules: RuleSet
    rates: RatesData


async def current_rules(today: date | None = None) -> CurrentRules:
    """The rule set and rate table in force today (the seeded ones until others are published)."""
    today = today or clock.today()
    row = (
        await DutyRuleSet.filter(effective_from__lte=today)
        .order_by("-effective_from", "-id")
        .first()
    )
    rates_row = (
        await ExchangeRateTable.filter(effective_date__lte=today)
        .order_by("-effective_date")
        .first()
    )
    rules = RuleSet.from_dict(row.data) if row else seed_rule_set()
    rates = (
        RatesData.from_dict(
            {
                "date": rates_row.effective_date.isoformat(),
                "source": rates_row.source,
                "rates": rates_row.rates,
            }
        )
        if rates_row
        else seed_rates()
    )
    return CurrentRules(rules=rules, rates=rates)


async def seed_rules() -> int:
    """Demo data: publish the seeded rule set and rate table if absent (idempotent)."""
    created = 0
    rules = seed_rule_set()
    _, new = await DutyRuleSet.get_or_create(
        version=rules.version,
        defaults={
            "effective_from": rules.effective_from,
            "source": rules.source[:300],
            "data": rules.to_dict(),
            "published_by": "seed",
        },
    )
    created += int(new)
    rates = seed_rates()
    _, new = await ExchangeRateTable.get_or_create(
        effective_date=rates.date,
        defaults={
            "source": rates.source[:300],
            "rates": {k: str(v) for k, v in rates.rates.items()},
        },
    )
    return created + int(new)


# ------------------------------------------------------------------ validation


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


def _check_companion_document(
    check: Validator, path: str, companion: CompanionInput, today: date
) -> str:
    number = companion.document_number.strip().upper()
    try:
        if companion.document_type is DocumentType.RESIDENT_ID:
            parsed = documents.parse_resident_id(companion.document_number, today=today)
            if parsed.birth_date != companion.date_of_birth:
                check.problems.append(
                    FieldProblem(f"{path}.dateOfBirth", ValidationErrorCode.INVALID_FORMAT)
                )
            return parsed.number
        if companion.document_type is DocumentType.PASSPORT:
            return documents.normalise_passport_number(companion.document_number)
    except documents.DocumentNumberInvalid as error:
        code = (
            ValidationErrorCode.CHECK_DIGIT
            if error.reason == "check_digit"
            else ValidationErrorCode.INVALID_FORMAT
        )
        check.problems.append(FieldProblem(f"{path}.documentNumber", code))
        return number
    if not re.fullmatch(r"[A-Z0-9]{8,11}", number):
        check.problems.append(
            FieldProblem(f"{path}.documentNumber", ValidationErrorCode.INVALID_FORMAT)
        )
    return number


@dataclass(frozen=True, slots=True)
class CleanDeclaration:
    data: DeclarationInput
    port: Port
    travellers: list[CleanTraveller]
    estimate: duty.Estimate
    valid_from: datetime
    valid_until: datetime
    # Article key -> the vault document that is its photo (checked: the declarant's own).
    photos: dict[str, uuid.UUID] = field(default_factory=dict)


def _decimal_ok(value: Decimal) -> bool:
    return value.is_finite() and value == value.quantize(Decimal("0.01"))


async def validate(
    data: DeclarationInput,
    *,
    declarant: Person,
    settings: Settings,
    now: datetime,
    current: CurrentRules,
) -> CleanDeclaration:
    """Every problem at once, with the path of each field; then the server's own estimate."""
    check = Validator()
    today = clock.day_of(now)
    port = await Port.get_or_none(code=data.port_code.strip().upper()[:12])
    if port is None:
        check.problems.append(FieldProblem("input.portCode", ValidationErrorCode.INVALID_CHOICE))
    travel_number = data.travel_number.strip().upper()
    if not _TRAVEL_NUMBER.match(travel_number):
        check.problems.append(
            FieldProblem("input.travelNumber", ValidationErrorCode.INVALID_FORMAT)
        )
    scheduled = (
        data.scheduled_at if data.scheduled_at.tzinfo else data.scheduled_at.replace(tzinfo=UTC)
    )
    valid_from = scheduled - timedelta(hours=settings.declaration_lead_hours)
    valid_until = scheduled + VALID_AFTER
    if not valid_from <= now <= valid_until:
        check.problems.append(
            FieldProblem(
                "input.scheduledAt",
                ValidationErrorCode.OUT_OF_RANGE,
                {
                    "low": valid_from.strftime("%Y-%m-%d %H:%M"),
                    "high": valid_until.strftime("%Y-%m-%d %H:%M"),
                },
            )
        )
    if declarant.date_of_birth is None or declarant.document_number is None:
        raise DeclarationProblem(DeclarationErrorCode.NO_PROFILE)
    travellers = [
        CleanTraveller(
            key="0",
            full_name=declarant.full_name,
            document_type=str(declarant.document_type),
            document_number=declarant.document_number,
            date_of_birth=declarant.date_of_birth,
            is_resident=declarant.is_resident,
            consent_statement=None,
        )
    ]
    if len(data.companions) > MAX_COMPANIONS:
        check.problems.append(
            FieldProblem(
                "input.companions",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 0, "high": MAX_COMPANIONS},
            )
        )
    for index, companion in enumerate(data.companions[:MAX_COMPANIONS], start=1):
        path = f"input.companions.{index - 1}"
        name = check.text(f"{path}.fullName", companion.full_name, max_len=120)
        if companion.date_of_birth > today or companion.date_of_birth.year < 1900:
            check.problems.append(
                FieldProblem(
                    f"{path}.dateOfBirth",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": "1900-01-01", "high": today.isoformat()},
                )
            )
        number = _check_companion_document(check, path, companion, today)
        consent = check.text(
            f"{path}.consentStatement", companion.consent_statement, min_len=10, max_len=500
        )
        travellers.append(
            CleanTraveller(
                key=str(index),
                full_name=name,
                document_type=companion.document_type.value,
                document_number=number,
                date_of_birth=companion.date_of_birth,
                is_resident=companion.is_resident,
                consent_statement=consent,
            )
        )
    _check_lines(check, data, current, traveller_count=len(travellers), prefix="input.")
    check.raise_if_any()
    assert port is not None
    photos = await _check_photos(data.articles, account_id=declarant.account_id)
    estimate = compute_estimate(data, travellers=travellers, current=current, today=today)
    return CleanDeclaration(
        data=data,
        port=port,
        travellers=travellers,
        estimate=estimate,
        valid_from=valid_from,
        valid_until=valid_until,
        photos=photos,
    )


# ------------------------------------------------------------------ article photos

# What an article's photo may be: a picture or PDF of the goods or of the receipt. A passport
# scan in the same vault is not one (and would otherwise be shown to inspectors).
PHOTO_MATERIALS = frozenset({"PRODUCT_PHOTOS", "INVOICE"})
PHOTO_FORMATS = frozenset({FileFormat.JPEG, FileFormat.PNG, FileFormat.HEIC, FileFormat.PDF})
# How long after a declaration stops being valid inspectors may still open its photos (an
# outcome may be recorded up to 7 days late), and the person may not delete them.
PHOTO_GRACE = timedelta(days=7)
INSPECTING_ROLES = frozenset({Role.INSPECTOR, Role.SUPERVISOR})


async def _check_photos(
    articles: list[ArticleInput], *, account_id: uuid.UUID
) -> dict[str, uuid.UUID]:
    """Each photo must be a document the declarant owns (not an enterprise's), still in the
    vault, and a picture or PDF of goods or a receipt."""
    wanted: dict[int, uuid.UUID | None] = {
        index: vault.parse_id(article.photo_document_id.strip())
        for index, article in enumerate(articles)
        if article.photo_document_id
    }
    keys = {key for key in wanted.values() if key is not None}
    found = {d.id: d for d in await Document.filter(id__in=keys)} if keys else {}
    photos: dict[str, uuid.UUID] = {}
    for index, key in wanted.items():
        path = f"input.articles.{index}.photoDocumentId"
        document = found.get(key) if key is not None else None
        if document is None or document.account_id != account_id:
            # Someone else's document reads as missing: ids cannot be probed.
            raise DeclarationProblem(DeclarationErrorCode.PHOTO_NOT_FOUND, field=path)
        if document.file_format not in PHOTO_FORMATS or document.material_code not in (
            PHOTO_MATERIALS
        ):
            raise DeclarationProblem(DeclarationErrorCode.PHOTO_WRONG_TYPE, field=path)
        photos[articles[index].key] = document.id
    return photos


async def inspector_may_view_photo(officer: Principal, document_id: uuid.UUID) -> bool:
    """The vault asks this before serving a file to an officer: an inspector (or supervisor)
    may open the photo of an article in a declaration that is still in force at the channel
    (or a week after), or in one they recorded the outcome of."""
    if not officer.roles & INSPECTING_ROLES or officer.account_id is None:
        return False
    photos = DeclarationPhoto.filter(document_id=document_id)
    since = clock.now() - PHOTO_GRACE
    if await photos.filter(declaration__valid_until__gte=since).exists():
        return True
    return await photos.filter(declaration__outcomes__officer_id=officer.account_id).exists()


async def photo_in_use(document_id: uuid.UUID) -> bool:
    """A photo of a declaration still in force cannot be deleted from the vault."""
    since = clock.now() - PHOTO_GRACE
    return await DeclarationPhoto.filter(
        document_id=document_id, declaration__valid_until__gte=since
    ).exists()


vault.register_officer_grant(inspector_may_view_photo)
vault.register_usage_check(photo_in_use)


def _check_lines(
    check: Validator,
    data: DeclarationInput,
    current: CurrentRules,
    *,
    traveller_count: int,
    prefix: str,
) -> None:
    """Articles, cash and checklist answers: shared by submission and the live estimate."""
    if len(data.articles) > MAX_ARTICLES:
        check.problems.append(
            FieldProblem(
                f"{prefix}articles",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 0, "high": MAX_ARTICLES},
            )
        )
    keys = set()
    for index, article in enumerate(data.articles[:MAX_ARTICLES]):
        path = f"{prefix}articles.{index}"
        if not article.key or len(article.key) > 40 or article.key in keys:
            check.problems.append(FieldProblem(f"{path}.key", ValidationErrorCode.INVALID_FORMAT))
        keys.add(article.key)
        if not 0 <= article.traveller < traveller_count:
            check.problems.append(
                FieldProblem(f"{path}.traveller", ValidationErrorCode.INVALID_CHOICE)
            )
        if current.rules.category(article.category_code) is None:
            check.problems.append(
                FieldProblem(f"{path}.categoryCode", ValidationErrorCode.INVALID_CHOICE)
            )
        check.text(f"{path}.description", article.description, max_len=200)
        if not 1 <= article.quantity <= MAX_QUANTITY:
            check.problems.append(
                FieldProblem(
                    f"{path}.quantity",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 1, "high": MAX_QUANTITY},
                )
            )
        if not _decimal_ok(article.unit_value) or not 0 <= article.unit_value <= MAX_UNIT_VALUE:
            check.problems.append(
                FieldProblem(
                    f"{path}.unitValue",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 0, "high": MAX_UNIT_VALUE},
                )
            )
        if current.rates.rate(article.currency.upper()) is None:
            check.problems.append(
                FieldProblem(f"{path}.currency", ValidationErrorCode.INVALID_CHOICE)
            )
        if article.unit_measure is not None and not 1 <= article.unit_measure <= 100_000:
            check.problems.append(
                FieldProblem(
                    f"{path}.unitMeasure",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": 1, "high": 100_000},
                )
            )
    if len(data.cash) > MAX_CASH_LINES:
        check.problems.append(
            FieldProblem(
                f"{prefix}cash",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 0, "high": MAX_CASH_LINES},
            )
        )
    for index, money in enumerate(data.cash[:MAX_CASH_LINES]):
        path = f"{prefix}cash.{index}"
        if not 0 <= money.traveller < traveller_count:
            check.problems.append(
                FieldProblem(f"{path}.traveller", ValidationErrorCode.INVALID_CHOICE)
            )
        if current.rates.rate(money.currency.upper()) is None:
            check.problems.append(
                FieldProblem(f"{path}.currency", ValidationErrorCode.INVALID_CHOICE)
            )
        if not _decimal_ok(money.amount) or not 0 < money.amount <= Decimal("1000000000"):
            check.problems.append(
                FieldProblem(
                    f"{path}.amount",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": "0.01", "high": 1_000_000_000},
                )
            )
    unknown = [code for code in data.restricted_yes if code not in checklist.CODES]
    if unknown or len(data.restricted_yes) > len(checklist.CODES):
        check.problems.append(
            FieldProblem(f"{prefix}restrictedYes", ValidationErrorCode.INVALID_CHOICE)
        )


def compute_estimate(
    data: DeclarationInput, *, travellers: list[CleanTraveller], current: CurrentRules, today: date
) -> duty.Estimate:
    """The one pure duty function, fed from validated input (never the client's figures)."""
    cash_by_traveller: dict[str, list[duty.Money]] = {t.key: [] for t in travellers}
    for money in data.cash:
        cash_by_traveller[str(money.traveller)].append(
            duty.Money(amount=money.amount, currency=money.currency.upper())
        )
    duty_travellers = [
        duty.Traveller(
            key=t.key,
            residency=Residency.RESIDENT if t.is_resident else Residency.NON_RESIDENT,
            age=_age_on(t.date_of_birth, today),
            cash=tuple(cash_by_traveller[t.key]),
        )
        for t in travellers
    ]
    articles = [
        duty.Article(
            key=a.key,
            traveller_key=str(a.traveller),
            category=a.category_code,
            quantity=a.quantity,
            unit_value=a.unit_value,
            currency=a.currency.upper(),
            unit_measure=a.unit_measure,
            indivisible=a.indivisible,
            taken_out_again=a.taken_out_again,
        )
        for a in data.articles
    ]
    if data.direction is Direction.DEPARTING:
        # Leaving: no duty is levied on personal articles; only cash and the checklist matter.
        articles = []
    return duty.estimate_duty(
        travellers=duty_travellers,
        articles=articles,
        checklist_yes=list(data.restricted_yes),
        rules=current.rules,
        rates=current.rates,
    )


# ------------------------------------------------------------------ submission


def _new_number(now: datetime) -> str:
    suffix = "".join(secrets.choice(_NUMBER_ALPHABET) for _ in range(6))
    return f"D{now:%y%m%d}{suffix}"


def _claims(declaration: Declaration) -> dict[str, Any]:
    """What the QR carries: enough for an officer offline, nothing the channel doesn't need."""
    return {
        "n": declaration.number,
        "v": declaration.version,
        "dir": declaration.direction.value,
        "port": declaration.port_code,
        "trip": f"{declaration.travel_mode.value}:{declaration.travel_number}",
        "at": declaration.scheduled_at.isoformat(),
        "tr": [
            {
                "name": t["full_name"],
                "doc": t["document_number"],
                "dt": t["document_type"],
                "consent": bool(t.get("consent_statement")),
            }
            for t in declaration.travellers
        ],
        "duty": str(declaration.total_duty),
        "ch": declaration.channel,
        "arts": [
            {"c": a["category_code"], "q": a["quantity"], "d": a["description"][:40]}
            for a in declaration.articles[:30]
        ],
        "nart": len(declaration.articles),
        "rules": declaration.rule_version,
    }


@dataclass(frozen=True, slots=True)
class Submitted:
    declaration: Declaration
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        photos = sorted(
            {
                a["photo_document_id"]
                for a in self.declaration.articles
                if a.get("photo_document_id")
            }
        )
        return (f"declaration:{self.declaration.id}", *(f"document:{p}" for p in photos))


async def _declarant(principal: Principal, connection: BaseDBAsyncClient) -> Person:
    person = await Person.get_or_none(account_id=principal.account_id, using_db=connection)
    if person is None:
        raise DeclarationProblem(DeclarationErrorCode.NO_PROFILE)
    return person


def _idempotency(key: str) -> str:
    cleaned = key.strip()
    if not 8 <= len(cleaned) <= 64 or not re.fullmatch(r"[A-Za-z0-9\-_]+", cleaned):
        raise ValidationFailed([FieldProblem("idempotencyKey", ValidationErrorCode.INVALID_FORMAT)])
    return cleaned


async def _write(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    clean: CleanDeclaration,
    number: str,
    version: int,
    idempotency_key: str,
    draft_id: uuid.UUID | None,
    now: datetime,
) -> Declaration:
    data = clean.data
    estimate = clean.estimate
    declaration = Declaration(
        id=uuid.uuid4(),
        number=number,
        version=version,
        account_id=principal.account_id,
        status=DeclarationStatus.SUBMITTED,
        idempotency_key=idempotency_key,
        draft_id=draft_id,
        direction=data.direction,
        port_code=clean.port.code,
        travel_mode=data.travel_mode,
        travel_number=data.travel_number.strip().upper(),
        scheduled_at=data.scheduled_at,
        valid_from=clean.valid_from,
        valid_until=clean.valid_until,
        travellers=[t.as_json() for t in clean.travellers],
        articles=[
            {
                "key": a.key,
                "traveller": a.traveller,
                "category_code": a.category_code,
                "description": a.description.strip(),
                "quantity": a.quantity,
                "unit_value": str(a.unit_value),
                "currency": a.currency.upper(),
                "unit_measure": a.unit_measure,
                "indivisible": a.indivisible,
                "taken_out_again": a.taken_out_again,
                "duty_free_shop": a.duty_free_shop,
                "photo_document_id": str(clean.photos[a.key]) if a.key in clean.photos else None,
            }
            for a in data.articles
        ],
        cash=[
            {"traveller": c.traveller, "currency": c.currency.upper(), "amount": str(c.amount)}
            for c in data.cash
        ],
        restricted_yes=sorted(set(data.restricted_yes)),
        estimate=estimate.to_dict(),
        total_duty=estimate.duty_cny,
        channel=estimate.channel.value,
        rule_version=estimate.rule_set_version,
        rates_date=estimate.rates_date,
        credential="",
        credential_kid="",
        submitted_at=now,
    )
    issued = await signing.issue(
        settings=settings,
        credential_type=CREDENTIAL_TYPE,
        claims=_claims(declaration),
        issued_at=now,
        expires_at=clean.valid_until,
    )
    declaration.credential = issued.text
    declaration.credential_kid = issued.kid
    await declaration.save(using_db=connection, force_create=True)
    if clean.photos:
        await DeclarationPhoto.bulk_create(
            [
                DeclarationPhoto(declaration_id=declaration.id, article_key=k, document_id=d)
                for k, d in clean.photos.items()
            ],
            using_db=connection,
        )
    if draft_id is not None:
        await (
            DeclarationDraft.filter(id=draft_id, account_id=principal.account_id)
            .using_db(connection)
            .delete()
        )
    await notifications.notify(
        connection,
        recipient_id=declaration.account_id,
        message=notifications.Message(
            type=NotificationType.DECLARATION_RECEIVED,
            subject=f"declaration:{declaration.number}",
            subject_version=declaration.version,
            title_key="notify.declaration_received.title",
            body_key="notify.declaration_received.body",
            params={
                "number": declaration.number,
                "version": declaration.version,
                "duty": str(declaration.total_duty),
            },
            link=f"/declare/declarations/{declaration.id}",
        ),
        now=now,
    )
    return declaration


async def submit(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    data: DeclarationInput,
    idempotency_key: str,
    draft_id: uuid.UUID | None,
    now: datetime | None = None,
) -> Submitted:
    """Submit once per idempotency key: a retry returns the declaration already written."""
    key = _idempotency(idempotency_key)
    existing = await Declaration.get_or_none(
        account_id=principal.account_id, idempotency_key=key, using_db=connection
    )
    if existing is not None:
        return Submitted(declaration=existing, replayed=True)
    now = now or clock.now()
    person = await _declarant(principal, connection)
    clean = await validate(
        data,
        declarant=person,
        settings=settings,
        now=now,
        current=await current_rules(clock.day_of(now)),
    )
    try:
        declaration = await _write(
            connection,
            settings,
            principal=principal,
            clean=clean,
            number=_new_number(now),
            version=1,
            idempotency_key=key,
            draft_id=draft_id,
            now=now,
        )
    except IntegrityError:
        # The same key raced in from another replica: that one won; this is its retry.
        raise DeclarationProblem(DeclarationErrorCode.OUTCOME_CONFLICT) from None
    return Submitted(declaration=declaration)


async def amend(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    principal: Principal,
    declaration_id: str,
    data: DeclarationInput,
    idempotency_key: str,
    now: datetime | None = None,
) -> Submitted:
    """A new version under the same number; the old one verifies as superseded from now on."""
    key = _idempotency(idempotency_key)
    existing = await Declaration.get_or_none(
        account_id=principal.account_id, idempotency_key=key, using_db=connection
    )
    if existing is not None:
        return Submitted(declaration=existing, replayed=True)
    current_row = await _own(connection, principal, declaration_id)
    if current_row.status is DeclarationStatus.SUPERSEDED:
        raise DeclarationProblem(DeclarationErrorCode.SUPERSEDED)
    if (
        current_row.status is DeclarationStatus.CLEARED
        or await InspectionOutcome.filter(declaration_id=current_row.id)
        .using_db(connection)
        .exists()
    ):
        raise DeclarationProblem(DeclarationErrorCode.ALREADY_USED)
    now = now or clock.now()
    person = await _declarant(principal, connection)
    clean = await validate(
        data,
        declarant=person,
        settings=settings,
        now=now,
        current=await current_rules(clock.day_of(now)),
    )
    # Conditional: only the holder of the latest version may supersede it (two amends racing
    # cannot both win).
    superseded = (
        await Declaration.filter(id=current_row.id, status=DeclarationStatus.SUBMITTED)
        .using_db(connection)
        .update(status=DeclarationStatus.SUPERSEDED)
    )
    if superseded != 1:
        raise DeclarationProblem(DeclarationErrorCode.SUPERSEDED)
    declaration = await _write(
        connection,
        settings,
        principal=principal,
        clean=clean,
        number=current_row.number,
        version=current_row.version + 1,
        idempotency_key=key,
        draft_id=None,
        now=now,
    )
    return Submitted(declaration=declaration)


async def _own(
    connection: BaseDBAsyncClient, principal: Principal, declaration_id: str
) -> Declaration:
    try:
        key = uuid.UUID(declaration_id)
    except ValueError:
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND) from None
    row = await Declaration.get_or_none(
        id=key, account_id=principal.account_id, using_db=connection
    )
    if row is None:
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND)
    return row


# ------------------------------------------------------------------ drafts


@dataclass(frozen=True, slots=True)
class DraftSaved:
    draft: DeclarationDraft

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"declaration_draft:{self.draft.id}",)


async def save_draft(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    draft_id: str,
    base_version: int,
    data: dict[str, Any],
    device: str,
    size: int,
) -> DraftSaved:
    """Store a device's draft; a stale base version is a conflict shown to the person."""
    if size > MAX_DRAFT_BYTES:
        raise DeclarationProblem(DeclarationErrorCode.DRAFT_TOO_LARGE)
    try:
        key = uuid.UUID(draft_id)
    except ValueError:
        raise ValidationFailed(
            [FieldProblem("draftId", ValidationErrorCode.INVALID_FORMAT)]
        ) from None
    row = await DeclarationDraft.get_or_none(id=key, using_db=connection)
    if row is not None and row.account_id != principal.account_id:
        # Someone else's draft id: refuse without saying whose it is.
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND)
    saved = await drafts.save_versioned(
        connection,
        DeclarationDraft,
        key={"id": key, "account_id": principal.account_id},
        base_version=base_version,
        values={"data": data},
        device=device,
        conflict=_draft_conflict,
    )
    return DraftSaved(draft=saved)


def _draft_conflict(row: DeclarationDraft | None) -> DraftConflict:
    if row is None:
        return DraftConflict(server_version=0, server_data={}, updated_at="")
    return DraftConflict(
        server_version=row.version, server_data=row.data, updated_at=row.updated_at.isoformat()
    )


async def delete_draft(
    connection: BaseDBAsyncClient, *, principal: Principal, draft_id: str
) -> DraftSaved:
    try:
        key = uuid.UUID(draft_id)
    except ValueError:
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND) from None
    row = await DeclarationDraft.get_or_none(
        id=key, account_id=principal.account_id, using_db=connection
    )
    if row is None:
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND)
    await DeclarationDraft.filter(id=key).using_db(connection).delete()
    return DraftSaved(draft=row)


# ------------------------------------------------------------------ officers


@dataclass(frozen=True, slots=True)
class Verification:
    credential: signing.VerifiedCredential | None
    declaration: Declaration | None
    latest_version: int | None
    problem: DeclarationErrorCode | None


async def verify_credential(text: str, *, now: datetime | None = None) -> Verification:
    """Online verification: the signature, then what the server knows now (superseded? used?)."""
    now = now or clock.now()
    expired: signing.VerifiedCredential | None = None
    try:
        credential = await signing.verify(text, now=now)
    except signing.CredentialExpired as error:
        credential, expired = error.credential, error.credential
    except signing.CredentialTampered:
        return Verification(None, None, None, DeclarationErrorCode.CREDENTIAL_TAMPERED)
    except signing.CredentialUnknownKey:
        return Verification(None, None, None, DeclarationErrorCode.CREDENTIAL_UNKNOWN_KEY)
    except signing.CredentialMalformed:
        return Verification(None, None, None, DeclarationErrorCode.CREDENTIAL_MALFORMED)
    if credential.credential_type != CREDENTIAL_TYPE:
        return Verification(None, None, None, DeclarationErrorCode.CREDENTIAL_MALFORMED)
    number = str(credential.claims.get("n", ""))
    version = int(credential.claims.get("v", 0))
    declaration = await Declaration.get_or_none(number=number, version=version)
    latest = await Declaration.filter(number=number).order_by("-version").first()
    return Verification(
        credential=credential,
        declaration=declaration,
        latest_version=latest.version if latest else None,
        problem=DeclarationErrorCode.CREDENTIAL_EXPIRED if expired else None,
    )


@dataclass(frozen=True, slots=True)
class OutcomeRecorded:
    outcome: InspectionOutcome
    replayed: bool = False

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"declaration:{self.outcome.declaration_id}", f"outcome:{self.outcome.id}")


async def record_outcome(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    number: str,
    version: int,
    kind: OutcomeKind,
    duty_assessed: Decimal | None,
    reason: str,
    receipt_number: str,
    idempotency_key: str,
    observed_at: datetime,
) -> OutcomeRecorded:
    """An officer's outcome, possibly recorded offline earlier; the key makes a resend harmless."""
    key = _idempotency(idempotency_key)
    existing = await InspectionOutcome.get_or_none(idempotency_key=key, using_db=connection)
    if existing is not None:
        if existing.officer_id != principal.account_id:
            raise DeclarationProblem(DeclarationErrorCode.OUTCOME_CONFLICT)
        return OutcomeRecorded(outcome=existing, replayed=True)
    check = Validator()
    clean_reason = check.text(
        "input.reason", reason, required=kind is OutcomeKind.ARTICLES_RETAINED, max_len=500
    )
    clean_receipt = check.text(
        "input.receiptNumber",
        receipt_number,
        required=kind is OutcomeKind.ARTICLES_RETAINED,
        max_len=40,
    )
    if kind is OutcomeKind.DUTY_ASSESSED:
        if duty_assessed is None:
            check.problems.append(FieldProblem("input.dutyAssessed", ValidationErrorCode.REQUIRED))
        elif not _decimal_ok(duty_assessed) or not Decimal("0.01") <= duty_assessed <= Decimal(
            "100000000"
        ):
            check.problems.append(
                FieldProblem(
                    "input.dutyAssessed",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": "0.01", "high": 100_000_000},
                )
            )
    now = clock.now()
    when = observed_at if observed_at.tzinfo else observed_at.replace(tzinfo=UTC)
    if when > now + timedelta(minutes=5) or when < now - timedelta(days=7):
        check.problems.append(
            FieldProblem(
                "input.observedAt",
                ValidationErrorCode.OUT_OF_RANGE,
                {
                    "low": clock.day_of(now - timedelta(days=7)).isoformat(),
                    "high": clock.day_of(now).isoformat(),
                },
            )
        )
    check.raise_if_any()
    declaration = await Declaration.get_or_none(
        number=number.strip().upper(), version=version, using_db=connection
    )
    if declaration is None:
        raise DeclarationProblem(DeclarationErrorCode.NOT_FOUND)
    if declaration.status is DeclarationStatus.SUPERSEDED:
        raise DeclarationProblem(DeclarationErrorCode.SUPERSEDED)
    # One outcome per declaration version: the conditional update is the guard.
    claimed = (
        await Declaration.filter(id=declaration.id, status=DeclarationStatus.SUBMITTED)
        .using_db(connection)
        .update(status=DeclarationStatus.CLEARED)
    )
    if claimed != 1:
        raise DeclarationProblem(DeclarationErrorCode.OUTCOME_CONFLICT)
    assert principal.account_id is not None
    outcome = await InspectionOutcome.create(
        using_db=connection,
        id=uuid.uuid4(),
        declaration_id=declaration.id,
        officer_id=principal.account_id,
        kind=kind,
        duty_assessed=duty_assessed if kind is OutcomeKind.DUTY_ASSESSED else None,
        reason=clean_reason,
        receipt_number=clean_receipt,
        idempotency_key=key,
        recorded_at=now,
        observed_at=when,
    )
    await notifications.notify(
        connection,
        recipient_id=declaration.account_id,
        message=notifications.Message(
            type=NotificationType.DECLARATION_OUTCOME,
            subject=f"declaration:{declaration.number}",
            subject_version=declaration.version,
            title_key="notify.declaration_outcome.title",
            body_key=f"notify.declaration_outcome.body.{kind.value}",
            params={
                "number": declaration.number,
                "duty": str(duty_assessed or ""),
                "receipt": clean_receipt,
            },
            link=f"/declare/declarations/{declaration.id}",
            urgency=Urgency.HIGH,
        ),
        now=now,
    )
    return OutcomeRecorded(outcome=outcome)


def parse_decimal(value: str, path: str) -> Decimal:
    try:
        return Decimal(value)
    except (InvalidOperation, ValueError):
        raise ValidationFailed([FieldProblem(path, ValidationErrorCode.INVALID_FORMAT)]) from None


@dataclass(frozen=True, slots=True)
class EstimateTraveller:
    is_resident: bool
    date_of_birth: date


async def estimate_only(
    *,
    travellers: list[EstimateTraveller],
    articles: list[ArticleInput],
    cash: list[CashInput],
    restricted_yes: list[str],
    direction: Direction = Direction.ARRIVING,
    today: date | None = None,
) -> duty.Estimate:
    """The live estimate as the traveller types: the same pure function, nothing stored."""
    today = today or clock.today()
    current = await current_rules(today)
    problems: list[FieldProblem] = []
    if not 1 <= len(travellers) <= MAX_COMPANIONS + 1:
        problems.append(
            FieldProblem(
                "travellers",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": 1, "high": MAX_COMPANIONS + 1},
            )
        )
    for index, traveller in enumerate(travellers[: MAX_COMPANIONS + 1]):
        if traveller.date_of_birth > today or traveller.date_of_birth.year < 1900:
            problems.append(
                FieldProblem(
                    f"travellers.{index}.dateOfBirth",
                    ValidationErrorCode.OUT_OF_RANGE,
                    {"low": "1900-01-01", "high": today.isoformat()},
                )
            )
    clean = [
        CleanTraveller(
            key=str(i),
            full_name="",
            document_type="",
            document_number="",
            date_of_birth=t.date_of_birth,
            is_resident=t.is_resident,
            consent_statement=None,
        )
        for i, t in enumerate(travellers[: MAX_COMPANIONS + 1])
    ]
    data = DeclarationInput(
        direction=direction,
        port_code="",
        travel_mode=TravelMode.FLIGHT,
        travel_number="",
        scheduled_at=clock.now(),
        articles=articles,
        cash=cash,
        restricted_yes=restricted_yes,
    )
    check = Validator()
    check.problems.extend(problems)
    _check_lines(check, data, current, traveller_count=len(clean), prefix="")
    check.raise_if_any()
    return compute_estimate(data, travellers=clean, current=current, today=today)
