"""Enterprises and their members: registering, inviting, accepting, removing."""

from __future__ import annotations

import uuid

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from palm_customs.core.errors import Validator
from palm_customs.core.principal import Principal
from palm_customs.identity import documents
from palm_customs.identity.errors import AccountErrorCode, AccountProblem
from palm_customs.identity.models import (
    DocumentType,
    Enterprise,
    EnterpriseMembership,
    EnterpriseRole,
    MembershipStatus,
    Person,
)
from palm_customs.identity.services.people import _document_problem
from palm_customs.identity.services.results import Done, _require_account


async def register_enterprise(
    connection: BaseDBAsyncClient, *, principal: Principal, name: str, uscc: str
) -> Done:
    account_id = _require_account(principal)
    check = Validator()
    clean_name = check.text("input.name", name, max_len=200)
    code = ""
    try:
        code = documents.parse_uscc(uscc).code
    except documents.DocumentNumberInvalid as error:
        check.problems.append(_document_problem(error, "input.uscc"))
    check.raise_if_any()
    if await Enterprise.filter(uscc=code).using_db(connection).exists():
        raise AccountProblem(AccountErrorCode.ENTERPRISE_ALREADY_REGISTERED, field="input.uscc")
    try:
        enterprise = await Enterprise.create(
            using_db=connection, id=uuid.uuid4(), name=clean_name, uscc=code
        )
    except IntegrityError:
        raise AccountProblem(
            AccountErrorCode.ENTERPRISE_ALREADY_REGISTERED, field="input.uscc"
        ) from None
    await EnterpriseMembership.create(
        using_db=connection,
        id=uuid.uuid4(),
        enterprise=enterprise,
        account_id=account_id,
        role=EnterpriseRole.ADMINISTRATOR,
        status=MembershipStatus.ACTIVE,
    )
    return Done(targets=(f"enterprise:{enterprise.id}",))


async def _administered(
    connection: BaseDBAsyncClient, principal: Principal, enterprise_id: str
) -> Enterprise:
    account_id = _require_account(principal)
    try:
        key = uuid.UUID(enterprise_id)
    except ValueError:
        raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    membership = await EnterpriseMembership.get_or_none(
        enterprise_id=key,
        account_id=account_id,
        status=MembershipStatus.ACTIVE,
        using_db=connection,
    )
    if membership is None:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    if membership.role is not EnterpriseRole.ADMINISTRATOR:
        raise AccountProblem(AccountErrorCode.NOT_ALLOWED)
    return await Enterprise.get(id=key, using_db=connection)


async def invite_member(
    connection: BaseDBAsyncClient,
    *,
    principal: Principal,
    enterprise_id: str,
    document_type: DocumentType,
    document_number: str,
    full_name: str,
    role: EnterpriseRole,
) -> Done:
    enterprise = await _administered(connection, principal, enterprise_id)
    number = document_number.strip().upper()
    person = await Person.get_or_none(
        document_type=document_type, document_number=number, using_db=connection
    )
    # The name must match too: an administrator cannot probe who has an account by number alone.
    if person is None or person.full_name.strip() != full_name.strip():
        raise AccountProblem(AccountErrorCode.NOT_FOUND, field="input.documentNumber")
    existing = await EnterpriseMembership.get_or_none(
        enterprise=enterprise,
        account_id=person.account_id,
        using_db=connection,
    )
    if existing is not None and existing.status is not MembershipStatus.REMOVED:
        raise AccountProblem(AccountErrorCode.ALREADY_MEMBER)
    if existing is not None:
        await (
            EnterpriseMembership.filter(id=existing.id)
            .using_db(connection)
            .update(status=MembershipStatus.INVITED, role=role, invited_by_id=principal.account_id)
        )
        membership_id = existing.id
    else:
        membership = await EnterpriseMembership.create(
            using_db=connection,
            id=uuid.uuid4(),
            enterprise=enterprise,
            account_id=person.account_id,
            role=role,
            status=MembershipStatus.INVITED,
            invited_by_id=principal.account_id,
        )
        membership_id = membership.id
    return Done(targets=(f"enterprise:{enterprise.id}", f"membership:{membership_id}"))


async def accept_invitation(
    connection: BaseDBAsyncClient, *, principal: Principal, membership_id: str
) -> Done:
    account_id = _require_account(principal)
    try:
        key = uuid.UUID(membership_id)
    except ValueError:
        raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    accepted = (
        await EnterpriseMembership.filter(
            id=key, account_id=account_id, status=MembershipStatus.INVITED
        )
        .using_db(connection)
        .update(status=MembershipStatus.ACTIVE)
    )
    if accepted != 1:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    return Done(targets=(f"membership:{key}",))


async def remove_member(
    connection: BaseDBAsyncClient, *, principal: Principal, membership_id: str
) -> Done:
    try:
        key = uuid.UUID(membership_id)
    except ValueError:
        raise AccountProblem(AccountErrorCode.NOT_FOUND) from None
    membership = await EnterpriseMembership.get_or_none(id=key, using_db=connection)
    if membership is None:
        raise AccountProblem(AccountErrorCode.NOT_FOUND)
    enterprise = await _administered(connection, principal, str(membership.enterprise_id))
    if (
        membership.role is EnterpriseRole.ADMINISTRATOR
        and membership.status is MembershipStatus.ACTIVE
    ):
        admins = (
            await EnterpriseMembership.filter(
                enterprise=enterprise,
                role=EnterpriseRole.ADMINISTRATOR,
                status=MembershipStatus.ACTIVE,
            )
            .using_db(connection)
            .count()
        )
        if admins <= 1:
            raise AccountProblem(AccountErrorCode.LAST_ADMINISTRATOR)
    await (
        EnterpriseMembership.filter(id=key)
        .using_db(connection)
        .update(status=MembershipStatus.REMOVED)
    )
    return Done(targets=(f"enterprise:{enterprise.id}", f"membership:{key}"))
