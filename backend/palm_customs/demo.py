"""Demo data for `make run` (idempotent: a second run changes nothing)."""

from __future__ import annotations

from palm_customs.applications.services import seed_holidays
from palm_customs.appointments.services import seed_demo_sites
from palm_customs.catalogue.demo import seed_ports
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.declarations.services import seed_rules
from palm_customs.knowledge.demo import seed_knowledge


async def seed_demo() -> dict[str, int]:
    return {
        "ports created": await seed_ports(),
        "catalogue entries created": await seed_catalogue(),
        "holidays created": await seed_holidays(),
        "duty rule sets and rate tables created": await seed_rules(),
        "appointment sites created": await seed_demo_sites(),
        # Last: the search index covers the catalogue and duty rules seeded above.
        "knowledge articles created": await seed_knowledge(),
    }
