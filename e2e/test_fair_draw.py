"""Fair draws (issue #20): an administrator on a tablet chooses a fair draw instead of first come
for an item at their site over a period (step-up, audited); a person who tries to book one of its
seats enters the draw instead; anyone sees the item's draws."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, expect

from e2e.conftest import (
    PHONE,
    TABLET,
    HeldAnswers,
    add_virtual_authenticator,
    axe_violations,
    create_officer_with_cli,
    new_context,
    screenshot,
    sign_up_resident,
    start_server,
)
from e2e.test_identity import BIRTH_DATE, FULL_NAME, RESIDENT_ID
from palm_customs.applications.workdays import DEMO_HOLIDAYS
from palm_customs.core import clock
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e

ITEM = "CULTURAL_RELIC_EXIT"
ITEM_NAME = "Taking cultural relics out of China"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def first_working_day(day: date) -> date:
    """`day` or the first day after it that is neither a weekend nor a seeded public holiday."""
    holidays = {date.fromisoformat(d) for d, _ in DEMO_HOLIDAYS}
    while day.isoweekday() > 5 or day in holidays:
        day += timedelta(days=1)
    return day


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Path]]:
    var_dir = tmp_path_factory.mktemp("draws")
    server = start_server(var_dir)
    try:
        yield server, var_dir
    finally:
        server.stop()


def test_an_administrator_chooses_a_draw_a_person_enters_it_and_anyone_sees_it(
    served: tuple[LiveServer, Path], browser: Browser
) -> None:
    server, var_dir = served
    origin = server.origin
    # given an administrator of the city hall, enrolled on a tablet
    code = create_officer_with_cli(
        server, var_dir, badge="A5001", name="Qian Li", unit="SH-CITY", role="administrator"
    )
    tablet = new_context(browser, TABLET, locale="en-GB")
    page = tablet.new_page()
    add_virtual_authenticator(page)
    page.goto(origin + "/officer/enrol")
    page.get_by_label("Badge number").fill("A5001")
    page.get_by_label("One-time enrolment code").fill(code)
    page.get_by_role("button", name="Create my passkey").click()
    expect(page).to_have_url(origin + "/officer")
    page.get_by_role("link", name="Fair draws").click()
    expect(page.get_by_role("heading", level=1, name="Fair draws")).to_be_visible()
    # when they choose a draw for the item over three days, entries closing tomorrow
    # (entries close two days on, so a late-evening run has the whole journey to enter; the seats
    # begin on a working day after that, so there are seats to try at any moment)
    today = clock.now().astimezone(SHANGHAI).date()
    closes = today + timedelta(days=2)
    seats_from = first_working_day(today + timedelta(days=3))
    seats_until = seats_from + timedelta(days=3)
    page.get_by_label("Service item").select_option(value=ITEM)
    page.get_by_label("Seats from (date)").fill(seats_from.isoformat())
    page.get_by_label("Seats until (date, not included)").fill(seats_until.isoformat())
    page.get_by_label("Entries close (date)").fill(closes.isoformat())
    page.get_by_test_id("draw-create").click()
    # then it is in force and listed with when entries close
    expect(page.get_by_test_id("draw-created")).to_be_visible()
    draw = page.get_by_test_id("draw").first
    expect(draw).to_have_attribute("data-drawn", "no")
    expect(draw).to_contain_text("Entries close")
    assert axe_violations(page) == [], "officer draws"
    screenshot(page, "fair-draws-admin-tablet")
    # and when they look at another item, whose draws are slow to come, then back at this one,
    # the list is never the other item's: not this item's draw while the other's load, and not
    # the other's (none) when its answer arrives after this item's
    other = page.get_by_label("Service item").evaluate(
        "(select, item) => [...select.options].map((o) => o.value).find((v) => v && v !== item)",
        ITEM,
    )
    held = HeldAnswers(
        page,
        lambda r: "FairDraws" in (r.post_data or "") and other in (r.post_data or ""),
    )
    page.get_by_label("Service item").select_option(value=other)
    held.wait("the other item's draws")
    expect(page.get_by_test_id("draw")).to_have_count(0)
    page.get_by_label("Service item").select_option(value=ITEM)
    expect(page.get_by_test_id("draw")).to_have_count(1)
    held.release()
    expect(page.get_by_test_id("draw")).to_have_count(1)
    expect(page.get_by_test_id("draw").first).to_contain_text("Entries close")
    # and the item's limits for one person: none set yet, so the built-in ones
    limits = page.get_by_test_id("fair-rule")
    expect(limits).to_have_attribute("data-source", "BUILT_IN")
    reschedules = limits.get_by_label("Reschedules", exact=True)
    expect(reschedules).to_have_value("3")
    # when the administrator types what is not a number, then a number out of range, each is
    # named and nothing is saved; then a good number is saved as the item's own limits
    reschedules.fill("many")
    page.get_by_test_id("fair-rule-save").click()
    expect(limits.locator(".error-summary")).to_contain_text("Reschedules: enter a whole number")
    reschedules.fill("60")
    page.get_by_test_id("fair-rule-save").click()
    expect(limits.locator(".error-summary")).to_contain_text("50")
    expect(limits).to_have_attribute("data-source", "BUILT_IN")
    reschedules.fill("2")
    page.get_by_test_id("fair-rule-save").click()
    expect(page.get_by_test_id("fair-rule-saved")).to_be_visible()
    expect(limits).to_have_attribute("data-source", "ITEM")
    expect(reschedules).to_have_value("2")
    assert axe_violations(page) == [], "limits for one person"
    screenshot(page, "fair-limits-admin-tablet")

    # and a person on a phone who tries to book a seat of that period is told the seats go by
    # draw, enters it, and finds the entry among their appointments
    person_context = new_context(browser, PHONE, locale="en-GB")
    person = person_context.new_page()
    add_virtual_authenticator(person)
    sign_up_resident(
        person, origin, full_name=FULL_NAME, resident_id=RESIDENT_ID, birth_date=BIRTH_DATE
    )
    person.goto(origin + "/appointments/book")
    person.get_by_role("radio", name=ITEM_NAME).check()
    person.get_by_role("radio", name="Shanghai Customs Service Hall").check()  # the draw's site
    person.get_by_label("Show free times from").fill(seats_from.isoformat())
    slots = person.locator(f"[data-testid=slot][data-item='{ITEM}']")
    # the list first shows the earliest free times and is replaced once the date is applied (and
    # emptied while each new choice is asked): wait for a time inside the draw's period and take
    # it in the same look, rather than read whatever list is on screen a moment later
    in_draw = person.wait_for_function(
        """([item, from, until]) => {
          const starts = [...document.querySelectorAll(`[data-testid=slot][data-item='${item}']`)]
            .map((e) => e.dataset.startsAt)
            .filter((s) => new Date(s) >= new Date(from) && new Date(s) < new Date(until));
          return starts.length > 0 && starts.sort()[0];
        }""",
        arg=[
            ITEM,
            datetime.combine(seats_from, time(), SHANGHAI).isoformat(),
            datetime.combine(seats_until, time(), SHANGHAI).isoformat(),
        ],
    ).json_value()
    assert isinstance(in_draw, str), f"a seat of the draw's period is offered: {in_draw}"
    chosen = slots.and_(person.locator(f"[data-starts-at='{in_draw}']")).first
    chosen.click()
    expect(chosen).to_have_attribute("aria-pressed", "true")
    person.get_by_test_id("book-submit").click()
    expect(person.get_by_test_id("book-problem")).to_have_attribute("data-code", "DRAW_ONLY")
    # told when entries close, and not that they may book these seats once entries have closed
    expect(person.get_by_test_id("book-problem")).to_contain_text(f"before {closes.isoformat()}")
    expect(person.get_by_test_id("book-retry-at")).to_have_count(0)
    assert axe_violations(person) == [], "draw only"
    screenshot(person, "fair-draw-only-phone")
    person.get_by_test_id("draw-enter").click()
    expect(person.get_by_test_id("draw-note")).to_contain_text("You are in the draw")
    screenshot(person, "fair-draw-entered-phone")
    person.goto(origin + "/appointments")
    entry = person.get_by_test_id("draw-entry")
    expect(entry).to_have_attribute("data-state", "ENTERED")
    expect(entry.get_by_role("heading")).to_have_text(
        f"{ITEM_NAME} · Shanghai Customs Service Hall"
    )
    assert axe_violations(person) == [], "my appointments with a draw entry"
    screenshot(person, "fair-draw-my-entries-phone")
    person_context.close()

    # and on a phone, in Chinese, anyone sees the item's draws
    phone_context = new_context(browser, PHONE, locale="zh-CN")
    phone = phone_context.new_page()
    phone.goto(f"{origin}/appointments/draws/{ITEM}")
    expect(phone.get_by_role("heading", level=1)).to_have_text("此事项的公平抽签")
    expect(phone.get_by_test_id("draw").first).to_contain_text("报名截止")
    expect(phone.get_by_test_id("draw").first).to_contain_text("文物出境")
    assert axe_violations(phone) == [], "public draws"
    screenshot(phone, "fair-draws-public-phone")
    phone_context.close()
    tablet.close()
