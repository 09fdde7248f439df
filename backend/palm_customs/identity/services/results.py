"""What identity services return (each names what it touched, for the audit event), and the
helpers every flow shares.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field

from palm_customs.core.principal import Principal
from palm_customs.identity.errors import AccountErrorCode, AccountProblem
from palm_customs.identity.models import Account, Session


@dataclass(frozen=True, slots=True)
class Ceremony:
    """Options for navigator.credentials.create()/get(), and the challenge to answer."""

    challenge_id: uuid.UUID
    options_json: str
    account_id: uuid.UUID | None = None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        base = (f"challenge:{self.challenge_id}",)
        return base + ((f"account:{self.account_id}",) if self.account_id else ())


@dataclass(frozen=True, slots=True)
class SignedIn:
    account: Account
    token: str
    session: Session
    recovery_codes: list[str] = field(default_factory=list)

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"account:{self.account.id}", f"session:{self.session.id}")


@dataclass(frozen=True, slots=True)
class Done:
    targets: tuple[str, ...]
    token: str | None = None

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return self.targets


def _handle() -> str:
    return secrets.token_urlsafe(24)


def _require_account(principal: Principal) -> uuid.UUID:
    if principal.account_id is None or principal.session_id is None:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    return principal.account_id
