"""Applications and their online pre-review. No GraphQL here.

An application freezes the item's version, is checked against the item's form (data
dictionary) and materials, and is reviewed by each department in parallel (all must pass),
then at a second level when the item requires it. A review that finds problems sends one
complete list of corrections; the applicant sees the union of every department's list at once,
fixes only those entries and resubmits; the time limit pauses meanwhile.

The package, one concern a module: `shared.py` (limits, results and the officers' queue
events), `deadlines.py` (working days and time limits), `validation.py` (an application against
its item's form and materials), `applicant.py` (submit, resubmit, withdraw, rate),
`officer.py` (claim, release, draft, decide) and `vault.py` (what other domains ask). The
domain's public functions are re-exported here.
"""

from palm_customs.applications.services.applicant import (
    acting_for,
    online_item,
    rate,
    resubmit,
    submit,
    withdraw,
)
from palm_customs.applications.services.deadlines import (
    calendar,
    days_left,
    seed_holidays,
)
from palm_customs.applications.services.officer import (
    claim,
    decide,
    release,
    save_review_draft,
)
from palm_customs.applications.services.shared import (
    MAX_CORRECTIONS,
    MAX_MATERIALS,
    Changed,
    CorrectionItem,
    MaterialRef,
    publish_queue_events,
    queue_channel,
)
from palm_customs.applications.services.validation import validate
from palm_customs.applications.services.vault import (
    document_in_use,
    officer_may_view,
    prereview_passed,
    register_with_vault,
)

__all__ = [
    "MAX_CORRECTIONS",
    "MAX_MATERIALS",
    "Changed",
    "CorrectionItem",
    "MaterialRef",
    "acting_for",
    "calendar",
    "claim",
    "days_left",
    "decide",
    "document_in_use",
    "officer_may_view",
    "online_item",
    "prereview_passed",
    "publish_queue_events",
    "queue_channel",
    "rate",
    "register_with_vault",
    "release",
    "resubmit",
    "save_review_draft",
    "seed_holidays",
    "submit",
    "validate",
    "withdraw",
]
