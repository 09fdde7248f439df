"""GraphQL glue shared by identity's resolvers: presenting the account, setting cookies."""

from __future__ import annotations

import uuid
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core import clock
from palm_customs.core.permissions import Principal
from palm_customs.identity import passkeys, sessions
from palm_customs.identity.models import (
    Account,
    AccountKind,
    Challenge,
    ChallengePurpose,
    EnterpriseMembership,
    MembershipStatus,
    Officer,
    Passkey,
    Person,
    Session,
)
from palm_customs.identity.services import Ceremony, SignedIn
from palm_customs.identity.types import (
    Enterprise,
    Me,
    OfficerProfile,
    PasskeyCeremony,
    PersonProfile,
    SignInSuccess,
)
from palm_customs.identity.types import EnterpriseMembership as MembershipType


def mask(number: str) -> str:
    """Enough of a document number to recognise it, not enough to misuse it."""
    if len(number) <= 4:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 4) + number[-2:]


async def present_me(account_id: uuid.UUID, session: Session) -> Me:
    account = await Account.get(id=account_id)
    now = clock.now()
    level = sessions.level_of(session, now)
    # An enrolment-only session (a password alone) sees no personal data: only that it must
    # finish setting up a second factor.
    enrolment_only = sessions.is_enrolment_only(session)
    person = None if enrolment_only else await Person.get_or_none(account_id=account_id)
    officer = None if enrolment_only else await Officer.get_or_none(account_id=account_id)
    memberships = (
        []
        if enrolment_only
        else await EnterpriseMembership.filter(
            account_id=account_id, status__in=[MembershipStatus.INVITED, MembershipStatus.ACTIVE]
        ).prefetch_related("enterprise")
    )
    step_up_until = session.step_up_at + sessions.STEP_UP_VALID_FOR if session.step_up_at else None
    return Me(
        account_id=strawberry.ID(str(account.id)),
        kind=account.kind,
        assurance_level=int(level),
        step_up_valid_until=step_up_until if step_up_until and step_up_until > now else None,
        sign_in_method=session.method,
        session_expires_at=min(
            session.expires_at, session.last_seen_at + sessions.timeouts_for(session).idle
        ),
        has_passkey=await Passkey.filter(account_id=account_id).exists(),
        needs_totp_confirmation=session.pending_totp_encrypted is not None,
        person=PersonProfile(
            full_name=person.full_name,
            date_of_birth=person.date_of_birth,
            nationality=person.nationality,
            is_resident=person.is_resident,
            document_type=person.document_type,
            document_number_masked=mask(person.document_number or ""),
            document_expiry=person.document_expiry,
            email=person.email,
            mobile=person.mobile,
        )
        if person and account.kind is AccountKind.PERSON
        else None,
        officer=OfficerProfile(
            badge_number=officer.badge_number,
            full_name=officer.full_name,
            unit=officer.unit,
            roles=list(officer.roles),
        )
        if officer
        else None,
        memberships=[
            MembershipType(
                id=strawberry.ID(str(m.id)),
                enterprise=Enterprise(
                    id=strawberry.ID(str(m.enterprise.id)),
                    name=m.enterprise.name,
                    uscc=m.enterprise.uscc,
                ),
                role=m.role,
                status=m.status,
            )
            for m in memberships
        ],
    )


async def signed_in(info: Info[Context, Any], result: SignedIn) -> None:
    """Hand the new session's token to the browser (HttpOnly cookie), and remember the
    language the person uses, so notifications are worded in it."""
    limits = sessions.timeouts_for(result.session)
    info.context.set_session_cookie(result.token, max_age=int(limits.absolute.total_seconds()))
    language = info.context.language.value
    if result.account.language != language:
        await Account.filter(id=result.account.id).update(language=language)
        result.account.language = language


async def sign_in_success(info: Info[Context, Any], result: SignedIn) -> SignInSuccess:
    await signed_in(info, result)
    return SignInSuccess(me=await present_me(result.account.id, result.session))


def ceremony(result: Ceremony) -> PasskeyCeremony:
    return PasskeyCeremony(
        challenge_id=strawberry.ID(str(result.challenge_id)), options_json=result.options_json
    )


class ChallengeSlot:
    """Consumes a challenge before the mutation's transaction, so a failure still burns it."""

    def __init__(
        self, challenge_id: str, purpose: ChallengePurpose, *, session_id: uuid.UUID | None = None
    ) -> None:
        """`session_id`: the challenge must have been started in this session (ceremonies of a
        signed-in session: step-up, adding a passkey)."""
        self.challenge_id = challenge_id
        self.purpose = purpose
        self.session_id = session_id
        self._value: Challenge | None = None

    async def consume(self) -> None:
        self._value = await passkeys.consume_challenge(
            None, challenge_id=self.challenge_id, purpose=self.purpose, session_id=self.session_id
        )

    @property
    def value(self) -> Challenge:
        assert self._value is not None, "consume() runs first (run_mutation's prepare)"
        return self._value


def current_session_id(principal: Principal) -> uuid.UUID | None:
    return principal.session_id
