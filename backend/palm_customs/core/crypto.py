"""Symmetric encryption of small secrets at rest (e.g. TOTP seeds), keyed from SECRET_KEY."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from palm_customs.settings import Secret


def _fernet(secret_key: Secret, purpose: str) -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=f"palm-customs:{purpose}".encode()
    ).derive(secret_key.reveal().encode())
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(secret_key: Secret, *, purpose: str, plaintext: str) -> str:
    return _fernet(secret_key, purpose).encrypt(plaintext.encode()).decode()


def decrypt(secret_key: Secret, *, purpose: str, token: str) -> str:
    try:
        return _fernet(secret_key, purpose).decrypt(token.encode()).decode()
    except InvalidToken:
        raise ValueError("cannot decrypt: wrong key or altered data") from None


def token_digest(token: str) -> str:
    """SHA-256 of a high-entropy token (session, enrolment code): stored instead of the token."""
    return hashlib.sha256(token.encode()).hexdigest()
