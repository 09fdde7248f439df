"""Amending a submitted declaration (a new version with a new credential)."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.principal import Principal
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem
from palm_customs.declarations.models import Declaration, DeclarationStatus, InspectionOutcome
from palm_customs.declarations.services.duty_rules import current_rules
from palm_customs.declarations.services.inputs import DeclarationInput
from palm_customs.declarations.services.submission import (
    Submitted,
    _declarant,
    _idempotency,
    _write,
)
from palm_customs.declarations.services.validation import validate
from palm_customs.settings import Settings


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
