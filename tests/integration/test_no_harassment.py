"""Never a harassment tool (issue 5): after they ask for no contact, every route and command
that drafts or checks a message to them refuses, explains why and offers the journal;
only logging that they reached out reopens it. On the safety path, the same. Crisis help
still comes first, always."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_helpers import Cli, assert_clean_error
from reunite.web import create_app
from web_client import FormClient

DRAFT_WORDS = ("check", "draft", "suggest")


def _close_contact(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    cli.at("2026-12-21T09:00")("log", "contact")
    result = cli.at("2026-12-21T11:00")("log", "reply", "please stop texting me")
    assert 0 == result.code, result.err


def test_every_cli_check_refuses_after_a_no_contact_boundary(
    cli: Cli, answers_file, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _close_contact(cli, answers_file)
    assert_clean_error(cli("check", "hey, how are you?"), 3, "asked you not to contact")
    assert_clean_error(cli("check", "hey", "--stage", "first_contact", "--json"), 3, "journal")
    batch = tmp_path / "drafts.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": "hi"}) + "\n", encoding="utf-8")
    assert_clean_error(cli("check", "--batch", str(batch)), 3, "asked you not to contact")
    # reading what they sent is not contacting them
    assert 0 == cli("read-reply", "ok, bye").code
    cli("log", "ex-reached-out", "--note", "they texted first")
    assert 0 == cli("check", "hey! good to hear from you", "--json").code


def test_safety_path_never_helps_write_to_them(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file(safety_concern=True))
    assert_clean_error(cli("check", "can we talk?"), 3, "safety")


def drafting_routes(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from routes_table import route_table

    return [(m, p) for m, p in route_table(app) if m == "POST" and any(w in p for w in DRAFT_WORDS)]


@pytest.fixture
def closed_web(cli: Cli, answers_file, monkeypatch: pytest.MonkeyPatch) -> Iterator[FormClient]:  # type: ignore[no-untyped-def]
    _close_contact(cli, answers_file)
    monkeypatch.setenv("REUNITE_NOW", "2026-12-22T10:00:00")
    with FormClient(create_app(), follow_redirects=False) as client:
        yield client


def test_every_web_drafting_route_refuses_after_a_no_contact_boundary(
    closed_web: FormClient,
) -> None:
    routes = drafting_routes(closed_web.app)
    assert len(routes) >= 2, routes
    for _method, path in routes:
        if path.startswith("/api/"):
            response = closed_web.post(path, json={"text": "hey, how are you?"})
            assert 409 == response.status_code, path
            assert "asked you not to contact" in response.json()["detail"]
        else:
            response = closed_web.post(
                path,
                data={"text": "hey, how are you?", "stage": "first_contact"},
                follow_redirects=True,
            )
            assert "asked you not to contact" in response.text, path
            assert "journal" in response.text.lower()
            assert "verdict" not in response.text.lower()


def test_refused_drafts_still_get_crisis_help_first_and_are_kept(closed_web: FormClient) -> None:
    words = "I don't want to be here anymore if you won't talk to me"
    response = closed_web.post("/coach/check", data={"draft": words})
    assert 409 == response.status_code
    page = response.text
    assert words.replace("'", "&#39;") in page  # kept, ready to save as an unsent letter
    assert page.index("116 123") < page.index("asked you not to contact")


def test_the_cli_gives_crisis_help_before_refusing(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    _close_contact(cli, answers_file)
    result = cli("check", "I want to end it all, I can't go on without you")
    assert 3 == result.code
    assert "116 123" in result.out or "988" in result.out
    assert "asked you not to contact" in result.err
