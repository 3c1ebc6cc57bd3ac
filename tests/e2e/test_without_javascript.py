"""Progressive enhancement and the keyboard: every form works with JavaScript off."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect
from tests.e2e.conftest import Server

pytestmark = pytest.mark.browser


def test_onboarding_and_the_coach_work_with_javascript_off(browser: Any, server: Server) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server.url)
    page = context.new_page()
    try:
        page.goto("/start")
        page.get_by_role("button", name="Next").click()
        page.get_by_label("I did").check()
        page.get_by_role("button", name="Next").click()
        page.get_by_role("button", name="Back").click()  # back keeps the answer
        expect(page.get_by_label("I did")).to_be_checked()
        for _ in range(4):
            page.get_by_role("button", name=re.compile("Next|See my path")).click()
        page.get_by_role("button", name="Begin my journey").click()
        expect(page.get_by_test_id("stage")).to_have_text("Reflect")

        page.goto("/coach")
        page.get_by_label("Your message").fill("answer me, why are you ignoring me")
        page.get_by_role("button", name="Check it").click()  # a plain POST, whole page back
        expect(page.get_by_test_id("verdict")).to_contain_text("Hold this one")
        expect(page.get_by_label("Your message")).to_have_value(
            "answer me, why are you ignoring me"
        )
    finally:
        context.close()


def test_the_keyboard_reaches_the_skip_link_first_and_the_urge_button(
    browser: Any, server: Server
) -> None:
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    try:
        page.goto("/start")
        page.keyboard.press("Tab")
        expect(page.locator(":focus")).to_have_text("Skip to content")
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"#main$"))
    finally:
        context.close()
