"""Validators for identity document numbers, with the check-digit algorithms of their standards.

- Resident identity card of the PRC (居民身份证号码), GB 11643-1999: 6-digit address code,
  8-digit birth date YYYYMMDD, 3-digit sequence (odd for men, even for women) and a check
  character from ISO 7064 MOD 11-2, where 10 is written 'X'.
- Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters over a 31-character
  set without I, O, Z, S, V; registration authority, entity type, 6-digit administrative
  division code, the 9-character organisation code of GB 11714-1997 (which carries its own MOD 11
  check character) and a MOD 31 check character.
- Passport machine-readable zone, ICAO Doc 9303 Part 3 and Part 4 (TD3, two lines of 44
  characters): check digits with weights 7, 3, 1 modulo 10 over the document number, birth date,
  expiry date, optional personal number, and a composite over all of them.
- Passport numbers typed by hand (no MRZ): 5 to 17 letters and digits; no check digit exists.

Everything here is pure: no I/O and no dependencies beyond the standard library. Failures raise
`DocumentNumberInvalid` naming the field and a stable reason code that callers can map to
messages.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from typing import Literal, NoReturn

from palm_customs.core import clock

__all__ = [
    "DocumentNumberInvalid",
    "Passport",
    "ResidentId",
    "SocialCreditCode",
    "mrz_check_digit",
    "normalise_passport_number",
    "parse_resident_id",
    "parse_td3",
    "parse_uscc",
]

Field = Literal[
    "resident_id",
    "uscc",
    "passport_number",
    "document_number",
    "birth_date",
    "expiry_date",
    "personal_number",
    "composite",
    "format",
]
Reason = Literal[
    "length",
    "charset",
    "check_digit",
    "birth_date",
    "date",
    "division_code",
    "organisation_code",
    "document_type",
    "sex",
]


class DocumentNumberInvalid(Exception):
    """A document number failed validation.

    `field` names the part that failed and `reason` is a stable code (see `Reason`); both are
    meant for machines, the message for people.
    """

    def __init__(self, field: Field, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.field: Field = field
        self.reason: Reason = reason

    def __repr__(self) -> str:
        return f"DocumentNumberInvalid(field={self.field!r}, reason={self.reason!r}, {self})"


def _fail(field: Field, reason: Reason, message: str) -> NoReturn:
    raise DocumentNumberInvalid(field, reason, message)


# A child born today in China must not be "born in the future" on a server running in UTC:
# today is the service's calendar day (China Standard Time), from the one clock.
def _today_in_china() -> date:
    return clock.today()


# Chinese input methods produce full-width forms (１１０１…Ｘ) and ideographic spaces. Fold just
# those; NFKC would also turn ligatures, superscripts and Roman numerals into ASCII, and
# str.upper() turns 'ß' into 'SS', so neither is applied to unchecked input.
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _fold(text: str) -> str:
    return text.translate(_FULL_WIDTH).strip()


_DIGITS = frozenset(string.digits)
_UPPER = frozenset(string.ascii_uppercase)
_ALNUM = _DIGITS | _UPPER | frozenset(string.ascii_lowercase)


# --- Resident identity card, GB 11643-1999 ------------------------------------------------------

Sex = Literal["F", "M"]

# ISO 7064 MOD 11-2: the weight of position i (0-based, 17 positions before the check) is
# 2**(17 - i) mod 11.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True, slots=True)
class ResidentId:
    number: str
    """18 characters, check 'X' in upper case."""
    address_code: str
    birth_date: date
    sequence: str
    sex: Sex


def _resident_id_check_char(body: str) -> str:
    total = sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True))
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def parse_resident_id(number: str, *, today: date | None = None) -> ResidentId:
    """Validate an 18-character resident ID number and return its parts.

    `today` bounds the birth date (default: today in China Standard Time). The 15-digit numbers
    of GB 11643-1989 have no check character and are refused (reason "length").
    """
    folded = _fold(number)
    if len(folded) != 18:
        _fail("resident_id", "length", f"expected 18 characters, got {len(folded)}")
    body, check = folded[:17], folded[17]
    if not set(body) <= _DIGITS or check not in "0123456789Xx":
        _fail("resident_id", "charset", "expected 17 digits and a digit or X")
    check = check.upper()

    try:
        birth = date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    except ValueError:
        _fail("resident_id", "birth_date", f"{body[6:14]} is not a calendar date")
    if birth.year < 1900:
        _fail("resident_id", "birth_date", f"birth date {birth} is before 1900")
    if birth > (today if today is not None else _today_in_china()):
        _fail("resident_id", "birth_date", f"birth date {birth} is in the future")

    expected = _resident_id_check_char(body)
    if check != expected:
        _fail("resident_id", "check_digit", "check character does not match")

    sequence = body[14:17]
    return ResidentId(
        number=body + check,
        address_code=body[:6],
        birth_date=birth,
        sequence=sequence,
        sex="M" if int(sequence) % 2 == 1 else "F",
    )


# --- Unified social credit code, GB 32100-2015 ---------------------------------------------------

_USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(_USCC_CHARSET)}
# 3**i mod 31 for i = 0..16.
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714-1997 organisation code: 8 body characters, MOD 11 check character.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True, slots=True)
class SocialCreditCode:
    code: str
    registration_authority: str
    """Position 1, e.g. '1' staffing offices, '5' civil affairs, '9' market regulation."""
    entity_type: str
    """Position 2, meaningful only together with the registration authority."""
    division_code: str
    """Positions 3-8: administrative division (GB/T 2260) of the registering authority."""
    organisation_code: str
    """Positions 9-17: the GB 11714 organisation code, including its own check character."""


def _uscc_check_char(body: str) -> str:
    total = sum(_USCC_VALUE[c] * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARSET[(31 - total % 31) % 31]


def _organisation_check_char(body: str) -> str:
    # GB 11714 maps 0-9 to themselves and A-Z to 10-35; base-36 int() does exactly that.
    total = sum(int(c, 36) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def parse_uscc(code: str) -> SocialCreditCode:
    """Validate an 18-character unified social credit code and return its parts.

    Both check characters are verified: the code's own (MOD 31) and the embedded organisation
    code's (GB 11714, MOD 11). Registration authority and entity type are not checked against
    the published tables, which grow over time.
    """
    folded = _fold(code)
    if len(folded) != 18:
        _fail("uscc", "length", f"expected 18 characters, got {len(folded)}")
    if not set(folded) <= _ALNUM:
        _fail("uscc", "charset", "expected letters and digits only")
    normalised = folded.upper()
    if not set(normalised) <= _USCC_VALUE.keys():
        _fail("uscc", "charset", "the letters I, O, S, V and Z are never used")
    if not set(normalised[2:8]) <= _DIGITS:
        _fail("uscc", "division_code", "positions 3-8 must be digits")

    if normalised[17] != _uscc_check_char(normalised[:17]):
        _fail("uscc", "check_digit", "check character does not match")

    organisation = normalised[8:17]
    if organisation[8] != _organisation_check_char(organisation[:8]):
        _fail("uscc", "organisation_code", "organisation code check character does not match")

    return SocialCreditCode(
        code=normalised,
        registration_authority=normalised[0],
        entity_type=normalised[1],
        division_code=normalised[2:8],
        organisation_code=organisation,
    )


# --- Passport, ICAO Doc 9303 ---------------------------------------------------------------------

_MRZ_WEIGHTS = (7, 3, 1)
_MRZ_CHARSET = frozenset(string.digits + string.ascii_uppercase + "<")
_MRZ_NAME_CHARSET = frozenset(string.ascii_uppercase + "<")
_TD3_LENGTH = 44

PassportSex = Literal["F", "M", "X"]
_MRZ_SEX: dict[str, PassportSex | None] = {"F": "F", "M": "M", "X": "X", "<": None}


@dataclass(frozen=True, slots=True)
class Passport:
    document_code: str
    """'P' or 'P' plus the state's type letter, e.g. 'PD' for a diplomatic passport."""
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date
    sex: PassportSex | None
    """None when the MRZ says '<' (unspecified)."""
    expiry_date: date
    personal_number: str | None


def _mrz_value(char: str) -> int:
    if char == "<":
        return 0
    return int(char, 36)


def mrz_check_digit(field: str) -> str:
    """ICAO 9303 check digit of an MRZ field: weights 7, 3, 1 repeating, sum modulo 10."""
    if not set(field) <= _MRZ_CHARSET:
        _fail("format", "charset", "MRZ fields use only A-Z, 0-9 and '<'")
    total = sum(_mrz_value(c) * _MRZ_WEIGHTS[i % 3] for i, c in enumerate(field))
    return str(total % 10)


def _require_check(field: Field, data: str, check: str) -> None:
    if check != mrz_check_digit(data):
        _fail(field, "check_digit", f"check digit {check!r} does not match {data!r}")


def _mrz_date(field: Field, yymmdd: str, century: int) -> date:
    if not set(yymmdd) <= _DIGITS:
        _fail(field, "date", f"{yymmdd!r} is not a YYMMDD date")
    try:
        return date(century + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6]))
    except ValueError:
        _fail(field, "date", f"{yymmdd} is not a calendar date")


def _birth_date(yymmdd: str, today: date) -> date:
    # Two-digit years: a holder was born within the hundred years up to today, so take this
    # century unless that would put the birth in the future.
    birth = _mrz_date("birth_date", yymmdd, 2000)
    if birth > today:
        birth = _mrz_date("birth_date", yymmdd, 1900)
    return birth


def _names(field: str) -> tuple[str, str]:
    surname, _, given = field.partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def parse_td3(line1: str, line2: str, *, today: date | None = None) -> Passport:
    """Validate the two 44-character MRZ lines of a passport (TD3) and return its data.

    Birth years are read in the century window ending `today` (default: today in China
    Standard Time); expiry years are 20YY. Nationality, sex and names are not covered by any
    check digit, so a misread there cannot be detected.
    """
    for line in (line1, line2):
        if len(line) != _TD3_LENGTH:
            _fail("format", "length", f"each MRZ line has 44 characters, got {len(line)}")
    if not set(line1) <= _MRZ_NAME_CHARSET:
        _fail("format", "charset", "line 1 uses only A-Z and '<'")
    if not set(line2) <= _MRZ_CHARSET:
        _fail("format", "charset", "line 2 uses only A-Z, 0-9 and '<'")
    if line1[0] != "P":
        _fail("format", "document_type", f"a passport MRZ starts with 'P', not {line1[0]!r}")

    number, number_check = line2[0:9], line2[9]
    nationality = line2[10:13]
    birth, birth_check = line2[13:19], line2[19]
    sex = line2[20]
    expiry, expiry_check = line2[21:27], line2[27]
    personal, personal_check = line2[28:42], line2[42]
    composite_check = line2[43]

    _require_check("document_number", number, number_check)
    _require_check("birth_date", birth, birth_check)
    birth_date = _birth_date(birth, today if today is not None else _today_in_china())
    if sex not in _MRZ_SEX:
        _fail("format", "sex", f"sex is F, M, X or '<', not {sex!r}")
    _require_check("expiry_date", expiry, expiry_check)
    expiry_date = _mrz_date("expiry_date", expiry, 2000)
    # ICAO lets an absent personal number carry a filler instead of the digit 0.
    if not (personal_check == "<" and personal == "<" * len(personal)):
        _require_check("personal_number", personal, personal_check)
    _require_check("composite", line2[0:10] + line2[13:20] + line2[21:43], composite_check)

    surname, given_names = _names(line1[5:])
    return Passport(
        document_code=line1[0:2].rstrip("<"),
        issuing_state=line1[2:5].rstrip("<"),
        surname=surname,
        given_names=given_names,
        document_number=number.rstrip("<"),
        nationality=nationality.rstrip("<"),
        birth_date=birth_date,
        sex=_MRZ_SEX[sex],
        expiry_date=expiry_date,
        personal_number=personal.rstrip("<") or None,
    )


def normalise_passport_number(number: str) -> str:
    """A hand-typed passport number: 5 to 17 letters and digits, returned in upper case.

    Passport numbers carry no check digit of their own outside the MRZ, so only shape is checked.
    """
    folded = _fold(number)
    if not 5 <= len(folded) <= 17:
        _fail("passport_number", "length", f"expected 5 to 17 characters, got {len(folded)}")
    if not set(folded) <= _ALNUM:
        _fail("passport_number", "charset", "expected letters A-Z and digits only")
    return folded.upper()
