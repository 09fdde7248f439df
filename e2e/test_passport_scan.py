"""The passport read by the phone (issue #15): Chromium's fake camera shows an ICAO 9303
specimen data page (drawn by the test) and the sign-up form fills in from its machine-readable
zone, every check digit verified; a chosen photo does the same, and a misprinted one is refused
naming the check that failed. Nothing is uploaded: the only requests are the page's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, Request, expect

from e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, axe_violations, new_context, screenshot
from e2e.passport_specimen import VALID_MRZ, data_page, write_y4m
from tests.liveserver import LiveServer

pytestmark = pytest.mark.e2e

# The specimen with its composite check digit changed (6 -> 3).
MISPRINTED = (VALID_MRZ[0], VALID_MRZ[1][:43] + "3")


@pytest.fixture(scope="module")
def specimen_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("passport")
    page = data_page(VALID_MRZ)
    photo = folder / "specimen.png"
    page.save(photo)
    misprinted = folder / "misprinted.png"
    data_page(MISPRINTED).save(misprinted)
    return {
        "video": write_y4m(page, folder / "specimen.y4m"),
        "photo": photo,
        "misprinted": misprinted,
    }


@pytest.fixture(scope="module")
def camera_browser(playwright: Playwright, specimen_files: dict[str, Path]) -> Iterator[Browser]:
    """A Chromium whose camera shows the specimen page."""
    instance = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={specimen_files['video']}",
        ],
    )
    yield instance
    instance.close()


def _open_sign_up(page: Page, server: LiveServer) -> list[str]:
    """Open the reader; return a list that fills with every request body from then on that
    could carry a picture (anything but a GET and a small GraphQL query)."""
    page.goto(server.origin + "/me/sign-up")
    page.get_by_label("No, I am visiting").check()
    page.get_by_label("Passport").check()
    sent: list[str] = []

    def record(request: Request) -> None:
        body = request.post_data_buffer or b""
        if request.method != "GET" and (
            not request.url.endswith("/graphql") or len(body) > 4096 or b"image" in body
        ):
            sent.append(f"{request.method} {request.url} {len(body)} bytes")

    page.on("request", record)
    page.get_by_role("button", name="Read my passport with the camera").click()
    return sent


def _expect_specimen_filled(page: Page) -> None:
    expect(page.get_by_label("Document number")).to_have_value("L898902C3", timeout=30_000)
    country = page.get_by_label("Issuing country")
    expect(country).to_have_value("UTO")
    # The issuing state is read from the passport, not chosen.
    expect(country).to_have_attribute("readonly", "")
    expect(page.get_by_label("Expiry date")).to_have_value("2034-04-15")
    expect(page.get_by_label("Date of birth")).to_have_value("1974-08-12")
    expect(page.get_by_label("Nationality")).to_have_value("UTO")
    expect(page.get_by_label("Full name")).to_have_value("ANNA MARIA ERIKSSON")
    expect(page.get_by_text("Read from your passport")).to_be_visible()
    expect(page.get_by_text("sex female")).to_be_visible()


def test_the_camera_reads_the_specimen_and_the_account_is_created(
    camera_browser: Browser, server: LiveServer
) -> None:
    # given a phone whose camera sees the specimen's data page (passkeys off: a password)
    context = new_context(camera_browser, PHONE, locale="en-GB", permissions=["camera"])
    context.add_init_script("delete window.PublicKeyCredential;")
    try:
        page = context.new_page()
        sent = _open_sign_up(page, server)
        # when the person starts the camera
        page.get_by_role("button", name="Use the camera").click()
        # then the fields fill in from the machine-readable zone, and the camera stops
        _expect_specimen_filled(page)
        expect(page.get_by_role("button", name="Use the camera")).to_be_visible()
        assert axe_violations(page) == []
        screenshot(page, "passport-scan-camera-phone")
        # nothing was sent while reading: no image leaves the phone
        assert sent == [], sent
        # and the server accepts what was read (its own MRZ checks run again)
        page.get_by_label("Email address (optional)").fill("anna.eriksson@example.com")
        page.get_by_label("Password", exact=True).fill("correct horse battery staple")
        page.get_by_role("button", name="Create account with a password").click()
        expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    finally:
        context.close()


def test_a_photo_fills_the_form_and_a_misprinted_one_names_the_failed_check(
    camera_browser: Browser, server: LiveServer, specimen_files: dict[str, Path]
) -> None:
    context = new_context(camera_browser, PHONE, locale="en-GB")
    try:
        page = context.new_page()
        sent = _open_sign_up(page, server)
        photo = page.get_by_label("Choose a photo of the page")
        # when a photo whose final check digit is wrong is chosen
        photo.set_input_files(str(specimen_files["misprinted"]))
        # then it is refused, naming the check that failed, and nothing is filled
        alert = page.get_by_role("alert").filter(has_text="We could not read the passport")
        expect(alert).to_contain_text("the final check digit over the whole second line")
        expect(page.get_by_label("Document number")).to_have_value("")
        assert axe_violations(page) == []
        screenshot(page, "passport-scan-misprinted-phone")
        # when the right photo is chosen
        photo.set_input_files(str(specimen_files["photo"]))
        # then the fields fill in; typing is still possible
        _expect_specimen_filled(page)
        page.get_by_label("Date of birth").fill("1974-08-13")
        expect(page.get_by_label("Date of birth")).to_have_value("1974-08-13")
        screenshot(page, "passport-scan-photo-phone")
        assert sent == [], sent
    finally:
        context.close()


def test_the_reader_speaks_chinese(
    camera_browser: Browser, server: LiveServer, specimen_files: dict[str, Path]
) -> None:
    context = new_context(camera_browser, PHONE, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(server.origin + "/me/sign-up")
        page.get_by_label("护照").check()
        page.get_by_role("button", name="用相机读取护照").click()
        page.get_by_label("选择资料页照片").set_input_files(str(specimen_files["misprinted"]))
        expect(page.get_by_role("alert").filter(has_text="未能读取护照")).to_contain_text(
            "第二行末尾的总校验位"
        )
        assert axe_violations(page) == []
        screenshot(page, "passport-scan-misprinted-zh-phone")
    finally:
        context.close()
