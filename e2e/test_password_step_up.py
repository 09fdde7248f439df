"""A password + authenticator-app account adds its first passkey and can then delete itself
(issue #11): before, step-up needed a passkey, so such an account was stuck below level 3."""

from __future__ import annotations

import re

import pyotp
import pytest
from playwright.sync_api import Browser, expect

from e2e.conftest import PHONE, add_virtual_authenticator, axe_violations, new_context, screenshot
from palm_customs.core import clock
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"  # noqa: S105 (a test account)


def test_a_password_account_adds_a_first_passkey_after_password_and_code_then_deletes_itself(
    browser: Browser, server: LiveServer
) -> None:
    # given a person who signed up with a password and confirmed an authenticator app, in a
    # browser with a (virtual) passkey authenticator
    context = new_context(browser, PHONE, locale="en-GB")
    try:
        page = context.new_page()
        add_virtual_authenticator(page)
        page.goto(server.origin + "/me/sign-up")
        page.get_by_label("Full name").fill("Jane Smith")
        page.get_by_label("No, I am visiting").check()
        page.get_by_label("Passport").check()
        page.get_by_label("Document number").fill("E76543210")
        page.get_by_label("Issuing country").fill("GBR")
        page.get_by_label("Expiry date").fill("2033-01-31")
        page.get_by_label("Date of birth").fill("1982-03-09")
        page.get_by_label("Nationality").fill("GBR")
        page.get_by_label("Email address (optional)").fill("jane.smith@example.com")
        page.get_by_role("button", name="Use a password instead").click()
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Create account with a password").click()
        expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
        secret = page.locator(".totp-secret code").inner_text().replace(" ", "")
        totp = pyotp.TOTP(secret)
        page.get_by_label("Code from your authenticator app").fill(totp.at(clock.now()))
        page.get_by_role("button", name="Confirm code").click()
        expect(page.get_by_role("heading", name="Save your recovery codes")).to_be_visible()
        page.get_by_label("I have saved my recovery codes").check()
        page.get_by_role("button", name="Continue").click()
        # when on the account screen the password and a fresh code are given with the new passkey
        page.goto(server.origin + "/me/security")
        expect(page.get_by_text("You have no passkeys yet.")).to_be_visible()
        expect(
            page.get_by_text(re.compile("You have no passkey yet: confirm it is you"))
        ).to_be_visible()
        page.get_by_label("Name for this passkey").fill("My phone")
        page.locator("#first-passkey-password").fill(PASSWORD)
        page.locator("#first-passkey-code").fill(totp.at(clock.now(), counter_offset=1))
        screenshot(page, "identity-first-passkey-password-phone")
        assert axe_violations(page) == []
        page.get_by_role("button", name="Add a passkey").click()
        # then the passkey is added without any other step-up
        expect(page.locator("[data-passkey-id] h3")).to_have_count(1)
        expect(page.locator("[data-passkey-id] h3")).to_have_text("My phone")
        expect(page.locator("#first-passkey-password")).to_have_count(0)
        screenshot(page, "identity-first-passkey-added-phone")
        assert axe_violations(page) == []
        # and, still within the proof's few minutes, the account can be deleted
        page.get_by_label("I understand what is deleted and what is kept").check()
        page.get_by_role("button", name="Delete my account").click()
        # (the app signs out; the deleted passkey may then be offered and refused at sign-in)
        expect(page.get_by_role("banner").get_by_role("link", name="Sign in")).to_be_visible()
        # and is told so where it lands
        expect(
            page.get_by_role("status").filter(has_text="Your account was deleted.")
        ).to_be_visible()
        expect(page).to_have_url(re.compile(r"/me\?deleted=1$"))
        screenshot(page, "identity-first-passkey-deleted-phone")
        answer = page.request.post(
            server.origin + "/graphql",
            headers={"origin": server.origin},
            data={
                "query": "mutation($n: String!, $p: String!, $c: String!) { signInWithPassword("
                "signInName: $n, password: $p, totpCode: $c) { __typename "
                "... on SignInError { code } } }",
                "variables": {
                    "n": "jane.smith@example.com",
                    "p": PASSWORD,
                    "c": totp.at(clock.now(), counter_offset=2),
                },
            },
        ).json()
        assert answer["data"]["signInWithPassword"] == {
            "__typename": "SignInError",
            "code": "INVALID_CREDENTIALS",
        }, answer
    finally:
        context.close()
