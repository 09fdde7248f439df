"""Traveller declarations: validation, drafts, submission with a signed credential, amendment,
officers' verification and outcomes. No GraphQL here.

One module a concept; callers use the names re-exported here
(`from palm_customs.declarations import services; services.submit`).
"""

from __future__ import annotations

from palm_customs.declarations.services.amendment import amend
from palm_customs.declarations.services.draft_sync import DraftSaved, delete_draft, save_draft
from palm_customs.declarations.services.duty_rules import CurrentRules, current_rules, seed_rules
from palm_customs.declarations.services.estimate import (
    EstimateTraveller,
    compute_estimate,
    estimate_only,
    parse_decimal,
)
from palm_customs.declarations.services.inputs import (
    MAX_ARTICLES,
    MAX_CASH_LINES,
    MAX_COMPANIONS,
    MAX_DRAFT_BYTES,
    MAX_QUANTITY,
    MAX_UNIT_VALUE,
    ArticleInput,
    CashInput,
    CleanTraveller,
    CompanionInput,
    DeclarationInput,
)
from palm_customs.declarations.services.outcomes import OutcomeRecorded, record_outcome
from palm_customs.declarations.services.photos import (
    INSPECTING_ROLES,
    PHOTO_FORMATS,
    PHOTO_GRACE,
    PHOTO_MATERIALS,
    inspector_may_view_photo,
    photo_in_use,
)
from palm_customs.declarations.services.submission import CREDENTIAL_TYPE, Submitted, submit
from palm_customs.declarations.services.validation import VALID_AFTER, CleanDeclaration, validate
from palm_customs.declarations.services.verification import Verification, verify_credential

__all__ = [
    "CREDENTIAL_TYPE",
    "INSPECTING_ROLES",
    "MAX_ARTICLES",
    "MAX_CASH_LINES",
    "MAX_COMPANIONS",
    "MAX_DRAFT_BYTES",
    "MAX_QUANTITY",
    "MAX_UNIT_VALUE",
    "PHOTO_FORMATS",
    "PHOTO_GRACE",
    "PHOTO_MATERIALS",
    "VALID_AFTER",
    "ArticleInput",
    "CashInput",
    "CleanDeclaration",
    "CleanTraveller",
    "CompanionInput",
    "CurrentRules",
    "DeclarationInput",
    "DraftSaved",
    "EstimateTraveller",
    "OutcomeRecorded",
    "Submitted",
    "Verification",
    "amend",
    "compute_estimate",
    "current_rules",
    "delete_draft",
    "estimate_only",
    "inspector_may_view_photo",
    "parse_decimal",
    "photo_in_use",
    "record_outcome",
    "save_draft",
    "seed_rules",
    "submit",
    "validate",
    "verify_credential",
]
