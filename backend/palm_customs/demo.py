"""Demo data for `make run` (idempotent: a second run changes nothing)."""

from __future__ import annotations

from palm_customs.catalogue.demo import seed_ports


async def seed_demo() -> dict[str, int]:
    return {"ports created": await seed_ports()}
