from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, expect

from e2e.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    axe_violations,
    new_context,
    screenshot,
    wait_for_service_worker_control,
)
from tests.liveserver import LiveServer, live_server

pytestmark = pytest.mark.e2e


def test_home_page_renders_on_a_phone(phone: BrowserContext, server: LiveServer) -> None:
    # given
    page = phone.new_page()
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    # when
    page.goto(server.origin + "/")
    # then
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    nav = page.get_by_role("navigation").last
    expect(nav).to_be_visible()
    # four journeys, each a link to where it starts
    for href in ("/declare", "/services", "/appointments", "/officer"):
        expect(page.locator(f"main a[href='{href}']").first).to_be_visible()
    # touch targets of the bottom navigation are at least 44 px tall
    heights = page.eval_on_selector_all(
        "nav a", "links => links.map(a => a.getBoundingClientRect().height)"
    )
    assert heights
    assert min(heights) >= 44
    # nothing overflows a small phone horizontally
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert [e for e in console_errors if "Content Security Policy" in e] == []
    screenshot(page, "home-phone-zh-Hans")
    assert axe_violations(page) == []


def test_home_page_renders_on_a_tablet(tablet: BrowserContext, server: LiveServer) -> None:
    page = tablet.new_page()
    page.goto(server.origin + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    screenshot(page, "home-tablet-zh-Hans")
    assert axe_violations(page) == []


@pytest.mark.parametrize(("locale", "lang"), [("en-GB", "en"), ("zh-TW", "zh-Hant")])
def test_the_language_follows_the_browser(
    browser: Browser, server: LiveServer, locale: str, lang: str
) -> None:
    context = new_context(browser, PHONE, locale=locale)
    try:
        page = context.new_page()
        page.goto(server.origin + "/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("document.documentElement.lang") == lang
        screenshot(page, f"home-phone-{lang}")
        assert axe_violations(page) == []
    finally:
        context.close()


def test_the_chosen_language_persists_across_reloads(
    phone: BrowserContext, server: LiveServer
) -> None:
    # given
    page = phone.new_page()
    page.goto(server.origin + "/")
    heading_zh = page.get_by_role("heading", level=1).inner_text()
    # when
    page.get_by_role("combobox").first.select_option("en")
    page.reload()
    # then
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() != heading_zh


def test_each_journey_route_loads_its_screen(phone: BrowserContext, server: LiveServer) -> None:
    page = phone.new_page()
    for path in ("/declare", "/services", "/appointments", "/officer", "/me", "/inbox"):
        page.goto(server.origin + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.locator("main a[href='/']").first).to_be_visible()
    page.goto(server.origin + "/no-such-screen")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, "not-found-phone")


def test_the_app_is_installable(playwright: Playwright, server: LiveServer, tmp_path: Path) -> None:
    # given a normal (not incognito) profile: Chromium never offers install in incognito
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, **PHONE
    )
    try:
        page = context.new_page()
        page.goto(server.origin + "/")
        wait_for_service_worker_control(page)
        session = context.new_cdp_session(page)
        # when
        manifest = session.send("Page.getAppManifest")
        installability = session.send("Page.getInstallabilityErrors")
        published = page.request.get(server.origin + "/manifest.webmanifest")
        raw = published.json()
        content_type = published.headers["content-type"]
    finally:
        context.close()
    # then
    assert manifest["errors"] == []
    assert installability["installabilityErrors"] == []
    parsed = manifest["manifest"]
    assert parsed["display"] == "kStandalone"
    assert parsed["startUrl"].endswith("/")
    assert content_type.startswith("application/manifest+json")
    purposes = {icon.get("purpose", "any") for icon in raw["icons"]}
    assert {"any", "maskable"} <= purposes
    assert raw["shortcuts"]


def test_the_shell_still_loads_after_the_server_process_stops(
    browser: Browser, tmp_path: Path
) -> None:
    # given a page controlled by the service worker, on a server of its own
    with live_server(tmp_path) as own_server:
        context = new_context(browser, PHONE, locale="en-US")
        page = context.new_page()
        page.goto(own_server.origin + "/declare")
        wait_for_service_worker_control(page)
        heading = page.get_by_role("heading", level=1).inner_text()
        # when the server process is stopped
        own_server.stop()
    try:
        assert own_server.process.poll() is not None
        page.reload()
        # then the precached shell is still shown
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        page.goto(own_server.origin + "/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        screenshot(page, "home-phone-offline-server-stopped")
    finally:
        context.close()
