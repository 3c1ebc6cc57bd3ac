"""Importing a chat export into SQLite, and the insights read back from it."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reunite.domain.errors import InvalidInput
from reunite.history_service import GroupChat, HistoryService
from reunite.store.db import Database
from reunite.store.history_models import ChatImportRow, ChatMessageRow, ChatRow

FIXTURES_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "external-chats"
ANDROID_EN = (
    FIXTURES_DIR
    / "starkdmi__whats_json/test/data/android/WhatsApp Chat with Dmitry S EN+Media Android.txt"
)
POKEMON = FIXTURES_DIR / "lucasrodes__whatstk/chats/whatsapp/pokemon.txt"
needs_fixtures = pytest.mark.skipif(not FIXTURES_DIR.is_dir(), reason="fixtures not available")


@pytest.fixture
def db(reunite_home: Path) -> Iterator[Database]:
    """The database of a private data folder (PostgreSQL on the CI pass)."""
    database = Database()
    yield database
    database.close()


def _write_chat(
    path: Path, messages: int, start: datetime | None = None, *, warm_from: int = 0
) -> None:
    """A two-person Android export; after `warm_from` messages Sam writes warmly and a lot."""
    time = start or datetime(2023, 1, 13, 9, 0)
    lines = []
    for index in range(messages):
        time += timedelta(minutes=37 if index < warm_from or not warm_from else 3)
        who = "Alex" if index % 3 else "Sam"
        text = f"message {index} about the day"
        if warm_from and index >= warm_from and who == "Sam":
            text = f"I love you so much, what a wonderful happy day {index}"
        lines.append(f"{time:%d/%m/%Y, %H:%M} - {who}: {text}\n")
    path.write_text("".join(lines), encoding="utf-8")


def _count(db: Database, model: type) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@needs_fixtures
def test_import_stores_every_message_with_its_line(db: Database) -> None:
    result = HistoryService(db).import_file(ANDROID_EN, me="Dmitry S")
    assert (result.me, result.other, result.parsed, result.added) == ("Dmitry S", "Elon", 60, 60)
    with db.transaction() as session:
        row = session.scalars(select(ChatMessageRow).where(ChatMessageRow.line == 4)).one()
    assert (row.sender, row.text, row.kind) == ("Dmitry S", "<Media omitted>\nCaption", "media")
    assert row.time == datetime(2022, 3, 18, 15, 10)


@needs_fixtures
def test_reimporting_the_same_export_adds_nothing(db: Database) -> None:
    service = HistoryService(db)
    service.import_file(ANDROID_EN, me="Dmitry S")
    again = service.import_file(ANDROID_EN, me="Dmitry S")
    assert (again.parsed, again.added) == (60, 0)
    assert _count(db, ChatMessageRow) == 60
    assert _count(db, ChatRow) == 1
    assert _count(db, ChatImportRow) == 2


def test_a_longer_export_adds_only_the_new_messages(db: Database, tmp_path: Path) -> None:
    short, longer = tmp_path / "short.txt", tmp_path / "long.txt"
    _write_chat(longer, 300)
    short.write_text(
        "".join(longer.read_text(encoding="utf-8").splitlines(True)[:200]), encoding="utf-8"
    )
    service = HistoryService(db)
    assert service.import_file(short, me="Alex").added == 200
    assert service.import_file(longer, me="Alex").added == 100
    assert _count(db, ChatMessageRow) == 300


def test_identical_messages_in_one_minute_are_both_kept(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "13/01/2023, 09:00 - Alex: ok\n13/01/2023, 09:00 - Alex: ok\n13/01/2023, 09:01 - Sam: fine\n",
        encoding="utf-8",
    )
    assert HistoryService(db).import_file(path, me="Sam").added == 3
    assert HistoryService(db).import_file(path, me="Sam").added == 0


@needs_fixtures
def test_group_chat_is_refused_and_nothing_stored(db: Database) -> None:
    with pytest.raises(GroupChat, match="group chat"):
        HistoryService(db).import_file(POKEMON, me="Misty")
    assert _count(db, ChatMessageRow) == 0


def test_a_third_person_late_in_the_file_rolls_everything_back(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "chat.txt"
    _write_chat(path, 6000)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("01/06/2023, 10:00 - Kim: hi all\n")
    with pytest.raises(GroupChat):
        HistoryService(db).import_file(path, me="Alex")
    assert _count(db, ChatMessageRow) == 0
    assert _count(db, ChatImportRow) == 0


def test_bad_bytes_late_in_the_file_roll_everything_back(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    _write_chat(path, 6000)
    with path.open("ab") as handle:
        handle.write("01/06/2023, 10:00 - Sam: café\n".encode("latin-1"))
    with pytest.raises(InvalidInput, match="line 6001"):
        HistoryService(db).import_file(path, me="Alex")
    assert _count(db, ChatMessageRow) == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04" + b"\x00" * 64, "damaged zip"),
        (bytes(range(256)) * 8, "binary"),
        (b"Dear diary,\ntoday was long.\n", "does not look like a chat export"),
        (b"13/01/2023, 09:00 - Alex: only me\n", "single message"),
        (b"13/01/2023, 09:00 - Alex: me\n13/01/2023, 09:01 - Alex: me again\n", "Only Alex writes"),
    ],
    ids=["corrupt-zip", "binary", "not-a-chat", "one-line", "one-person"],
)
def test_bad_input_is_one_clear_sentence_and_stores_nothing(
    db: Database, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / ("chat.zip" if content.startswith(b"PK") else "chat.txt")
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=expected):
        HistoryService(db).import_file(path, me="Alex")
    assert _count(db, ChatMessageRow) == 0


def test_who_am_i_is_asked_or_must_be_given(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    _write_chat(path, 10)
    with pytest.raises(InvalidInput, match="Which of Alex or Sam are you"):
        HistoryService(db).import_file(path)
    with pytest.raises(InvalidInput, match="Nobody called 'Kim'"):
        HistoryService(db).import_file(path, me="Kim")
    result = HistoryService(db).import_file(path, choose_me=lambda names: names[-1])
    assert result.me == "Sam"


def test_zip_export_imports_like_the_text(db: Database, tmp_path: Path) -> None:
    text = tmp_path / "chat.txt"
    _write_chat(text, 50)
    archive = tmp_path / "WhatsApp Chat.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(text, "_chat.txt")
        handle.writestr("__MACOSX/._chat.txt", b"\x00\x05\x16\x07")
    service = HistoryService(db)
    assert service.import_file(archive, me="Alex").added == 50
    assert service.import_file(text, me="Alex").added == 0


def test_insights_add_up_and_find_the_change(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    _write_chat(path, 3000, warm_from=1500)
    service = HistoryService(db)
    service.import_file(path, me="Alex")
    insights = service.insights()
    assert (insights.me, insights.other, insights.total) == ("Alex", "Sam", 3000)
    assert insights.me_total + insights.them_total == 3000
    assert sum(w.me + w.them for w in insights.weekly) == 3000
    assert sum(sum(row) for row in insights.heatmap) == 3000
    assert sum(m.me_messages + m.them_messages for m in insights.monthly) == 3000
    assert insights.good_times, "the warm stretch should be found"
    lines = path.read_text(encoding="utf-8").splitlines()
    for good in insights.good_times:
        for quote in good.quotes:
            assert quote.text in lines[quote.line - 1]
            assert quote.sender == "Sam"
    data = insights.as_dict()
    assert json.loads(json.dumps(data)) == data


def test_insights_without_any_import_say_what_to_do(db: Database) -> None:
    with pytest.raises(Exception, match="history import"):
        HistoryService(db).insights()


# -- the command line ----------------------------------------------------------------------


@pytest.fixture
def cli(reunite_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line on a fresh data folder, with a stdin that is not a terminal."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def _run(*args: str) -> tuple[int, str, str]:
    from reunite.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


@needs_fixtures
def test_cli_parse_prints_exact_jsonl_even_for_group_chats(cli: None) -> None:
    code, out, _ = _run("history", "parse", str(POKEMON), "--jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 20
    assert all(set(row) == {"time", "sender", "text", "line", "kind"} for row in rows)
    assert rows[0] == {
        "time": "2016-04-15T15:04:00",
        "sender": None,
        "text": "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
        "line": 1,
        "kind": "system",
    }


def test_cli_import_and_insights(cli: None, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    _write_chat(path, 400, warm_from=200)
    code, _, err = _run("history", "import", str(path))
    assert code == 2
    assert "--me" in err
    code, out, _ = _run("history", "import", str(path), "--me", "Alex")
    assert code == 0
    assert "400 new of 400 messages" in out
    code, out, _ = _run("history", "import", str(path), "--me", "Alex")
    assert "0 new of 400 messages" in out
    report = tmp_path / "report.html"
    code, out, _ = _run("history", "insights", "--json", "--html", str(report))
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 400
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html
    assert "<script" not in html
    code, out, _ = _run("history", "insights")
    assert "Your chat with Sam: 400 messages" in out


@needs_fixtures
def test_cli_refuses_group_chat_with_a_clear_message(cli: None) -> None:
    code, _, err = _run("history", "import", str(POKEMON), "--me", "Misty")
    assert code == 2
    assert "group chat" in err
    assert "Traceback" not in err


def test_whole_account_telegram_export_asks_for_the_single_chat(
    db: Database, tmp_path: Path
) -> None:
    def message(who: str, minute: int) -> dict[str, str]:
        return {
            "type": "message",
            "date": f"2020-01-01T10:{minute:02d}:00",
            "from": who,
            "text": "hi",
        }

    export = {
        "chats": {
            "list": [
                {"name": "Sam", "messages": [message("Sam", 1), message("Alex", 2)]},
                {"name": "Kim", "messages": [message("Kim", 3)]},
            ]
        }
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    with pytest.raises(InvalidInput, match="several chats"):
        HistoryService(db).import_file(path, me="Alex")
    assert _count(db, ChatMessageRow) == 0


@needs_fixtures
def test_telegram_and_messenger_exports_import(db: Database) -> None:
    service = HistoryService(db)
    telegram = service.import_file(
        FIXTURES_DIR / "mlomb__chat-analytics/tests/samples/telegram/DM_2A_7M.json", me="Alice"
    )
    assert (telegram.other, telegram.parsed, telegram.added) == ("Bob", 8, 8)
    messenger = service.import_file(
        FIXTURES_DIR / "mlomb__chat-analytics/tests/samples/messenger/2A_7M.json", me="Bob"
    )
    assert (messenger.other, messenger.added) == ("Alice", 7)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_asks_who_you_are_at_a_terminal(
    cli: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chat.txt"
    _write_chat(path, 30)
    monkeypatch.setattr("sys.stdin", _Terminal("7\n2\n"))
    code, out, err = _run("history", "import", str(path))
    assert code == 0
    assert "1. Alex" in err
    assert "Please type a number from 1 to 2." in err
    assert "Imported your chat with Alex" in out


def test_cli_shows_progress_on_large_files(
    cli: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reunite.cli.history._PROGRESS_BYTES", 0)
    monkeypatch.setattr("reunite.history_service._BATCH", 100)
    path = tmp_path / "chat.txt"
    _write_chat(path, 1000)
    code, out, _ = _run("history", "import", str(path), "--me", "Sam")
    assert code == 0
    assert "1,000 new of 1,000 messages" in out


def test_cli_asks_the_date_order_when_the_file_cannot_tell(
    cli: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "03/04/2022, 10:00 - Ann: hi\n05/06/2022, 10:00 - Bo: hello\n", encoding="utf-8"
    )
    monkeypatch.setattr("sys.stdin", _Terminal("x\nd\n1\n"))
    code, out, err = _run("history", "import", str(path))
    assert code == 0
    assert "day/month or month/day" in err
    assert "03 Apr 2022 to 05 Jun 2022" in out


def test_a_database_error_while_writing_rolls_everything_back(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reunite.history_service as service_module

    path = tmp_path / "chat.txt"
    _write_chat(path, 500)
    real_insert = service_module._insert
    calls = []

    def failing_insert(connection: object, rows: list) -> int:
        calls.append(len(rows))
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real_insert(connection, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(service_module, "_BATCH", 100)
    monkeypatch.setattr(service_module, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        HistoryService(db).import_file(path, me="Alex")
    assert _count(db, ChatMessageRow) == 0
    assert _count(db, ChatImportRow) == 0
