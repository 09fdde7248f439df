"""The public screens in 简体中文 on a phone and a tablet: each heading in Chinese, nothing wider
than the screen, no code broken across lines, no serious axe finding, and a screenshot of each
to look at (e2e/artifacts/zh-*.png). The journeys' own files cover the signed-in screens."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from e2e.conftest import PHONE, TABLET, axe_violations, new_context, screenshot
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e

CHINESE = re.compile(r"[\u4e00-\u9fff]")
SCREENS = ("/", "/declare", "/services", "/appointments", "/help", "/me/sign-in", "/me/sign-up")


@pytest.mark.parametrize(("device", "size"), [("phone", PHONE), ("tablet", TABLET)])
def test_the_public_screens_read_in_simplified_chinese(
    browser: Browser, server: LiveServer, device: str, size: dict[str, Any]
) -> None:
    context = new_context(browser, size, locale="zh-CN")
    try:
        page = context.new_page()
        for path in SCREENS:
            # when
            page.goto(server.origin + path)
            heading = page.get_by_role("heading", level=1)
            expect(heading).to_be_visible()
            # then
            assert page.evaluate("document.documentElement.lang") == "zh-Hans"
            assert CHINESE.search(heading.inner_text()), (path, heading.inner_text())
            assert (
                page.evaluate("document.documentElement.scrollWidth") <= size["viewport"]["width"]
            )
            name = "home" if path == "/" else path.strip("/").replace("/", "-")
            screenshot(page, f"zh-{name}-{device}")
            assert axe_violations(page) == [], path
        # the country picker, typed in Chinese on a Chinese screen
        page.goto(server.origin + "/me/sign-up")
        page.get_by_label("否，我是访客").check()
        page.get_by_label("护照").check()
        page.get_by_role("combobox", name="签发国家").press_sequentially("英")
        suggestions = page.get_by_role("listbox", name="建议")
        expect(suggestions.get_by_role("option").first).to_contain_text("英国")
        screenshot(page, f"zh-country-picker-{device}")
        assert axe_violations(page) == []
    finally:
        context.close()
