"""Deleting one's account.

Other domains act on it (appointments: future bookings end) through the listeners of
`identity.hooks.ACCOUNT_DELETED`, installed by palm_customs.registry.
"""

from __future__ import annotations

from datetime import timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.principal import Principal
from palm_customs.identity import sessions
from palm_customs.identity.errors import AccountErrorCode, AccountProblem
from palm_customs.identity.hooks import ACCOUNT_DELETED
from palm_customs.identity.models import (
    Account,
    AccountKind,
    AccountStatus,
    EnterpriseMembership,
    EnterpriseRole,
    IdentityVerification,
    MembershipStatus,
    Passkey,
    PasswordCredential,
    Person,
    RecoveryCode,
    RetainedIdentity,
)
from palm_customs.identity.services.people import document_hash, document_key
from palm_customs.identity.services.results import Done, _require_account
from palm_customs.settings import Settings


async def delete_account(
    connection: BaseDBAsyncClient, settings: Settings, *, principal: Principal
) -> Done:
    """Erase what the person owns; keep the account row (submitted records and the audit trail
    refer to it) detached from every personal field. Future bookings, offers and holds end
    (the seats go to people waiting); a keyed hash of the identity document is kept for the
    retention period so the same document cannot come back at once with a clean slate."""
    account_id = _require_account(principal)
    account = await Account.get(id=account_id, using_db=connection)
    if account.kind is not AccountKind.PERSON:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    admin_of = (
        await EnterpriseMembership.filter(
            account=account, role=EnterpriseRole.ADMINISTRATOR, status=MembershipStatus.ACTIVE
        )
        .using_db(connection)
        .values_list("enterprise_id", flat=True)
    )
    for enterprise_id in admin_of:
        admins = (
            await EnterpriseMembership.filter(
                enterprise_id=enterprise_id,
                role=EnterpriseRole.ADMINISTRATOR,
                status=MembershipStatus.ACTIVE,
            )
            .using_db(connection)
            .count()
        )
        if admins <= 1:
            raise AccountProblem(AccountErrorCode.LAST_ADMINISTRATOR)
    now = clock.now()
    for listener in ACCOUNT_DELETED.listeners():
        await listener(connection, account_id=account_id, now=now)
    person = await Person.get_or_none(account=account, using_db=connection)
    if person is not None and person.document_type and person.document_number:
        key = person.document_key or document_key(
            person.document_type, person.document_number, person.document_country
        )
        retained = {
            "human_key": person.human_key or account_id.hex,
            "account_id": account_id,
            "deleted_at": now,
            "retain_until": now + timedelta(days=settings.identity_retention_days),
        }
        await RetainedIdentity.update_or_create(
            defaults=retained, using_db=connection, document_hash=document_hash(settings, key)
        )
    await Person.filter(account=account).using_db(connection).delete()
    # Its real checks name the document: they go with it (the audit log keeps the acts).
    await IdentityVerification.filter(account_id=account_id).using_db(connection).delete()
    await Passkey.filter(account=account).using_db(connection).delete()
    await PasswordCredential.filter(account=account).using_db(connection).delete()
    await RecoveryCode.filter(account=account).using_db(connection).delete()
    await (
        EnterpriseMembership.filter(account=account)
        .using_db(connection)
        .update(status=MembershipStatus.REMOVED)
    )
    await sessions.end_all(connection, account_id=account_id, reason="account_deleted")
    await (
        Account.filter(id=account_id)
        .using_db(connection)
        .update(status=AccountStatus.DELETED, sign_in_name=None, deleted_at=now)
    )
    return Done(targets=(f"account:{account_id}",))
