"""Paying an item's fee in Chromium (issue #16): an administrator gives the customs enquiry a
fee of ¥20.00 due on submission in the item editor (tablet, passkey step-up); an applicant
applies on the phone, the application page opens with the fee to pay, they pay it through the
local WeChat Pay stand-in (a process of its own, notifying the server over HTTP) and see the
signed receipt and its PDF.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.conftest import (
    NO_AUTOFILL,
    PHONE,
    TABLET,
    add_virtual_authenticator,
    axe_violations,
    new_context,
    screenshot,
)
from e2e.test_declarations import create_account
from e2e.test_payments import Shop, shop, standin_order  # noqa: F401 (the shop fixture)
from e2e.test_services import Journey, enrol_officer
from tests.applications.test_prereview import FORM, SUBMIT

pytestmark = pytest.mark.e2e


def submit_application(page: Page) -> str:
    """The application itself (its wizard has its own journey): sent as the PWA would."""
    body = page.evaluate(
        """async ([query, variables]) => {
            const r = await fetch('/graphql', {method: 'POST', headers: {'content-type':
              'application/json'}, body: JSON.stringify({query, variables})});
            return await r.json();
        }""",
        [SUBMIT, {"item": "CUSTOMS_ENQUIRY", "form": FORM, "key": "e2e-item-fee-1"}],
    )
    result = body["data"]["applicationSubmit"]
    assert result["__typename"] == "ApplicationDone", body
    application_id: str = result["applicationId"]
    return application_id


def test_an_administrator_sets_a_fee_and_an_applicant_pays_it_on_the_phone(
    shop: Shop,  # noqa: F811
    browser: Browser,
) -> None:
    origin = shop.server.origin
    # given an administrator on a tablet who gives the enquiry a fee of 20.00, due on submission
    tablet = new_context(browser, TABLET, locale="en-GB")
    tablet.add_init_script(NO_AUTOFILL)
    try:
        admin = tablet.new_page()
        add_virtual_authenticator(admin)
        enrol_officer(
            Journey(var_dir=shop.var_dir, server=shop.server),
            admin,
            badge="A7001",
            name="Qian Hui",
            unit="headquarters",
            role="administrator",
        )
        admin.get_by_role("link", name="Service items").click()
        admin.get_by_label("Service", exact=True).select_option("CUSTOMS_ENQUIRY")
        # a fee with three decimals is said before any passkey prompt
        admin.get_by_label("Fee paid online (CNY)").fill("20.005")
        admin.get_by_role("button", name="Save the service").click()
        expect(admin.get_by_role("alert").filter(has_text="Enter the fee in yuan")).to_be_visible()
        admin.get_by_label("Fee paid online (CNY)").fill("20.00")
        admin.get_by_label("When the application is sent").check()
        assert axe_violations(admin) == [], "item editor with a fee"
        admin.get_by_role("button", name="Save the service").click()
        expect(admin.get_by_test_id("items-done")).to_have_text("Published as version 2.")
        screenshot(admin, "item-fee-saved-tablet")
    finally:
        tablet.close()

    # when an applicant applies for it on the phone
    phone = new_context(browser, PHONE, locale="en-GB")
    phone.add_init_script(NO_AUTOFILL)
    try:
        page = phone.new_page()
        add_virtual_authenticator(page)
        create_account(page, origin)
        application_id = submit_application(page)
        page.goto(f"{origin}/services/applications/{application_id}")
        panel = page.get_by_test_id("fee-panel")
        # then the application page opens with the fee to pay, first
        expect(panel).to_have_attribute("data-state", "DUE")
        expect(panel).to_contain_text("Fee to pay: CN¥20.00")
        assert axe_violations(page) == [], "application with a fee due"
        screenshot(page, "item-fee-due-phone")

        # when they pay it and confirm at the provider
        page.get_by_test_id("fee-pay").click()
        expect(panel).to_have_attribute("data-state", "PENDING")
        page.get_by_test_id("fee-open").click()
        page.get_by_role("button", name="Pay").click()
        expect(page.locator("#status")).to_have_text("Paid")
        # then the application shows the fee paid, with the signed receipt and its PDF
        page.goto(f"{origin}/services/applications/{application_id}")
        expect(panel).to_have_attribute("data-state", "PAID", timeout=20_000)
        expect(panel).to_contain_text("Fee paid: CN¥20.00")
        receipt = page.get_by_test_id("fee-receipt")
        assert (receipt.get_attribute("data-credential") or "").startswith("PC1:")
        pdf = page.get_by_test_id("fee-receipt-pdf").get_attribute("href") or ""
        number = pdf.removeprefix("/payments/receipts/").removesuffix(".pdf")
        assert standin_order(shop, number)["amount_fen"] == 2000
        answer = page.request.get(origin + pdf)
        assert answer.status == 200
        assert answer.body().startswith(b"%PDF")
        assert axe_violations(page) == [], "application fee paid"
        screenshot(page, "item-fee-paid-phone")

        # when they no longer need the service and withdraw the application (asked twice)
        withdraw = page.get_by_test_id("application-withdraw")
        withdraw.get_by_role("button", name="Withdraw the application").click()
        expect(withdraw).to_contain_text("This cannot be undone")
        assert axe_violations(page) == [], "withdraw confirmation"
        withdraw.get_by_role("button", name="Yes, withdraw it").click()
        # then it is withdrawn and the whole fee goes back, shown on the page without a reload
        expect(page.get_by_test_id("application-withdrawn")).to_be_visible()
        expect(page.get_by_test_id("application-status")).to_have_attribute(
            "data-status", "WITHDRAWN"
        )
        expect(panel).to_have_attribute("data-state", "REFUNDED", timeout=30_000)
        expect(panel).to_contain_text("Fee refunded: CN¥20.00")
        expect(page.get_by_test_id("application-withdraw")).to_have_count(0)
        assert standin_order(shop, number)["refunded_fen"] == 2000
        assert axe_violations(page) == [], "application withdrawn, fee refunded"
        screenshot(page, "item-fee-refunded-phone")
    finally:
        phone.close()
