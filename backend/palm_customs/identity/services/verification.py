"""Real checks of a person's identity document (issue #20). Registering with a well-formed
number (valid check digits) gives the CHECKED level; VERIFIED needs one of:

- an officer at a window who saw the document and typed its number (it must be the number
  the person registered), recorded with the booking they were serving;
- the configured real-name verification service answering "match" (verification_provider).

Each check is kept as an IdentityVerification row (who or what, when, their reference).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.ratelimit import Policy, RateLimiter
from palm_customs.identity.errors import AccountErrorCode, AccountProblem, TooManyAttemptsError
from palm_customs.identity.models import (
    IdentityLevel,
    IdentityVerification,
    Person,
    VerificationMethod,
)
from palm_customs.identity.services.people import normalise_number
from palm_customs.identity.verification_provider import (
    IdentityClaim,
    Outcome,
    ProviderAnswer,
    VerificationProvider,
)

# Questions to the (paid, external) service per account: five a day.
ONLINE_CHECKS = Policy(
    window=timedelta(days=1), slow_after=5, lock_after=5, lock_for=timedelta(days=1)
)


@dataclass(frozen=True, slots=True)
class IdentityVerified:
    person: Person
    verification: IdentityVerification

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (
            f"account:{self.person.account_id}",
            f"identity_verification:{self.verification.id}",
        )


async def _person(connection: BaseDBAsyncClient, account_id: uuid.UUID) -> Person:
    person = (
        await Person.filter(account_id=account_id).using_db(connection).select_for_update().first()
    )
    if person is None or not person.document_key or not person.document_number:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    return person


async def _record(
    connection: BaseDBAsyncClient,
    person: Person,
    *,
    method: VerificationMethod,
    verified_by: str,
    reference: str,
) -> IdentityVerified:
    verification = await IdentityVerification.create(
        using_db=connection,
        id=uuid.uuid4(),
        account_id=person.account_id,
        document_key=person.document_key,
        method=method,
        verified_by=verified_by[:80],
        reference=reference[:80],
        created_at=clock.now(),
    )
    person.identity_level = IdentityLevel.VERIFIED
    await person.save(using_db=connection, update_fields=["identity_level"])
    return IdentityVerified(person=person, verification=verification)


async def verify_seen_document(
    connection: BaseDBAsyncClient,
    *,
    account_id: uuid.UUID,
    document_number: str,
    officer: str,
    reference: str,
) -> IdentityVerified:
    """An officer saw the person's document and typed its number: it must be theirs."""
    person = await _person(connection, account_id)
    if normalise_number(document_number) != normalise_number(person.document_number or ""):
        raise AccountProblem(AccountErrorCode.DOCUMENT_MISMATCH, field="documentNumber")
    return await _record(
        connection,
        person,
        method=VerificationMethod.OFFICER,
        verified_by=officer,
        reference=reference,
    )


async def ask_provider(
    provider: VerificationProvider | None,
    limiter: RateLimiter,
    *,
    account_id: uuid.UUID,
) -> ProviderAnswer:
    """Ask the service about the person's document (outside any transaction: it is remote)."""
    person = await Person.get_or_none(account_id=account_id)
    if person is None or not person.document_key or not person.document_type:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    if person.identity_level is IdentityLevel.VERIFIED:
        raise AccountProblem(AccountErrorCode.ALREADY_VERIFIED)
    if provider is None:
        raise AccountProblem(AccountErrorCode.VERIFICATION_UNAVAILABLE)
    key = f"verify:account:{account_id}"
    wait = await limiter.retry_after(key)
    if wait > 0:
        raise TooManyAttemptsError(wait)
    await limiter.failure(key, ONLINE_CHECKS)
    return await provider.check(
        IdentityClaim(
            document_type=person.document_type.value,
            document_number=person.document_number or "",
            issuing_state=person.document_country or "",
            full_name=person.full_name,
            date_of_birth=person.date_of_birth,
        )
    )


async def record_provider_answer(
    connection: BaseDBAsyncClient,
    *,
    account_id: uuid.UUID,
    answer: ProviderAnswer,
    provider_name: str,
) -> IdentityVerified:
    person = await _person(connection, account_id)
    if answer.outcome is Outcome.NO_MATCH:
        raise AccountProblem(AccountErrorCode.VERIFICATION_NO_MATCH)
    if answer.outcome is not Outcome.MATCH:
        raise AccountProblem(AccountErrorCode.VERIFICATION_UNAVAILABLE)
    return await _record(
        connection,
        person,
        method=VerificationMethod.PROVIDER,
        verified_by=provider_name,
        reference=answer.reference or "-",
    )
