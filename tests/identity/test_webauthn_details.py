"""WebAuthn details of issue #11: a key must be of the type its algorithm signs with, and an
assertion's signature is verified before anything specific (owner, sign count, user
verification) is said about it."""

from __future__ import annotations

import httpx
import pytest

from palm_customs.identity.models import Passkey
from tests.conftest import ORIGIN
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import create_account, sign_in


@pytest.fixture
def auth() -> SoftAuthenticator:
    return SoftAuthenticator(origin=ORIGIN)


@pytest.mark.parametrize("label", [-257, -37, -8, -36])
async def test_a_p256_key_labelled_with_another_algorithm_is_refused_at_registration(
    client: httpx.AsyncClient, label: int
) -> None:
    # given a key that could never sign what its label says
    liar = SoftAuthenticator(origin=ORIGIN, alg=label)
    # when
    result = await create_account(client, liar)
    # then
    assert (result["__typename"], result["code"]) == ("WebAuthnError", "VERIFICATION_FAILED")
    assert await Passkey.all().count() == 0


@pytest.mark.parametrize(
    "trouble",
    [
        {"sign_count": 1},  # would be SIGN_COUNT_REGRESSION
        {"user_verified": False},  # would be USER_NOT_VERIFIED
        {"name": "person2@example.cn"},  # would be CREDENTIAL_NOT_YOURS
    ],
)
async def test_a_forged_assertion_says_nothing_specific_about_the_passkey(
    client: httpx.AsyncClient, auth: SoftAuthenticator, trouble: dict[str, object]
) -> None:
    # given two accounts; person1's passkey has signed in (count 5)
    await create_account(client, auth, n=1)
    client.cookies.clear()
    await create_account(client, SoftAuthenticator(origin=ORIGIN), n=2)
    client.cookies.clear()
    assert (await sign_in(client, auth, sign_count=5))["__typename"] == "SignInSuccess"
    client.cookies.clear()
    # when someone answers with person1's credential id but without its private key
    result = await sign_in(client, auth, forged=True, **trouble)  # type: ignore[arg-type]
    # then
    assert (result["__typename"], result["code"]) == ("WebAuthnError", "VERIFICATION_FAILED")


async def test_a_genuine_assertion_still_gets_its_specific_code(
    client: httpx.AsyncClient, auth: SoftAuthenticator
) -> None:
    await create_account(client, auth)
    client.cookies.clear()
    assert (await sign_in(client, auth, sign_count=5))["__typename"] == "SignInSuccess"
    client.cookies.clear()
    assert (await sign_in(client, auth, sign_count=3))["code"] == "SIGN_COUNT_REGRESSION"
    client.cookies.clear()
    assert (await sign_in(client, auth, user_verified=False))["code"] == "USER_NOT_VERIFIED"
