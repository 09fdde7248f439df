"""Shared imports for identity's one-mutation modules."""

from __future__ import annotations

from palm_customs.core.ratelimit import RateLimiter
from palm_customs.identity.errors import AccountErrorCode
from palm_customs.identity.models import DocumentType
from palm_customs.identity.services import PersonData, count_sign_up
from palm_customs.identity.types import AccountError, PersonInput
from palm_customs.settings import Settings


def person_data(person: PersonInput) -> PersonData:
    return PersonData(
        full_name=person.full_name,
        date_of_birth=person.date_of_birth,
        nationality=person.nationality,
        is_resident=person.is_resident,
        document_type=DocumentType(person.document_type),
        document_number=person.document_number,
        email=person.email,
        mobile=person.mobile,
        document_country=person.document_country,
        document_expiry=person.document_expiry,
        mrz_line1=person.mrz_line1,
        mrz_line2=person.mrz_line2,
    )


# Sign-up answers which names and documents are taken (a person must learn why they cannot
# register); each such answer uses up one of the network's hourly sign-ups, so probing for
# who has an account costs what creating accounts costs (README, "Account enumeration").
_TAKEN = frozenset(
    {AccountErrorCode.SIGN_IN_NAME_TAKEN, AccountErrorCode.DOCUMENT_ALREADY_REGISTERED}
)


async def count_taken_answer(
    result: object, limiter: RateLimiter, settings: Settings, *, ip: str
) -> None:
    if isinstance(result, AccountError) and result.code in _TAKEN:
        await count_sign_up(limiter, settings, ip=ip)
