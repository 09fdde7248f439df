"""Identity journeys in Chromium with a virtual passkey authenticator (CDP WebAuthn).

The traveller journeys share one tab: a virtual authenticator belongs to one tab, and its
passkeys are what later journeys sign in with. They run in file order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

from e2e.conftest import (
    PHONE,
    TABLET,
    add_virtual_authenticator,
    axe_violations,
    create_officer_with_cli,
    new_context,
    screenshot,
)
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e

FULL_NAME = "王小明"
# GB 11643: a valid check digit, born 1949-12-31.
RESIDENT_ID = "11010519491231002X"
BIRTH_DATE = "1949-12-31"


class Operations:
    """Names of the GraphQL operations the page sent, in order."""

    def __init__(self, page: Page) -> None:
        self.names: list[str] = []
        page.on("request", self._record)

    def _record(self, request: Request) -> None:
        if request.url.endswith("/graphql") and request.method == "POST":
            body: dict[str, Any] = json.loads(request.post_data or "{}")
            match = re.search(r"(?:mutation|query)\s+(\w+)", body.get("query", ""))
            if match:
                self.names.append(match.group(1))

    def clear(self) -> None:
        self.names.clear()


# The virtual authenticator answers a conditional (autofill) request at once, as if the person
# had picked the passkey from the suggestions; that would sign in on page load and hide the
# sign-in button. Autofill is off unless a test turns it on for the tab.
AUTOFILL_SWITCH = """
(() => {
  const api = window.PublicKeyCredential;
  if (!api || !api.isConditionalMediationAvailable) return;
  const real = api.isConditionalMediationAvailable.bind(api);
  api.isConditionalMediationAvailable = async () =>
    sessionStorage.getItem('e2e.autofill') === 'on' && (await real());
})();
"""


@pytest.fixture(scope="module")
def traveller_context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, PHONE, locale="en-GB")
    context.add_init_script(AUTOFILL_SWITCH)
    yield context
    context.close()


@pytest.fixture(scope="module")
def traveller(traveller_context: BrowserContext) -> Page:
    page = traveller_context.new_page()
    add_virtual_authenticator(page)
    return page


@pytest.fixture(scope="module")
def operations(traveller: Page) -> Operations:
    return Operations(traveller)


def passkey_names(page: Page) -> list[str]:
    return page.locator("[data-passkey-id] h3").all_inner_texts()


def sign_in_usernameless(page: Page, origin: str) -> None:
    page.goto(origin + "/me/sign-in")
    page.get_by_role("button", name="Sign in with a passkey").click()
    # wait for the sign-in to finish (it leaves the page), not for the name in the header: a
    # session still alive shows the name already, and leaving while the ceremony is in flight
    # drops the new session's cookie after the server has ended the old one
    expect(page).not_to_have_url(re.compile(r"/me/sign-in"))
    expect(page.get_by_test_id("header-account")).to_contain_text(FULL_NAME)


def test_a_person_creates_an_account_with_a_passkey(
    traveller: Page, operations: Operations, server: LiveServer
) -> None:
    # given
    page = traveller
    page.goto(server.origin + "/me/sign-up")
    expect(page.get_by_role("heading", level=1, name="Create an account")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, "identity-sign-up-phone")
    # when nothing is filled in, the error summary takes focus and links to each field
    page.get_by_role("button", name="Create account with a passkey").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Enter your full name")).to_have_attribute(
        "href", "#signup-fullName"
    )
    screenshot(page, "identity-sign-up-errors-phone")
    assert axe_violations(page) == []
    # when the server refuses a wrong check digit and a birth date that does not match
    page.get_by_label("Full name").fill(FULL_NAME)
    page.get_by_label("Yes, I am a resident").check()
    page.get_by_label("Resident identity card number").fill("110105194912310021")
    page.get_by_label("Date of birth").fill("1950-01-01")
    page.get_by_role("button", name="Create account with a passkey").click()

    expect(summary.get_by_role("link")).not_to_have_count(0)
    expect(summary.locator("a[href='#signup-documentNumber']")).to_have_count(1)
    # then with valid details the passkey is created and the person is signed in
    page.get_by_label("Resident identity card number").fill(RESIDENT_ID)
    page.get_by_label("Date of birth").fill(BIRTH_DATE)
    expect(page.get_by_label("Name for this passkey")).to_have_value("This phone")
    page.get_by_role("button", name="Create account with a passkey").click()
    expect(page).to_have_url(server.origin + "/me")
    expect(page.get_by_role("heading", level=1)).to_have_text(FULL_NAME)
    expect(page.get_by_test_id("header-account")).to_contain_text(FULL_NAME)
    # the document number is masked
    expect(page.get_by_text(RESIDENT_ID)).to_have_count(0)
    assert "IdentityAccountCreateFinish" in operations.names
    screenshot(page, "identity-me-phone")


def test_a_person_signs_out_and_back_in_without_typing_a_name(
    traveller: Page, server: LiveServer
) -> None:
    # given
    page = traveller
    page.goto(server.origin + "/me/security")
    expect(page.get_by_role("heading", name="Passkeys")).to_be_visible()
    # when
    page.get_by_role("button", name="Sign out", exact=True).click()
    # then
    expect(page.get_by_test_id("header-account")).to_have_text("Sign in")
    page.goto(server.origin + "/me/sign-in")
    expect(page.locator("input[autocomplete='username webauthn']")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, "identity-sign-in-phone")
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(FULL_NAME)
    expect(page.get_by_test_id("header-account")).to_contain_text(FULL_NAME)


def test_passkey_autofill_signs_in_from_the_name_field(traveller: Page, server: LiveServer) -> None:
    # given a signed-out tab where the browser offers passkeys in the name field's autofill
    page = traveller
    page.goto(server.origin + "/me/security")
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page.get_by_test_id("header-account")).to_have_text("Sign in")
    page.evaluate("sessionStorage.setItem('e2e.autofill', 'on')")
    try:
        # when the sign-in screen opens (the conditional request starts on load) and the
        # authenticator answers it, without the passkey button being pressed
        page.goto(server.origin + "/me/sign-in")
        # then
        expect(page).to_have_url(server.origin + "/me")
        expect(page.get_by_test_id("header-account")).to_contain_text(FULL_NAME)
    finally:
        page.evaluate("sessionStorage.removeItem('e2e.autofill')")


def test_a_second_passkey_on_the_same_device_is_refused_kindly(
    traveller: Page, operations: Operations, server: LiveServer
) -> None:
    # given a fresh passkey session (level 2, not stepped up)
    page = traveller
    page.goto(server.origin + "/me/security")
    expect(page.get_by_role("heading", name="Passkeys")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, "identity-security-phone")
    operations.clear()
    # when
    page.get_by_role("button", name="Add a passkey").click()
    # then the step-up ran first, and the authenticator that already holds a passkey for
    # this account (excludeCredentials) is explained, not a dead end
    expect(page.get_by_text("This device already has a passkey for your account")).to_be_visible()
    assert operations.names[:3] == [
        "IdentityPasskeyAddStart",
        "IdentityStepUpStart",
        "IdentityStepUpFinish",
    ]
    expect(page.get_by_text("You confirmed it is you")).to_be_visible()


def test_a_second_device_adds_a_passkey(
    traveller_context: BrowserContext, traveller: Page, server: LiveServer
) -> None:
    # given another tab with its own (empty) authenticator, in the stepped-up session
    other = traveller_context.new_page()
    add_virtual_authenticator(other)
    other.goto(server.origin + "/me/security")
    expect(other.get_by_role("heading", name="Passkeys")).to_be_visible()
    # when
    other.get_by_label("Name for this passkey").fill("Work tablet")
    other.get_by_role("button", name="Add a passkey").click()
    # then
    expect(other.get_by_text("Passkey “Work tablet” added.")).to_be_visible()
    expect(other.locator("[data-passkey-id] h3")).to_have_count(2)
    other.close()


def test_revoking_a_passkey_after_a_new_sign_in_asks_for_step_up_then_succeeds(
    traveller: Page, operations: Operations, server: LiveServer
) -> None:
    # given a new sign-in: level 2, so revoking (level 3) needs a fresh passkey check
    page = traveller
    page.goto(server.origin + "/me/security")
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page.get_by_test_id("header-account")).to_have_text("Sign in")
    sign_in_usernameless(page, server.origin)
    page.goto(server.origin + "/me/security")
    expect(page.locator("[data-passkey-id] h3")).to_have_count(2)
    assert passkey_names(page) == ["This phone", "Work tablet"] or sorted(passkey_names(page)) == [
        "This phone",
        "Work tablet",
    ]
    operations.clear()
    # when
    page.get_by_role("button", name="Remove passkey Work tablet").click()
    # then the step-up ceremony ran by itself, the revoke was retried once and succeeded
    expect(page.get_by_text("Passkey “Work tablet” removed.", exact=False)).to_be_visible()
    expect(page.get_by_text("You confirmed it is you")).to_be_visible()
    assert operations.names[:4] == [
        "IdentityPasskeyRevoke",
        "IdentityStepUpStart",
        "IdentityStepUpFinish",
        "IdentityPasskeyRevoke",
    ]
    expect(page.locator("[data-passkey-id] h3")).to_have_count(1)
    assert passkey_names(page) == ["This phone"]
    screenshot(page, "identity-security-after-revoke-phone")


def create_officer(server: LiveServer, var_dir: Path, badge: str) -> str:
    """An inspector with no post; returns the enrolment code."""
    return create_officer_with_cli(
        server,
        var_dir,
        badge=badge,
        name="Li Wei",
        unit="Shanghai Pudong Airport",
        role="inspector",
    )


def test_an_officer_enrols_a_tablet(
    browser: Browser, server: LiveServer, server_var_dir: Path
) -> None:
    # given
    code = create_officer(server, server_var_dir, "T1001")
    context = new_context(browser, TABLET, locale="en-GB")
    try:
        page = context.new_page()
        add_virtual_authenticator(page)
        page.goto(server.origin + "/officer/enrol")
        expect(page.get_by_label("Name for this passkey")).to_have_value("This tablet")
        screenshot(page, "identity-officer-enrol-tablet")
        assert axe_violations(page) == []
        # when
        page.get_by_label("Badge number").fill("T1001")
        page.get_by_label("One-time enrolment code").fill(code)
        page.get_by_role("button", name="Create my passkey").click()
        # then
        expect(page).to_have_url(server.origin + "/officer")
        expect(page.get_by_text("Signed in as officer T1001")).to_be_visible()
        screenshot(page, "identity-officer-tablet")
    finally:
        context.close()


def test_a_browser_without_passkeys_is_offered_a_password(
    browser: Browser, server: LiveServer
) -> None:
    # given
    context = new_context(browser, PHONE, locale="en-GB")
    context.add_init_script("delete window.PublicKeyCredential;")
    try:
        page = context.new_page()
        # when
        page.goto(server.origin + "/me/sign-up")
        # then
        expect(page.get_by_text("Passkeys are not available in this browser")).to_be_visible()
        expect(page.get_by_role("button", name="Create account with a password")).to_be_visible()
        expect(page.get_by_role("button", name="Create account with a passkey")).to_have_count(0)
        screenshot(page, "identity-sign-up-no-passkeys-phone")
        page.goto(server.origin + "/me/sign-in")
        expect(page.get_by_role("heading", name="Sign in with a password")).to_be_visible()
        expect(page.get_by_label("Code from your authenticator app")).to_be_visible()
        assert axe_violations(page) == []
    finally:
        context.close()


def test_the_password_fallback_creates_an_account_with_an_authenticator_app(
    browser: Browser, server: LiveServer
) -> None:
    # given
    context = new_context(browser, PHONE, locale="en-GB")
    context.add_init_script("delete window.PublicKeyCredential;")
    try:
        page = context.new_page()
        page.goto(server.origin + "/me/sign-up")
        page.get_by_label("Full name").fill("John Smith")
        page.get_by_label("No, I am visiting").check()
        page.get_by_label("Passport").check()
        page.get_by_label("Document number").fill("E12345678")
        # The countries are picked by name: typed in English, or in Chinese on an English screen
        issuing = page.get_by_role("combobox", name="Issuing country")
        issuing.press_sequentially("united k")
        suggestions = page.get_by_role("listbox", name="Suggestions")
        expect(suggestions.get_by_role("option").first).to_contain_text("United Kingdom")
        screenshot(page, "identity-country-picker-phone")
        assert axe_violations(page) == []
        suggestions.get_by_role("option", name=re.compile("United Kingdom")).click()
        expect(issuing).to_have_value("United Kingdom")
        page.get_by_label("Expiry date").fill("2033-01-31")
        page.get_by_label("Date of birth").fill("1980-05-17")
        nationality = page.get_by_role("combobox", name="Nationality")
        nationality.press_sequentially("英国")
        nationality.press("ArrowDown")
        nationality.press("ArrowUp")
        nationality.press("Enter")
        expect(nationality).to_have_value("United Kingdom")
        page.get_by_label("Email address (optional)").fill("john.smith@example.com")
        page.get_by_label("Password", exact=True).fill("correct horse battery staple")
        # when
        page.get_by_role("button", name="Create account with a password").click()
        # then the secret is shown in groups of four, with an otpauth:// link
        expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
        secret = page.locator(".totp-secret code").inner_text()
        assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", secret), secret
        href = page.get_by_role("link", name="Or open the authenticator app on this device")
        expect(href).to_have_attribute("href", re.compile(r"^otpauth://totp/"))
        screenshot(page, "identity-totp-setup-phone")
    finally:
        context.close()
