"""The first real pages: the assessment wizard, its result, and Today (issue 2, issue 3)."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from reunite.web import wizard


def _screen(client: TestClient, index: int, **answers: Any) -> Any:
    return client.post("/start", data={"screen": str(index), "nav": "next", **answers})


def test_the_wizard_asks_a_few_questions_per_screen_and_says_why() -> None:
    assert len(wizard.SCREENS) >= 4
    for screen in wizard.SCREENS:
        assert 1 <= len(screen.questions) <= 4
        assert all(q.why for q in screen.questions)


def test_the_first_screen_asks_about_safety_before_anything_else(client: TestClient) -> None:
    html = client.get("/start").text
    assert 'name="safety_concern"' in html
    assert "Why this matters" in html


def test_next_without_who_ended_stays_on_the_screen_with_a_reason(client: TestClient) -> None:
    response = _screen(client, 1, relationship_months="18")
    assert response.status_code == 422
    assert "Please choose one" in response.text
    assert 'value="18"' in response.text  # what the user typed is kept


def test_back_keeps_every_answer(client: TestClient) -> None:
    forward = _screen(client, 1, who_ended="me", relationship_months="30", days_since_breakup="2")
    assert 'name="reasons"' in forward.text
    assert 'name="who_ended" value="me"' in forward.text  # carried as a hidden field
    back = client.post(
        "/start",
        data={"screen": "2", "nav": "back", "who_ended": "me", "relationship_months": "30"},
    )
    assert 'value="me" checked' in back.text
    assert 'value="30"' in back.text


def test_the_last_screen_shows_the_path_the_dated_plan_and_sourced_reasons(
    client: TestClient, answers: dict[str, Any]
) -> None:
    last = len(wizard.SCREENS) - 1
    response = client.post("/start", data={**answers, "screen": str(last), "nav": "next"})
    assert response.status_code == 200
    html = response.text
    assert "A careful way back is open" in html
    assert "days</strong> of no contact" in html
    assert "seed 003 §1" in html  # reasons cite their source
    assert "Sat 21 Nov 2026" in html  # the plan is dated
    assert "Begin my journey" in html


def test_the_safety_path_shows_help_and_no_plan(
    client: TestClient, answers: dict[str, Any]
) -> None:
    last = len(wizard.SCREENS) - 1
    form = {**answers, "safety_concern": "true", "screen": str(last), "nav": "next"}
    html = client.post("/start", data=form).text
    assert "Your safety comes first" in html
    assert "0808 2000 247" in html
    assert "Your plan" not in html
    assert "Begin my journey" not in html


def test_beginning_the_journey_leads_to_today(client: TestClient, answers: dict[str, Any]) -> None:
    response = client.post("/start/begin", data=answers)
    assert response.status_code == 303
    assert response.headers["location"] == "/?done=started"
    html = client.get("/?done=started").text
    assert "Your journey has begun" in html


def test_today_shows_stage_counter_ring_next_step_and_tasks(started: TestClient) -> None:
    html = started.get("/").text
    assert "Reflect" in html
    assert "Day 1 of" in html
    assert 'class="ring"' in html
    assert "Your next step" in html
    assert "What to do today" in html
    assert "I want to text them" in html


def test_a_second_assessment_replaces_the_journey_after_a_warning(
    started: TestClient, answers: dict[str, Any]
) -> None:
    assert "already have a journey" in started.get("/start").text
    assert started.post("/start/begin", data=answers).status_code == 303
