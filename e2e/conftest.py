"""End-to-end fixtures: the real server as a subprocess, Debian's Chromium through Playwright.

WebAuthn refuses 127.0.0.1, so pages are opened on http://localhost:PORT.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    CDPSession,
    Page,
    Playwright,
    Request,
    Route,
    expect,
    sync_playwright,
)

from palm_customs.core import clock
from tests.factories import resident_id
from tests.liveserver import LiveServer, clock_env, live_server

# CI runs on 2 shared cores with software rendering: give every expectation more room than
# Playwright's 5 s default (a timing is never what these tests assert).
expect.set_options(timeout=15_000)

REPO = Path(__file__).resolve().parents[1]
# Screenshots and files the journeys make; runs at the same time each get their own folder.
ARTIFACTS = REPO / os.environ.get("E2E_ARTIFACTS", "e2e/artifacts")
AXE = REPO / "pwa" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
TABLET: dict[str, Any] = {
    "viewport": {"width": 1024, "height": 1366},
    "device_scale_factor": 1,
    "is_mobile": True,
    "has_touch": True,
}


@dataclass(frozen=True)
class Moment:
    """When the journeys happen: the server's clock, the test's clock and the browser's."""

    name: str
    at: datetime
    browser_zone: str
    why: str


# `make test` runs the whole e2e suite at an ordinary working morning, then the appointment,
# declaration and pre-review journeys again at the hard moments (`--moment`). The dates lie in
# the seeded holiday calendar (applications/workdays.py).
MOMENTS = {
    moment.name: moment
    for moment in (
        Moment(
            "weekday",
            datetime.fromisoformat("2026-06-10T10:00:00+08:00"),
            "Asia/Shanghai",
            "a Wednesday morning in Shanghai, no holiday",
        ),
        Moment(
            "saturday",
            datetime.fromisoformat("2026-06-13T10:00:00+08:00"),
            "Asia/Shanghai",
            "a Saturday: the windows are closed until Monday",
        ),
        Moment(
            "holiday",
            datetime.fromisoformat("2026-10-01T10:00:00+08:00"),
            "Asia/Shanghai",
            "National Day, a Thursday holiday of the seeded calendar",
        ),
        Moment(
            "late-evening",
            datetime.fromisoformat("2026-06-10T23:50:00+08:00"),
            "Asia/Shanghai",
            "23:50 in Shanghai: ten minutes before the service's day changes",
        ),
        Moment(
            "london-dst",
            datetime.fromisoformat("2026-10-25T09:30:00+08:00"),
            "Europe/London",
            "a phone in London half an hour after British Summer Time ended (01:30 UTC), "
            "while it is Sunday morning in Shanghai",
        ),
    )
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--moment",
        choices=sorted(MOMENTS),
        default="weekday",
        help="when the journeys happen (server clock, test clock, browser clock and zone)",
    )


def pytest_report_header(config: pytest.Config) -> str:
    moment = MOMENTS[config.getoption("--moment")]
    return f"e2e moment: {moment.name} ({moment.at.isoformat()}, browser in {moment.browser_zone})"


_moment: Moment = MOMENTS["weekday"]


@pytest.fixture(scope="session", autouse=True)
def moment(request: pytest.FixtureRequest) -> Iterator[Moment]:
    """The whole session runs at the chosen moment: this process's clock (what tests compute),
    every server and CLI process it starts (PALM_CLOCK) and every browser context."""
    global _moment
    _moment = MOMENTS[request.config.getoption("--moment")]
    with clock.travel(_moment.at):
        yield _moment


@pytest.fixture(scope="session", autouse=True)
def built_pwa() -> None:
    if not (REPO / "pwa" / "dist" / "index.html").exists():
        pytest.exit("pwa/dist is missing: run `make build` (make test does) first", 1)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield instance
    instance.close()


@pytest.fixture(scope="session")
def server_var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def server(server_var_dir: Path) -> Iterator[LiveServer]:
    with live_server(server_var_dir) as running:
        yield running


def server_cli_env(server: LiveServer, var_dir: Path) -> dict[str, str]:
    """The environment `palm-customs` CLI commands need to act on the live server's data
    (the same variables tests/liveserver.py gives the server)."""
    return {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "VAR_DIR": str(var_dir),
        "PORT": str(server.port),
        "PUBLIC_ORIGIN": server.origin,
    }


def move_clock(server: LiveServer, to: datetime, *contexts: BrowserContext) -> None:
    """Move the journey's time instead of waiting for it: the server's clock (its test-only
    endpoint), this process's clock (what the test computes) and each browser's."""
    import urllib.request

    request = urllib.request.Request(  # noqa: S310 (the test's own server)
        server.origin + "/__test__/clock",
        data=json.dumps({"at": to.isoformat()}).encode(),
        method="PUT",
        headers={"content-type": "application/json", "origin": server.origin},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
    clock.set_running_at(to)
    for context in contexts:
        context.clock.set_system_time(to)


def add_virtual_authenticator(page: Page) -> tuple[CDPSession, str]:
    """A platform passkey authenticator for this tab only (CDP WebAuthn domain)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable", {"enableUI": False})
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp, added["authenticatorId"]


def new_context(
    browser: Browser, device: dict[str, Any], *, locale: str, **options: Any
) -> BrowserContext:
    """A browser context at the session's moment: its clock reads what the server's reads
    (and runs), in the moment's time zone."""
    context = browser.new_context(
        **device,
        locale=locale,
        service_workers=options.pop("service_workers", "allow"),
        timezone_id=options.pop("timezone_id", _moment.browser_zone),
        **options,
    )
    context.clock.set_system_time(clock.now())
    return context


# Passkey autofill off: the virtual authenticator would answer a conditional request at once.
NO_AUTOFILL = """
(() => {
  const api = window.PublicKeyCredential;
  if (api && api.isConditionalMediationAvailable) api.isConditionalMediationAvailable = async () => false;
})();
"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, PHONE, locale="zh-CN")
    yield context
    context.close()


@pytest.fixture
def tablet(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, TABLET, locale="zh-CN")
    yield context
    context.close()


# One module's journey in English, step after step in the same context (the signed-in person and
# their drafts carry over from one test to the next); the browser's own autofill is off.
@pytest.fixture(scope="module")
def phone_context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, PHONE, locale="en-GB")
    context.add_init_script(NO_AUTOFILL)
    yield context
    context.close()


@pytest.fixture(scope="module")
def tablet_context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, TABLET, locale="en-GB")
    context.add_init_script(NO_AUTOFILL)
    yield context
    context.close()


# Latin words, numbers and codes (declaration and booking numbers, microchip numbers…) whose
# letters land on more than one line: a word broken in the middle (a flight number such as
# "MU 588" counts as one code). Chinese text may break
# between any two characters and is not looked at, nor is machine text in a <pre>.
BROKEN_WORDS = r"""() => {
  const broken = [];
  const root = document.querySelector('main') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    // machine text shown as is (a proof's JSON, hashes) is not words
    if (!element || element.closest('[aria-hidden="true"], .visually-hidden, script, style, pre')) continue;
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const text = node.textContent || '';
    // a flight number written with a space ("MU 588": two-character airline code, 1-4 digits) is one code too
    for (const match of text.matchAll(/\b[A-Z][A-Z0-9] \d{1,4}\b|[A-Za-z0-9]{2,}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set(
        [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)),
      );
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


def broken_words(page: Page) -> list[str]:
    """The words, numbers and codes on the page that wrap in the middle."""
    words: list[str] = page.evaluate(BROKEN_WORDS)
    return words


def screenshot(page: Page, name: str, *, whole_words: bool = True) -> Path:
    """Save a full-page screenshot under e2e/artifacts, then check that no word, number or
    code on the screen is broken across lines (issue #18: "D261205QMNW4 / C")."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if whole_words:
        assert broken_words(page) == [], f"{name}: words broken across lines"
    wide = overflow_at_reflow_width(page, name)
    if wide and os.environ.get("E2E_REFLOW_REPORT"):
        with (ARTIFACTS / "reflow.txt").open("a") as report:
            report.write(f"{name}: " + " | ".join(wide) + "\n")
    else:
        assert not wide, f"{name}: wider than {REFLOW_WIDTH} px: " + " | ".join(wide)
    return path


# WCAG 2.1 1.4.10 Reflow: content fits 320 CSS px without scrolling sideways (a small phone, or a
# larger one zoomed to 400%, or a tablet's window split with another app). Every screen a journey
# photographs, on a phone or a tablet, is checked at that width.
REFLOW_WIDTH = 320
_OVERFLOWING = """(width) => {
  const inScroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll' || x === 'hidden') return true;
    }
    return false;
  };
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.body.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !inScroller(el))
    // the element that sticks out of a parent that fits: where the width comes from
    .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`
      + ` (right ${Math.round(el.getBoundingClientRect().right)}): ${(el.textContent || '').trim().slice(0, 40)}`);
}"""


def overflow_at_reflow_width(page: Page, name: str = "") -> list[str]:
    """What sticks out past REFLOW_WIDTH when the page is that wide, on a phone or a tablet
    (with E2E_REFLOW_SHOTS set, a screenshot at that width is saved beside the other)."""
    size = page.viewport_size
    if size is None:
        return []
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": size["height"]})
    try:
        page.evaluate(
            "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        found: list[str] = page.evaluate(_OVERFLOWING, REFLOW_WIDTH)
        if name and os.environ.get("E2E_REFLOW_SHOTS"):
            page.screenshot(path=str(ARTIFACTS / f"{name}-{REFLOW_WIDTH}.png"), full_page=True)
    finally:
        page.set_viewport_size(size)
    return found


class HeldAnswers:
    """A slow network for chosen GraphQL requests of one page: those `picks` chooses are held
    (not sent) until `release()`, the others go through. Tests use it to make an answer arrive
    after something else has happened, which a fast local server never does by itself."""

    def __init__(self, page: Page, picks: Callable[[Request], bool]) -> None:
        self.page = page
        self.picks = picks
        self.routes: list[Route] = []
        self.holding = True
        page.route("**/graphql", self._route)

    def _route(self, route: Route) -> None:
        if self.holding and self.picks(route.request):
            self.routes.append(route)
        else:
            route.continue_()

    def wait(self, what: str) -> None:
        """Until a request is held (route handlers run while Playwright waits); then no more
        are held, so later requests of the same kind go through."""
        for _ in range(200):
            if self.routes:
                break
            self.page.wait_for_timeout(50)
        assert self.routes, f"not asked: {what}"
        self.holding = False

    def release(self) -> None:
        """Send what was held, wait for its answers, and give the page time to act on them."""
        requests = [route.request for route in self.routes]
        with self.page.expect_response(lambda r: r.request in requests) as answered:
            for route in self.routes:
                route.continue_()
        answered.value.finished()
        self.page.unroute("**/graphql")
        self.page.evaluate(
            "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))"
        )


def axe_violations(page: Page, *, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """Run axe-core in the page; describe every violation of the given impacts."""
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                             'wcag22aa', 'best-practice']}
        })"""
    )
    found = []
    for violation in result["violations"]:
        if violation["impact"] in impacts:
            targets = [node["target"] for node in violation["nodes"]][:5]
            found.append(f"{violation['id']} ({violation['impact']}): {json.dumps(targets)}")
    return found


def no_serious_axe(page: Page, name: str) -> None:
    assert axe_violations(page) == [], name


def wait_for_service_worker_control(page: Page) -> None:
    page.evaluate("() => navigator.serviceWorker.ready")
    if not page.evaluate("() => !!navigator.serviceWorker.controller"):
        page.reload()
    page.wait_for_function("() => !!navigator.serviceWorker.controller", timeout=15_000)


def start_server(
    var_dir: Path,
    *,
    port: int | None = None,
    prepare: bool = True,
    extra_env: dict[str, str] | None = None,
) -> LiveServer:
    """A `palm-customs serve` the test controls: stop it and start it again on the SAME port and
    data directory (the PWA's origin, cookies, service worker and IndexedDB stay valid).
    `prepare` migrates and seeds (first start only)."""
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.liveserver import free_port, migrate

    port = port or free_port()
    origin = f"http://localhost:{port}"
    environ = {
        **os.environ,
        "PALM_ENV": "test",
        "PALM_CLOCK": clock_env(),
        "VAR_DIR": str(var_dir),
        "PORT": str(port),
        "PUBLIC_ORIGIN": origin,
        **(extra_env or {}),
    }
    command = [sys.executable, "-m", "palm_customs"]
    if prepare:
        migrate(environ)  # a copy of the migrated template file (tests/liveserver.py)
        subprocess.run(
            [*command, "seed-demo"], env=environ, check=True, capture_output=True, timeout=600
        )
    log_path = var_dir / f"server-{port}-{time.monotonic_ns()}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*command, "serve", "--no-migrate"], env=environ, stdout=log, stderr=subprocess.STDOUT
        )
    server = LiveServer(origin=origin, port=port, process=process, log_path=log_path)
    deadline = time.monotonic() + 120  # a loaded 2-CPU machine imports slowly
    while True:
        if process.poll() is not None:
            raise RuntimeError("server exited early:\n" + server.log())
        try:
            with urllib.request.urlopen(f"{origin}/healthz", timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError("server did not become healthy:\n" + server.log())
        time.sleep(0.1)


def sign_up_resident(
    page: Page, origin: str, *, full_name: str, resident_id: str, birth_date: str
) -> None:
    """A resident creates an account with a passkey (the page needs a virtual authenticator)
    and lands on their profile."""
    page.goto(origin + "/me/sign-up")
    page.get_by_label("Full name").fill(full_name)
    page.get_by_label("Yes, I am a resident").check()
    page.get_by_label("Resident identity card number").fill(resident_id)
    page.get_by_label("Date of birth").fill(birth_date)
    page.get_by_role("button", name="Create account with a passkey").click()
    expect(page).to_have_url(origin + "/me")


def resident_on_phone(
    browser: Browser,
    origin: str,
    *,
    full_name: str,
    birth: date,
    sequence: int,
    scripts: tuple[str, ...] = (),
) -> Page:
    """Another person, on an English phone of their own (passkey autofill off, then `scripts`),
    signed up as a resident: their ID number is made from `birth` and `sequence`, so each call
    on one server is a new person. The caller closes `page.context`."""
    context = new_context(browser, PHONE, locale="en-GB")
    for script in (NO_AUTOFILL, *scripts):
        context.add_init_script(script)
    page = context.new_page()
    add_virtual_authenticator(page)
    sign_up_resident(
        page,
        origin,
        full_name=full_name,
        resident_id=resident_id(birth, sequence),
        birth_date=birth.isoformat(),
    )
    return page


def create_officer_with_cli(
    server: LiveServer,
    var_dir: Path,
    *,
    badge: str,
    name: str,
    unit: str,
    role: str,
    posts: tuple[str, ...] = (),
) -> str:
    """`palm-customs officer create` against the live server's data; returns the enrolment code.
    `posts`: the ports an inspector serves at (they read and act only there, issue #11)."""
    import re
    import subprocess
    import sys

    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "palm_customs",
            "officer",
            "create",
            "--badge",
            badge,
            "--name",
            name,
            "--unit",
            unit,
            "--role",
            role,
            *(argument for post in posts for argument in ("--post", post)),
        ],
        env=server_cli_env(server, var_dir),
        capture_output=True,
        text=True,
        timeout=240,  # a CLI process starts an interpreter and the ORM: slow on a loaded machine
        check=True,
    )
    match = re.search(r"enrolment code:\s*(\S+)", completed.stdout)
    assert match, completed.stdout + completed.stderr
    return match.group(1)
