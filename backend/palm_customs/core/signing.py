"""Signed credentials for QR codes, verifiable offline.

Modelled on the EU Digital COVID Certificate: a CWT-style claims map is CBOR-encoded, signed as
a COSE_Sign1 with ES256, zlib-compressed, Base45-encoded (RFC 9285, the QR alphanumeric
alphabet) and prefixed with `PC1:`.

    payload  = {1: "palm-customs", 4: exp, 6: iat, -65537: credential_type, -65538: claims}
    COSE     = 18([h'{1: -7, 4: kid}', {}, payload_bstr, r||s])
    text     = "PC1:" + base45(zlib(COSE))

iss/exp/iat are CWT claims (RFC 8392, NumericDate seconds); -65537 and -65538 are private-use
claim keys. Claims hold only JSON-like values (text keys, str, int within ±2^53, float, bool,
null, bytes, lists, maps) so the PWA's small CBOR decoder (pwa/src/features/qr/) reads them.

One key signs at a time; `rotate` retires it. A retired key keeps verifying for
`KEY_RETENTION`, which is also the longest lifetime a credential may have, so every credential
can be verified until it expires. The public keys are published at
/.well-known/palm-customs/keys.json for officer tablets.
"""

from __future__ import annotations

import base64
import io
import re
import secrets
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from starlette.requests import Request
from starlette.responses import JSONResponse
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from palm_customs.core import clock
from palm_customs.core.crypto import decrypt, encrypt
from palm_customs.core.models import SigningKey
from palm_customs.settings import Settings

PREFIX = "PC1:"
ISSUER = "palm-customs"
KEY_SET_PATH = "/.well-known/palm-customs/keys.json"
# Refused before any decoding: a QR code holds at most ~4.3 KB of alphanumeric text anyway.
MAX_TEXT_CHARS = 4096
MAX_INFLATED_BYTES = 16 * 1024
KEY_RETENTION = timedelta(days=30)
MAX_LIFETIME = KEY_RETENTION
MAX_CLAIM_DEPTH = 8
MAX_SAFE_INTEGER = 2**53 - 1

_ALG_ES256 = -7
_HEADER_ALG = 1
_HEADER_KID = 4
_COSE_SIGN1_TAG = 18
_CLAIM_ISS = 1
_CLAIM_EXP = 4
_CLAIM_IAT = 6
_CLAIM_TYPE = -65537
_CLAIM_CLAIMS = -65538
_KID_BYTES = 8
_CREDENTIAL_TYPE = re.compile(r"[a-z][a-z0-9_.]{0,39}")
_PURPOSE = "signing-key"


class KeyStatus(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"


@dataclass(frozen=True, slots=True)
class IssuedCredential:
    text: str
    kid: str
    # Whole seconds, as written in the credential.
    issued_at: datetime


@dataclass(frozen=True, slots=True)
class VerifiedCredential:
    credential_type: str
    claims: dict[str, Any]
    kid: str
    issued_at: datetime
    expires_at: datetime


class CredentialInvalid(Exception):
    """Base of every reason a credential is not accepted."""


class CredentialMalformed(CredentialInvalid):
    """Not a Palm Customs credential: wrong prefix, Base45, zlib, CBOR or COSE structure."""


class CredentialTampered(CredentialInvalid):
    """Well formed and signed with a known key, but the signature does not match."""

    def __init__(self, kid: str) -> None:
        super().__init__(f"signature does not verify (kid {kid})")
        self.kid = kid


class CredentialUnknownKey(CredentialInvalid):
    """Signed with a key that was never ours or whose retention has ended."""

    def __init__(self, kid: str) -> None:
        super().__init__(f"unknown signing key {kid}")
        self.kid = kid


class CredentialExpired(CredentialInvalid):
    """Genuine but past its expiry; `credential` still carries the claims for display."""

    def __init__(self, credential: VerifiedCredential) -> None:
        super().__init__(f"expired at {credential.expires_at.isoformat()}")
        self.credential = credential


# --- Base45 (RFC 9285) --------------------------------------------------------------------

_B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_B45_VALUE = {char: index for index, char in enumerate(_B45)}


def b45encode(data: bytes) -> str:
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        out += (_B45[n % 45], _B45[n // 45 % 45], _B45[n // 2025])
    if len(data) % 2:
        n = data[-1]
        out += (_B45[n % 45], _B45[n // 45])
    return "".join(out)


def b45decode(text: str) -> bytes:
    """Decode Base45, raising ValueError on a character or group outside RFC 9285."""
    try:
        values = [_B45_VALUE[char] for char in text]
    except KeyError:
        raise ValueError("not a Base45 character") from None
    if len(values) % 3 == 1:
        raise ValueError("Base45 length leaves a single character")
    out = bytearray()
    for i in range(0, len(values), 3):
        group = values[i : i + 3]
        if len(group) == 3:
            n = group[0] + group[1] * 45 + group[2] * 2025
            if n > 0xFFFF:
                raise ValueError("Base45 group out of range")
            out.extend((n >> 8, n & 0xFF))
        else:
            n = group[0] + group[1] * 45
            if n > 0xFF:
                raise ValueError("Base45 group out of range")
            out.append(n)
    return bytes(out)


# --- Keys ---------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_jwk(public_key: ec.EllipticCurvePublicKey, *, kid: str) -> dict[str, str]:
    numbers = public_key.public_numbers()
    return {
        "kty": "EC",
        "crv": "P-256",
        "x": _b64url(numbers.x.to_bytes(32, "big")),
        "y": _b64url(numbers.y.to_bytes(32, "big")),
        "kid": kid,
        "alg": "ES256",
        "use": "sig",
    }


def public_key_from_jwk(jwk: Mapping[str, Any]) -> ec.EllipticCurvePublicKey:
    """The P-256 public key of a JWK; ValueError if it is not one (or not on the curve)."""
    if jwk.get("kty") != "EC" or jwk.get("crv") != "P-256":
        raise ValueError("not a P-256 key")
    x, y = _b64url_decode(str(jwk["x"])), _b64url_decode(str(jwk["y"]))
    if len(x) != 32 or len(y) != 32:
        raise ValueError("P-256 coordinates are 32 bytes")
    numbers = ec.EllipticCurvePublicNumbers(
        int.from_bytes(x, "big"), int.from_bytes(y, "big"), ec.SECP256R1()
    )
    return numbers.public_key()


def new_kid() -> str:
    return _b64url(secrets.token_bytes(_KID_BYTES))


def _key_row_fields(
    settings: Settings, private_key: ec.EllipticCurvePrivateKey, kid: str
) -> dict[str, Any]:
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return {
        "kid": kid,
        "private_key_encrypted": encrypt(settings.secret_key, purpose=_PURPOSE, plaintext=pem),
        "public_jwk": public_jwk(private_key.public_key(), kid=kid),
    }


def _private_key(settings: Settings, row: SigningKey) -> ec.EllipticCurvePrivateKey:
    pem = decrypt(settings.secret_key, purpose=_PURPOSE, token=row.private_key_encrypted)
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise TypeError(f"signing key {row.kid} is not an EC key")
    return key


async def active_key(*, settings: Settings) -> SigningKey:
    """The key that signs now, created on first use."""
    row = await SigningKey.get_or_none(active_slot=True)
    if row is not None:
        return row
    try:
        async with in_transaction():
            return await SigningKey.create(
                **_key_row_fields(settings, ec.generate_private_key(ec.SECP256R1()), new_kid()),
                status=KeyStatus.ACTIVE.value,
                active_slot=True,
                activated_at=clock.now(),
            )
    except IntegrityError:
        # Another process created the first key at the same moment: use theirs.
        return await SigningKey.get(active_slot=True)


async def rotate(*, settings: Settings, now: datetime | None = None) -> SigningKey:
    """Retire the active key (if any) and make a new one active, atomically."""
    moment = now or clock.now()
    key_fields = _key_row_fields(settings, ec.generate_private_key(ec.SECP256R1()), new_kid())
    async with in_transaction() as connection:
        await (
            SigningKey.filter(active_slot=True)
            .using_db(connection)
            .update(status=KeyStatus.RETIRED.value, active_slot=None, retired_at=moment)
        )
        return await SigningKey.create(
            using_db=connection,
            **key_fields,
            status=KeyStatus.ACTIVE.value,
            active_slot=True,
            activated_at=moment,
        )


def _still_verifies(row: SigningKey, now: datetime) -> bool:
    return row.retired_at is None or now < row.retired_at + KEY_RETENTION


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def published_keys(*, now: datetime) -> dict[str, list[dict[str, str]]]:
    """The JWK set verifiers trust: the active key and retired keys still within retention."""
    keys: list[dict[str, str]] = []
    for row in await SigningKey.all().order_by("-activated_at", "-id"):
        if not _still_verifies(row, now):
            continue
        jwk = {**row.public_jwk, "status": row.status}
        if row.retired_at is not None:
            jwk["notAfter"] = _iso(row.retired_at + KEY_RETENTION)
        keys.append(jwk)
    return {"keys": keys}


async def key_set_endpoint(request: Request) -> JSONResponse:
    return JSONResponse(
        await published_keys(now=clock.now()),
        headers={"cache-control": "public, max-age=3600"},
    )


# --- Encoding -----------------------------------------------------------------------------


def _check_claims(value: Any, depth: int = 0) -> None:
    """TypeError unless `value` holds only what the PWA's CBOR decoder reads back."""
    if depth > MAX_CLAIM_DEPTH:
        raise TypeError("claims nest too deeply")
    if value is None or isinstance(value, str | bytes | bool | float):
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise TypeError("claim integers must stay within ±(2^53 - 1)")
        return
    if isinstance(value, list):
        for item in value:
            _check_claims(item, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError("claim map keys must be text")
            _check_claims(item, depth + 1)
        return
    raise TypeError(f"claims cannot hold {type(value).__name__}")


def _seconds(moment: datetime, name: str) -> int:
    if moment.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware")
    return int(moment.timestamp())


def _sig_structure(protected: bytes, payload: bytes) -> bytes:
    return cbor2.dumps(["Signature1", protected, b"", payload])


def encode_credential(
    *,
    private_key: ec.EllipticCurvePrivateKey,
    kid: str,
    credential_type: str,
    claims: Mapping[str, Any],
    issued_at: datetime,
    expires_at: datetime,
) -> str:
    """Sign and encode one credential (no database: the caller brings the key)."""
    if not _CREDENTIAL_TYPE.fullmatch(credential_type):
        raise ValueError("credential_type must be lower-case letters, digits, '_' or '.'")
    claims = dict(claims)
    _check_claims(claims)
    iat, exp = _seconds(issued_at, "issued_at"), _seconds(expires_at, "expires_at")
    if not iat < exp <= iat + int(MAX_LIFETIME.total_seconds()):
        raise ValueError(f"a credential expires after it is issued and within {MAX_LIFETIME}")
    protected = cbor2.dumps({_HEADER_ALG: _ALG_ES256, _HEADER_KID: _b64url_decode(kid)})
    payload = cbor2.dumps(
        {
            _CLAIM_ISS: ISSUER,
            _CLAIM_EXP: exp,
            _CLAIM_IAT: iat,
            _CLAIM_TYPE: credential_type,
            _CLAIM_CLAIMS: claims,
        }
    )
    der = private_key.sign(_sig_structure(protected, payload), ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    cose = cbor2.dumps(cbor2.CBORTag(_COSE_SIGN1_TAG, [protected, {}, payload, signature]))
    text = PREFIX + b45encode(zlib.compress(cose, 9))
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"the credential would exceed {MAX_TEXT_CHARS} characters")
    return text


# --- Decoding -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sign1:
    kid: str
    protected: bytes
    payload: bytes
    signature: bytes


def _cbor_exactly(data: bytes) -> Any:
    """One CBOR item filling `data`, definite lengths only, no duplicate map keys."""
    stream = io.BytesIO(data)
    decoder = cbor2.CBORDecoder(
        stream, max_depth=MAX_CLAIM_DEPTH + 4, allow_indefinite=False, allow_duplicate_keys=False
    )
    try:
        item = decoder.decode()
    except Exception as error:  # cbor2 raises several types on hostile input
        raise CredentialMalformed(f"not CBOR: {error}") from None
    if stream.tell() != len(data):
        raise CredentialMalformed("bytes after the CBOR item")
    return item


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(data, MAX_INFLATED_BYTES + 1)
    except zlib.error:
        raise CredentialMalformed("not zlib data") from None
    if len(inflated) > MAX_INFLATED_BYTES:
        raise CredentialMalformed(f"inflates beyond {MAX_INFLATED_BYTES} bytes")
    if not inflater.eof or inflater.unused_data:
        raise CredentialMalformed("truncated or trailing zlib data")
    return inflated


def _parse(text: str) -> _Sign1:
    if len(text) > MAX_TEXT_CHARS:
        raise CredentialMalformed(f"longer than {MAX_TEXT_CHARS} characters")
    if not text.startswith(PREFIX):
        raise CredentialMalformed(f"no {PREFIX} prefix")
    try:
        compressed = b45decode(text[len(PREFIX) :])
    except ValueError as error:
        raise CredentialMalformed(str(error)) from None
    cose = _cbor_exactly(_inflate(compressed))
    if isinstance(cose, cbor2.CBORTag):
        if cose.tag != _COSE_SIGN1_TAG:
            raise CredentialMalformed("not a COSE_Sign1 tag")
        cose = cose.value  # cbor2 decodes a tag's content immutable: a tuple, a frozendict
    if not (isinstance(cose, list | tuple) and len(cose) == 4):
        raise CredentialMalformed("COSE_Sign1 is an array of four")
    protected, unprotected, payload, signature = cose
    if not (
        isinstance(protected, bytes)
        and isinstance(unprotected, Mapping)
        and isinstance(payload, bytes)
        and isinstance(signature, bytes)
    ):
        raise CredentialMalformed("COSE_Sign1 member types")
    if len(signature) != 64:
        raise CredentialMalformed("an ES256 signature is 64 bytes")
    header = _cbor_exactly(protected)
    if not isinstance(header, dict) or header.get(_HEADER_ALG) != _ALG_ES256:
        raise CredentialMalformed("protected header must name ES256")
    kid = header.get(_HEADER_KID)
    if not isinstance(kid, bytes) or not 1 <= len(kid) <= 32:
        raise CredentialMalformed("protected header must carry a kid")
    return _Sign1(kid=_b64url(kid), protected=protected, payload=payload, signature=signature)


def _utc(seconds: Any) -> datetime:
    if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds < 0:
        raise CredentialMalformed("NumericDate must be a whole number of seconds")
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, ValueError, OSError):
        raise CredentialMalformed("NumericDate out of range") from None


def _check(
    sign1: _Sign1, public_key: ec.EllipticCurvePublicKey, *, now: datetime
) -> VerifiedCredential:
    signature = encode_dss_signature(
        int.from_bytes(sign1.signature[:32], "big"), int.from_bytes(sign1.signature[32:], "big")
    )
    try:
        public_key.verify(
            signature, _sig_structure(sign1.protected, sign1.payload), ec.ECDSA(hashes.SHA256())
        )
    except InvalidSignature:
        raise CredentialTampered(sign1.kid) from None
    # Signed by us from here on: a bad shape is a bug on the issuing side, still not accepted.
    payload = _cbor_exactly(sign1.payload)
    if not isinstance(payload, dict) or payload.get(_CLAIM_ISS) != ISSUER:
        raise CredentialMalformed("payload is not a Palm Customs claims map")
    credential_type, claims = payload.get(_CLAIM_TYPE), payload.get(_CLAIM_CLAIMS)
    if not isinstance(credential_type, str) or not isinstance(claims, dict):
        raise CredentialMalformed("payload lacks a credential type or claims")
    try:
        _check_claims(claims)
    except TypeError as error:
        raise CredentialMalformed(str(error)) from None
    credential = VerifiedCredential(
        credential_type=credential_type,
        claims=claims,
        kid=sign1.kid,
        issued_at=_utc(payload.get(_CLAIM_IAT)),
        expires_at=_utc(payload.get(_CLAIM_EXP)),
    )
    if now >= credential.expires_at:
        raise CredentialExpired(credential)
    return credential


async def issue(
    *,
    settings: Settings,
    credential_type: str,
    claims: Mapping[str, Any],
    issued_at: datetime,
    expires_at: datetime,
) -> IssuedCredential:
    """Sign a credential with the active key (creating the first key if there is none).

    ValueError/TypeError if the type, claims or dates cannot make a credential.
    """
    row = await active_key(settings=settings)
    text = encode_credential(
        private_key=_private_key(settings, row),
        kid=row.kid,
        credential_type=credential_type,
        claims=claims,
        issued_at=issued_at,
        expires_at=expires_at,
    )
    return IssuedCredential(
        text=text,
        kid=row.kid,
        issued_at=datetime.fromtimestamp(_seconds(issued_at, "issued_at"), UTC),
    )


async def verify(text: str, *, now: datetime) -> VerifiedCredential:
    """Verify a scanned credential against our keys; raises a `CredentialInvalid` subclass."""
    sign1 = _parse(text)
    row = await SigningKey.get_or_none(kid=sign1.kid)
    if row is None or not _still_verifies(row, now):
        raise CredentialUnknownKey(sign1.kid)
    return _check(sign1, public_key_from_jwk(row.public_jwk), now=now)


def verify_with_key_set(
    text: str, *, key_set: Mapping[str, Any], now: datetime
) -> VerifiedCredential:
    """Verify against a published key set (keys.json), as an offline verifier does."""
    sign1 = _parse(text)
    for jwk in key_set.get("keys", []):
        if not isinstance(jwk, Mapping) or jwk.get("kid") != sign1.kid:
            continue
        not_after = jwk.get("notAfter")
        if isinstance(not_after, str) and now >= datetime.fromisoformat(not_after):
            break
        try:
            public_key = public_key_from_jwk(jwk)
        except (KeyError, ValueError):
            break
        return _check(sign1, public_key, now=now)
    raise CredentialUnknownKey(sign1.kid)
