"""Deleting one's account."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from palm_customs.core import clock
from palm_customs.core.principal import Principal
from palm_customs.identity import sessions
from palm_customs.identity.errors import AccountErrorCode, AccountProblem
from palm_customs.identity.models import (
    Account,
    AccountKind,
    AccountStatus,
    EnterpriseMembership,
    EnterpriseRole,
    MembershipStatus,
    Passkey,
    PasswordCredential,
    Person,
    RecoveryCode,
)
from palm_customs.identity.services.results import Done, _require_account


async def delete_account(connection: BaseDBAsyncClient, *, principal: Principal) -> Done:
    """Erase what the person owns; keep the account row (submitted records and the audit trail
    refer to it) detached from every personal field."""
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
    await Person.filter(account=account).using_db(connection).delete()
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
        .update(status=AccountStatus.DELETED, sign_in_name=None, deleted_at=clock.now())
    )
    return Done(targets=(f"account:{account_id}",))
