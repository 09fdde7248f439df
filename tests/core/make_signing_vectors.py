"""Write tests/core/signing_vectors.json: credentials and expected outcomes for the PWA verifier.

Run from the repository root: `.venv/bin/python -m tests.core.make_signing_vectors`.
The keys are fixed test keys (never used by a server); ECDSA signatures are randomized, so the
texts change on each run while the expected outcomes stay the same. test_signing.py checks that
the Python verifier agrees with every vector in the committed file.
"""

from __future__ import annotations

import json
import random
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import cbor2
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.hashes import SHA256

from palm_customs.core import signing

VECTORS = Path(__file__).with_name("signing_vectors.json")

ISSUED_AT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
EXPIRES_AT = ISSUED_AT + timedelta(days=1)
NOW = ISSUED_AT + timedelta(hours=4)
RETIRED_AT = ISSUED_AT - timedelta(days=2)
CLAIMS: dict[str, Any] = {
    "declarationId": "D-2026-000123",
    "traveller": "张三 Zhang San",
    "port": "SZX",
    "articles": [{"code": "CASH", "amount": 25000, "currency": "CNY"}, {"code": "DRONE"}],
    "dutyEstimate": 412.5,
    "redChannel": True,
    "note": None,
}

# Fixed scalars, for test vectors only.
ACTIVE_KEY = ec.derive_private_key(0x5A17_C0DE_0001 * 7919, ec.SECP256R1())
RETIRED_KEY = ec.derive_private_key(0x5A17_C0DE_0002 * 7919, ec.SECP256R1())
STRANGER_KEY = ec.derive_private_key(0x5A17_C0DE_0003 * 7919, ec.SECP256R1())
ACTIVE_KID = signing._b64url(b"activ-01")
RETIRED_KID = signing._b64url(b"retir-01")
STRANGER_KID = signing._b64url(b"strang01")


def cose_of(text: str) -> bytes:
    """The COSE_Sign1 bytes inside a credential text."""
    return zlib.decompress(signing.b45decode(text.removeprefix(signing.PREFIX)))


def text_of(cose: bytes, prefix: str = signing.PREFIX) -> str:
    return prefix + signing.b45encode(zlib.compress(cose, 9))


def flip_bit(data: bytes, bit: int) -> bytes:
    changed = bytearray(data)
    changed[bit // 8] ^= 0x80 >> (bit % 8)
    return bytes(changed)


def payload_span(cose: bytes) -> tuple[int, int]:
    payload = cbor2.loads(cose).value[2]
    start = cose.index(payload)
    return start, start + len(payload)


def key_set() -> dict[str, Any]:
    retired = signing.public_jwk(RETIRED_KEY.public_key(), kid=RETIRED_KID)
    not_after = RETIRED_AT + signing.KEY_RETENTION
    return {
        "keys": [
            {**signing.public_jwk(ACTIVE_KEY.public_key(), kid=ACTIVE_KID), "status": "active"},
            {**retired, "status": "retired", "notAfter": not_after.strftime("%Y-%m-%dT%H:%M:%SZ")},
        ]
    }


def credential(
    key: ec.EllipticCurvePrivateKey,
    kid: str,
    *,
    issued_at: datetime = ISSUED_AT,
    expires_at: datetime = EXPIRES_AT,
) -> str:
    return signing.encode_credential(
        private_key=key,
        kid=kid,
        credential_type="declaration",
        claims=CLAIMS,
        issued_at=issued_at,
        expires_at=expires_at,
    )


def with_protected_header(cose: bytes, header: dict[int, Any]) -> bytes:
    """The same COSE_Sign1 with another protected header (its signature no longer matches)."""
    _, unprotected, payload, signature = cbor2.loads(cose).value
    return cbor2.dumps(cbor2.CBORTag(18, [cbor2.dumps(header), unprotected, payload, signature]))


def dcc_like() -> str:
    """An EU DCC-shaped QR from another system: HC1:, its own key, claim -260."""
    key = ec.generate_private_key(ec.SECP256R1())
    protected = cbor2.dumps({1: -7, 4: b"\x01\x02\x03\x04\x05\x06\x07\x08"})
    payload = cbor2.dumps({1: "DE", 4: 1_800_000_000, 6: 1_700_000_000, -260: {1: {"ver": "1"}}})
    der = key.sign(cbor2.dumps(["Signature1", protected, b"", payload]), ec.ECDSA(SHA256()))
    r, s = decode_dss_signature(der)
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    cose = cbor2.dumps(cbor2.CBORTag(18, [protected, {}, payload, signature]))
    return text_of(cose, prefix="HC1:")


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _genuine(status: str, kid: str) -> dict[str, Any]:
    return {
        "status": status,
        "credentialType": "declaration",
        "claims": CLAIMS,
        "kid": kid,
        "issuedAt": _iso(ISSUED_AT),
        "expiresAt": _iso(EXPIRES_AT),
    }


def vectors() -> list[dict[str, Any]]:
    valid = credential(ACTIVE_KEY, ACTIVE_KID)
    cose = cose_of(valid)
    start, _ = payload_span(cose)
    bomb = signing.PREFIX + signing.b45encode(zlib.compress(b"\0" * 1_000_000, 9))
    not_cose = text_of(cbor2.dumps(["not", "a", "credential"]))
    es384 = text_of(with_protected_header(cose, {1: -35, 4: b"activ-01"}))
    noise = signing.PREFIX + signing.b45encode(random.Random(45).randbytes(60))
    past_retention = RETIRED_AT + signing.KEY_RETENTION + timedelta(seconds=1)
    return [
        {
            "name": "valid",
            "text": valid,
            "now": _iso(NOW),
            "expected": _genuine("valid", ACTIVE_KID),
        },
        {
            "name": "valid, signed by a retired key within its retention",
            "text": credential(RETIRED_KEY, RETIRED_KID),
            "now": _iso(NOW),
            "expected": _genuine("valid", RETIRED_KID),
        },
        {
            "name": "expired",
            "text": valid,
            "now": _iso(EXPIRES_AT),
            "expected": _genuine("expired", ACTIVE_KID),
        },
        {
            "name": "one bit flipped in the signature",
            "text": text_of(flip_bit(cose, (len(cose) - 20) * 8 + 3)),
            "now": _iso(NOW),
            "expected": {"status": "tampered", "kid": ACTIVE_KID},
        },
        {
            "name": "one bit flipped in the payload",
            "text": text_of(flip_bit(cose, (start + 30) * 8 + 6)),
            "now": _iso(NOW),
            "expected": {"status": "tampered", "kid": ACTIVE_KID},
        },
        {
            "name": "signed by a key not in the set",
            "text": credential(STRANGER_KEY, STRANGER_KID),
            "now": _iso(NOW),
            "expected": {"status": "unknown_key", "kid": STRANGER_KID},
        },
        {
            "name": "signed by a retired key past its retention",
            "text": credential(
                RETIRED_KEY,
                RETIRED_KID,
                issued_at=past_retention - timedelta(hours=1),
                expires_at=past_retention + timedelta(days=1),
            ),
            "now": _iso(past_retention),
            "expected": {"status": "unknown_key", "kid": RETIRED_KID},
        },
        {"name": "EU DCC-like HC1:", "text": dcc_like(), "now": _iso(NOW)},
        {"name": "random bytes in Base45", "text": noise, "now": _iso(NOW)},
        {"name": "not Base45", "text": "PC1:hello world", "now": _iso(NOW)},
        {"name": "a web address", "text": "https://example.com/?q=PC1:", "now": _iso(NOW)},
        {"name": "CBOR that is not COSE", "text": not_cose, "now": _iso(NOW)},
        {"name": "COSE with ES384 in the header", "text": es384, "now": _iso(NOW)},
        {"name": "zlib bomb", "text": bomb, "now": _iso(NOW)},
        {"name": "oversize", "text": "PC1:" + "0" * 4100, "now": _iso(NOW)},
    ]


def main() -> None:
    items = vectors()
    for item in items:
        item.setdefault("expected", {"status": "malformed"})
    document = {
        "comment": "Generated by tests/core/make_signing_vectors.py; fixed test keys only.",
        "keySet": key_set(),
        "vectors": items,
    }
    VECTORS.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {len(items)} vectors to {VECTORS}")


if __name__ == "__main__":
    main()
