"""The journey from the command line, end to end on a real SQLite file (contracts.md)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cli_helpers import Cli, assert_clean_error


def test_assess_prints_the_contract_shape(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "assess", "--answers", answers_file(reasons=["big_fight"], relationship_months=6), "--json"
    )
    assert 0 == result.code
    data = result.json()
    assert ("reconcile", 7, "casual") == (data["path"], data["no_contact_days"], data["approach"])
    assert all(r["source"].startswith("seed") for r in data["reasons"])


def test_assess_safety_path_names_help_not_a_plan(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    result = cli("assess", "--answers", answers_file(safety_concern=True))
    assert 0 == result.code
    assert "helpline" in result.out
    assert "No contact:" not in result.out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "There is no file"),
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"relationship_months": 3}', "'who_ended' is required"),
        ('{"who_ended": "nobody"}', "must be one of"),
        ('{"who_ended": "me", "favourite_colour": "red"}', "not a question Reunite asks"),
        ('{"who_ended": "me", "relationship_months": -4}', "greater than or equal to 0"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not a text file"),
    ],
)
def test_bad_answers_files_get_one_clear_sentence(
    cli: Cli, tmp_path: Path, content: str | bytes | None, fragment: str
) -> None:
    path = tmp_path / "answers.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    assert_clean_error(cli("assess", "--answers", str(path)), 2, fragment)


def test_status_without_a_journey_says_how_to_start(cli: Cli) -> None:
    assert_clean_error(cli("status"), 4, "reunite start")


def test_a_journey_persists_and_counts_no_contact_days(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    """contracts.md `reunite status --json`, seed 003 §1."""
    assert 0 == cli("start", "--answers", answers_file(), "--json").code
    status = cli.at("2026-11-23T20:00")("status", "--json").json()
    assert {"day": 3, "days": 30, "ends": "2026-12-21"} == status["no_contact"]
    assert (False, "reconcile", "reflect") == (
        status["contact_allowed"],
        status["path"],
        status["stage"],
    )
    assert {"text", "date", "source"} <= set(status["next_step"])
    human = cli("status")
    assert "day 3 of 30" in human.out


def test_starting_twice_needs_replace(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    assert_clean_error(cli("start", "--answers", answers_file()), 2, "--replace")
    assert 0 == cli("start", "--answers", answers_file(who_ended="me"), "--replace").code
    assert 21 == cli("status", "--json").json()["no_contact"]["days"]


def test_start_without_answers_and_without_a_terminal_explains(cli: Cli) -> None:
    assert_clean_error(cli("start", stdin=""), 2, "--answers")


def test_contact_during_no_contact_is_refused_and_a_slip_restarts_seed_003_s1(
    cli: Cli, answers_file
) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    refused = cli.at("2026-11-30T10:00")("log", "contact")
    assert_clean_error(refused, 3, "No contact until 2026-12-21")
    slip = cli("log", "slip", "--json")
    assert 0 == slip.code
    assert {"day": 1, "days": 30, "ends": "2026-12-30"} == slip.json()["status"]["no_contact"]
    assert "starts again" in slip.json()["effects"][0]["text"]


def test_an_urge_offers_the_unsent_letter_and_is_never_a_slip_seed_004_step_1(
    cli: Cli, answers_file
) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    result = cli.at("2026-11-25T02:10")(
        "log", "urge", "--note", "I miss you so much", "--json"
    ).json()
    assert "unsent letter" in result["effects"][0]["text"]
    assert (1, 0) == (result["status"]["urges"], result["status"]["slips"])
    assert "2026-12-21" == result["status"]["no_contact"]["ends"]


def test_the_journey_moves_on_time_and_events_to_together(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    """The whole reconcile path, dated: no-contact end → contact → warm reply → two good
    meetups → talk yes (seed 003 §1, seed 000, seed 001)."""
    cli("start", "--answers", answers_file())
    assert "first_contact" == cli.at("2026-12-21T09:00")("status", "--json").json()["stage"]
    assert 0 == cli("log", "contact").code
    assert_clean_error(cli.at("2026-12-22T09:00")("log", "contact"), 3, "waiting for their answer")
    reply = cli("log", "reply", "haha no way, what happened?? tell me!", "--json")
    assert 0 == reply.code, reply.err
    assert "rapport" == reply.json()["status"]["stage"]
    cli.at("2026-12-28T12:00")("log", "meetup", "--went", "good")
    talk_stage = cli.at("2027-01-05T12:00")("log", "meetup", "--went", "good", "--json").json()
    assert "talk" == talk_stage["status"]["stage"]
    done = cli.at("2027-01-12T12:00")("log", "talk", "--outcome", "yes", "--json").json()
    assert "together" == done["status"]["stage"]


def test_a_boundary_reply_closes_contact_at_once_seed_001(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    cli.at("2026-12-21T09:00")("log", "contact")
    result = cli.at("2026-12-21T11:00")("log", "reply", "please stop texting me", "--json").json()
    assert ("let_go", False) == (result["status"]["stage"], result["status"]["contact_allowed"])
    assert "no_contact" == result["reading"]["boundary"]
    assert_clean_error(cli.at("2027-03-01T09:00")("log", "contact"), 3, "asked you not to contact")
    reopened = cli("log", "ex-reached-out", "--json").json()
    assert "rapport" == reopened["status"]["stage"]


def test_a_declined_talk_allows_one_appeal_then_let_go_seed_001(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    cli.at("2026-12-21T09:00")("log", "contact")
    cli.at("2026-12-21T10:00")("log", "ex-reached-out")
    cli.at("2026-12-28T12:00")("log", "meetup", "--went", "good")
    cli.at("2027-01-05T12:00")("log", "meetup", "--went", "good")
    cli.at("2027-01-06T12:00")("log", "talk", "--outcome", "no")
    assert "final appeal" in cli("status", "--json").json()["next_step"]["text"]
    final = cli.at("2027-01-09T12:00")("log", "appeal", "--outcome", "no", "--json").json()
    assert ("let_go", False) == (final["status"]["stage"], final["status"]["contact_allowed"])
    assert_clean_error(cli("log", "appeal", "--outcome", "yes"), 3, "final appeal")


@pytest.mark.parametrize(
    ("at", "fragment"),
    [
        ("2026-02-30T10:00", "isn't a real date"),
        ("yesterday", "isn't a real date"),
        ("2027-05-01T10:00", "in the future"),
        ("2026-10-01T10:00", "before your journey started"),
    ],
)
def test_impossible_dates_are_refused(cli: Cli, answers_file, at: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    assert_clean_error(cli.at("2026-11-25T10:00")("log", "urge", "--at", at), 2, fragment)


def test_events_out_of_order_are_refused(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    cli.at("2026-11-25T10:00")("log", "urge")
    assert_clean_error(cli("log", "urge", "--at", "2026-11-24T10:00"), 2, "events go in order")


def test_unknown_choices_are_usage_errors_without_traceback(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    result = cli("log", "meetup", "--went", "amazing")
    assert 2 == result.code
    assert "Traceback" not in result.err


def test_plan_is_dated_and_exports_a_calendar(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    cli("start", "--answers", answers_file())
    steps = cli("plan", "--json").json()
    assert "2026-12-21" == next(s["date"] for s in steps if s["stage"] == "first_contact")
    ics = cli("plan", "--ics")
    calendar = Calendar.from_ical(ics.out)
    events = list(calendar.walk("VEVENT"))
    assert len(steps) == len(events)
    assert any("First contact" in str(e["SUMMARY"]) for e in events)


def test_journal_keeps_entries_moods_and_tags(cli: Cli) -> None:
    assert (
        0
        == cli(
            "journal",
            "add",
            "Walked by the river, felt lighter",
            "--mood",
            "6",
            "--tag",
            "gratitude",
        ).code
    )
    assert 0 == cli("journal", "add", "Bad night", "--mood", "2").code
    entries = cli("journal", "list", "--json").json()
    assert ["Bad night", "Walked by the river, felt lighter"] == [e["text"] for e in entries]
    assert ["gratitude"] == cli("journal", "list", "--search", "river", "--json").json()[0]["tags"]
    assert_clean_error(cli("journal", "add", "x", "--mood", "11"), 2, "1 (very low) to 10")
    assert_clean_error(cli("journal", "add", "   "), 2, "needs some text")


def test_an_urge_in_the_journal_is_logged_on_the_journey(cli: Cli, answers_file) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    out = cli.at("2026-11-26T01:30")(
        "journal", "add", "I want to text her so badly", "--tag", "urge-to-text", "--json"
    ).json()
    assert "unsent letter" in out["effects"][0]["text"]
    status = cli("status", "--json").json()
    assert (1, 0) == (status["urges"], status["slips"])


def test_export_and_import_round_trip_every_record(
    cli: Cli, answers_file, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file(reasons=["hurtful_words"]))
    cli.at("2026-11-25T10:00")("log", "urge", "--note", "ugh")
    cli("journal", "add", "Ünïcödé and emoji 💔 survive", "--mood", "4", "--tag", "reflection")
    backup = cli("export").out
    (tmp_path / "backup.json").write_text(backup, encoding="utf-8")

    assert 0 == cli("wipe", "--yes").code
    assert 0 == cli("import-backup", str(tmp_path / "backup.json")).code
    again = json.loads(cli("export").out)

    def content(tables: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, object]]]:
        # ids are given anew on import (a backup may be restored beside other users' rows)
        return {
            name: [{k: v for k, v in row.items() if k not in ("id", "journey_id")} for row in rows]
            for name, rows in tables.items()
        }

    assert content(json.loads(backup)["tables"]) == content(again["tables"])
    assert 1 == cli("status", "--json").json()["urges"]


def test_a_tampered_backup_changes_nothing(cli: Cli, answers_file, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    cli("journal", "add", "keep me")
    backup = json.loads(cli("export").out)
    backup["tables"]["journal_entries"].append({"id": "not-a-number", "text": None})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    assert_clean_error(cli("import-backup", str(path), "--yes"), 2, "nothing was changed")
    assert ["keep me"] == [e["text"] for e in cli("journal", "list", "--json").json()]
    (tmp_path / "junk.json").write_text('{"hello": 1}', encoding="utf-8")
    assert_clean_error(
        cli("import-backup", str(tmp_path / "junk.json"), "--yes"), 2, "not a Reunite backup"
    )


@pytest.mark.sqlite_only
def test_wipe_needs_confirmation_and_deletes_everything(
    cli: Cli, answers_file, reunite_home: Path
) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    cli("journal", "add", "secret words")
    assert_clean_error(cli("wipe", stdin=""), 2, "--yes")
    assert 0 == cli("wipe", "--yes").code
    assert_clean_error(cli("status"), 4, "No journey yet")
    with sqlite3.connect(reunite_home / "reunite.db") as conn:
        assert 0 == conn.execute("select count(*) from journal_entries").fetchone()[0]


@pytest.mark.sqlite_only
def test_database_is_sqlite_in_wal_mode_under_reunite_home(
    cli: Cli, answers_file, reunite_home: Path
) -> None:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file())
    with sqlite3.connect(reunite_home / "reunite.db") as conn:
        assert "wal" == conn.execute("pragma journal_mode").fetchone()[0]


@pytest.mark.sqlite_only
def test_database_url_option_is_honoured(cli: Cli, answers_file, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert 0 == cli("--database-url", url, "start", "--answers", answers_file()).code
    assert (tmp_path / "elsewhere.db").exists()
