"""Shared imports for identity's one-mutation modules."""

from __future__ import annotations

from palm_customs.identity.models import DocumentType
from palm_customs.identity.services import PersonData
from palm_customs.identity.types import PersonInput


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
