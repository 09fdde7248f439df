"""Application drafts synced to the account (no GraphQL here).

A draft is keyed by its owner and the item's code, like the one draft per item a device keeps,
so two devices starting the same application meet as a version conflict the person resolves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.applications.errors import (
    ApplicationDraftConflict,
    ApplicationErrorCode,
    ApplicationProblem,
)
from palm_customs.applications.models import ApplicationDraft
from palm_customs.applications.services import acting_for, online_item
from palm_customs.core import drafts
from palm_customs.core.principal import Principal
from palm_customs.identity.models import EnterpriseMembership, MembershipStatus

MAX_DRAFTS_LISTED = 100


@dataclass(frozen=True, slots=True)
class DraftChanged:
    draft: ApplicationDraft

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (f"application_draft:{self.draft.id}",)


def _conflict(row: ApplicationDraft | None) -> ApplicationDraftConflict:
    if row is None:
        return ApplicationDraftConflict(server_version=0, server_data={}, updated_at="", device="")
    return ApplicationDraftConflict(
        server_version=row.version,
        server_data=row.data,
        updated_at=row.updated_at.isoformat(),
        device=row.device,
    )


async def save(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    item_code: str,
    base_version: int,
    data_json: str,
    device: str,
    enterprise_id: str | None,
) -> DraftChanged:
    """Store a device's draft of an application; a stale base version is a conflict that carries
    the server's copy."""
    data, size = drafts.parse_data_json(data_json)
    if size > drafts.MAX_DRAFT_BYTES:
        raise ApplicationProblem(ApplicationErrorCode.DRAFT_TOO_LARGE, field="dataJson")
    item = await online_item(connection, item_code)
    enterprise = await acting_for(connection, principal, enterprise_id)
    row = await drafts.save_versioned(
        connection,
        ApplicationDraft,
        key={"account_id": principal.account_id, "item_code": item.code},
        base_version=base_version,
        values={"data": data, "enterprise_id": enterprise},
        device=device,
        conflict=_conflict,
    )
    return DraftChanged(row)


async def mine(principal: Principal) -> list[ApplicationDraft]:
    """The person's drafts, newest first; one made for an enterprise shows only while they are
    still an active member of it."""
    rows = (
        await ApplicationDraft.filter(account_id=principal.account_id)
        .order_by("-updated_at")
        .limit(MAX_DRAFTS_LISTED)
    )
    enterprises = {r.enterprise_id for r in rows if r.enterprise_id is not None}
    active: set[Any] = set()
    if enterprises:
        active = set(
            await EnterpriseMembership.filter(
                account_id=principal.account_id,
                enterprise_id__in=list(enterprises),
                status=MembershipStatus.ACTIVE,
            ).values_list("enterprise_id", flat=True)
        )
    return [r for r in rows if r.enterprise_id is None or r.enterprise_id in active]


async def delete(
    connection: BaseDBAsyncClient, *, principal: Principal, item_code: str
) -> DraftChanged:
    row = await ApplicationDraft.get_or_none(
        account_id=principal.account_id,
        item_code=item_code.strip().upper()[:40],
        using_db=connection,
    )
    if row is None:
        raise ApplicationProblem(ApplicationErrorCode.NOT_FOUND, field="itemCode")
    await ApplicationDraft.filter(id=row.id).using_db(connection).delete()
    return DraftChanged(row)
