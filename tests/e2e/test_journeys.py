"""Whole journeys in a real browser (issue 3, "Done when"): what the user sees at each step,
with screenshots of every page at phone and desktop widths and an axe-core check of each."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect
from tests.e2e.conftest import Server, Shooter

pytestmark = pytest.mark.browser


def see(page: Any, text: str) -> None:
    """The user sees TEXT on the page (waiting for the page to settle)."""
    expect(page.locator("body")).to_contain_text(text)


def onboard(page: Any, shoot: Shooter, *, who_ended: str = "They did", months: str = "18") -> None:
    """Walk the assessment wizard as a new user would, and begin the journey."""
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/start$"))
    shoot("wizard-safety")
    page.get_by_role("button", name="Next").click()
    page.get_by_label(who_ended).check()
    page.get_by_label("How many months were you together?").fill(months)
    page.get_by_label("How many days ago did it end?").fill("4")
    shoot("wizard-what-happened")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("One big fight").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("I miss them").check()
    page.get_by_role("button", name="See my path").click()
    expect(page.get_by_test_id("path")).to_contain_text("A careful way back is open")
    expect(page.get_by_test_id("plan")).to_be_visible()
    shoot("result")
    page.get_by_role("button", name="Begin my journey").click()
    see(page, "Your journey has begun")


def test_onboarding_then_no_contact_with_an_urge(page: Any, server: Server, shoot: Shooter) -> None:
    onboard(page, shoot)
    expect(page.get_by_test_id("counter")).to_contain_text("Day 1 of 30")
    shoot("today-day-1")

    page.get_by_role("link", name="I want to text them").click()
    page.get_by_label("What you want to tell them").fill(
        "I miss you so much. Please, I can't do this without you, just answer me."
    )
    page.get_by_label("How do you feel right now?").fill("3")
    page.get_by_role("button", name="See the coach's reading").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("Hold this one")
    assert page.get_by_role("button", name="Send").count() == 0  # never a send button
    shoot("urge-reading")
    page.get_by_role("button", name="Keep it as an unsent letter").click()
    see(page, "Kept as an unsent letter")

    page.get_by_role("link", name="Journal").click()
    expect(page.get_by_test_id("entries")).to_contain_text("I miss you so much")
    expect(page.get_by_test_id("entries")).to_contain_text("unsent-letter")
    shoot("journal")

    server.restart("2026-12-02T21:30:00")  # eleven days on, still apart
    page.goto("/")
    expect(page.get_by_test_id("stage")).to_have_text("No contact")
    expect(page.get_by_test_id("counter")).to_contain_text("Day 12 of 30")
    shoot("today-day-12")

    page.get_by_role("link", name="Journal").click()
    page.get_by_label("What's on your mind").fill(
        "Climbed my first 6a today. Didn't think of them once."
    )
    page.get_by_label("Mood, 1 (very low) to 10 (very good)").fill("7")
    page.get_by_label("Tags, separated by commas").fill("gym, hopeful")
    page.get_by_role("button", name="Save to my journal").click()
    see(page, "Saved to your journal")
    expect(page.get_by_test_id("mood-chart").locator("polyline")).to_have_count(1)
    page.get_by_label("Search your journal").fill("climbed")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("entries")).not_to_contain_text("I miss you so much")
    page.goto("/journal")
    shoot("journal-mood-chart")

    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_test_id("location")).to_contain_text("reunite.db")
    shoot("settings")
    page.goto("/no-such-page")
    see(page, "Page not found")
    shoot("not-found")
    page.reunite_problems.clear()  # the browser logs the 404 we asked for


def log_event(page: Any, summary: str, *, choice: str | None = None) -> None:
    """Open a timeline form by its title, choose an answer, and log it."""
    page.goto("/timeline")
    form = page.locator("details.log-form", has=page.get_by_text(summary, exact=True))
    form.locator("summary").click()
    if choice:
        form.get_by_label(choice, exact=True).check()
    form.get_by_role("button").click()


def test_from_first_contact_to_the_talk(page: Any, server: Server, shoot: Shooter) -> None:
    """onboarding → no contact → first contact checked → a warm reply → meetups → the talk."""
    onboard(page, shoot)
    server.restart("2026-12-28T10:00:00")  # the 30 days are over

    page.goto("/")
    expect(page.get_by_test_id("stage")).to_have_text("First contact")
    shoot("today-first-contact")

    page.get_by_role("link", name="Coach", exact=True).click()
    page.get_by_label("Your message").fill(
        "I still love you and I need you back, why are you ignoring me?"
    )
    page.get_by_role("button", name="Check it").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("Hold this one")
    expect(page.locator("mark.flag.block").first).to_be_visible()  # highlighted at its span
    expect(page.get_by_test_id("flags")).to_contain_text("Pressure")
    shoot("coach-hold")
    page.get_by_label("Your message").fill(
        "Hey! You won't believe what happened at the climbing gym today 😄"
    )
    page.get_by_role("button", name="Check it").click()
    page.get_by_test_id("verdict").filter(has_text="This reads well").wait_for()
    shoot("coach-send")

    log_event(page, "I reached out", choice="A text")
    expect(page.get_by_test_id("effect").first).to_contain_text("Now wait for their answer")
    shoot("logged-contact")

    page.goto("/coach")
    page.get_by_label("Their message").fill("Haha no way, what happened?? How have you been?")
    page.get_by_role("button", name="Read it").click()
    page.get_by_test_id("tone").filter(has_text="warm").wait_for()
    shoot("coach-warm-reply")
    page.get_by_role("button", name="Log this reply to my journey").click()
    see(page, "Their reply is logged")
    expect(page.get_by_test_id("stage")).to_have_text("Rapport")

    log_event(page, "We met", choice="It went well")
    expect(page.get_by_test_id("effect").first).to_contain_text("It went well")
    log_event(page, "We met", choice="It went well")
    expect(page.get_by_test_id("effect").first).to_contain_text("time for the honest talk")
    page.goto("/timeline")
    shoot("timeline")

    log_event(page, "We had the honest talk", choice="Yes")
    expect(page.get_by_test_id("effect").first).to_contain_text("They said yes")
    page.goto("/")
    expect(page.get_by_test_id("stage")).to_contain_text("Together")
    shoot("today-together")


def test_a_boundary_reply_leads_to_letting_go(page: Any, server: Server, shoot: Shooter) -> None:
    """A second user: they ask for no contact, and the app turns to recovery, kindly."""
    onboard(page, shoot, who_ended="I did", months="8")
    server.restart("2026-12-28T10:00:00")
    log_event(page, "I reached out", choice="A call")
    page.goto("/coach")
    page.get_by_label("Their message").fill(
        "Please stop texting me. I don't want to hear from you again."
    )
    page.get_by_role("button", name="Read it").click()
    page.get_by_test_id("boundary").wait_for()
    shoot("coach-boundary")
    page.get_by_role("button", name="Log this reply to my journey").click()

    page.goto("/")
    expect(page.get_by_test_id("stage")).to_have_text("Letting go")
    expect(page.get_by_role("link", name="Coach", exact=True)).to_have_count(0)  # tools gone
    expect(page.get_by_role("link", name="I want to text them")).to_have_count(0)
    see(page, "Moving on, gently")
    shoot("today-recovery")
    page.goto("/coach")
    expect(page).to_have_url(re.compile(r"/journal$"))  # kindly sent to the journal instead
    page.goto("/timeline")
    reach_out = page.locator("details.log-form", has=page.get_by_text("I reached out", exact=True))
    expect(reach_out).to_have_count(0)
    shoot("timeline-recovery")


def test_chat_history_insights_in_the_browser(
    page: Any, server: Server, shoot: Shooter, tmp_path: Any
) -> None:
    """Issue 4: import an export in the browser and read the insights, at both widths."""
    from datetime import datetime, timedelta

    start = datetime(2025, 3, 1, 18, 0)
    lines = [
        f"{start + timedelta(hours=9 * i):%d/%m/%Y, %H:%M} - {'Alex' if i % 2 else 'Sam'}: "
        + ("haha I love that, thank you so much" if i % 7 == 0 else f"message {i}, see you")
        for i in range(120)
    ]
    export = tmp_path / "WhatsApp Chat with Alex.txt"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.goto("/insights")
    shoot("insights-empty")
    page.get_by_label("Exported chat file").set_input_files(str(export))
    page.get_by_label("Your name, exactly as it appears in the chat").fill("Sam")
    page.get_by_role("button", name="Import").click()
    see(page, "Your chat with Alex")
    see(page, "Your good times")
    shoot("insights")
