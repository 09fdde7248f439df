from __future__ import annotations

import httpx

from palm_customs.core.audit import seal, verify
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import Account, AccountStatus, Passkey, Person, Session
from tests.conftest import ORIGIN, graphql
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import create_account, me, sign_in

DELETE = "mutation { accountDelete { __typename ... on AccountError { code } } }"


async def test_deleting_an_account_erases_personal_data_and_keeps_the_audit_trail(
    client: httpx.AsyncClient,
) -> None:
    # given a freshly created account (its registration counts as step-up)
    auth = SoftAuthenticator(origin=ORIGIN)
    await create_account(client, auth)
    events_before = await AuditEvent.all().count()
    # when
    body = await graphql(client, DELETE)
    # then
    assert body["data"]["accountDelete"]["__typename"] == "IdentityDone"  # type: ignore[index]
    account = await Account.get()
    assert account.status is AccountStatus.DELETED
    assert account.sign_in_name is None
    assert await Person.all().count() == 0
    assert await Passkey.all().count() == 0
    assert await Session.filter(ended_at=None).count() == 0
    assert await me(client) is None
    assert await AuditEvent.all().count() == events_before + 1
    await seal()
    assert (await verify()).breaks == []
    # the passkey no longer signs in
    assert (await sign_in(client, auth))["code"] == "CREDENTIAL_UNKNOWN"


async def test_deleting_needs_a_fresh_proof(client: httpx.AsyncClient) -> None:
    auth = SoftAuthenticator(origin=ORIGIN)
    await create_account(client, auth)
    client.cookies.clear()
    await sign_in(client, auth)
    body = await graphql(client, DELETE)
    assert body["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]
    assert await Person.all().count() == 1
