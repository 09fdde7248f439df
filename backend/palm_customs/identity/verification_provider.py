"""The verification-provider interface (issue #20): what gives a person the VERIFIED identity
level besides an officer who saw the document at a window.

An external real-name verification service is configured by settings
(IDENTITY_VERIFICATION_URL, IDENTITY_VERIFICATION_KEY; none by default). It speaks this
request/response, signed both ways with HMAC-SHA256 under the shared key:

    POST <url>   Content-Type: application/json
        X-Palm-Timestamp: <unix seconds>
        X-Palm-Signature: hex(HMAC(key, "<timestamp>\\n<body>"))
        {"requestId": "<uuid>", "documentType": "resident_id|passport|travel_permit",
         "documentNumber": "...", "issuingState": "CHN", "fullName": "...",
         "dateOfBirth": "YYYY-MM-DD"}

    200  X-Provider-Timestamp: <unix seconds>
         X-Provider-Signature: hex(HMAC(key, "<timestamp>\\n<requestId>\\n<body>"))
        {"requestId": "<the same>", "result": "match" | "no_match", "reference": "<id>"}

An answer that is late, unsigned, wrongly signed, older than five minutes, or about another
request counts as no answer (the service is "unavailable"), never as a match.
`palm_customs.identity.verification_standin` is a local stand-in speaking the same protocol.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

import httpx

from palm_customs.core import clock
from palm_customs.settings import Settings

log = logging.getLogger(__name__)

MAX_SKEW_SECONDS = 300


class Outcome(StrEnum):
    MATCH = "match"
    NO_MATCH = "no_match"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class IdentityClaim:
    document_type: str
    document_number: str
    issuing_state: str
    full_name: str
    date_of_birth: date | None


@dataclass(frozen=True, slots=True)
class ProviderAnswer:
    outcome: Outcome
    reference: str = ""


class VerificationProvider(Protocol):
    name: str

    async def check(self, claim: IdentityClaim) -> ProviderAnswer: ...


def sign(key: bytes, *parts: str | bytes) -> str:
    message = b"\n".join(p.encode() if isinstance(p, str) else p for p in parts)
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def request_body(request_id: str, claim: IdentityClaim) -> bytes:
    return json.dumps(
        {
            "requestId": request_id,
            "documentType": claim.document_type,
            "documentNumber": claim.document_number,
            "issuingState": claim.issuing_state,
            "fullName": claim.full_name,
            "dateOfBirth": claim.date_of_birth.isoformat() if claim.date_of_birth else None,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


class HttpVerificationProvider:
    """The adapter for a real-name verification service speaking the protocol above."""

    def __init__(self, url: str, key: bytes, *, name: str, timeout: float) -> None:
        self.url = url
        self.key = key
        self.name = name
        self.timeout = timeout

    async def check(self, claim: IdentityClaim) -> ProviderAnswer:
        request_id = str(uuid.uuid4())
        body = request_body(request_id, claim)
        stamp = str(int(clock.now().timestamp()))
        headers = {
            "Content-Type": "application/json",
            "X-Palm-Timestamp": stamp,
            "X-Palm-Signature": sign(self.key, stamp, body),
        }
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as error:
            log.warning("identity verification service unreachable: %s", type(error).__name__)
            return ProviderAnswer(Outcome.UNAVAILABLE)
        return self._read(response, request_id)

    def _read(self, response: httpx.Response, request_id: str) -> ProviderAnswer:
        if response.status_code != 200:
            log.warning("identity verification service answered %s", response.status_code)
            return ProviderAnswer(Outcome.UNAVAILABLE)
        stamp = response.headers.get("X-Provider-Timestamp", "")
        signature = response.headers.get("X-Provider-Signature", "")
        expected = sign(self.key, stamp, request_id, response.content)
        try:
            fresh = abs(clock.now().timestamp() - int(stamp)) <= MAX_SKEW_SECONDS
        except ValueError:
            fresh = False
        if not (fresh and hmac.compare_digest(signature, expected)):
            log.warning("identity verification answer refused: bad or stale signature")
            return ProviderAnswer(Outcome.UNAVAILABLE)
        try:
            data = json.loads(response.content)
            result, reference = data["result"], str(data.get("reference", ""))[:80]
            echoed = data["requestId"]
        except (ValueError, KeyError, TypeError):
            return ProviderAnswer(Outcome.UNAVAILABLE)
        if echoed != request_id or result not in (Outcome.MATCH, Outcome.NO_MATCH):
            return ProviderAnswer(Outcome.UNAVAILABLE)
        return ProviderAnswer(Outcome(result), reference)


def provider_from(settings: Settings) -> VerificationProvider | None:
    """The configured service, or None (the default: only officers verify)."""
    if not settings.identity_verification_url or settings.identity_verification_key is None:
        return None
    return HttpVerificationProvider(
        settings.identity_verification_url,
        settings.identity_verification_key.reveal().encode(),
        name=settings.identity_verification_name,
        timeout=settings.identity_verification_timeout_seconds,
    )
