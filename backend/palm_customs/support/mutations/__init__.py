from __future__ import annotations

import strawberry

from palm_customs.support.mutations.feedback_submit import feedback_submit


@strawberry.type
class SupportMutation:
    feedback_submit = feedback_submit
