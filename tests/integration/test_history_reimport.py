"""Property: importing any prefix of a chat and then the whole chat stores each message once."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from reunite.history_service import HistoryService
from reunite.store.db import Database
from reunite.store.history_models import ChatMessageRow

texts = st.sampled_from(
    ["ok", "ok", "haha", "see you at 8", "love you", "<Media omitted>", "fine."]
)


@st.composite
def exports(draw: st.DrawFn) -> list[str]:
    """Android export lines; repeats of the same text in the same minute are common."""
    time = datetime(2024, 2, 13, 8, 0)
    lines = []
    for index in range(draw(st.integers(2, 40))):
        time += timedelta(minutes=draw(st.sampled_from([0, 0, 1, 7, 600])))
        who = "Ann" if index == 0 else "Bo" if index == 1 else draw(st.sampled_from(["Ann", "Bo"]))
        lines.append(f"{time:%d/%m/%Y, %H:%M} - {who}: {draw(texts)}\n")
    return lines


@settings(max_examples=25, deadline=None)
@given(lines=exports(), cut=st.integers(0, 40))
def test_prefix_then_whole_export_stores_every_message_once(lines: list[str], cut: int) -> None:
    cut = max(2, min(cut, len(lines)))
    with tempfile.TemporaryDirectory() as folder:
        prefix, whole = Path(folder) / "prefix.txt", Path(folder) / "whole.txt"
        prefix.write_text("".join(lines[:cut]), encoding="utf-8")
        whole.write_text("".join(lines), encoding="utf-8")
        database = Database(f"sqlite:///{folder}/reunite.db")
        try:
            service = HistoryService(database)
            first = service.import_file(prefix, me="Ann")
            second = service.import_file(whole, me="Ann")
            third = service.import_file(whole, me="Ann")
            with database.transaction() as session:
                stored = session.execute(
                    select(
                        ChatMessageRow.line, ChatMessageRow.sender, ChatMessageRow.text
                    ).order_by(ChatMessageRow.fingerprint)
                ).all()
        finally:
            database.close()
    assert first.added == cut
    assert first.added + second.added == len(lines)
    assert third.added == 0
    assert sorted(line for line, _, _ in stored) == list(range(1, len(lines) + 1))
