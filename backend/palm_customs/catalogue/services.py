from __future__ import annotations

from palm_customs.catalogue.models import Port, PortKindValue


async def port_by_code(code: str) -> Port | None:
    return await Port.get_or_none(code=code.strip().upper()[:12])


async def list_ports(
    *, limit: int, after_code: str | None, kind: PortKindValue | None
) -> list[Port]:
    """Ports ordered by code, one more than `limit` so the caller knows if a page follows."""
    query = Port.all().order_by("code")
    if kind is not None:
        query = query.filter(kind=kind)
    if after_code is not None:
        query = query.filter(code__gt=after_code)
    return await query.limit(limit + 1)
