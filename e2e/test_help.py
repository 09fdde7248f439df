"""12360 on the phone, in Chromium: a signed-out traveller searches "行邮" and "perfume" and finds
the postal-articles item and the cosmetics duty category, reads an article and reads it again
with the network gone, files a complaint; an officer answers it (over the API, as the tablet
would) and the traveller sees the answer, agrees to publication, and the officer's cleaned text
appears in the public column. Phone viewport, axe on every screen, screenshots.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from e2e.conftest import (
    PHONE,
    axe_violations,
    create_officer_with_cli,
    new_context,
    screenshot,
    start_server,
    wait_for_service_worker_control,
)
from tests.declarations.flows import ENROL_FINISH, ENROL_START
from tests.identity.authenticator import SoftAuthenticator
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e

REPLY = """
mutation($input: FeedbackReplyInput!) { feedbackReply(input: $input) { __typename } }
"""
PUBLISH = """
mutation($input: FeedbackPublishInput!) {
  feedbackPublish(input: $input) { __typename ... on FeedbackError { code } }
}
"""


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


def _gql(http: httpx.Client, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = http.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def _officer(server: LiveServer, var_dir: Path) -> httpx.Client:
    """A supervisor's tablet session (passkey enrolment = a fresh step-up)."""
    code = create_officer_with_cli(
        server, var_dir, badge="S1236", name="王主任", unit="上海海关", role="supervisor"
    )
    http = httpx.Client(base_url=server.origin, headers={"origin": server.origin}, timeout=30)
    auth = SoftAuthenticator(origin=server.origin)
    started = _gql(http, ENROL_START, {"b": "S1236", "code": code})["officerEnrolStart"]
    finished = _gql(
        http, ENROL_FINISH, {"c": started["challengeId"], "j": auth.create(started["optionsJson"])}
    )
    assert finished["officerEnrolFinish"]["__typename"] == "SignInSuccess"
    return http


def test_search_article_offline_complaint_answer_and_public_column(
    live: tuple[LiveServer, Path], traveller: BrowserContext
) -> None:
    server, var_dir = live
    page = traveller.new_page()
    # a traveller searches the customs abbreviation, signed out
    page.goto(f"{server.origin}/help")
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
    page.goto(f"{server.origin}/help/articles/perfume-and-cosmetics")
    expect(page.get_by_role("heading", name="携带香水和化妆品入境怎么征税")).to_be_visible()
    traveller.set_offline(True)
    page.reload()
    expect(page.get_by_text("你已离线，这是保存在本设备上的版本。")).to_be_visible()
    expect(page.get_by_role("heading", name="携带香水和化妆品入境怎么征税")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, "help-article-offline")
    traveller.set_offline(False)
    # files a complaint (signed out: anonymous, with a tracking code)
    page.goto(f"{server.origin}/help/feedback")
    page.get_by_label("类型").select_option("COMPLAINT")
    page.get_by_label("请说明情况").fill("入境大厅排队两个小时，电话 13812345678。")
    page.get_by_role("button", name="提交").click()
    sent = page.locator(".notice--success")
    expect(sent).to_contain_text("编号 F")
    reference = sent.inner_text().split("编号 ", 1)[1].split("，", 1)[0].strip()
    expect(page.locator(f'[data-reference="{reference}"]')).to_contain_text("已受理")
    assert axe_violations(page) == []
    screenshot(page, "help-feedback-sent")
    # an officer answers on the tablet
    officer = _officer(server, var_dir)
    answered = _gql(
        officer, REPLY, {"input": {"reference": reference, "reply": "已增开两条查验通道。"}}
    )
    assert answered["feedbackReply"]["__typename"] == "FeedbackChanged"
    # the traveller sees the answer and agrees to publication
    page.reload()
    item = page.locator(f'[data-reference="{reference}"]')
    expect(item).to_contain_text("已答复")
    expect(item).to_contain_text("已增开两条查验通道。")
    item.get_by_role("button", name="我同意在公开专栏公开此事项（不含个人信息）").click()
    expect(item).to_contain_text("你已同意公开。")
    screenshot(page, "help-feedback-answered")
    # the officer's text still holding the phone number is refused; the cleaned one is published
    leaky = {
        "reference": reference,
        "publicMessage": "排队两个小时，电话 13812345678。",
        "publicReply": "已增开通道。",
    }
    refused = _gql(officer, PUBLISH, {"input": leaky})["feedbackPublish"]
    assert refused == {"__typename": "FeedbackError", "code": "PERSONAL_DATA_LEFT"}
    clean = {**leaky, "publicMessage": "入境大厅排队两个小时。"}
    published = _gql(officer, PUBLISH, {"input": clean})["feedbackPublish"]
    assert published["__typename"] == "FeedbackChanged", json.dumps(published)
    officer.close()
    # and the item appears in the public column
    page.goto(f"{server.origin}/help/public")
    public = page.locator(".public-item", has_text=reference)
    expect(public).to_contain_text("入境大厅排队两个小时。")
    expect(public).not_to_contain_text("13812345678")
    assert axe_violations(page) == []
    screenshot(page, "help-public-column")
