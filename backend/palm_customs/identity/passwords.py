"""The fallback for people without a passkey-capable device: password + TOTP, recovery codes.

Passwords are hashed with argon2id, must be at least 12 characters and not on a bundled list of
common passwords. TOTP codes (RFC 6238) are accepted once each. Recovery codes are shown once;
only their SHA-256 is kept, and each works once.
"""

from __future__ import annotations

import gzip
import secrets
import string
from functools import cache
from importlib import resources

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from palm_customs.core import clock
from palm_customs.core.crypto import token_digest

MIN_LENGTH = 12
MAX_LENGTH = 200
RECOVERY_CODE_COUNT = 10
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
# A valid hash to spend the same time on when the account does not exist.
_DUMMY_HASH = _HASHER.hash("palm-customs-timing-equaliser")


@cache
def _common_passwords() -> frozenset[str]:
    data = resources.files("palm_customs.identity").joinpath("data/common-passwords.txt.gz")
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().lower() for line in lines if line.strip())


def is_common(password: str, *, personal: tuple[str, ...] = ()) -> bool:
    """Common, or a common word dressed with digits and symbols, or built on personal data."""
    lowered = password.lower()
    stripped = lowered.rstrip(string.digits + string.punctuation + " ").lstrip(
        string.digits + string.punctuation + " "
    )
    common = _common_passwords()
    if lowered in common or (len(stripped) >= 4 and stripped in common):
        return True
    return any(len(p) >= 4 and p.lower() in lowered for p in personal)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not there is a hash to check against."""
    try:
        return _HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, *, account_name: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account_name, issuer_name="Palm Customs")


def totp_step(secret: str, code: str, *, last_step: int) -> int | None:
    """The time step the code belongs to, if it is valid (±1 step) and newer than `last_step`."""
    cleaned = code.replace(" ", "")
    if len(cleaned) != 6 or not cleaned.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    now_step = totp.timecode(clock.now())
    for step in (now_step - 1, now_step, now_step + 1):
        if step > last_step and secrets.compare_digest(totp.generate_otp(step), cleaned):
            return step
    return None


def new_recovery_codes() -> list[str]:
    alphabet = "23456789abcdefghjkmnpqrstuvwxyz"
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(alphabet) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def recovery_code_digest(code: str) -> str:
    return token_digest(code.strip().lower().replace(" ", ""))
