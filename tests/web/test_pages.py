"""Coach, urge, timeline, journal and settings pages, in-process (issue 3)."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient


def test_the_coach_highlights_a_flag_at_its_span_with_reason_and_source(
    client: TestClient,
) -> None:
    text = "I still love you and I need you back, why are you ignoring me?"
    html = client.post("/coach/check", data={"draft": text, "stage": "first_contact"}).text
    assert "Hold this one" in html
    assert '<mark class="flag block"' in html
    assert "why are you ignoring" in html
    assert "seed 004 step 1" in html
    assert text[:20] in html  # the draft stays in its box


def test_htmx_gets_only_the_result_fragment(client: TestClient) -> None:
    response = client.post(
        "/coach/check",
        data={"draft": "Hey! You won't believe what happened today 😄", "stage": "first_contact"},
        headers={"HX-Request": "true"},
    )
    assert response.text.lstrip().startswith('<div id="check-result"')
    assert "This reads well" in response.text


def test_an_empty_draft_is_explained_not_crashed(client: TestClient) -> None:
    response = client.post("/coach/check", data={"draft": "  ", "stage": "first_contact"})
    assert response.status_code == 422
    assert "Write the message you have in mind first" in response.text


def test_a_crisis_draft_shows_help_before_any_coaching(client: TestClient) -> None:
    html = client.post(
        "/coach/check",
        data={"draft": "I'll kill myself if you don't come back", "stage": "rapport"},
    ).text
    assert "Please talk to someone now" in html
    assert html.index("Please talk to someone now") < html.index("Hold this one")


def test_reading_a_boundary_reply_and_logging_it_closes_contact(started: TestClient) -> None:
    reply = "Please stop texting me. I don't want to hear from you again."
    html = started.post("/coach/read", data={"reply": reply}).text
    assert "They set a boundary: no contact" in html
    response = started.post("/coach/reply/log", data={"reply": reply})
    assert response.status_code == 303
    today = started.get("/").text
    assert "Letting go" in today
    assert 'href="/coach"' not in today  # contact tools are gone
    assert started.get("/coach").headers["location"] == "/journal"


def test_the_urge_page_never_offers_to_send(started: TestClient) -> None:
    html = started.post("/urge", data={"letter": "Please come back", "action": "read"}).text
    assert "Hold this one" in html
    assert ">Send" not in html
    assert "Keep it as an unsent letter" in html


def test_keeping_an_unsent_letter_journals_it_and_logs_the_urge(started: TestClient) -> None:
    response = started.post(
        "/urge", data={"letter": "I miss you every day.", "mood": "4", "action": "keep"}
    )
    assert response.headers["location"] == "/?done=urge-kept"
    journal = started.get("/journal?tag=unsent-letter").text
    assert "I miss you every day." in journal
    events = started.get("/api/events").json()
    assert [e["kind"] for e in events] == ["urge"]


def test_a_refused_event_keeps_the_form_and_says_why(started: TestClient) -> None:
    """Contact during no-contact is refused with the engine's reason (seed 003 §1)."""
    response = started.post("/timeline/log/contact", data={"contact_kind": "text", "at": ""})
    assert response.status_code == 409
    assert 'role="alert"' in response.text


def test_logging_an_urge_from_the_timeline_shows_its_effect(started: TestClient) -> None:
    html = started.post("/timeline/log/urge", data={"note": "after the party", "at": ""}).text
    assert "Wanting to text them is normal" in html
    timeline = started.get("/timeline").text
    assert "You wanted to text them, and didn" in timeline
    assert "after the party" in timeline


def test_a_reply_without_text_is_refused_with_the_form_open(started: TestClient) -> None:
    response = started.post("/timeline/log/reply", data={"text": "", "at": ""})
    assert response.status_code == 422
    assert "Please fill in" in response.text


def test_the_journal_saves_searches_and_charts_moods(started: TestClient) -> None:
    for text, mood in [("Rough morning.", "3"), ("Went climbing, felt strong.", "7")]:
        assert (
            started.post("/journal", data={"text": text, "mood": mood, "tags": "gym"}).status_code
            == 303
        )
    html = started.get("/journal").text
    assert 'data-testid="mood-chart"' in html
    assert "<polyline" in html
    found = started.get("/journal?q=climbing").text
    assert "Went climbing" in found
    assert "Rough morning." not in found.split('data-testid="entries"')[1]


def test_a_bad_mood_keeps_the_entry_text(started: TestClient) -> None:
    response = started.post("/journal", data={"text": "Kept words", "mood": "eleven", "tags": ""})
    assert response.status_code == 422
    assert "Kept words" in response.text


def test_backup_round_trips_through_the_settings_page(started: TestClient) -> None:
    started.post("/journal", data={"text": "Keep me", "mood": "5", "tags": ""})
    backup = started.get("/settings/export")
    assert backup.headers["content-disposition"].startswith("attachment;")
    wipe = started.post("/settings/wipe", data={"confirm": "delete"})
    assert wipe.headers["location"] == "/start?done=wiped"
    assert "Keep me" not in started.get("/journal").text
    restored = started.post(
        "/settings/import", files={"backup": ("backup.json", backup.content, "application/json")}
    )
    assert restored.status_code == 303
    assert "Keep me" in started.get("/journal").text


def test_wipe_needs_the_confirmation_word(started: TestClient) -> None:
    response = started.post("/settings/wipe", data={"confirm": "yes"})
    assert response.status_code == 422
    assert "Nothing was deleted" in response.text
    assert started.get("/").status_code == 200


@pytest.mark.parametrize("content", [b"not json", json.dumps({"format": "other"}).encode()])
def test_a_bad_backup_is_refused_with_a_reason(started: TestClient, content: bytes) -> None:
    response = started.post(
        "/settings/import", files={"backup": ("b.json", content, "application/json")}
    )
    assert response.status_code == 422
    assert "backup" in response.text


def test_the_plan_downloads_as_a_calendar(started: TestClient) -> None:
    response = started.get("/plan.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in response.content


def test_settings_show_where_the_data_lives(started: TestClient) -> None:
    assert "reunite.db" in started.get("/settings").text


def test_a_crisis_letter_shows_help_instead_of_moving_on(started: TestClient) -> None:
    response = started.post(
        "/urge", data={"letter": "I don't want to be here anymore", "mood": "1", "action": "keep"}
    )
    assert response.status_code == 200
    assert "Please talk to someone now" in response.text
    assert "kept in your journal" in response.text


def test_the_safety_path_keeps_help_on_today_and_no_contact_tools(
    client: TestClient, answers: dict[str, str]
) -> None:
    client.post("/start/begin", data={**answers, "safety_concern": "true"})
    today = client.get("/").text
    assert "Your safety comes first" in today
    assert "I want to text them" not in today
    assert 'href="/coach"' not in today


def test_proposing_a_meeting_moves_the_journey_to_the_meetup(
    client: TestClient, answers: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A contact that proposes meeting leads to the meetup stage (seed 000, seed 001)."""
    client.post("/start/begin", data=answers)
    monkeypatch.setenv("REUNITE_NOW", "2026-12-28T10:00:00")  # the no-contact days are over
    html = client.post("/timeline/log/contact", data={"contact_kind": "meetup", "at": ""}).text
    assert "Keep the meeting short, public, in daylight" in html
    events = client.get("/api/events").json()
    assert events[-1]["data"]["kind"] == "meetup"
