from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, expect

from e2e.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    TABLET,
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


LAYOUT_SHIFTS = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({ type: 'layout-shift', buffered: true });
"""


# Lighthouse's phone is 412 px wide: there the header's links used to fit beside the brand
# until the account link arrived, then wrapped onto a second row and pushed the page down.
LIGHTHOUSE_PHONE = {**PHONE, "viewport": {"width": 412, "height": 823}}


@pytest.mark.parametrize("device", ["phone", "lighthouse-phone", "tablet"])
@pytest.mark.parametrize("path", ["/", "/me/sign-in"])
def test_nothing_moves_while_the_first_screen_loads(
    browser: Browser, server: LiveServer, device: str, path: str
) -> None:
    # given a first visit over a slow mobile network on a slow phone (Lighthouse's conditions):
    # the screen's chunk, the account link and the server version arrive after the first paint
    size = {"phone": PHONE, "lighthouse-phone": LIGHTHOUSE_PHONE, "tablet": TABLET}[device]
    context = new_context(browser, size, locale="en-GB", service_workers="block")
    try:
        page = context.new_page()
        page.add_init_script(LAYOUT_SHIFTS)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": 150,
                "downloadThroughput": 1.6 * 1024 * 1024 / 8,
                "uploadThroughput": 750 * 1024 / 8,
            },
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        # when
        page.goto(server.origin + path, wait_until="networkidle")
        expect(page.get_by_test_id("header-account")).to_have_text("Sign in")
        expect(page.locator(".about-version")).to_be_visible()
        # then the cumulative layout shift stays under 0.05 ("good" is 0.1)
        shift = page.evaluate("window.__layoutShift")
        assert shift < 0.05
    finally:
        context.close()


def test_the_first_screen_s_icon_is_fingerprinted_and_cached_for_good(
    phone: BrowserContext, server: LiveServer
) -> None:
    # given
    page = phone.new_page()
    page.goto(server.origin + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # when
    header_icon = page.locator(".shell-header__brand img").get_attribute("src")
    favicon = page.locator("link[rel='icon'][type='image/svg+xml']").get_attribute("href")
    # then both are built assets with a content hash, cached for a year
    for url in (header_icon, favicon):
        assert url
        assert url.startswith("/assets/")
        response = page.request.get(server.origin + url)
        assert response.ok
        assert "immutable" in response.headers["cache-control"]
