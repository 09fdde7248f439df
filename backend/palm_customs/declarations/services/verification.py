"""An officer verifying a declaration's credential (the QR) online."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from palm_customs.core import clock, signing
from palm_customs.declarations.errors import DeclarationErrorCode
from palm_customs.declarations.models import Declaration
from palm_customs.declarations.services.submission import CREDENTIAL_TYPE


@dataclass(frozen=True, slots=True)
class Verification:
    credential: signing.VerifiedCredential | None
    declaration: Declaration | None
    latest_version: int | None
    problem: DeclarationErrorCode | None


async def verify_credential(text: str, *, now: datetime | None = None) -> Verification:
    """Online verification: the signature, then what the server knows now (superseded? used?)."""
    now = now or clock.now()
    expired: signing.VerifiedCredential | None = None
    try:
        credential = await signing.verify(text, now=now)
    except signing.CredentialExpired as error:
        credential, expired = error.credential, error.credential
    except signing.CredentialTampered:
        return Verification(None, None, None, DeclarationErrorCode.CREDENTIAL_TAMPERED)
    except signing.CredentialUnknownKey:
        return Verification(None, None, None, DeclarationErrorCode.CREDENTIAL_UNKNOWN_KEY)
    except signing.CredentialMalformed:
        return Verification(None, None, None, DeclarationErrorCode.CREDENTIAL_MALFORMED)
    if credential.credential_type != CREDENTIAL_TYPE:
        return Verification(None, None, None, DeclarationErrorCode.CREDENTIAL_MALFORMED)
    number = str(credential.claims.get("n", ""))
    version = int(credential.claims.get("v", 0))
    declaration = await Declaration.get_or_none(number=number, version=version)
    latest = await Declaration.filter(number=number).order_by("-version").first()
    return Verification(
        credential=credential,
        declaration=declaration,
        latest_version=latest.version if latest else None,
        problem=DeclarationErrorCode.CREDENTIAL_EXPIRED if expired else None,
    )
