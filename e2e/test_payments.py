"""Paying duty in Chromium (issue #16): a traveller pays on account on the phone through the
local WeChat Pay stand-in (a process of its own, speaking the provider's protocol, delivering
its signed notification to the server over HTTP), the inspector's tablet verifies the receipt
as paid while offline, then records an assessment lower than what was paid, and the
difference is refunded (the server's embedded worker sends it to the stand-in) and notified.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from e2e.conftest import (
    NO_AUTOFILL,
    PHONE,
    TABLET,
    HeldAnswers,
    add_virtual_authenticator,
    axe_violations,
    new_context,
    screenshot,
    start_server,
    wait_for_service_worker_control,
)
from e2e.test_declarations import create_account, create_officer
from tests.declarations.flows import trip
from tests.liveserver import LiveServer, clock_env, free_port

pytestmark = pytest.mark.e2e

# Every text the newest outcome's state takes, as the DOM changes (not only what a poll catches).
WATCH_OUTCOME_STATES = """() => {
  window.__outcomeStates = [];
  new MutationObserver(() => {
    const state = document.querySelector('[data-testid=outcome-state]');
    if (state) window.__outcomeStates.push(state.textContent.trim());
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}"""

SUBMIT = """
mutation($input: DeclarationInput!, $key: String!) {
  declarationSubmit(input: $input, idempotencyKey: $key) {
    __typename ... on DeclarationSubmitSuccess { declaration { id number credential } }
  }
}
"""


@dataclass
class Shop:
    var_dir: Path
    server: LiveServer
    standin: subprocess.Popen[bytes]
    standin_url: str


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shop]:
    var_dir = tmp_path_factory.mktemp("payments")
    port = free_port()
    standin_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PALM_ENV": "test", "PALM_CLOCK": clock_env(), "VAR_DIR": str(var_dir)}
    log = (var_dir / "standin.log").open("wb")
    standin = subprocess.Popen(
        [sys.executable, "-m", "palm_customs", "payments-standin", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(standin_url + "/__standin__/orders/none", timeout=1)  # noqa: S310
        except urllib.error.HTTPError as error:
            if error.code == 404:
                break
        except OSError:
            pass
        assert standin.poll() is None, (var_dir / "standin.log").read_text()
        assert time.monotonic() < deadline, "the stand-in did not start"
        time.sleep(0.2)
    try:
        server = start_server(var_dir, extra_env={"WECHATPAY_GATEWAY": standin_url})
    except BaseException:
        # The stand-in goes too when the server cannot start (e.g. its migration timed out).
        standin.terminate()
        standin.wait(timeout=15)
        log.close()
        raise
    try:
        yield Shop(var_dir=var_dir, server=server, standin=standin, standin_url=standin_url)
    finally:
        server.stop()
        standin.terminate()
        standin.wait(timeout=15)
        log.close()


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, PHONE, locale="en-GB")
    context.add_init_script(NO_AUTOFILL)
    yield context
    context.close()


def standin_order(shop: Shop, number: str) -> dict[str, object]:
    with urllib.request.urlopen(f"{shop.standin_url}/__standin__/orders/{number}") as answer:  # noqa: S310
        result: dict[str, object] = json.loads(answer.read())
        return result


def submit_declaration(page: Page) -> dict[str, str]:
    """The declaration itself (its wizard has its own journey): sent as the PWA would."""
    body = page.evaluate(
        """async ([query, variables]) => {
            const r = await fetch('/graphql', {method: 'POST', headers: {'content-type':
              'application/json'}, body: JSON.stringify({query, variables})});
            return await r.json();
        }""",
        [SUBMIT, {"input": trip(), "key": "e2e-payments-declaration-1"}],
    )
    result = body["data"]["declarationSubmit"]
    assert result["__typename"] == "DeclarationSubmitSuccess", body
    declaration: dict[str, str] = result["declaration"]
    return declaration


def enrol_officer(shop: Shop, page: Page, badge: str) -> None:
    code = create_officer(shop.server, shop.var_dir, badge)
    add_virtual_authenticator(page)
    origin = shop.server.origin
    page.goto(origin + "/officer/enrol")
    page.get_by_label("Badge number").fill(badge)
    page.get_by_label("One-time enrolment code").fill(code)
    page.get_by_role("button", name="Create my passkey").click()
    expect(page).to_have_url(origin + "/officer")


def test_a_traveller_pays_on_account_the_officer_verifies_offline_and_a_refund_follows(
    shop: Shop, phone: BrowserContext, browser: Browser
) -> None:
    origin = shop.server.origin
    # given a traveller with a declaration whose estimate is 780.00
    page = phone.new_page()
    add_virtual_authenticator(page)
    create_account(page, origin)
    declaration = submit_declaration(page)
    page.goto(f"{origin}/declare/declarations/{declaration['id']}")
    panel = page.get_by_test_id("payment-panel")
    # then the page opens with the payment state first
    expect(panel).to_have_attribute("data-state", "DUE")
    expect(panel).to_contain_text("Duty to pay: CN¥780.00")
    assert axe_violations(page) == [], "declaration with payment due"
    screenshot(page, "payment-due-phone")

    # when the traveller pays on account and confirms at the provider
    page.get_by_test_id("payment-pay").click()
    expect(panel).to_have_attribute("data-state", "PENDING")
    screenshot(page, "payment-pending-phone")
    page.get_by_test_id("payment-open").click()
    page.get_by_role("button", name="Pay").click()
    expect(page.locator("#status")).to_have_text("Paid")
    # then the declaration page shows it paid, with the receipt code
    page.goto(f"{origin}/declare/declarations/{declaration['id']}")
    expect(panel).to_have_attribute("data-state", "PAID", timeout=20_000)
    expect(panel).to_contain_text("Paid: CN¥780.00")
    receipt = page.get_by_test_id("payment-receipt").get_attribute("data-credential") or ""
    assert receipt.startswith("PC1:")
    assert axe_violations(page) == [], "declaration paid"
    screenshot(page, "payment-paid-phone")

    # when the inspector's tablet, offline, checks the receipt
    tablet = new_context(browser, TABLET, locale="en-GB")
    try:
        officer = tablet.new_page()
        enrol_officer(shop, officer, "T5001")
        officer.goto(origin + "/officer/verify")
        wait_for_service_worker_control(officer)
        expect(officer.get_by_test_id("verify-keys")).to_contain_text("saved")
        tablet.set_offline(True)
        officer.reload()
        officer.get_by_label("Or paste the code’s text").fill(receipt)
        officer.get_by_role("button", name="Check this text").click()
        # then it verifies as paid in full without a network
        expect(officer.get_by_test_id("verify-status")).to_have_attribute("data-status", "valid")
        expect(officer.get_by_test_id("receipt-view")).to_have_attribute("data-paid", "full")
        expect(officer.get_by_test_id("receipt-paid")).to_have_text("CN¥780.00")
        assert axe_violations(officer) == [], "receipt verified offline"
        screenshot(officer, "payment-receipt-verified-offline-tablet")

        # when, back online, the officer assesses less than was paid on account
        tablet.set_offline(False)
        officer.get_by_label("Or paste the code’s text").fill(declaration["credential"])
        officer.get_by_role("button", name="Check this text").click()
        officer.get_by_label("Duty assessed", exact=True).check()
        officer.get_by_label("Duty assessed (RMB)").fill("500.00")
        officer.get_by_label("Reason or note").fill("Camera valued lower")
        # (the network holds the outcome until the tablet has listed it: it must say "Queued"
        # until the server has it, never "Sent" for a moment before)
        held = HeldAnswers(
            officer, lambda request: "inspectionOutcomeRecord" in (request.post_data or "")
        )
        officer.evaluate(WATCH_OUTCOME_STATES)
        officer.get_by_role("button", name="Record outcome").click()
        held.wait("the outcome")
        expect(officer.get_by_test_id("outcome-state").first).to_have_text("Queued")
        assert "Sent" not in officer.evaluate("window.__outcomeStates"), "Sent before it was"
        held.release()
        expect(officer.get_by_test_id("outcome-state").first).to_have_text("Sent", timeout=30_000)
    finally:
        tablet.close()

    # then the difference is refunded through the provider and the traveller is told
    page.goto(f"{origin}/declare/declarations/{declaration['id']}")
    expect(panel).to_contain_text("Paid: CN¥500.00", timeout=30_000)
    expect(panel).to_have_attribute("data-state", "PAID")
    body = page.evaluate(
        """async (id) => {
            const r = await fetch('/graphql', {method: 'POST', headers: {'content-type':
              'application/json'}, body: JSON.stringify({query:
              'query($id: ID!) { declarationPayment(declarationId: $id) { intents { number } } }',
              variables: {id}})});
            return await r.json();
        }""",
        declaration["id"],
    )
    number = body["data"]["declarationPayment"]["intents"][0]["number"]
    assert standin_order(shop, number)["refunded_fen"] == 28000
    page.goto(origin + "/inbox")
    expect(page.get_by_text("¥280.00 was refunded to you", exact=False)).to_be_visible(
        timeout=30_000
    )
    screenshot(page, "payment-refunded-inbox-phone")
