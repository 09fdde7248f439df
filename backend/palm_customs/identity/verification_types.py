"""GraphQL types of identity verification levels (issue #20)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from palm_customs.identity.models import IdentityLevel, VerificationMethod
from palm_customs.identity.types import AccountError, TooManyAttempts

strawberry.enum(
    IdentityLevel,
    description="CHECKED: the document number is well formed (check digits). VERIFIED: a real "
    "check (an officer saw the document, or the real-name service matched it).",
)
strawberry.enum(VerificationMethod, description="Who or what checked an identity document.")


@strawberry.type(description="How far your identity document has been checked.")
class IdentityStatus:
    level: IdentityLevel
    method: VerificationMethod | None
    verified_at: datetime | None
    online_available: bool = strawberry.field(
        description="Whether online real-name verification is offered here."
    )


@strawberry.type(description="The identity document was verified.")
class IdentityVerified:
    level: IdentityLevel
    method: VerificationMethod
    verified_at: datetime


IdentityVerifyResult = Annotated[
    IdentityVerified | AccountError | TooManyAttempts, strawberry.union("IdentityVerifyResult")
]
