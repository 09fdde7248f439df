"""Submitting a declaration: a number, the signed credential (the QR), idempotent retries."""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from palm_customs.core import clock, signing
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, ValidationFailed
from palm_customs.core.principal import Principal
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem
from palm_customs.declarations.models import (
    Declaration,
    DeclarationDraft,
    DeclarationPhoto,
    DeclarationStatus,
)
from palm_customs.declarations.money_text import cny_in_every_language
from palm_customs.declarations.services.duty_rules import current_rules
from palm_customs.declarations.services.inputs import DeclarationInput
from palm_customs.declarations.services.validation import CleanDeclaration, validate
from palm_customs.identity.models import Person
from palm_customs.notifications import services as notifications
from palm_customs.notifications.models import NotificationType
from palm_customs.settings import Settings

CREDENTIAL_TYPE = "declaration"


_NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


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
            {
                "c": a["category_code"],
                "q": a["quantity"],
                "d": a["description"][:40],
                # the declared value of one, as the traveller gave it ("8000 CNY")
                "val": f"{a['unit_value']} {a['currency']}",
            }
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
                "duty": cny_in_every_language(declaration.total_duty),
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
