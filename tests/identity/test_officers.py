from __future__ import annotations

from datetime import timedelta

import httpx
from starlette.applications import Starlette
from tortoise.transactions import in_transaction

from palm_customs.core import clock
from palm_customs.identity import services
from palm_customs.identity.models import Officer, Session
from tests.conftest import ORIGIN, graphql
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import SIGN_IN_RESULT, create_account, me

ENROL_START = """
mutation($b: String!, $code: String!) {
  officerEnrolStart(badgeNumber: $b, code: $code) {
    __typename ... on PasskeyCeremony { challengeId optionsJson }
    ... on SignInError { code message } ... on TooManyAttempts { retryAfterSeconds }
  }
}
"""
ENROL_FINISH = (
    "mutation($c: ID!, $j: String!) { officerEnrolFinish(challengeId: $c, credentialJson: $j, "
    'passkeyName: "Tablet") {' + SIGN_IN_RESULT + "} }"
)
OFFICER_CREATE = """
mutation($b: String!, $roles: [String!]!) {
  officerCreate(badgeNumber: $b, fullName: "张伟", unit: "上海浦东机场海关", roles: $roles) {
    __typename ... on OfficerCreated { badgeNumber enrolmentCode }
    ... on ValidationError { errors { field code } } ... on AccountError { code }
  }
}
"""


async def _officer(badge: str, *roles: str) -> str:
    async with in_transaction() as connection:
        created = await services.create_officer(
            connection, badge_number=badge, full_name="李伟", unit="浦东机场", roles=list(roles)
        )
    return created.enrolment_code


async def _enrol(client: httpx.AsyncClient, badge: str, code: str, auth: SoftAuthenticator) -> dict:  # type: ignore[type-arg]
    started = await graphql(client, ENROL_START, {"b": badge, "code": code})
    ceremony = started["data"]["officerEnrolStart"]  # type: ignore[index]
    if ceremony["__typename"] != "PasskeyCeremony":
        return ceremony  # type: ignore[no-any-return]
    finished = await graphql(
        client,
        ENROL_FINISH,
        {"c": ceremony["challengeId"], "j": auth.create(ceremony["optionsJson"])},
    )
    return finished["data"]["officerEnrolFinish"]  # type: ignore[index,no-any-return]


async def test_an_officer_enrols_once_with_the_code_and_signs_in_with_roles(
    client: httpx.AsyncClient,
) -> None:
    # given
    code = await _officer("T1001", "inspector", "window_clerk")
    auth = SoftAuthenticator(origin=ORIGIN)
    # when
    enrolled = await _enrol(client, "t1001", code.lower(), auth)
    client.cookies.clear()
    again = await _enrol(client, "T1001", code, SoftAuthenticator(origin=ORIGIN))
    # then
    assert enrolled["__typename"] == "SignInSuccess", enrolled
    assert enrolled["me"]["kind"] == "OFFICER"
    assert enrolled["me"]["officer"] == {
        "badgeNumber": "T1001",
        "roles": ["inspector", "window_clerk"],
    }
    assert again["code"] == "ENROLMENT_CODE_INVALID"
    officer = await Officer.get(badge_number="T1001")
    assert officer.enrolment_code_hash is None
    assert officer.enrolled_at is not None


async def test_a_wrong_or_expired_code_is_refused(client: httpx.AsyncClient) -> None:
    code = await _officer("T1002", "reviewer")
    wrong = await _enrol(client, "T1002", "000000-000000-000000", SoftAuthenticator(origin=ORIGIN))
    await Officer.filter(badge_number="T1002").update(
        enrolment_expires_at=clock.now() - timedelta(1)
    )
    expired = await _enrol(client, "T1002", code, SoftAuthenticator(origin=ORIGIN))
    assert wrong["code"] == expired["code"] == "ENROLMENT_CODE_INVALID"


async def test_officer_sessions_idle_out_after_fifteen_minutes(client: httpx.AsyncClient) -> None:
    code = await _officer("T1003", "inspector")
    await _enrol(client, "T1003", code, SoftAuthenticator(origin=ORIGIN))
    await Session.filter(ended_at=None).update(last_seen_at=clock.now() - timedelta(minutes=16))
    assert await me(client) is None


async def test_only_a_stepped_up_administrator_creates_officers(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given an enrolled administrator (enrolment counts as fresh proof) and an inspector
    admin_code = await _officer("A0001", "administrator")
    await _enrol(client, "A0001", admin_code, SoftAuthenticator(origin=ORIGIN))
    inspector_code = await _officer("T1004", "inspector")
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(
            transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
        ) as inspector,
        httpx.AsyncClient(
            transport=transport, base_url=ORIGIN, headers={"origin": ORIGIN}
        ) as citizen,
    ):
        await _enrol(inspector, "T1004", inspector_code, SoftAuthenticator(origin=ORIGIN))
        await create_account(citizen, SoftAuthenticator(origin=ORIGIN))
        # when
        by_admin = await graphql(client, OFFICER_CREATE, {"b": "R2001", "roles": ["reviewer"]})
        by_inspector = await graphql(
            inspector, OFFICER_CREATE, {"b": "R2002", "roles": ["reviewer"]}
        )
        by_citizen = await graphql(citizen, OFFICER_CREATE, {"b": "R2003", "roles": ["reviewer"]})
        bad_role = await graphql(client, OFFICER_CREATE, {"b": "R2004", "roles": ["emperor"]})
    # then
    created = by_admin["data"]["officerCreate"]  # type: ignore[index]
    assert created["badgeNumber"] == "R2001"
    assert len(created["enrolmentCode"]) == 20
    assert by_inspector["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert by_citizen["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert bad_role["data"]["officerCreate"]["errors"][0]["field"] == "input.roles"  # type: ignore[index]
    assert await Officer.filter(badge_number__in=["R2002", "R2003", "R2004"]).count() == 0
