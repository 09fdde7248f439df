"""Officers: created by an administrator with a one-time enrolment code, enrolled with a passkey."""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.crypto import token_digest
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.principal import Role
from palm_customs.identity.errors import (
    AccountErrorCode,
    AccountProblem,
    SignInErrorCode,
    SignInFailed,
)
from palm_customs.identity.models import (
    Account,
    AccountKind,
    Challenge,
    ChallengePurpose,
    Officer,
)
from palm_customs.identity.services.passkey_registration import (
    begin_registration,
    store_and_sign_in,
    verified_credential,
)
from palm_customs.identity.services.results import Ceremony, SignedIn, _handle
from palm_customs.settings import Settings

ENROLMENT_CODE_TTL = timedelta(hours=24)

BADGE_MAX_LENGTH = 20  # officer.badge_number


OFFICER_ROLES = frozenset(
    r for r in Role if r is not Role.PERSON and r not in (Role.ENTERPRISE_ADMIN, Role.DECLARANT)
)


@dataclass(frozen=True, slots=True)
class OfficerCreated:
    officer: Officer
    enrolment_code: str

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"account:{self.officer.account_id}",)


async def create_officer(
    connection: BaseDBAsyncClient,
    *,
    badge_number: str,
    full_name: str,
    unit: str,
    roles: list[str],
    posts: list[str] | None = None,
) -> OfficerCreated:
    check = Validator()
    badge = check.text("input.badgeNumber", badge_number, max_len=BADGE_MAX_LENGTH).upper()
    name = check.text("input.fullName", full_name, max_len=120)
    clean_unit = check.text("input.unit", unit, max_len=80)
    clean_posts = sorted({p.strip().upper() for p in posts or [] if p.strip()})
    if len(clean_posts) > 50 or any(not re.fullmatch(r"[A-Z0-9\-]{2,20}", p) for p in clean_posts):
        check.problems.append(FieldProblem("input.posts", ValidationErrorCode.INVALID_FORMAT))
    if badge and not re.fullmatch(r"[A-Z0-9\-]{3,20}", badge):
        check.problems.append(FieldProblem("input.badgeNumber", ValidationErrorCode.INVALID_FORMAT))
    valid_roles = sorted({r for r in roles if r in {x.value for x in OFFICER_ROLES}})
    if not roles or len(valid_roles) != len(set(roles)):
        check.problems.append(FieldProblem("input.roles", ValidationErrorCode.INVALID_CHOICE))
    check.raise_if_any()
    if await Officer.filter(badge_number=badge).using_db(connection).exists():
        raise AccountProblem(AccountErrorCode.BADGE_TAKEN, field="input.badgeNumber")
    code = "-".join(secrets.token_hex(3).upper() for _ in range(3))
    account = await Account.create(
        using_db=connection,
        id=uuid.uuid4(),
        kind=AccountKind.OFFICER,
        user_handle=_handle(),
        sign_in_name=badge.lower(),
    )
    officer = await Officer.create(
        using_db=connection,
        account=account,
        badge_number=badge,
        full_name=name,
        unit=clean_unit,
        roles=valid_roles,
        posts=clean_posts,
        enrolment_code_hash=token_digest(code),
        enrolment_expires_at=clock.now() + ENROLMENT_CODE_TTL,
    )
    return OfficerCreated(officer=officer, enrolment_code=code)


async def begin_officer_enrolment(
    connection: BaseDBAsyncClient, settings: Settings, *, badge_number: str, code: str
) -> Ceremony:
    badge = badge_number.strip().upper()
    # Looked up only when it could be a badge number: a longer value is simply unknown.
    officer = (
        await Officer.get_or_none(badge_number=badge, using_db=connection)
        if 0 < len(badge) <= BADGE_MAX_LENGTH
        else None
    )
    now = clock.now()
    valid = (
        officer is not None
        and officer.enrolment_code_hash is not None
        and officer.enrolment_expires_at is not None
        and officer.enrolment_expires_at > now
        and secrets.compare_digest(officer.enrolment_code_hash, token_digest(code.strip().upper()))
    )
    if not valid:
        raise SignInFailed(
            SignInErrorCode.ENROLMENT_CODE_INVALID,
            account_id=str(officer.account_id) if officer else None,
        )
    assert officer is not None
    account = await Account.get(id=officer.account_id, using_db=connection)
    return await begin_registration(
        connection,
        settings,
        purpose=ChallengePurpose.OFFICER_ENROL,
        account=account,
        pending={"code_hash": officer.enrolment_code_hash},
        user_handle=account.user_handle,
        user_name=officer.badge_number,
        display_name=officer.full_name,
    )


async def finish_officer_enrolment(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    challenge: Challenge,
    credential_json: str,
    passkey_name: str,
    ip: str,
    user_agent: str,
    replaces: uuid.UUID | None,
) -> SignedIn:
    name, new = verified_credential(
        settings, challenge=challenge, credential_json=credential_json, passkey_name=passkey_name
    )
    account = await Account.get(id=challenge.account_id, using_db=connection)
    # The code is single-use: only the enrolment that clears it may finish.
    cleared = (
        await Officer.filter(
            account=account, enrolment_code_hash=challenge.pending.get("code_hash")
        )
        .using_db(connection)
        .update(enrolment_code_hash=None, enrolment_expires_at=None, enrolled_at=clock.now())
    )
    if cleared != 1:
        raise SignInFailed(SignInErrorCode.ENROLMENT_CODE_INVALID, account_id=str(account.id))
    return await store_and_sign_in(
        connection,
        account=account,
        new=new,
        name=name,
        ip=ip,
        user_agent=user_agent,
        replaces=replaces,
    )


async def officer_posts(
    account_id: uuid.UUID | None, connection: BaseDBAsyncClient | None = None
) -> frozenset[str]:
    """Where an officer serves: their unit and their other posts (port and site codes).
    Empty for anyone who is not an officer. Officers read and act only there."""
    if account_id is None:
        return frozenset()
    officer = await Officer.get_or_none(account_id=account_id, using_db=connection)
    if officer is None:
        return frozenset()
    return frozenset({officer.unit, *officer.posts})
