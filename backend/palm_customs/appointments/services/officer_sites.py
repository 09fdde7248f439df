"""Which site an officer acts at (window clerks and supervisors act only at their unit's site)."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.appointments.errors import AppointmentErrorCode, AppointmentProblem
from palm_customs.appointments.models import Site
from palm_customs.core.principal import Principal
from palm_customs.identity.models import Officer
from palm_customs.identity.services.officers import officer_posts


async def officer_site_code(
    connection: BaseDBAsyncClient | None, principal: Principal
) -> str | None:
    """The code of the site an officer works at: their unit names it (window clerks and
    supervisors act only there). None for a caller who is not an officer."""
    if principal.account_id is None:
        return None
    officer = await Officer.get_or_none(account_id=principal.account_id, using_db=connection)
    return officer.unit if officer else None


async def _check_site(
    connection: BaseDBAsyncClient | None, principal: Principal, site: Site
) -> None:
    """Object-level access for the officer side: only the sites the officer works at (their
    unit, and any other post they serve)."""
    if site.code not in await officer_posts(principal.account_id, connection):
        raise AppointmentProblem(
            AppointmentErrorCode.OTHER_SITE, params={"site": await _own_site_name(principal)}
        )


async def _own_site_name(principal: Principal) -> str:
    code = await officer_site_code(None, principal)
    site = await Site.get_or_none(code=code) if code else None
    return f"{site.name_zh_hans} / {site.name_en}" if site else (code or "-")
