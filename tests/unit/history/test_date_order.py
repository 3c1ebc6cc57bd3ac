"""Day-first or month-first is decided by the whole file, not its first lines."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reunite.importers import parse_file
from reunite.importers.whatsapp import SAMPLE_LINES


def test_the_deciding_date_may_come_after_the_sample(tmp_path: Path) -> None:
    lines = [
        f"0{1 + i % 9}/0{1 + i % 9}/2022, 10:00 - Ann: same day and month {i}\n"
        for i in range(SAMPLE_LINES + 5)
    ]
    lines.append("02/25/2022, 10:00 - Bo: only here a second number above 12\n")
    path = tmp_path / "chat.txt"
    path.write_text("".join(lines), encoding="utf-8")
    chat = parse_file(path)
    messages = list(chat)
    assert chat.report.date_order == "mdy"
    assert not chat.report.date_order_guessed
    assert messages[-1].time == datetime(2022, 2, 25, 10, 0)


def test_time_order_settles_an_ambiguous_file(tmp_path: Path) -> None:
    # day-first: 5 Jan, 6 Jan, 1 Feb, 2 Feb; month-first it would jump back from June to January
    days = ["5/1/22", "6/1/22", "1/2/22", "2/2/22"]
    path = tmp_path / "chat.txt"
    path.write_text("".join(f"{d}, 09:00 - Ann: hi\n" for d in days), encoding="utf-8")
    chat = parse_file(path)
    messages = list(chat)
    assert chat.report.date_order == "dmy"
    assert chat.report.date_order_guessed
    assert [m.time.month for m in messages] == [1, 1, 2, 2]


def test_us_style_unpadded_slashes_lean_month_first(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("3/4/22, 09:00 - Ann: hi\n3/4/22, 09:05 - Bo: hello\n", encoding="utf-8")
    chat = parse_file(path)
    assert next(iter(chat)).time == datetime(2022, 3, 4, 9, 0)
    assert chat.report.date_order_guessed
