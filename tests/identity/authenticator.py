"""A software WebAuthn authenticator for API tests: it builds real registration and assertion
responses (CBOR, COSE, ECDSA P-256) that py_webauthn verifies, and can be told to misbehave
(wrong origin or RP ID, crossOrigin, no user verification, a sign count that goes backwards).
The browser tests use Chromium's own virtual authenticator instead."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import struct
from dataclasses import dataclass, field
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

UP, UV, BE, BS, AT = 0x01, 0x04, 0x08, 0x10, 0x40


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class SoftAuthenticator:
    origin: str
    rp_id: str = "localhost"
    sign_count: int = 0
    counts: bool = True  # False: a synced passkey that always reports 0
    backed_up: bool = False
    key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    credential_id: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    user_handle: bytes = b""
    alg: int = -7  # the COSE algorithm the key is labelled with (a hostile one may lie)

    def _auth_data(self, *, rp_id: str | None, flags: int, attested: bool) -> bytes:
        if self.counts:
            self.sign_count += 1
        data = hashlib.sha256((rp_id or self.rp_id).encode()).digest()
        data += bytes([flags]) + struct.pack(">I", self.sign_count if self.counts else 0)
        if attested:
            numbers = self.key.public_key().public_numbers()
            cose = cbor2.dumps(
                {
                    1: 2,
                    3: self.alg,
                    -1: 1,
                    -2: numbers.x.to_bytes(32, "big"),
                    -3: numbers.y.to_bytes(32, "big"),
                }
            )
            data += (
                b"\x00" * 16
                + struct.pack(">H", len(self.credential_id))
                + self.credential_id
                + cose
            )
        return data

    def _client_data(
        self, kind: str, challenge: str, origin: str | None, cross_origin: bool
    ) -> bytes:
        body: dict[str, Any] = {
            "type": kind,
            "challenge": challenge,
            "origin": origin or self.origin,
            "crossOrigin": cross_origin,
        }
        return json.dumps(body).encode()

    def _flags(self, user_verified: bool) -> int:
        flags = UP | (UV if user_verified else 0)
        if self.backed_up:
            flags |= BE | BS
        return flags

    def create(
        self,
        options_json: str,
        *,
        user_verified: bool = True,
        origin: str | None = None,
        rp_id: str | None = None,
        cross_origin: bool = False,
    ) -> str:
        options = json.loads(options_json)
        self.user_handle = unb64url(options["user"]["id"])
        client_data = self._client_data(
            "webauthn.create", options["challenge"], origin, cross_origin
        )
        auth_data = self._auth_data(
            rp_id=rp_id, flags=self._flags(user_verified) | AT, attested=True
        )
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return json.dumps(
            {
                "id": b64url(self.credential_id),
                "rawId": b64url(self.credential_id),
                "type": "public-key",
                "response": {
                    "clientDataJSON": b64url(client_data),
                    "attestationObject": b64url(attestation),
                    "transports": ["internal"],
                },
                "clientExtensionResults": {},
                "authenticatorAttachment": "platform",
            }
        )

    def get(
        self,
        options_json: str,
        *,
        user_verified: bool = True,
        origin: str | None = None,
        rp_id: str | None = None,
        cross_origin: bool = False,
        sign_count: int | None = None,
        forged: bool = False,
    ) -> str:
        options = json.loads(options_json)
        if sign_count is not None:
            self.sign_count = sign_count - 1
        client_data = self._client_data("webauthn.get", options["challenge"], origin, cross_origin)
        auth_data = self._auth_data(rp_id=rp_id, flags=self._flags(user_verified), attested=False)
        signer = ec.generate_private_key(ec.SECP256R1()) if forged else self.key
        signature = signer.sign(
            auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        return json.dumps(
            {
                "id": b64url(self.credential_id),
                "rawId": b64url(self.credential_id),
                "type": "public-key",
                "response": {
                    "clientDataJSON": b64url(client_data),
                    "authenticatorData": b64url(auth_data),
                    "signature": b64url(signature),
                    "userHandle": b64url(self.user_handle),
                },
                "clientExtensionResults": {},
                "authenticatorAttachment": "platform",
            }
        )
