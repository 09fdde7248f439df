"""Online pre-review in Chromium: an applicant on a phone applies for PETS_ENTRY with photographed
documents, a quarantine reviewer on a tablet claims it and sends one two-item correction list,
the applicant fixes exactly those two things and resubmits, and the reviewer sees what changed
and passes it after a passkey step-up. The journeys share one server and run in file order.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

from e2e.conftest import (
    ARTIFACTS,
    NO_AUTOFILL,
    PHONE,
    TABLET,
    add_virtual_authenticator,
    create_officer_with_cli,
    new_context,
    no_serious_axe,
    resident_on_phone,
    screenshot,
    sign_up_resident,
    start_server,
)
from palm_customs.core import clock
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e

FULL_NAME = "陈美玲"
RESIDENT_ID = "11010519491231002X"
BIRTH_DATE = "1949-12-31"
MATERIALS = ("PASSPORT", "PET_HEALTH_CERT", "RABIES_VACCINATION", "MICROCHIP_RECORD")
NEEDS_EXPIRY = ("PASSPORT", "PET_HEALTH_CERT", "RABIES_VACCINATION")


@dataclass
class Journey:
    var_dir: Path
    server: LiveServer
    applicant: Page | None = None
    officer: Page | None = None
    application_url: str = ""
    number: str = ""


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    var_dir = tmp_path_factory.mktemp("services")
    state = Journey(var_dir=var_dir, server=start_server(var_dir))
    try:
        yield state
    finally:
        state.server.stop()


def photo(name: str, colour: tuple[int, int, int]) -> Path:
    """A 3000x2000 "camera" JPEG (the page must scale it down to 1600 px before upload)."""
    image = Image.new("RGB", (3000, 2000), colour)
    draw = ImageDraw.Draw(image)
    for x in range(0, 3000, 150):
        draw.line([(x, 0), (3000 - x, 2000)], fill=(255, 255, 255), width=9)
    draw.rectangle([200, 200, 1400, 900], outline=(0, 0, 0), width=20)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.jpg"
    path.write_bytes(buffer.getvalue())
    return path


def attach_photo(page: Page, material: str, path: Path, expiry: str) -> None:
    page.set_input_files(f"#material-{material}", str(path))
    # Decoding and downscaling a 3000x2000 photo in a software-rendered headless browser can
    # take several seconds on a busy 2-core CI machine.
    expect(page.get_by_test_id(f"pending-{material}")).to_contain_text(".jpg", timeout=30_000)
    if material in NEEDS_EXPIRY:
        page.locator(f"#material-{material}-expiry").fill(expiry)


def test_an_applicant_applies_on_a_phone_with_photographed_documents(
    journey: Journey, phone_context: BrowserContext
) -> None:
    # given a person with a passkey account on a phone
    page = phone_context.new_page()
    journey.applicant = page
    add_virtual_authenticator(page)
    origin = journey.server.origin
    sign_up_resident(
        page, origin, full_name=FULL_NAME, resident_id=RESIDENT_ID, birth_date=BIRTH_DATE
    )

    # when they search the catalogue in Chinese with the English interface
    page.goto(origin + "/services")
    expect(page.get_by_role("heading", level=1, name="Services and pre-review")).to_be_visible()
    page.get_by_label("Search services").fill("宠物")
    page.get_by_label("How it is handled").select_option("PREREVIEW_THEN_ONSITE")
    page.get_by_role("button", name="Show services").click()
    link = page.get_by_role("link", name="Bringing a pet dog or cat into China")
    expect(link).to_be_visible()
    no_serious_axe(page, "catalogue")
    screenshot(page, "services-catalogue-phone")
    link.click()

    # then the item says what to bring on site, the time limit and the fees
    expect(
        page.get_by_role("heading", level=1, name="Bringing a pet dog or cat into China")
    ).to_be_visible()
    expect(page.get_by_text("Bring the original on site").first).to_be_visible()
    expect(page.get_by_text("Quarantine fees where applicable")).to_be_visible()
    no_serious_axe(page, "item")
    screenshot(page, "services-item-phone")
    page.get_by_role("link", name="Apply online").click()

    # the name comes from the profile, as a suggestion to check
    expect(page.get_by_role("heading", level=1, name=re.compile("^Apply:"))).to_be_visible()
    expect(page.get_by_label("Applicant name")).to_have_value(FULL_NAME)
    expect(page.get_by_text("Filled in from your profile. Check it is right.")).to_be_visible()
    # sending with nothing attached: the error summary takes focus and links to each document
    page.get_by_role("button", name="Send application").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    for material in MATERIALS:
        expect(summary.locator(f"a[href='#material-{material}']")).to_have_count(1)
    expect(summary.locator("a[href='#field-MICROCHIP_NO']")).to_have_count(1)
    no_serious_axe(page, "apply errors")
    screenshot(page, "services-apply-errors-phone")

    page.get_by_label("Species").select_option("dog")
    page.get_by_label("Microchip number").fill("156000000000001")
    page.get_by_label("Expected arrival date").fill(
        (clock.today() + timedelta(days=20)).isoformat()
    )
    expiry = (clock.today() + timedelta(days=365)).isoformat()
    for index, material in enumerate(MATERIALS):
        attach_photo(page, material, photo(f"camera-{material}", (40 * index, 90, 160)), expiry)
    expect(page.get_by_text("Saved on this device")).to_be_visible()
    # the draft survives a reload, files included
    page.reload()
    expect(page.get_by_label("Microchip number")).to_have_value("156000000000001")
    expect(page.get_by_test_id("pending-PASSPORT")).to_be_visible()
    # each photo is previewed from this phone before it is sent (an image that has decoded)
    for material in MATERIALS:
        preview = page.get_by_test_id(f"preview-{material}")
        expect(preview).to_be_visible()
        expect(preview).to_have_js_property("complete", True)
        assert preview.evaluate("img => img.naturalWidth") > 0
    no_serious_axe(page, "apply filled")
    screenshot(page, "services-apply-phone")

    # when they send it
    page.get_by_role("button", name="Send application").click()
    expect(page).to_have_url(re.compile(r"/services/applications/[^/?]+\?sent=1$"), timeout=30_000)
    expect(page.get_by_test_id("application-status")).to_have_attribute("data-status", "IN_REVIEW")
    expect(page.get_by_test_id("application-countdown")).to_contain_text(
        re.compile(r"\d+ working days? left")
    )
    journey.application_url = page.url.split("?")[0]
    journey.number = page.get_by_role("heading", level=1).inner_text().removeprefix("Application ")
    screenshot(page, "services-application-sent-phone")

    # then the uploaded pictures were scaled down in the browser (long side 1600 px)
    sizes = page.evaluate(
        """async () => {
            const r = await fetch('/graphql', {method: 'POST', headers: {'content-type': 'application/json'},
              body: JSON.stringify({query: '{ myDocuments(first: 20) { nodes { materialCode url } } }'})});
            const nodes = (await r.json()).data.myDocuments.nodes;
            return Promise.all(nodes.map(async (n) => {
              const bitmap = await createImageBitmap(await (await fetch(n.url)).blob());
              return [n.materialCode, Math.max(bitmap.width, bitmap.height)];
            }));
        }"""
    )
    assert sorted(m for m, _ in sizes) == sorted(MATERIALS)
    assert all(side == 1600 for _, side in sizes), sizes


def step_up_valid_until(page: Page) -> str | None:
    answer = page.evaluate(
        """() => fetch('/graphql', {method: 'POST', headers: {'content-type': 'application/json'},
            body: JSON.stringify({query: '{ me { stepUpValidUntil } }'})}).then((r) => r.json())"""
    )
    value = answer["data"]["me"]["stepUpValidUntil"]
    return str(value) if value else None


def record_operation(request: Request, names: list[str]) -> None:
    if request.url.endswith("/graphql") and request.method == "POST":
        match = re.search(r"(?:mutation|query)\s+(\w+)", request.post_data or "")
        if match and match.group(1) != "IdentityMe":
            names.append(match.group(1))


def enrol_officer(
    journey: Journey, page: Page, *, badge: str, name: str, unit: str, role: str
) -> None:
    code = create_officer_with_cli(
        journey.server, journey.var_dir, badge=badge, name=name, unit=unit, role=role
    )
    origin = journey.server.origin
    page.goto(origin + "/officer/enrol")
    page.get_by_label("Badge number").fill(badge)
    page.get_by_label("One-time enrolment code").fill(code)
    page.get_by_role("button", name="Create my passkey").click()
    expect(page).to_have_url(origin + "/officer")


def enrol_reviewer(journey: Journey, page: Page) -> None:
    enrol_officer(
        journey, page, badge="Q3001", name="Wang Fang", unit="quarantine", role="reviewer"
    )


def test_a_reviewer_on_a_tablet_sends_one_list_of_two_corrections(
    journey: Journey, tablet_context: BrowserContext
) -> None:
    assert journey.number, "the applicant journey must run first"
    page = tablet_context.new_page()
    journey.officer = page
    add_virtual_authenticator(page)
    enrol_reviewer(journey, page)

    # when the reviewer opens the queue and claims the application
    page.get_by_role("link", name="Review queue").click()
    expect(page.get_by_role("heading", level=1, name="Review queue")).to_be_visible()
    task = page.locator(f"[data-application='{journey.number}']")
    expect(task).to_be_visible()
    no_serious_axe(page, "queue")
    screenshot(page, "reviews-queue-tablet")
    task.get_by_role("button", name="Claim").click()

    # then the form and documents are in one pane and the picture in the other
    expect(page.get_by_role("heading", level=2, name="Document viewer")).to_be_visible()
    image = page.locator(".reviews-viewer__image")
    expect(image).to_be_visible(timeout=15_000)
    page.get_by_role("button", name="Zoom in").click()
    expect(image).to_have_attribute("data-scale", "1.25")

    # when they annotate a field and a document
    page.get_by_role("button", name="Ask for a correction: Microchip number").click()
    page.locator("#note-field-MICROCHIP_NO-problem").fill(
        "The chip number does not match the record"
    )
    page.locator("#note-field-MICROCHIP_NO-action").fill(
        "Enter the 15 digits shown on the microchip record"
    )
    page.get_by_role("button", name="Ask for a correction: Passport").click()
    page.locator("#note-material-PASSPORT-problem").fill("The photo page is cut off")
    page.locator("#note-material-PASSPORT-action").fill("Photograph the whole photo page")
    expect(page.get_by_test_id("review-sync")).to_have_text("Draft saved", timeout=15_000)

    # then the draft survives a dropped connection and a reload
    tablet_context.set_offline(True)
    page.locator("#note-material-PASSPORT-action").fill("Photograph the whole photo page, flat")
    expect(page.get_by_test_id("review-sync")).to_contain_text("Draft saved on this tablet")
    tablet_context.set_offline(False)
    expect(page.get_by_test_id("review-sync")).to_have_text("Draft saved", timeout=15_000)
    page.reload()
    expect(page.locator("#note-material-PASSPORT-action")).to_have_value(
        "Photograph the whole photo page, flat"
    )
    expect(page.get_by_test_id("review-correction-list").locator("li")).to_have_count(2)
    no_serious_axe(page, "review")
    screenshot(page, "reviews-review-tablet")

    # when they send the list
    page.get_by_role("button", name="Send the correction list (2)").click()
    expect(page.get_by_test_id("review-done")).to_contain_text("Correction list sent")


def test_the_applicant_sees_both_corrections_at_once_and_fixes_only_those(
    journey: Journey,
) -> None:
    page = journey.applicant
    assert page is not None
    page.goto(journey.application_url)
    expect(page.get_by_test_id("application-status")).to_have_attribute(
        "data-status", "CORRECTIONS_REQUIRED"
    )
    corrections = page.get_by_test_id("corrections")
    expect(corrections.locator("[data-target]")).to_have_count(2)
    expect(corrections).to_contain_text("The chip number does not match the record")
    expect(corrections).to_contain_text("Photograph the whole photo page, flat")
    expect(page.get_by_text("The clock is paused while you make the corrections.")).to_be_visible()
    no_serious_axe(page, "corrections")
    screenshot(page, "services-corrections-phone")

    # the link of a correction lands on its field; only the two named things can change
    page.get_by_role("link", name="Fix Microchip number").click()
    expect(page.get_by_label("Microchip number")).to_be_focused()
    expect(page.locator("form > div.field")).to_have_count(1)
    expect(page.locator("fieldset[data-material]")).to_have_count(1)
    page.get_by_label("Microchip number").fill("156000000000002")
    expiry = (clock.today() + timedelta(days=400)).isoformat()
    attach_photo(page, "PASSPORT", photo("camera-PASSPORT-again", (200, 40, 40)), expiry)
    no_serious_axe(page, "fix")
    screenshot(page, "services-fix-phone")
    page.get_by_role("button", name="Send the corrections").click()
    expect(page).to_have_url(re.compile(r"\?resent=1$"), timeout=30_000)
    expect(page.get_by_test_id("application-status")).to_have_attribute("data-status", "IN_REVIEW")


def test_the_reviewer_sees_what_changed_and_passes_after_step_up(journey: Journey) -> None:
    page = journey.officer
    assert page is not None
    origin = journey.server.origin
    # given a new sign-in (level 2): a decision (level 3) needs a fresh passkey check
    page.goto(origin + "/me/security")
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page.get_by_test_id("header-account")).to_have_text("Sign in")
    page.goto(origin + "/me/sign-in")
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page.get_by_test_id("header-account")).to_contain_text("Wang Fang")
    assert step_up_valid_until(page) is None
    page.goto(origin + "/officer/reviews")
    task = page.locator(f"[data-application='{journey.number}']")
    expect(task).to_contain_text("Resubmitted: 2 changes")

    # given a second tab whose queue hears of no change (its live updates cut off) and still
    # shows the review as theirs after this tab has released it
    task.get_by_role("button", name="Claim").click()
    expect(page.locator(".reviews-item--changed")).to_have_count(2)
    stale = page.context.new_page()
    stale.route_web_socket(re.compile(r".*/graphql$"), lambda socket: None)
    stale.goto(origin + "/officer/reviews")
    stale_task = stale.locator(f"[data-application='{journey.number}']")
    expect(stale_task).to_contain_text("Claimed by you")
    page.goto(origin + "/officer/reviews")
    task.get_by_role("button", name="Release").click()
    expect(task.get_by_role("button", name="Claim")).to_be_visible()
    # when the stale tab releases it too, the server refuses, and the officer is told why even
    # though the queue is read again at once (that read used to wipe the reason away)
    with stale.expect_response(
        lambda r: "ReviewsQueue" in (r.request.post_data or "") and r.ok
    ) as reread:
        stale_task.get_by_role("button", name="Release").click()
    reread.value.finished()
    stale.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")
    expect(
        stale.get_by_role("alert").filter(has_text="Not done: Claim this review first.")
    ).to_be_visible()
    expect(stale_task.get_by_role("button", name="Claim")).to_be_visible()
    stale.close()

    task.get_by_role("button", name="Claim").click()
    changed = page.locator(".reviews-item--changed")
    expect(changed).to_have_count(2)
    expect(page.locator("[data-target='field:MICROCHIP_NO']")).to_contain_text("Changed")
    expect(page.locator("[data-target='material:PASSPORT']")).to_contain_text("Changed")
    screenshot(page, "reviews-changes-tablet")

    # a decision is a level-3 action: the passkey is asked for again, then it passes
    operations: list[str] = []
    page.on("request", lambda request: record_operation(request, operations))
    page.get_by_role("button", name="Pass", exact=True).click()
    expect(page.get_by_test_id("review-done")).to_contain_text("Passed", timeout=30_000)
    screenshot(page, "reviews-passed-tablet")
    assert operations == [
        "ReviewsDecide",
        "IdentityStepUpStart",
        "IdentityStepUpFinish",
        "ReviewsDecide",
    ]
    assert step_up_valid_until(page) is not None

    # and the applicant can rate it
    applicant = journey.applicant
    assert applicant is not None
    applicant.goto(journey.application_url)
    expect(applicant.get_by_test_id("application-status")).to_have_attribute(
        "data-status", "PASSED"
    )
    applicant.get_by_label("5 out of 5").check()
    applicant.get_by_role("button", name="Send rating").click()
    expect(applicant.get_by_test_id("rating-done")).to_contain_text("5 out of 5")
    screenshot(applicant, "services-rated-phone")


def test_the_applicant_books_a_window_with_the_passed_application_already_chosen(
    journey: Journey,
) -> None:
    page = journey.applicant
    assert page is not None
    # given the passed application, which says what comes next
    page.goto(journey.application_url)
    next_step = page.get_by_test_id("application-book")
    expect(next_step).to_contain_text("Your pre-review has passed")
    # when they follow it to the booking page
    next_step.get_by_role("link", name="Book an appointment").click()
    expect(page.get_by_role("heading", level=1, name="Book an appointment")).to_be_visible()
    # then their only passed application is already chosen, and the summary names it
    expect(page.locator("#book-application")).to_be_checked()
    # and the earliest times at any site come first
    slot = page.get_by_test_id("availability-earliest").get_by_test_id("slot").first
    expect(slot).to_be_visible(timeout=15_000)
    by_site = page.locator("[data-testid=availability-site] [data-testid=slot]").evaluate_all(
        "els => els.map((e) => Date.parse(e.dataset.startsAt))"
    )
    assert (
        page.get_by_test_id("availability-earliest")
        .get_by_test_id("slot")
        .evaluate_all("els => els.map((e) => Date.parse(e.dataset.startsAt))")
        == sorted(by_site)[:4]
    )
    slot.click()
    expect(page.get_by_test_id("book-confirm-application")).to_have_text(journey.number)
    no_serious_axe(page, "book-with-application")
    screenshot(page, "services-book-with-application-phone")
    page.get_by_test_id("book-submit").click()
    # and the booking shows the application's number, never its internal identifier
    expect(page).to_have_url(re.compile(r"/appointments/bookings/[0-9a-f-]+$"), timeout=15_000)
    facts = page.locator(".facts")
    expect(facts).to_contain_text(journey.number)
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", facts.first.inner_text())
    screenshot(page, "services-booked-with-application-phone")


def test_a_draft_started_on_one_browser_is_continued_on_another(
    journey: Journey, browser: Browser
) -> None:
    origin = journey.server.origin
    first = new_context(browser, PHONE, locale="en-GB")
    second = new_context(browser, TABLET, locale="en-GB")
    first.add_init_script(NO_AUTOFILL)
    second.add_init_script(NO_AUTOFILL)
    try:
        # given a person who starts an enquiry on one browser, synced to the account
        page = first.new_page()
        cdp, authenticator = add_virtual_authenticator(page)
        sign_up_resident(
            page,
            origin,
            full_name="林晓",
            resident_id="110105198001010016",
            birth_date="1980-01-01",
        )
        page.goto(origin + "/services/items/CUSTOMS_ENQUIRY/apply")
        page.locator("#field-GOODS_DESCRIPTION").fill("Can I bring a drone?")
        expect(page.locator(".autosave")).to_contain_text("and in your account")

        # when they sign in on another browser with the same passkey and open the services
        other = second.new_page()
        other_cdp, other_authenticator = add_virtual_authenticator(other)
        for credential in cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})[
            "credentials"
        ]:
            other_cdp.send(
                "WebAuthn.addCredential",
                {"authenticatorId": other_authenticator, "credential": credential},
            )
        other.goto(origin + "/me/sign-in")
        other.get_by_role("button", name="Sign in with a passkey").click()
        expect(other).to_have_url(origin + "/me")
        other.goto(origin + "/services")
        drafts = other.get_by_test_id("services-drafts")

        # then the draft is there to continue, with what was typed on the first browser
        expect(drafts.get_by_role("link", name="Customs enquiry")).to_be_visible()
        no_serious_axe(other, "services with a draft")
        drafts.get_by_role("link", name="Customs enquiry").click()
        expect(other.locator("#field-GOODS_DESCRIPTION")).to_have_value("Can I bring a drone?")

        # and when both browsers change it, the older one is shown both versions to choose from
        other.locator("#field-GOODS_DESCRIPTION").fill("Can I bring two drones?")
        expect(other.locator(".autosave")).to_contain_text("and in your account")
        page.locator("#field-GOODS_DESCRIPTION").fill("Can I bring a drone and a camera?")
        conflict = page.get_by_test_id("draft-conflict")
        expect(conflict).to_contain_text("Can I bring two drones?")
        expect(conflict).to_contain_text("Can I bring a drone and a camera?")
        no_serious_axe(page, "draft conflict")
        screenshot(page, "services-draft-conflict-phone")
        page.get_by_role("button", name="Use the version in your account").click()
        expect(page.locator("#field-GOODS_DESCRIPTION")).to_have_value("Can I bring two drones?")
        expect(conflict).to_have_count(0)
    finally:
        first.close()
        second.close()


# A phone whose storage is slow: while `window.slowWritesMs` is set, each IndexedDB write keeps
# its transaction open that long after its put (later writes to the store queue behind it).
SLOW_WRITES = """
(() => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const request = put.apply(this, args);
    const ms = window.slowWritesMs;
    if (ms) {
      const store = this;
      const until = performance.now() + ms;
      const hold = () => {
        if (performance.now() < until) store.count().onsuccess = hold;
      };
      hold();
    }
    return request;
  };
})();
"""


def test_saved_is_said_only_of_what_is_on_screen_and_a_reload_keeps_it(
    journey: Journey, browser: Browser
) -> None:
    origin = journey.server.origin
    # given a person writing an enquiry on a phone whose storage has become slow
    page = resident_on_phone(
        browser,
        origin,
        full_name="周敏",
        birth=date(1975, 2, 3),
        sequence=21,
        scripts=(SLOW_WRITES,),
    )
    try:
        page.goto(origin + "/services/items/CUSTOMS_ENQUIRY/apply")
        question = page.locator("#field-GOODS_DESCRIPTION")
        question.fill("Can I bring a drone?")
        saved = page.get_by_text("Saved on this device")
        expect(saved).to_be_visible()
        page.evaluate("() => { window.slowWritesMs = 3000; }")
        # when they change it, and change it again while the first change is being written
        question.fill("Can I bring two drones?")
        page.wait_for_timeout(1_000)  # past the typing pause: that write has begun
        question.fill("Can I bring two drones and a camera?")
        # then "saved" waits for the last change (not the end of the earlier write)
        expect(saved).to_be_visible(timeout=30_000)
        # and a reload at that moment finds the last change
        page.reload()
        expect(question).to_have_value("Can I bring two drones and a camera?")
    finally:
        page.context.close()


def test_two_photos_chosen_one_after_the_other_are_both_kept(
    journey: Journey, browser: Browser
) -> None:
    origin = journey.server.origin
    # given a person applying to bring a pet, on a phone
    page = resident_on_phone(browser, origin, full_name="吴芳", birth=date(1982, 7, 9), sequence=33)
    try:
        page.goto(origin + "/services/items/PETS_ENTRY/apply")
        expect(page.get_by_role("heading", level=1, name=re.compile("^Apply:"))).to_be_visible()
        # when they photograph the passport and, while it is being prepared, the certificate
        page.set_input_files("#material-PASSPORT", str(photo("camera-PASSPORT", (20, 90, 160))))
        page.set_input_files(
            "#material-PET_HEALTH_CERT", str(photo("camera-PET_HEALTH_CERT", (60, 90, 160)))
        )
        # then both are kept, and still there after a reload
        for material in ("PASSPORT", "PET_HEALTH_CERT"):
            expect(page.get_by_test_id(f"pending-{material}")).to_contain_text(
                ".jpg", timeout=30_000
            )
        expect(page.get_by_text("Saved on this device")).to_be_visible()
        page.reload()
        for material in ("PASSPORT", "PET_HEALTH_CERT"):
            expect(page.get_by_test_id(f"pending-{material}")).to_contain_text(".jpg")
    finally:
        page.context.close()


@contextmanager
def administrator_on_tablet(
    journey: Journey, browser: Browser, *, badge: str, name: str
) -> Iterator[Page]:
    """An administrator enrolled on a tablet with a fresh passkey (saving needs level 3)."""
    context = new_context(browser, TABLET, locale="en-GB")
    context.add_init_script(NO_AUTOFILL)
    try:
        page = context.new_page()
        add_virtual_authenticator(page)
        enrol_officer(
            journey, page, badge=badge, name=name, unit="headquarters", role="administrator"
        )
        yield page
    finally:
        context.close()


def test_an_administrator_changes_a_material_type_and_its_services_get_a_new_version(
    journey: Journey, browser: Browser
) -> None:
    # given an administrator enrolled on a tablet
    with administrator_on_tablet(journey, browser, badge="A3001", name="Zhao Min") as page:
        origin = journey.server.origin
        page.get_by_role("link", name="Material types").click()
        expect(page.get_by_role("heading", level=1, name="Material types")).to_be_visible()

        # when they choose the goods photos, clear the English name and save
        page.get_by_label("Material type").select_option("PRODUCT_PHOTOS")
        page.get_by_label("Name in English").fill("")
        page.get_by_role("button", name="Save the material type").click()
        # then the missing name is said before any passkey prompt, linked to its field
        summary = page.get_by_role("alert").filter(has_text="Enter the name in English")
        expect(summary).to_be_visible()

        # when they name it, accept only JPEG, and save
        page.get_by_label("Name in English").fill("Photos of the goods (JPEG)")
        page.get_by_label("PNG").uncheck()
        page.get_by_label("HEIC").uncheck()
        no_serious_axe(page, "material type form")
        page.get_by_role("button", name="Save the material type").click()

        # then every service asking for the photos is published at a new version
        done = page.get_by_test_id("materials-done")
        expect(done).to_contain_text("Published at a new version")
        expect(done).to_contain_text("PRE_CLASSIFICATION")
        screenshot(page, "services-material-type-saved-tablet")
        page.goto(origin + "/services/items/PRE_CLASSIFICATION")
        expect(page.get_by_text("Photos of the goods (JPEG)")).to_be_visible()


def test_an_administrator_renames_a_service_and_the_catalogue_shows_the_new_version(
    journey: Journey, browser: Browser
) -> None:
    # given an administrator enrolled on a tablet
    with administrator_on_tablet(journey, browser, badge="A3002", name="Sun Li") as page:
        origin = journey.server.origin
        page.get_by_role("link", name="Service items").click()
        expect(page.get_by_role("heading", level=1, name="Service items")).to_be_visible()

        # when they choose the cultural relics service, clear its English name and save
        page.get_by_label("Service", exact=True).select_option("CULTURAL_RELIC_EXIT")
        page.get_by_label("Name in English").fill("")
        page.get_by_role("button", name="Save the service").click()
        # then the missing name is said before any passkey prompt, linked to its field
        summary = page.get_by_role("alert").filter(has_text="Enter the name in English")
        expect(summary).to_be_visible()
        summary.get_by_role("link", name="Enter the name in English").click()
        expect(page.get_by_label("Name in English")).to_be_focused()

        # when they rename it, allow three working days and save with their passkey
        page.get_by_label("Name in English").fill("Taking cultural relics abroad")
        page.get_by_label("Time limit (working days)").fill("3")
        no_serious_axe(page, "service item form")
        page.get_by_role("button", name="Save the service").click()

        # then the service is published at its next version
        expect(page.get_by_test_id("items-done")).to_have_text("Published as version 2.")
        expect(page.get_by_label("Service", exact=True)).to_contain_text(
            "Taking cultural relics abroad (CULTURAL_RELIC_EXIT, version 2)"
        )
        screenshot(page, "services-item-saved-tablet")

        # and the public catalogue shows the new name and time limit
        page.goto(origin + "/services")
        expect(page.get_by_text("Taking cultural relics abroad")).to_be_visible()
        page.goto(origin + "/services/items/CULTURAL_RELIC_EXIT")
        expect(
            page.get_by_role("heading", level=1, name="Taking cultural relics abroad")
        ).to_be_visible()
        expect(page.get_by_text("3 working days")).to_be_visible()
