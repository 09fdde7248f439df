from __future__ import annotations

import strawberry

from palm_customs.applications import services
from palm_customs.applications.types import ApplicationDone, FormValueInput, MaterialRefInput


def form(values: list[FormValueInput]) -> dict[str, str]:
    return {v.element.strip()[:40]: v.value[:5000] for v in values[:100]}


def materials(values: list[MaterialRefInput]) -> list[services.MaterialRef]:
    return [
        services.MaterialRef(material=v.material.strip()[:40], document_id=str(v.document_id)[:40])
        for v in values[: services.MAX_MATERIALS + 1]
    ]


def application_done(done: services.Changed) -> ApplicationDone:
    """What an application mutation answers: the application and where it now stands."""
    return ApplicationDone(
        application_id=strawberry.ID(str(done.application.id)), status=done.application.status
    )
