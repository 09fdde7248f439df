"""12360 in Chromium: a signed-out traveller searches "行邮" and "perfume" and finds the
postal-articles item and the cosmetics duty category, reads an article and reads it again with
the network gone; signed in, files a complaint; a supervisor answers it on a tablet (in
English), the traveller is notified, reads the answer and agrees to publication; the supervisor
removes the phone number (the first try, with it left in, is refused) and publishes, and the
item appears in the public column. An administrator edits an article on a tablet (in
traditional Chinese) as a new dated version, and the booking screen's question links to the
article that answers it. Phone viewport for the traveller, tablet for officers; axe on every
screen, screenshots. (A person rating an appointment, and the site's average changing, is the
rating step of e2e/test_appointments.py, where the visit is served.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from e2e.conftest import (
    PHONE,
    TABLET,
    HeldAnswers,
    add_virtual_authenticator,
    axe_violations,
    create_officer_with_cli,
    new_context,
    screenshot,
    start_server,
    wait_for_service_worker_control,
)
from tests.factories import resident_id
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Path]]:
    var_dir = tmp_path_factory.mktemp("help")
    server = start_server(var_dir)
    try:
        yield server, var_dir
    finally:
        server.stop()


@pytest.fixture(scope="module")
def traveller(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, PHONE, locale="zh-CN")
    yield context
    context.close()


def _enrol_officer(
    browser: Browser, server: LiveServer, var_dir: Path, *, badge: str, role: str, locale: str
) -> tuple[BrowserContext, Page]:
    """An officer enrolled with a passkey on a tablet, in the workspace."""
    code = create_officer_with_cli(
        server, var_dir, badge=badge, name="王主任", unit="上海海关", role=role
    )
    context = new_context(browser, TABLET, locale=locale)
    page = context.new_page()
    add_virtual_authenticator(page)
    labels = {
        "en-GB": ("Badge number", "One-time enrolment code", "Create my passkey"),
        "zh-TW": ("警號", "一次性註冊碼", "建立我的通行金鑰"),
    }[locale]
    page.goto(server.origin + "/officer/enrol")
    page.get_by_label(labels[0]).fill(badge)
    page.get_by_label(labels[1]).fill(code)
    page.get_by_role("button", name=labels[2]).click()
    expect(page).to_have_url(server.origin + "/officer")
    return context, page


def _sign_up(page: Page, origin: str) -> None:
    """A resident signs up with a passkey (simplified Chinese screens)."""
    add_virtual_authenticator(page)
    page.goto(origin + "/me/sign-up")
    page.get_by_label("姓名").fill("陈静")
    page.get_by_label("是，我是居民").check()
    page.get_by_label("居民身份证号码").fill(resident_id(date(1988, 4, 12), 17))
    page.get_by_label("出生日期").fill("1988-04-12")
    page.get_by_role("button", name="使用通行密钥创建账户").click()
    expect(page).to_have_url(origin + "/me")


def test_search_article_offline_complaint_answer_and_public_column(
    live: tuple[LiveServer, Path], traveller: BrowserContext, browser: Browser
) -> None:
    server, var_dir = live
    origin = server.origin
    page = traveller.new_page()
    # a traveller searches the customs abbreviation, signed out
    page.goto(f"{origin}/help")
    page.get_by_label("你想了解什么？").fill("行邮")
    page.get_by_role("button", name="搜索").click()
    expect(page.locator('a[href="/services/items/POSTAL_ARTICLES"]')).to_be_visible()
    expect(page.locator(".help-hit mark").first).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, "help-search-xingyou")
    # and an English word finds the Chinese duty category
    page.get_by_label("你想了解什么？").fill("perfume")
    page.get_by_role("button", name="搜索").click()
    cosmetics = page.locator(".help-hit", has_text="税目").filter(has_text="化妆品")
    expect(cosmetics.first).to_be_visible()
    screenshot(page, "help-search-perfume")
    # reads an article, then reads it again with the network gone
    page.locator('a[href="/help/articles/perfume-and-cosmetics"]').click()
    expect(page.get_by_role("heading", name="携带香水和化妆品入境怎么征税")).to_be_visible()
    wait_for_service_worker_control(page)
    page.goto(f"{origin}/help/articles/perfume-and-cosmetics")
    expect(page.get_by_role("heading", name="携带香水和化妆品入境怎么征税")).to_be_visible()
    traveller.set_offline(True)
    page.reload()
    expect(page.get_by_text("你已离线，这是保存在本设备上的版本。")).to_be_visible()
    expect(page.get_by_role("heading", name="携带香水和化妆品入境怎么征税")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, "help-article-offline")
    traveller.set_offline(False)

    # signed in, files a complaint (with a phone number the public column must not show) on a
    # network slow enough that it is sent before the page has learnt who is signed in
    _sign_up(page, origin)
    held = HeldAnswers(page, lambda request: "query IdentityMe" in (request.post_data or ""))
    page.goto(f"{origin}/help/feedback")
    page.get_by_label("类型").select_option("COMPLAINT")
    page.get_by_label("请说明情况").fill("入境大厅排队两个小时，电话 13812345678。")
    page.get_by_role("button", name="提交").click()
    sent = page.locator(".notice--success")
    expect(sent).to_contain_text("编号 F")
    # it is the account's complaint (answered in the inbox), not an anonymous one with a code
    expect(page.locator(".feedback-tracking")).to_have_count(0)
    held.wait("who is signed in")
    held.release()
    reference = sent.inner_text().split("编号 ", 1)[1].split("，", 1)[0].strip()
    expect(page.locator(f'[data-reference="{reference}"]')).to_contain_text("已受理")
    assert axe_violations(page) == []
    screenshot(page, "help-feedback-sent")

    # a supervisor opens the 12360 queue from the workspace navigation on a tablet
    officer_context, tablet = _enrol_officer(
        browser, server, var_dir, badge="S1236", role="supervisor", locale="en-GB"
    )
    try:
        tablet.get_by_role("navigation").get_by_role("link", name="12360", exact=True).click()
        expect(tablet.get_by_role("heading", level=1, name="12360 feedback queue")).to_be_visible()
        item = tablet.locator(f'[data-reference="{reference}"]')
        expect(item).to_contain_text("Complaint")
        expect(item).to_contain_text("answer by")
        expect(item).to_contain_text("13812345678")
        # sending an empty answer is stopped before anything is sent
        item.get_by_role("button", name="Send the answer").click()
        expect(tablet.locator(".error-summary")).to_contain_text("Write the answer")
        assert axe_violations(tablet) == [], "queue with an error"
        screenshot(tablet, "help-officer-queue-tablet")
        item.get_by_label("Your answer").fill("已增开两条查验通道。")
        item.get_by_role("button", name="Send the answer").click()
        expect(tablet.get_by_test_id("officer-feedback-done")).to_contain_text(
            "the sender has been notified"
        )
        expect(tablet.locator(f'[data-reference="{reference}"]')).to_have_count(0)

        # the traveller is notified, reads the answer and agrees to publication
        deadline = datetime.now() + timedelta(seconds=30)
        notice = page.locator(".inbox-item", has_text=reference)
        while True:
            page.goto(f"{origin}/inbox")
            try:
                expect(notice).to_have_count(1, timeout=2_000)
                break
            except AssertionError:
                if datetime.now() > deadline:
                    raise
        expect(notice).to_contain_text("有了答复")
        expect(notice).to_contain_text("已增开两条查验通道。")
        screenshot(page, "help-feedback-notified")
        page.goto(f"{origin}/help/feedback")
        mine = page.locator(f'[data-reference="{reference}"]')
        expect(mine).to_contain_text("已答复")
        expect(mine).to_contain_text("已增开两条查验通道。")
        mine.get_by_role("button", name="我同意在公开专栏公开此事项（不含个人信息）").click()
        expect(mine).to_contain_text("你已同意公开。")
        screenshot(page, "help-feedback-answered")

        # the supervisor finds it waiting for publication; with the phone number left in, the
        # server refuses it, naming the field; without it, it is published (passkey step-up)
        tablet.reload()
        waiting = tablet.locator(f'[data-publish-reference="{reference}"]')
        expect(waiting).to_be_visible()
        waiting.get_by_role("button", name="Publish in the public column").click()
        expect(tablet.locator(".error-summary")).to_contain_text("personal")
        question = waiting.get_by_label("Question as published")
        expect(question).to_have_attribute("aria-invalid", "true")
        assert axe_violations(tablet) == [], "publication refused"
        screenshot(tablet, "help-officer-publish-refused-tablet")
        question.fill("入境大厅排队两个小时。")
        waiting.get_by_role("button", name="Publish in the public column").click()
        expect(tablet.get_by_test_id("officer-feedback-done")).to_contain_text(
            "published in the public column"
        )
        screenshot(tablet, "help-officer-published-tablet")
    finally:
        officer_context.close()

    # and the item appears in the public column, without the phone number
    page.goto(f"{origin}/help/public")
    public = page.locator(".public-item", has_text=reference)
    expect(public).to_contain_text("入境大厅排队两个小时。")
    expect(public).not_to_contain_text("13812345678")
    assert axe_violations(page) == []
    screenshot(page, "help-public-column")


def test_an_administrator_edits_an_article_as_a_new_dated_version(
    live: tuple[LiveServer, Path], traveller: BrowserContext, browser: Browser
) -> None:
    server, var_dir = live
    origin = server.origin
    context, tablet = _enrol_officer(
        browser, server, var_dir, badge="A1237", role="administrator", locale="zh-TW"
    )
    try:
        tablet.get_by_role("link", name="編輯知識庫文章").click()
        expect(tablet.get_by_role("heading", level=1, name="編輯知識庫文章")).to_be_visible()
        tablet.get_by_label("文章", exact=True).select_option("perfume-and-cosmetics")
        title = tablet.get_by_label("標題（英文）")
        expect(title).not_to_have_value("")
        expect(tablet.locator("[data-version]")).to_have_count(1)
        # a title left blank is named before any passkey prompt
        title.fill("")
        tablet.get_by_role("button", name="發佈此版本").click()
        expect(tablet.locator(".error-summary")).to_contain_text("請填寫英文標題")
        assert axe_violations(tablet) == [], "article errors"
        title.fill("Perfume and cosmetics: how duty is charged")
        tablet.get_by_label("正文（繁體中文）").fill(
            "香水和化妝品按化妝品稅目計征行郵稅；個人自用、合理數量的可在免稅額度內。"
        )
        tablet.get_by_role("button", name="發佈此版本").click()
        expect(tablet.get_by_test_id("article-saved")).to_contain_text("第 2 版")
        expect(tablet.locator("[data-version]")).to_have_count(2)
        expect(tablet.locator('[data-version="2"]')).to_contain_text("現行")
        assert axe_violations(tablet) == [], "article saved"
        screenshot(tablet, "help-officer-article-tablet")
    finally:
        context.close()

    # a reader gets the new version; the booking screen's question links to its article
    page = traveller.new_page()
    page.goto(f"{origin}/help/articles/perfume-and-cosmetics")
    expect(page.get_by_role("heading", name="携带香水和化妆品入境怎么征税")).to_be_visible()
    page.goto(f"{origin}/appointments/book")
    link = page.get_by_role("link", name="如何预约现场办理")
    expect(link).to_have_attribute("href", "/help/articles/booking-an-appointment")
    link.click()
    expect(page).to_have_url(f"{origin}/help/articles/booking-an-appointment")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("")
    screenshot(page, "help-link-from-booking")
