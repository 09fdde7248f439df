"""People and their identity documents: validating what a person says about themself and
creating the record once.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from palm_customs.core import clock
from palm_customs.core.errors import FieldProblem, ValidationErrorCode, Validator
from palm_customs.core.ratelimit import RateLimiter, network_of, sign_up_policy
from palm_customs.identity import documents
from palm_customs.identity.errors import AccountErrorCode, AccountProblem, TooManyAttemptsError
from palm_customs.identity.models import (
    Account,
    AccountKind,
    DocumentType,
    Person,
    RetainedIdentity,
)
from palm_customs.settings import Settings

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s.]{2,}$")
_MOBILE = re.compile(r"^\+?[0-9]{6,15}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_PERMIT = re.compile(r"^[A-Z0-9]{8,11}$")


@dataclass(frozen=True, slots=True)
class PersonData:
    full_name: str
    date_of_birth: date | None
    nationality: str
    is_resident: bool
    document_type: DocumentType
    document_number: str
    email: str | None = None
    mobile: str | None = None
    document_country: str | None = None
    document_expiry: date | None = None
    mrz_line1: str | None = None
    mrz_line2: str | None = None


@dataclass(frozen=True, slots=True)
class CleanPerson:
    full_name: str
    date_of_birth: date | None
    nationality: str
    is_resident: bool
    document_type: DocumentType
    document_number: str
    document_country: str
    document_expiry: date | None
    email: str | None
    mobile: str | None

    @property
    def sign_in_name(self) -> str | None:
        return self.email or self.mobile

    def as_json(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "nationality": self.nationality,
            "is_resident": self.is_resident,
            "document_type": self.document_type.value,
            "document_number": self.document_number,
            "document_country": self.document_country,
            "document_expiry": self.document_expiry.isoformat() if self.document_expiry else None,
            "email": self.email,
            "mobile": self.mobile,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CleanPerson:
        def day(value: Any) -> date | None:
            return date.fromisoformat(value) if value else None

        return cls(
            full_name=data["full_name"],
            date_of_birth=day(data["date_of_birth"]),
            nationality=data["nationality"],
            is_resident=bool(data["is_resident"]),
            document_type=DocumentType(data["document_type"]),
            document_number=data["document_number"],
            document_country=data["document_country"],
            document_expiry=day(data["document_expiry"]),
            email=data["email"],
            mobile=data["mobile"],
        )


def _document_problem(error: documents.DocumentNumberInvalid, path: str) -> FieldProblem:
    code = {
        "check_digit": ValidationErrorCode.CHECK_DIGIT,
        "length": ValidationErrorCode.INVALID_FORMAT,
        "charset": ValidationErrorCode.INVALID_FORMAT,
    }.get(error.reason, ValidationErrorCode.INVALID_FORMAT)
    return FieldProblem(path, code)


def validate_person(data: PersonData, *, today: date | None = None) -> CleanPerson:
    """Check every field at once; raise ValidationFailed listing all problems."""
    today = today or clock.today()
    check = Validator()
    full_name = check.text("input.fullName", data.full_name, max_len=120)
    nationality = data.nationality.strip().upper()
    if not _COUNTRY.match(nationality):
        check.problems.append(FieldProblem("input.nationality", ValidationErrorCode.INVALID_FORMAT))
    date_of_birth = data.date_of_birth
    if date_of_birth is not None and date_of_birth > today:
        check.problems.append(FieldProblem("input.dateOfBirth", ValidationErrorCode.IN_THE_FUTURE))
    elif date_of_birth is not None and date_of_birth.year < 1900:
        check.problems.append(
            FieldProblem(
                "input.dateOfBirth",
                ValidationErrorCode.OUT_OF_RANGE,
                {"low": "1900-01-01", "high": today.isoformat()},
            )
        )
    email = (data.email or "").strip().lower() or None
    if email is not None and (len(email) > 254 or not _EMAIL.match(email)):
        check.problems.append(FieldProblem("input.email", ValidationErrorCode.INVALID_FORMAT))
    mobile = re.sub(r"[\s\-()]", "", data.mobile or "") or None
    if mobile is not None and not _MOBILE.match(mobile):
        check.problems.append(FieldProblem("input.mobile", ValidationErrorCode.INVALID_FORMAT))

    number = ""
    country = (data.document_country or "").strip().upper()
    expiry = data.document_expiry
    if not data.document_number.strip():
        check.problems.append(FieldProblem("input.documentNumber", ValidationErrorCode.REQUIRED))
    elif data.document_type is DocumentType.RESIDENT_ID:
        try:
            parsed = documents.parse_resident_id(data.document_number, today=today)
            number, country = parsed.number, "CHN"
            if date_of_birth is None:
                date_of_birth = parsed.birth_date
            elif date_of_birth != parsed.birth_date:
                check.problems.append(
                    FieldProblem("input.dateOfBirth", ValidationErrorCode.INVALID_FORMAT)
                )
        except documents.DocumentNumberInvalid as error:
            check.problems.append(_document_problem(error, "input.documentNumber"))
    elif data.document_type is DocumentType.PASSPORT:
        try:
            number = documents.normalise_passport_number(data.document_number)
        except documents.DocumentNumberInvalid as error:
            check.problems.append(_document_problem(error, "input.documentNumber"))
        if data.mrz_line1 or data.mrz_line2:
            try:
                mrz = documents.parse_td3(data.mrz_line1 or "", data.mrz_line2 or "", today=today)
                if number and mrz.document_number != number:
                    check.problems.append(
                        FieldProblem("input.documentNumber", ValidationErrorCode.INVALID_FORMAT)
                    )
                expiry = expiry or mrz.expiry_date
                # Scanned, the issuing state is read from the document, never chosen.
                country = mrz.issuing_state
            except documents.DocumentNumberInvalid as error:
                check.problems.append(_document_problem(error, "input.mrz"))
        if not _COUNTRY.match(country):
            check.problems.append(
                FieldProblem("input.documentCountry", ValidationErrorCode.INVALID_FORMAT)
            )
    else:
        number = re.sub(r"\s", "", data.document_number).upper()
        if not _PERMIT.match(number):
            check.problems.append(
                FieldProblem("input.documentNumber", ValidationErrorCode.INVALID_FORMAT)
            )
        country = country or "CHN"
    if data.document_type is not DocumentType.RESIDENT_ID:
        if expiry is None:
            check.problems.append(
                FieldProblem("input.documentExpiry", ValidationErrorCode.REQUIRED)
            )
        elif expiry <= today:
            check.problems.append(
                FieldProblem("input.documentExpiry", ValidationErrorCode.IN_THE_PAST)
            )
    if date_of_birth is None and not check.problems:
        check.problems.append(FieldProblem("input.dateOfBirth", ValidationErrorCode.REQUIRED))
    check.raise_if_any()
    return CleanPerson(
        full_name=full_name,
        date_of_birth=date_of_birth,
        nationality=nationality,
        is_resident=data.is_resident,
        document_type=data.document_type,
        document_number=number,
        document_country=country,
        document_expiry=expiry,
        email=email,
        mobile=mobile,
    )


# Documents of one family identify a person the same way: a passport number typed again as a
# travel permit is the same document for fairness.
_FAMILY = {
    DocumentType.RESIDENT_ID: "RID",
    DocumentType.PASSPORT: "TRV",
    DocumentType.TRAVEL_PERMIT: "TRV",
}


def normalise_number(number: str) -> str:
    """Letters and digits only, upper case (spaces, dashes and full-width forms removed)."""
    folded = unicodedata.normalize("NFKC", number).upper()
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())


def document_key(document_type: DocumentType, number: str, country: str | None) -> str:
    """What identifies a document: type family, issuing state, normalised number."""
    state = "CHN" if document_type is DocumentType.RESIDENT_ID else (country or "").upper()
    return f"{_FAMILY[document_type]}:{state}:{normalise_number(number)}"


def _name_key(full_name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", full_name).casefold().split())


def retention_key(settings: Settings) -> bytes:
    if settings.identity_hash_key is not None:
        return settings.identity_hash_key.reveal().encode()
    return hmac.new(
        settings.secret_key.reveal().encode(), b"palm:identity-retention", hashlib.sha256
    ).digest()


def document_hash(settings: Settings, key: str) -> str:
    """The keyed hash kept of a deleted person's document (see RetainedIdentity)."""
    return hmac.new(retention_key(settings), key.encode(), hashlib.sha256).hexdigest()


def document_hashes(settings: Settings, key: str) -> list[str]:
    """The document's hash under the current key and under each retired one: what may have
    been kept of it before the key was rotated."""
    retired = [k.reveal().encode() for k in settings.identity_hash_retired_keys]
    return [document_hash(settings, key)] + [
        hmac.new(k, key.encode(), hashlib.sha256).hexdigest() for k in retired
    ]


async def _ensure_person_is_new(connection: BaseDBAsyncClient, person: CleanPerson) -> None:
    key = document_key(person.document_type, person.document_number, person.document_country)
    family = [t for t, f in _FAMILY.items() if f == _FAMILY[person.document_type]]
    # The same number in the same family under another issuing state is refused too: a
    # typed (unscanned) passport's state is the person's choice, so it cannot tell two apart.
    taken = (
        await Person.filter(document_key=key).using_db(connection).exists()
        or await Person.filter(
            document_type__in=family, document_number=normalise_number(person.document_number)
        )
        .using_db(connection)
        .exists()
    )
    if taken:
        raise AccountProblem(
            AccountErrorCode.DOCUMENT_ALREADY_REGISTERED, field="input.documentNumber"
        )
    if (
        person.sign_in_name
        and await Account.filter(sign_in_name=person.sign_in_name).using_db(connection).exists()
    ):
        field_path = "input.email" if person.email else "input.mobile"
        raise AccountProblem(AccountErrorCode.SIGN_IN_NAME_TAKEN, field=field_path)


async def _human_key(
    connection: BaseDBAsyncClient, settings: Settings, person: CleanPerson, key: str
) -> str:
    """The human a new person is: the one whose deleted account held this document within the
    retention period, else one with the same name, date of birth and nationality holding a
    document of the other family (an ID card and a passport), else a new one."""
    retained = (
        await RetainedIdentity.filter(
            document_hash__in=document_hashes(settings, key), retain_until__gt=clock.now()
        )
        .using_db(connection)
        .order_by("-deleted_at")
        .first()
    )
    if retained is not None:
        return retained.human_key
    if person.date_of_birth is not None:
        other_family = [t for t, f in _FAMILY.items() if f != _FAMILY[person.document_type]]
        candidates = await Person.filter(
            date_of_birth=person.date_of_birth,
            nationality=person.nationality,
            document_type__in=other_family,
            human_key__isnull=False,
        ).using_db(connection)
        for candidate in candidates:
            if _name_key(candidate.full_name) == _name_key(person.full_name):
                return str(candidate.human_key)
    return uuid.uuid4().hex


async def _create_person(
    connection: BaseDBAsyncClient, person: CleanPerson, *, user_handle: str, settings: Settings
) -> Account:
    key = document_key(person.document_type, person.document_number, person.document_country)
    human = await _human_key(connection, settings, person, key)
    try:
        account = await Account.create(
            using_db=connection,
            id=uuid.uuid4(),
            kind=AccountKind.PERSON,
            user_handle=user_handle,
            sign_in_name=person.sign_in_name,
        )
        await Person.create(
            using_db=connection,
            account=account,
            full_name=person.full_name,
            date_of_birth=person.date_of_birth,
            nationality=person.nationality,
            is_resident=person.is_resident,
            email=person.email,
            mobile=person.mobile,
            document_type=person.document_type,
            document_number=person.document_number,
            document_country=person.document_country,
            document_expiry=person.document_expiry,
            document_key=key,
            human_key=human,
        )
    except IntegrityError:
        # Someone registered the same document or sign-in name a moment ago.
        raise AccountProblem(AccountErrorCode.DOCUMENT_ALREADY_REGISTERED) from None
    return account


_DEVICE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def device_of(header: str | None) -> str | None:
    """The device id the PWA keeps (a random id in its storage, sent as X-Palm-Device), or
    None when absent or not of its form (then only the network limit applies)."""
    return header if header and _DEVICE.match(header) else None


def _sign_up_keys(ip: str, device: str | None) -> list[str]:
    keys = [f"signup:net:{network_of(ip)}"]
    if device:
        keys.append(f"signup:dev:{hashlib.sha256(device.encode()).hexdigest()[:32]}")
    return keys


async def check_sign_up_limit(limiter: RateLimiter, *, ip: str, device: str | None = None) -> None:
    """Refuse a sign-up while the network, or the device, has created its hourly share of
    accounts (one device on many networks is still one device, and the other way round)."""
    wait = max([await limiter.retry_after(key) for key in _sign_up_keys(ip, device)])
    if wait > 0:
        raise TooManyAttemptsError(wait)


async def count_sign_up(
    limiter: RateLimiter, settings: Settings, *, ip: str, device: str | None = None
) -> None:
    network, *devices = _sign_up_keys(ip, device)
    await limiter.failure(network, sign_up_policy(settings.sign_up_network_limit))
    for key in devices:
        await limiter.failure(key, sign_up_policy(settings.sign_up_device_limit))
