"""The audit log in Chromium (issue #12): an inspector's tablet opens a traveller's declaration
and then keeps looking up declarations of a port where the inspector does not serve; the
traveller's phone shows who looked at their data, with a proof from the signed log; the
server's embedded sealer seals the events and raises an anomaly alert, which the unit's
supervisor sees and acknowledges on the tablet."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from e2e.conftest import (
    NO_AUTOFILL,
    PHONE,
    TABLET,
    add_virtual_authenticator,
    axe_violations,
    create_officer_with_cli,
    new_context,
    screenshot,
    start_server,
)
from e2e.test_declarations import create_account, create_officer
from e2e.test_payments import SUBMIT
from tests.declarations.flows import trip
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e


# This journey has a server of its own: its traveller and officers would otherwise take the
# document number and badge that later files register on the shared server.
@pytest.fixture(scope="module")
def server_var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("audit")


@pytest.fixture(scope="module")
def server(server_var_dir: Path) -> Iterator[LiveServer]:
    running = start_server(server_var_dir)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, PHONE, locale="en-GB")
    context.add_init_script(NO_AUTOFILL)
    yield context
    context.close()


BY_NUMBER = "query($n: String!) { declarationByNumber(number: $n) { id } }"


def call(page: Page, query: str, variables: dict[str, object]) -> dict[str, object]:
    """A GraphQL request from the page, as the PWA sends it (cookies, origin)."""
    body: dict[str, object] = page.evaluate(
        """async ([query, variables]) => {
            const r = await fetch('/graphql', {method: 'POST', headers: {'content-type':
              'application/json'}, body: JSON.stringify({query, variables})});
            return await r.json();
        }""",
        [query, variables],
    )
    return body


def declare(page: Page, port: str, key: str) -> dict[str, str]:
    body = call(page, SUBMIT, {"input": trip(portCode=port), "key": key})
    result = body["data"]["declarationSubmit"]  # type: ignore[index]
    assert result["__typename"] == "DeclarationSubmitSuccess", body
    declaration: dict[str, str] = result["declaration"]
    return declaration


def enrol(page: Page, origin: str, badge: str, code: str) -> None:
    add_virtual_authenticator(page)
    page.goto(origin + "/officer/enrol")
    page.get_by_label("Badge number").fill(badge)
    page.get_by_label("One-time enrolment code").fill(code)
    page.get_by_role("button", name="Create my passkey").click()
    expect(page).to_have_url(origin + "/officer")


def test_who_looked_at_my_data_and_an_anomaly_alert_for_the_supervisor(
    server: LiveServer, server_var_dir: Path, phone: BrowserContext, browser: Browser
) -> None:
    origin = server.origin
    # given a traveller with a declaration at Pudong and one at Hongqiao
    person = phone.new_page()
    add_virtual_authenticator(person)
    create_account(person, origin)
    pudong = declare(person, "PVG", "e2e-audit-pvg")
    hongqiao = declare(person, "SHA", "e2e-audit-sha")

    tablet = new_context(browser, TABLET, locale="en-GB")
    try:
        # when a Pudong inspector checks the Pudong declaration on the tablet
        inspector = tablet.new_page()
        enrol(inspector, origin, "T6001", create_officer(server, server_var_dir, "T6001"))
        inspector.goto(origin + "/officer/verify")
        inspector.get_by_label("Or paste the code’s text").fill(pudong["credential"])
        inspector.get_by_role("button", name="Check this text").click()
        expect(inspector.get_by_test_id("verify-status")).to_have_attribute("data-status", "valid")
        # and then looks up the Hongqiao declaration by its number five times (refused each time)
        for _ in range(5):
            looked = call(inspector, BY_NUMBER, {"n": hongqiao["number"]})
            assert looked["data"] == {"declarationByNumber": None}, looked
    finally:
        tablet.close()

    # then the traveller sees which unit opened their declaration, and gets a proof
    person.goto(origin + "/me/data-access")
    entry = person.locator("li[data-event]").filter(has_text="Opened").first
    expect(entry).to_contain_text("Shanghai Pudong Airport")
    expect(entry).to_contain_text(pudong["number"])
    # the sealer runs every few seconds: reload until the entry (rendered again after each
    # reload, before it is looked at) offers a proof
    deadline = time.monotonic() + 60
    while not entry.get_by_role("button", name="Get a proof").is_visible():
        assert time.monotonic() < deadline, "the event was not sealed within a minute"
        time.sleep(1)
        person.reload()
        expect(entry).to_contain_text(pudong["number"])
    entry.get_by_role("button", name="Get a proof").click()
    expect(entry.locator("pre.proof")).to_contain_text('"kind":"inclusion"')
    assert axe_violations(person) == [], "who looked at my data"
    screenshot(person, "audit-data-access-phone")

    # when the unit's supervisor opens the anomaly alerts on a tablet
    supervisor_context = new_context(browser, TABLET, locale="en-GB")
    try:
        supervisor = supervisor_context.new_page()
        code = create_officer_with_cli(
            server,
            server_var_dir,
            badge="S6001",
            name="Qian Jun",
            unit="Shanghai Pudong Airport",
            role="supervisor",
        )
        enrol(supervisor, origin, "S6001", code)
        supervisor.get_by_role("link", name="Anomaly alerts").click()
        expect(supervisor).to_have_url(origin + "/officer/alerts")
        card = supervisor.locator("li[data-alert]").filter(
            has_text="Many declarations opened outside the officer's ports"
        )
        deadline = time.monotonic() + 60
        while not card.count():
            assert time.monotonic() < deadline, "no alert within a minute"
            time.sleep(1)
            supervisor.get_by_role("button", name="Refresh").click()
        # then it names the inspector and the five refused look-ups
        expect(card).to_contain_text("Who: Zhao Lei (T6001)")
        expect(card).to_contain_text("5 events")
        assert axe_violations(supervisor) == [], "anomaly alerts"
        screenshot(supervisor, "audit-alerts-tablet")
        # when the supervisor acknowledges it with a note
        card.get_by_label("Note").fill("Asked the inspector: a traveller's mistaken port")
        card.get_by_role("button", name="Acknowledge").click()
        expect(supervisor.get_by_role("status")).to_have_text("Acknowledged.")
        expect(card).to_have_count(0)
        supervisor.get_by_role("button", name="All alerts").click()
        expect(
            supervisor.locator("li[data-alert]").filter(has_text="a traveller's mistaken port")
        ).to_contain_text("Acknowledged:")
        assert axe_violations(supervisor) == [], "anomaly alerts, acknowledged"
        screenshot(supervisor, "audit-alerts-acknowledged-tablet")
        # and a supervisor reads the rules but is not offered to change them
        expect(supervisor.locator("li[data-rule]")).to_have_count(3)
        expect(supervisor.get_by_role("button", name="Change", exact=True)).to_have_count(0)
    finally:
        supervisor_context.close()

    # when an administrator changes a rule on a tablet
    admin_context = new_context(browser, TABLET, locale="en-GB")
    try:
        admin = admin_context.new_page()
        code = create_officer_with_cli(
            server,
            server_var_dir,
            badge="A6001",
            name="Sun Li",
            unit="Shanghai Pudong Airport",
            role="administrator",
        )
        enrol(admin, origin, "A6001", code)
        admin.get_by_role("link", name="Anomaly alerts").click()
        refusals = admin.locator("li[data-rule=refusals]")
        expect(refusals).to_contain_text("At least 20 in 10 minutes (On)")
        refusals.get_by_role("button", name="Change").click()
        threshold = refusals.get_by_label("Events that raise an alert")
        # then what is not a number is named on the tablet, and a number out of range by the server
        threshold.fill("twelve")
        refusals.get_by_role("button", name="Save the rule").click()
        expect(refusals.locator(".field--error")).to_contain_text("Enter a whole number")
        threshold.fill("0")
        refusals.get_by_role("button", name="Save the rule").click()
        expect(refusals.locator(".field--error")).to_contain_text("10000")
        expect(refusals).to_contain_text("At least 20 in 10 minutes")
        assert axe_violations(admin) == [], "alert rule, refused"
        screenshot(admin, "audit-alert-rule-error-tablet")
        # and a good change is saved and shown
        threshold.fill("12")
        refusals.get_by_label("Within (minutes)").fill("30")
        refusals.get_by_role("button", name="Save the rule").click()
        expect(admin.get_by_test_id("rule-saved")).to_be_visible()
        expect(refusals).to_contain_text("At least 12 in 30 minutes (On)")
        # working hours that end before they start are refused, and the rule stays as it was
        hours = admin.locator("li[data-rule=after_hours_decisions]")
        hours.get_by_role("button", name="Change").click()
        hours.get_by_label("Working hours end").fill("07:00")
        hours.get_by_role("button", name="Save the rule").click()
        expect(hours.locator(".field--error")).to_be_visible()
        hours.get_by_role("button", name="Cancel").click()
        expect(hours).to_contain_text("Outside 08:30–17:30")
        screenshot(admin, "audit-alert-rules-tablet")
    finally:
        admin_context.close()
