"""What the applicant's and the officers' sides share: limits, results and the live events
of the officers' queues.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from palm_customs.applications.models import Application

logger = logging.getLogger(__name__)

MAX_MATERIALS = 40
MAX_CORRECTIONS = 50
_NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")


@dataclass(frozen=True, slots=True)
class MaterialRef:
    material: str
    document_id: str


@dataclass(frozen=True, slots=True)
class CorrectionItem:
    target: str  # "field:<ELEMENT>" or "material:<CODE>"
    problem: str
    action: str


@dataclass(frozen=True, slots=True)
class Changed:
    application: Application

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"application:{self.application.id}",)


def queue_channel(department: str) -> str:
    return f"reviews:{department}"


async def publish_queue_events(changed: Changed) -> None:
    """Tell every officer watching the queues of the application's departments (any replica)
    that something changed, after the change committed."""
    from palm_customs.core import broadcast

    application = changed.application
    departments = sorted(set(application.item_snapshot.get("departments", [])))
    message = {"applicationNumber": application.number, "status": application.status.value}
    for department in departments:
        try:
            await broadcast.current().publish(queue_channel(department), message)
        except Exception:  # committed already: a lost live update must not fail the request
            logger.exception("could not publish a queue event for %s", application.number)
