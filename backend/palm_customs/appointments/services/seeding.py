"""Demo sites, windows and templates (idempotent)."""

from __future__ import annotations

from datetime import datetime

from palm_customs.appointments.models import ServiceWindow, Site, SlotTemplate
from palm_customs.appointments.services.slots import ensure_schedule, generate_slots


async def seed_demo_sites(*, now: datetime | None = None) -> int:
    """Demo data: two service halls with windows and templates, then slots (idempotent)."""
    from palm_customs.appointments.demo import SITES

    created = 0
    for data in SITES:
        site, new = await Site.get_or_create(code=data["code"], defaults=data["site"])
        created += int(new)
        for number, items in data["windows"]:
            await ServiceWindow.get_or_create(
                site_id=site.id, number=number, defaults={"item_codes": list(items)}
            )
        for item_code in sorted({i for _, items in data["windows"] for i in items}):
            await SlotTemplate.get_or_create(
                site_id=site.id,
                item_code=item_code,
                defaults={"slot_minutes": 15, "weekdays": [1, 2, 3, 4, 5]},
            )
    await generate_slots(now=now)
    await ensure_schedule()
    return created
