"""Factories for knowledge tests: the seeded sources, indexed."""

from __future__ import annotations

from palm_customs.catalogue.services import seed_catalogue
from palm_customs.declarations.services import seed_rules
from palm_customs.knowledge.demo import seed_knowledge


async def seeded_index() -> None:
    """The demo catalogue, duty rules and articles, all in the search index."""
    await seed_catalogue()
    await seed_rules()
    await seed_knowledge()
