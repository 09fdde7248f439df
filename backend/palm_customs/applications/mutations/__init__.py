from __future__ import annotations

import strawberry

from palm_customs.applications.mutations.application_draft_delete import (
    application_draft_delete,
)
from palm_customs.applications.mutations.application_draft_save import application_draft_save
from palm_customs.applications.mutations.application_rate import application_rate
from palm_customs.applications.mutations.application_resubmit import application_resubmit
from palm_customs.applications.mutations.application_submit import application_submit
from palm_customs.applications.mutations.application_withdraw import application_withdraw
from palm_customs.applications.mutations.holiday_set import holiday_set
from palm_customs.applications.mutations.review_claim import review_claim
from palm_customs.applications.mutations.review_corrections_send import review_corrections_send
from palm_customs.applications.mutations.review_decide import review_decide
from palm_customs.applications.mutations.review_draft_save import review_draft_save
from palm_customs.applications.mutations.review_release import review_release


@strawberry.type
class ApplicationMutation:
    application_submit = application_submit
    application_resubmit = application_resubmit
    application_withdraw = application_withdraw
    application_rate = application_rate
    application_draft_save = application_draft_save
    application_draft_delete = application_draft_delete
    review_claim = review_claim
    review_release = review_release
    review_draft_save = review_draft_save
    review_corrections_send = review_corrections_send
    review_decide = review_decide
    holiday_set = holiday_set
