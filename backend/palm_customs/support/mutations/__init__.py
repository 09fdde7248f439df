from __future__ import annotations

import strawberry

from palm_customs.support.mutations.feedback_consent import feedback_consent
from palm_customs.support.mutations.feedback_publish import feedback_publish
from palm_customs.support.mutations.feedback_reply import feedback_reply
from palm_customs.support.mutations.feedback_submit import feedback_submit


@strawberry.type
class SupportMutation:
    feedback_submit = feedback_submit
    feedback_reply = feedback_reply
    feedback_consent = feedback_consent
    feedback_publish = feedback_publish
