from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from palm_customs.identity.models import EnterpriseMembership, MembershipStatus
from tests.conftest import ORIGIN, graphql
from tests.factories import make_person_input
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import create_account, me

REGISTER = """
mutation($name: String!, $uscc: String!) {
  enterpriseRegister(name: $name, uscc: $uscc) {
    __typename ... on ValidationError { errors { field code message } } ... on AccountError { code field }
  }
}
"""
INVITE = """
mutation($e: ID!, $n: String!, $name: String!, $role: EnterpriseRole!) {
  enterpriseMemberInvite(enterpriseId: $e, documentType: RESIDENT_ID, documentNumber: $n,
                         fullName: $name, role: $role) {
    __typename ... on AccountError { code }
  }
}
"""
ACCEPT = "mutation($m: ID!) { enterpriseInvitationAccept(membershipId: $m) { __typename ... on AccountError { code } } }"
REMOVE = "mutation($m: ID!) { enterpriseMemberRemove(membershipId: $m) { __typename ... on AccountError { code } } }"
MEMBERS = (
    "query($e: ID!) { enterpriseMembers(enterpriseId: $e) { membershipId fullName role status } }"
)
USCC = "91350100M000100Y43"


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def _enterprise(admin: httpx.AsyncClient) -> str:
    body = await graphql(admin, REGISTER, {"name": "上海示例贸易有限公司", "uscc": USCC.lower()})
    assert body["data"]["enterpriseRegister"]["__typename"] == "IdentityDone", body  # type: ignore[index]
    current = await me(admin)
    assert current is not None
    enterprise_id: str = current["memberships"][0]["enterprise"]["id"]
    return enterprise_id


async def test_a_person_registers_an_enterprise_and_becomes_its_administrator(
    client: httpx.AsyncClient,
) -> None:
    await create_account(client, SoftAuthenticator(origin=ORIGIN))
    await _enterprise(client)
    current = await me(client)
    assert current is not None
    membership = current["memberships"][0]
    assert membership["role"] == "ADMINISTRATOR"
    assert membership["status"] == "ACTIVE"
    assert membership["enterprise"]["uscc"] == USCC


@pytest.mark.parametrize(
    ("uscc", "code"),
    [
        ("91350100M000100Y44", "CHECK_DIGIT"),
        ("9135010OM000100Y43", "INVALID_FORMAT"),
        ("", "INVALID_FORMAT"),
    ],
)
async def test_an_invalid_credit_code_is_refused(
    client: httpx.AsyncClient, uscc: str, code: str
) -> None:
    await create_account(client, SoftAuthenticator(origin=ORIGIN))
    body = await graphql(client, REGISTER, {"name": "X 公司", "uscc": uscc}, language="zh-CN")
    errors = body["data"]["enterpriseRegister"]["errors"]  # type: ignore[index]
    assert errors[0]["field"] == "input.uscc"
    assert errors[0]["code"] == code
    assert "统一社会信用代码" in errors[0]["message"]


async def test_an_enterprise_is_registered_once(client: httpx.AsyncClient, app: Starlette) -> None:
    await create_account(client, SoftAuthenticator(origin=ORIGIN))
    await _enterprise(client)
    async with _client(app) as other:
        await create_account(other, SoftAuthenticator(origin=ORIGIN), n=2)
        body = await graphql(other, REGISTER, {"name": "冒名公司", "uscc": USCC})
    assert body["data"]["enterpriseRegister"]["code"] == "ENTERPRISE_ALREADY_REGISTERED"  # type: ignore[index]


async def test_invite_accept_list_and_remove_a_member(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given an administrator and a person with an account
    await create_account(client, SoftAuthenticator(origin=ORIGIN))
    enterprise_id = await _enterprise(client)
    invitee = make_person_input(n=2)
    async with _client(app) as member, _client(app) as outsider:
        await create_account(member, SoftAuthenticator(origin=ORIGIN), n=2)
        await create_account(outsider, SoftAuthenticator(origin=ORIGIN), n=3)
        # when the administrator invites them by document number and name
        wrong_name = await graphql(
            client,
            INVITE,
            {
                "e": enterprise_id,
                "n": invitee["documentNumber"],
                "name": "别人",
                "role": "DECLARANT",
            },
        )
        invited = await graphql(
            client,
            INVITE,
            {
                "e": enterprise_id,
                "n": invitee["documentNumber"],
                "name": invitee["fullName"],
                "role": "DECLARANT",
            },
        )
        # then
        assert wrong_name["data"]["enterpriseMemberInvite"]["code"] == "NOT_FOUND"  # type: ignore[index]
        assert invited["data"]["enterpriseMemberInvite"]["__typename"] == "IdentityDone"  # type: ignore[index]
        # nobody else can accept it, the invitee can
        membership_id = (await me(member))["memberships"][0]["id"]  # type: ignore[index]
        stolen = await graphql(outsider, ACCEPT, {"m": membership_id})
        assert stolen["data"]["enterpriseInvitationAccept"]["code"] == "NOT_FOUND"  # type: ignore[index]
        accepted = await graphql(member, ACCEPT, {"m": membership_id})
        assert accepted["data"]["enterpriseInvitationAccept"]["__typename"] == "IdentityDone"  # type: ignore[index]
        # members see each other; outsiders see nothing
        listed = (await graphql(member, MEMBERS, {"e": enterprise_id}))["data"]["enterpriseMembers"]  # type: ignore[index]
        assert {m["fullName"] for m in listed} == {"王小明1", "王小明2"}
        hidden = (await graphql(outsider, MEMBERS, {"e": enterprise_id}))["data"][
            "enterpriseMembers"
        ]  # type: ignore[index]
        assert hidden == []
        # a declarant cannot invite or remove
        declarant_invite = await graphql(
            member,
            INVITE,
            {
                "e": enterprise_id,
                "n": make_person_input(n=3)["documentNumber"],
                "name": "王小明3",
                "role": "ADMINISTRATOR",
            },
        )
        assert declarant_invite["data"]["enterpriseMemberInvite"]["code"] == "NOT_ALLOWED"  # type: ignore[index]
        # the administrator removes the member; the member no longer sees the list
        removed = await graphql(client, REMOVE, {"m": membership_id})
        assert removed["data"]["enterpriseMemberRemove"]["__typename"] == "IdentityDone"  # type: ignore[index]
        assert (await graphql(member, MEMBERS, {"e": enterprise_id}))["data"][
            "enterpriseMembers"
        ] == []  # type: ignore[index]


async def test_the_last_administrator_cannot_be_removed(client: httpx.AsyncClient) -> None:
    await create_account(client, SoftAuthenticator(origin=ORIGIN))
    await _enterprise(client)
    own = await EnterpriseMembership.get()
    body = await graphql(client, REMOVE, {"m": str(own.id)})
    assert body["data"]["enterpriseMemberRemove"]["code"] == "LAST_ADMINISTRATOR"  # type: ignore[index]
    assert (await EnterpriseMembership.get()).status is MembershipStatus.ACTIVE
