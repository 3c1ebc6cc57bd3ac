"""Files that are not chat exports get one clear sentence, never a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reunite.domain.errors import InvalidInput
from reunite.importers import parse_file
from reunite.importers.base import MAX_FILE_BYTES

GOOD = "[18/03/2022, 14:56:01] Ann: hello\n[18/03/2022, 14:57:01] Bo: hi there\n"


def _parse(path: Path, **options: object) -> list:
    return list(parse_file(path, **options))  # type: ignore[arg-type]


def test_corrupt_zip_is_named_as_damaged(tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", GOOD * 200)
    broken = tmp_path / "broken.zip"
    data = good.read_bytes()
    broken.write_bytes(data[:60] + b"\x00" * 40 + data[100:])
    with pytest.raises(InvalidInput, match=r"damaged|could not be read"):
        _parse(broken)


def test_truncated_zip_is_named_as_damaged(tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w") as archive:
        archive.writestr("_chat.txt", GOOD)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:50])
    with pytest.raises(InvalidInput, match="damaged"):
        _parse(cut)


def test_zip_without_a_chat_inside(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("IMG-0001.jpg", b"\xff\xd8\xff")
    with pytest.raises(InvalidInput, match="without a chat"):
        _parse(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 10)
    with pytest.raises(InvalidInput, match="binary"):
        _parse(path)


def test_text_that_is_not_a_chat(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Shopping list\n- milk\n- bread\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="does not look like a chat export"):
        _parse(path)


def test_json_that_is_not_a_chat(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text('{"name": "x", "version": "1"}', encoding="utf-8")
    with pytest.raises(InvalidInput, match="not a Telegram, Messenger or Instagram"):
        _parse(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InvalidInput, match="empty"):
        _parse(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no file"):
        _parse(tmp_path / "nope.txt")


def test_one_line_chat_parses_to_one_message(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("18/03/2022, 14:56 - Ann: only this\n", encoding="utf-8")
    [message] = _parse(path)
    assert (message.sender, message.text, message.line) == ("Ann", "only this", 1)


def test_mixed_encodings_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(GOOD.encode() + "[18/03/2022, 14:58:01] Ann: café\n".encode("latin-1"))
    with pytest.raises(InvalidInput, match="near line 3"):
        _parse(path)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: takes no real disk space
        handle.truncate(2 * 1024**3)
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(InvalidInput, match=r"2\.1 GB"):
        _parse(path)


def test_truncated_json(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(
        '{"name": "Bo", "messages": [{"type": "message", "date": "2020-01-01T10:00:00", "from": "Bo", "text": "hi"}, {"type": "mess',
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match=r"ends in the middle|not valid JSON"):
        _parse(path)


def test_unknown_format_and_date_order(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(InvalidInput, match="Unknown format"):
        _parse(path, format="signal")
    with pytest.raises(InvalidInput, match="dmy"):
        _parse(path, date_order="ydm")


def test_utf16_export_is_read(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(GOOD, encoding="utf-16")
    assert [m.sender for m in _parse(path)] == ["Ann", "Bo"]


def test_ambiguous_dates_are_reported_and_overridable(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("03/04/2022, 10:00 - Ann: a\n05/06/2022, 10:00 - Bo: b\n", encoding="utf-8")
    chat = parse_file(path)
    messages = list(chat)
    assert chat.report.date_order_guessed
    assert chat.report.notes
    assert messages[0].time.month in (3, 4)
    forced = list(parse_file(path, date_order="dmy"))
    assert forced[0].time.month == 4


def test_attachments_without_extension_and_their_caption(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "11/18/22, 8:49 PM - Kim: DOC-20221118-WA0004. (file attached)\n"
        "WhatsApp Chat with Pinky.txt\n"
        "11/18/22, 8:50 PM - Lee: I love you (very much)\n"
        "11/18/22, 8:51 PM - Lee: Plan.pdf • 1 page <attached: 00000116-Plan.pdf>\n"
        "11/18/22, 8:52 PM - Kim: see <this> and <that: one>\n",
        encoding="utf-8",
    )
    first, second, third, fourth = _parse(path)
    assert (first.kind, first.text) == (
        "media",
        "DOC-20221118-WA0004. (file attached)\nWhatsApp Chat with Pinky.txt",
    )
    assert second.kind == "text"
    assert third.kind == "media"
    assert fourth.kind == "text"
