"""Appointments: a person books on a phone and keeps the QR offline; a window clerk on a tablet
checks them in from a picture of that QR and calls them; the phone (never reloaded after it is
back online) shows "your turn, window N" through the live subscription.

The tests share one server and one phone tab and run in file order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Request, expect

from e2e.conftest import (
    ARTIFACTS,
    HeldAnswers,
    add_virtual_authenticator,
    axe_violations,
    create_officer_with_cli,
    move_clock,
    no_serious_axe,
    resident_on_phone,
    screenshot,
    sign_up_resident,
    start_server,
    wait_for_service_worker_control,
)
from e2e.test_identity import BIRTH_DATE, FULL_NAME, RESIDENT_ID, sign_in_usernameless
from palm_customs.applications.workdays import DEMO_HOLIDAYS
from palm_customs.core import clock
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e

# On site only: no pre-review needed (backend/palm_customs/catalogue/items.py); both demo sites
# have a window for it (backend/palm_customs/appointments/demo.py).
ITEM = "CULTURAL_RELIC_EXIT"
ITEM_NAME = "Taking cultural relics out of China"
SHANGHAI = ZoneInfo("Asia/Shanghai")

# The demo windows open on working days (Monday to Friday, not a public holiday of the seeded
# calendar), mornings and afternoons until 17:00 Shanghai time.
LAST_START = time(16, 30)


def first_open_day(now: datetime) -> date:
    """The first day (Shanghai) with a bookable demo slot of ITEM, worked out independently of
    the server: today if it is a working day with time left, else the next working day."""
    local = now.astimezone(SHANGHAI)
    holidays = {date.fromisoformat(day) for day, _ in DEMO_HOLIDAYS}
    day = local.date()
    if local.time() >= LAST_START:
        day += timedelta(days=1)
    while day.isoweekday() > 5 or day in holidays:
        day += timedelta(days=1)
    return day


@dataclass
class Journey:
    var_dir: Path
    server: LiveServer
    phone: Page | None = None
    booking_url: str = ""
    number: str = ""
    site_name: str = ""
    starts_at: datetime | None = None
    qr_png: Path = ARTIFACTS / "appointments-booking-qr.png"


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    var_dir = tmp_path_factory.mktemp("appointments")
    # the journey moves the clock to the booked day; the next module starts at the moment again
    with clock.travel(clock.now()):
        state = Journey(var_dir=var_dir, server=start_server(var_dir))
        try:
            yield state
        finally:
            state.server.stop()


def earliest_slot(page: Page, item: str) -> tuple[str, Locator]:
    slots = page.locator(f"[data-testid=slot][data-item='{item}']")
    expect(slots.first).to_be_visible()
    starts = [s or "" for s in slots.evaluate_all("(els) => els.map((e) => e.dataset.startsAt)")]
    earliest = min(starts)
    return earliest, slots.and_(page.locator(f"[data-starts-at='{earliest}']")).first


def test_a_person_books_the_earliest_slot_and_keeps_the_qr_offline(
    journey: Journey, phone_context: BrowserContext
) -> None:
    # given a person with a passkey account on a phone
    page = phone_context.new_page()
    journey.phone = page
    add_virtual_authenticator(page)
    origin = journey.server.origin
    sign_up_resident(
        page, origin, full_name=FULL_NAME, resident_id=RESIDENT_ID, birth_date=BIRTH_DATE
    )
    wait_for_service_worker_control(page)

    # when they start a booking for an item that needs no pre-review
    page.goto(origin + "/appointments")
    expect(page.get_by_role("heading", level=1, name="Appointments")).to_be_visible()
    page.get_by_test_id("book-start").click()
    expect(page.get_by_role("heading", level=1, name="Book an appointment")).to_be_visible()
    # an item that needs a passed pre-review: none to pick, and the server's typed error shows
    page.get_by_role("radio", name="Bringing a pet dog or cat into China").check()
    expect(page.get_by_text("You have no passed pre-review for this service")).to_be_visible()
    _, pet_slot = earliest_slot(page, "PETS_ENTRY")
    pet_slot.click()
    page.get_by_test_id("book-submit").click()
    expect(page.get_by_test_id("book-problem")).to_have_attribute("data-code", "PREREVIEW_REQUIRED")
    page.get_by_role("radio", name=ITEM_NAME).check()
    expect(page.get_by_test_id("book-problem")).to_have_count(0)
    # the earliest time is on the first working day with time left (never a weekend or a public
    # holiday), and the page shows it on the site's clock, wherever the phone is
    earliest, slot = earliest_slot(page, ITEM)
    starts_at = datetime.fromisoformat(earliest)
    assert starts_at.astimezone(SHANGHAI).date() == first_open_day(clock.now())
    assert starts_at > clock.now()
    journey.starts_at = starts_at
    assert starts_at.astimezone(SHANGHAI).strftime("%H:%M") in slot.inner_text()
    no_serious_axe(page, "book")
    screenshot(page, "appointments-book-phone")
    slot.click()
    page.get_by_test_id("book-submit").click()

    # then the confirmation shows the booking number in large print and the signed QR
    expect(page).to_have_url(re.compile(r"/appointments/bookings/[0-9a-f-]+$"), timeout=15_000)
    qr = page.get_by_test_id("booking-qr")
    expect(qr).to_be_visible()
    assert (qr.get_attribute("data-credential") or "").startswith("PC1:")
    journey.number = page.get_by_test_id("booking-number").inner_text().strip()
    assert journey.number.startswith("B")
    expect(page.get_by_test_id("booking-status")).to_have_text("Booked")
    expect(page.get_by_test_id("booking-cutoff")).to_be_visible()
    expect(page.get_by_role("link", name="Open in a maps app")).to_have_attribute(
        "href", re.compile(r"^geo:")
    )
    # the .ics download is built from the booking's calendar text
    with page.expect_download() as download_info:
        page.get_by_test_id("booking-ics").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    assert "BEGIN:VCALENDAR" in Path(download.path()).read_text()
    journey.booking_url = page.url
    journey.site_name = page.locator(".facts dd").nth(1).inner_text().strip()
    no_serious_axe(page, "booking")
    screenshot(page, "appointments-booking-phone")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    qr.screenshot(path=str(journey.qr_png))

    # when the phone goes offline and the page is reloaded, the QR still shows
    phone_context.set_offline(True)
    page.reload()
    expect(page.get_by_test_id("booking-qr")).to_be_visible()
    expect(page.get_by_test_id("booking-number")).to_have_text(journey.number)
    expect(page.get_by_test_id("booking-offline")).to_be_visible()
    screenshot(page, "appointments-booking-offline-phone")
    # back online: the page reads the booking again by itself (it is NOT reloaded from here on)
    phone_context.set_offline(False)
    expect(page.get_by_test_id("booking-offline")).to_be_hidden(timeout=10_000)


def phone_context_of(journey: Journey) -> BrowserContext:
    assert journey.phone is not None
    return journey.phone.context


def site_code_named(server: LiveServer, name: str) -> str:
    """The code of the site with this English name, from the public API."""
    import httpx

    response = httpx.post(
        server.origin + "/graphql",
        json={"query": "{ appointmentSites { code name { en } } }"},
        headers={"origin": server.origin},
        timeout=10,
    )
    sites = response.json()["data"]["appointmentSites"]
    return next(s["code"] for s in sites if s["name"]["en"] == name)


def test_a_window_clerk_checks_the_person_in_from_the_qr_and_calls_them(
    journey: Journey, tablet_context: BrowserContext
) -> None:
    assert journey.phone is not None, "the booking test must run first"
    assert journey.starts_at is not None
    # given the day of the booking has come: ten minutes before it (the clock is moved, not
    # waited for), the person signs in again on the phone and opens the booking
    move_clock(
        journey.server,
        journey.starts_at - timedelta(minutes=10),
        phone_context_of(journey),
        tablet_context,
    )
    phone = journey.phone
    sign_in_usernameless(phone, journey.server.origin)
    phone.goto(journey.booking_url)
    expect(phone.get_by_test_id("booking-status")).to_have_text("Booked")
    # given a window clerk of the booked site (their unit names it), enrolled with a one-time code
    code = create_officer_with_cli(
        journey.server,
        journey.var_dir,
        badge="W4001",
        name="Zhao Min",
        unit=site_code_named(journey.server, journey.site_name),
        role="window_clerk",
    )
    page = tablet_context.new_page()
    add_virtual_authenticator(page)
    origin = journey.server.origin
    page.goto(origin + "/officer/enrol")
    page.get_by_label("Badge number").fill("W4001")
    page.get_by_label("One-time enrolment code").fill(code)
    page.get_by_role("button", name="Create my passkey").click()
    expect(page).to_have_url(origin + "/officer")
    page.get_by_role("link", name="Appointments today (check-in and queue)").click()
    expect(page.get_by_role("heading", level=1, name="Appointments today")).to_be_visible()
    page.get_by_label("Site").select_option(label=journey.site_name)
    row = page.locator(f"[data-testid=day-booking][data-number='{journey.number}']")
    expect(row).to_have_attribute("data-status", "CONFIRMED")
    expect(row).to_contain_text(FULL_NAME)

    # when they upload a screenshot of the person's booking QR
    page.set_input_files("#day-image", str(journey.qr_png))

    # then the person is checked in with a queue number
    expect(page.get_by_test_id("checkin-queue").first).to_have_text("1", timeout=15_000)
    expect(row).to_have_attribute("data-status", "CHECKED_IN")
    expect(phone.get_by_test_id("booking-live")).to_contain_text(
        "Checked in. Your queue number is 1.", timeout=15_000
    )
    no_serious_axe(page, "day view")
    # moderate findings too: one landmark per name on the clerk's day
    assert axe_violations(page, impacts=("moderate", "serious", "critical")) == [], "day view"

    # when they call the next person at a window that handles the item
    window = page.locator("[data-testid=day-window]", has_text=ITEM_NAME).first
    number = window.get_attribute("data-window")
    window.get_by_test_id("call-next").click()
    expect(page.get_by_test_id("day-called")).to_contain_text(journey.number)
    expect(row).to_have_attribute("data-status", "CALLED")
    screenshot(page, "appointments-day-tablet")

    # then the phone, kept open and not reloaded, shows their turn within a few seconds
    expect(phone.get_by_test_id("booking-live")).to_contain_text(
        f"Your turn: window {number}", timeout=5_000
    )
    assert phone.url == journey.booking_url
    screenshot(phone, "appointments-your-turn-phone")
    no_serious_axe(phone, "your turn")

    # when the clerk, holding the person's ID card, types a number that is not theirs
    verify = page.get_by_test_id("window-verify")
    typed = verify.get_by_label("Document number as printed")
    typed.fill(RESIDENT_ID[:-4] + "0000")
    verify.get_by_role("button", name="Verify identity").click()
    # then nothing is verified and they are told why
    expect(verify).to_contain_text("not that of the document this person registered")
    # when they type the card's number as printed
    typed.fill(RESIDENT_ID)
    verify.get_by_role("button", name="Verify identity").click()
    # then the person's identity is verified (the scarcest items need it)
    expect(page.get_by_test_id("window-verified")).to_contain_text(
        f"{FULL_NAME}’s identity is verified."
    )
    no_serious_axe(page, "window verification")
    screenshot(page, "fair-window-verified-tablet")

    # when the clerk records the visit as served, the phone says so too
    row.get_by_role("button", name="Served").click()
    expect(row).to_have_attribute("data-status", "SERVED")
    expect(phone.get_by_test_id("booking-live")).to_contain_text("Done", timeout=5_000)

    # then the person rates the visit and the window, and the hall's public average changes
    phone.reload()
    summary = phone.get_by_test_id("rating-summary")
    expect(summary).to_have_text("This hall has no ratings yet.")
    phone.get_by_role("group", name="How was the service?").get_by_label("4 out of 5").check()
    phone.get_by_role("group", name="And the window that served you?").get_by_label(
        "5 out of 5"
    ).check()
    phone.get_by_role("button", name="Save my rating").click()
    expect(summary).to_have_text("This hall: 4.0 out of 5 from 1 rating")
    no_serious_axe(phone, "rating")
    screenshot(phone, "appointments-rating-phone")
    # and their real-name verification page says an officer saw the document
    phone.goto(origin + "/me/identity")
    status = phone.get_by_test_id("identity-status")
    expect(status).to_have_attribute("data-level", "VERIFIED")
    expect(status).to_contain_text("An officer saw your document at a service window.")
    no_serious_axe(phone, "identity verified")
    screenshot(phone, "fair-identity-verified-phone")

    # when the tablet is offline, a typed check-in waits in the outbox and is sent once online
    tablet_context.set_offline(True)
    page.get_by_label("Booking number").fill("B000000ZZZZZZ")
    page.get_by_role("button", name="Check in", exact=True).click()
    entry = page.get_by_test_id("checkin-log-item").first
    expect(entry).to_contain_text("B000000ZZZZZZ")
    expect(entry.get_by_test_id("checkin-state")).to_have_text("Waiting to send")
    tablet_context.set_offline(False)
    # then the server's answer comes back (an unknown number is refused, with its reason)
    expect(entry.get_by_test_id("checkin-state")).to_have_text("Refused", timeout=30_000)


def test_a_person_at_the_cap_is_told_why_and_when_they_may_book_again(
    journey: Journey, browser: Browser
) -> None:
    # given another person on another phone, signed up with their ID card
    origin = journey.server.origin
    page = resident_on_phone(browser, origin, full_name="李四", birth=date(1985, 5, 5), sequence=7)
    context = page.context

    def book_nth(n: int) -> None:
        page.goto(origin + "/appointments")
        page.get_by_test_id("book-start").click()
        page.get_by_role("radio", name=ITEM_NAME).check()
        slots = page.locator(f"[data-testid=slot][data-item='{ITEM}']")
        expect(slots.first).to_be_visible()
        found = slots.evaluate_all("(els) => els.map((e) => e.dataset.startsAt)")
        starts = sorted({s for s in found if s})
        # times after the earliest (another person holds that one), one per time
        slots.and_(page.locator(f"[data-starts-at='{starts[n + 1]}']")).first.click()
        page.get_by_test_id("book-submit").click()

    # when they hold three appointments and try a fourth
    for n in range(3):
        book_nth(n)
        expect(page).to_have_url(re.compile(r"/appointments/bookings/[0-9a-f-]+$"), timeout=15_000)
    book_nth(3)
    # then they are told the rule (per person, offers counted) and from when they may book
    problem = page.get_by_test_id("book-problem")
    expect(problem).to_have_attribute("data-code", "TOO_MANY_BOOKINGS")
    expect(problem).to_contain_text("Each person can hold at most 3 appointments")
    expect(page.get_by_test_id("book-retry-at")).to_contain_text("You can try again from")
    no_serious_axe(page, "book-at-cap")
    screenshot(page, "appointments-at-cap-phone")
    # and their profile tells them how to reach the level the scarcest items need
    page.goto(origin + "/me")
    page.get_by_role("link", name="Real-name verification").click()
    status = page.get_by_test_id("identity-status")
    expect(status).to_have_attribute("data-level", "CHECKED")
    expect(status).to_contain_text("Document number checked (not yet verified)")
    expect(status).to_contain_text("Online verification is not offered here")
    no_serious_axe(page, "identity checked")
    screenshot(page, "fair-identity-checked-phone")
    context.close()


def test_a_slow_answer_for_an_earlier_choice_never_replaces_the_list_of_the_current_one(
    journey: Journey, browser: Browser
) -> None:
    # given a person on a phone whose network answers the first question (the earliest free
    # times) only after they have chosen a later date
    origin = journey.server.origin
    page = resident_on_phone(browser, origin, full_name="王五", birth=date(1979, 3, 8), sequence=5)
    context = page.context

    def earliest_times(request: Request) -> bool:
        body = request.post_data_json or {}
        asks = "appointmentAvailability" in str(body.get("query", ""))
        return asks and (body.get("variables") or {}).get("after") is None

    held = HeldAnswers(page, earliest_times)
    page.goto(origin + "/appointments/book")
    page.get_by_role("radio", name=ITEM_NAME).check()
    held.wait("the earliest free times")
    # when they ask for times from a week later, and only then the first answer arrives
    later = first_open_day(clock.now() + timedelta(days=7))
    page.get_by_label("Show free times from").fill(later.isoformat())
    slots = page.locator(f"[data-testid=slot][data-item='{ITEM}']")
    expect(slots.first).to_be_visible()
    held.release()
    # then the list is still the one for the date they chose: every time is on or after it
    starts = slots.evaluate_all("(els) => els.map((e) => e.dataset.startsAt)")
    assert starts, "free times are listed"
    days = {datetime.fromisoformat(s).astimezone(SHANGHAI).date() for s in starts}
    assert min(days) >= later, f"times before {later} replaced the list: {sorted(days)}"
    context.close()


def test_a_slow_answer_for_another_day_never_shows_under_the_clerks_chosen_day(
    journey: Journey, tablet_context: BrowserContext
) -> None:
    assert journey.number, "the booking test must run first"
    # given the clerk's day view, whose first question (the booked day) the network holds
    page = tablet_context.new_page()
    held = HeldAnswers(page, lambda request: "siteDay(" in (request.post_data or ""))
    page.goto(journey.server.origin + "/officer/appointments")
    held.wait("the booked day")
    # when the clerk turns to the next day, and only then the booked day's answer arrives
    day = page.get_by_label("Day", exact=True)
    booked_day = date.fromisoformat(day.input_value())
    day.fill((booked_day + timedelta(days=1)).isoformat())
    heading = page.locator("#day-bookings-heading")
    expect(heading).to_have_text("Bookings (0)")
    held.release()
    # then the next day stays empty: the booked person is not shown under it
    expect(heading).to_have_text("Bookings (0)")
    expect(
        page.locator(f"[data-testid=day-booking][data-number='{journey.number}']")
    ).to_have_count(0)
    page.close()
