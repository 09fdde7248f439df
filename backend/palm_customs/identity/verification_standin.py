"""A local stand-in for a real-name verification service (tests and the demo, never for
production), speaking the protocol documented in `verification_provider`.

It checks the request's signature and freshness (401 otherwise), answers "match" for the
people in its register (document number, full name, date of birth) and "no_match" for
anyone else, and signs its answer. Faults for tests: `state.forge` signs with another key,
`state.down` answers 503.
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from palm_customs.core import clock
from palm_customs.identity.verification_provider import MAX_SKEW_SECONDS, sign


@dataclass
class StandInState:
    # (document number, full name, date of birth) of the people the register knows.
    register: set[tuple[str, str, str]] = field(default_factory=set)
    forge: bool = False
    down: bool = False
    requests: int = 0


class VerificationStandIn:
    def __init__(self, key: bytes) -> None:
        self.key = key
        self.state = StandInState()

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/verify", self.verify, methods=["POST"])])

    async def verify(self, request: Request) -> Response:
        self.state.requests += 1
        if self.state.down:
            return Response(status_code=503)
        body = await request.body()
        stamp = request.headers.get("X-Palm-Timestamp", "")
        signature = request.headers.get("X-Palm-Signature", "")
        try:
            fresh = abs(clock.now().timestamp() - int(stamp)) <= MAX_SKEW_SECONDS
        except ValueError:
            fresh = False
        if not (fresh and hmac.compare_digest(signature, sign(self.key, stamp, body))):
            return Response(status_code=401)
        data = json.loads(body)
        known = (data["documentNumber"], data["fullName"], data["dateOfBirth"] or "")
        answer = json.dumps(
            {
                "requestId": data["requestId"],
                "result": "match" if known in self.state.register else "no_match",
                "reference": f"RN-{secrets.token_hex(6)}",
            }
        ).encode()
        now = str(int(clock.now().timestamp()))
        key = secrets.token_bytes(32) if self.state.forge else self.key
        return Response(
            answer,
            media_type="application/json",
            headers={
                "X-Provider-Timestamp": now,
                "X-Provider-Signature": sign(key, now, data["requestId"], answer),
            },
        )
