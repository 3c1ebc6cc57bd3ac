"""Chat history is private: scoped to its user, and its text encrypted at rest (issue 5)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reunite import accounts
from reunite.services import Reunite
from reunite.store.db import Database

NOW = datetime(2026, 11, 21, 9, 0)
SECRET = "the-secret-pelican"


def _chat(path: Path, lines: int = 60) -> Path:
    start = datetime(2025, 3, 1, 18, 0)
    rows = []
    for i in range(lines):
        when = start + timedelta(hours=7 * i)
        who = "Alex" if i % 2 else "Sam"
        text = f"{SECRET} haha I love that, thank you so much" if i % 10 == 0 else f"message {i} ok"
        rows.append(f"{when:%d/%m/%Y, %H:%M} - {who}: {text}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def db(reunite_home: Path) -> Iterator[Database]:
    database = Database()
    yield database
    database.close()


def test_one_users_chat_history_is_invisible_to_another(db: Database, tmp_path: Path) -> None:
    a = accounts.create_account(db, "alice", "a long enough password", NOW)
    b = accounts.create_account(db, "bobby", "a long enough password", NOW)
    alice, bob = Reunite(db, user_id=a), Reunite(db, user_id=b)
    alice.history().import_file(_chat(tmp_path / "chat.txt"), me="Sam", now=NOW)
    assert 1 == len(alice.history().chats())
    assert [] == bob.history().chats()
    with pytest.raises(Exception, match="No chat history imported yet"):
        bob.history().insights()
    chat_id = alice.history().chats()[0].id
    with pytest.raises(Exception, match="No chat history imported yet"):
        bob.history().insights(chat_id)  # a guessed id looks exactly like a missing one
    assert all(rows == [] for rows in bob.export(NOW)["tables"].values())
    bob.wipe()
    assert 60 == alice.counts()["chat_messages"]
    accounts.delete_account(db, a, "a long enough password")
    assert 0 == Reunite(db, user_id=b).counts()["chat_messages"]
    from sqlalchemy import func, select

    from reunite.store.history_models import ChatMessageRow

    with db.transaction() as session:
        assert 0 == session.scalar(select(func.count()).select_from(ChatMessageRow))


@pytest.mark.sqlite_only
def test_imported_messages_are_encrypted_at_rest(
    db: Database, tmp_path: Path, reunite_home: Path
) -> None:
    core = Reunite(db)
    core.set_passphrase("correct horse battery")
    result = core.history().import_file(_chat(tmp_path / "chat.txt"), me="Sam", now=NOW)
    assert 60 == result.added
    db.scrub()
    raw = b"".join(p.read_bytes() for p in reunite_home.glob("reunite.db*"))
    assert SECRET.encode() not in raw
    insights = core.history().insights()
    quoted = [q.text for good in insights.good_times for q in good.quotes]
    assert any(SECRET in text for text in quoted)


def test_changing_the_passphrase_keeps_chat_history_readable(db: Database, tmp_path: Path) -> None:
    core = Reunite(db)
    core.history().import_file(_chat(tmp_path / "chat.txt"), me="Sam", now=NOW)
    core.set_passphrase("correct horse battery")
    core.set_passphrase("another good phrase", "correct horse battery")
    again = Reunite.open(db.url, passphrase="another good phrase")
    try:
        backup = again.export(NOW)
        texts = [row["text"] for row in backup["tables"]["chat_messages"]]
        assert any(SECRET in text for text in texts)
        # re-importing the same export adds nothing: fingerprints don't depend on the key
        assert 0 == again.history().import_file(tmp_path / "chat.txt", me="Sam", now=NOW).added
    finally:
        again.close()
