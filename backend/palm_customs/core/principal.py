"""Who the caller is: assurance levels 0–3, roles, the principal of a request.

Plain data, no GraphQL: business rules (each domain's services) take a `Principal`; the API
layer (core/permissions.py) declares with these which level and roles each field requires.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Level(IntEnum):
    ANONYMOUS = 0
    SESSION = 1
    VERIFIED = 2
    STEP_UP = 3


class Role(StrEnum):
    PERSON = "person"
    ENTERPRISE_ADMIN = "enterprise_admin"
    DECLARANT = "declarant"
    REVIEWER = "reviewer"
    SENIOR_REVIEWER = "senior_reviewer"
    WINDOW_CLERK = "window_clerk"
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller as the server knows it for this request."""

    actor: str
    level: Level
    roles: frozenset[Role]
    account_id: uuid.UUID | None = None
    session_id: uuid.UUID | None = None
    # Set only for an enrolment-only session (a password without a second factor): the account
    # it may finish enrolling. Such a principal is anonymous everywhere else (level 0, no
    # account_id), so a new field cannot hand it anything by forgetting a check.
    enrolment_account_id: uuid.UUID | None = None

    @classmethod
    def anonymous(cls) -> Principal:
        return cls(actor="anonymous", level=Level.ANONYMOUS, roles=frozenset())

    @property
    def is_officer(self) -> bool:
        return bool(self.roles) and Role.PERSON not in self.roles
