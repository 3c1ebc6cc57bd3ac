"""A plain CSV chat: timestamp, sender, text (a header row is optional).

An empty sender marks a system line. Columns may be named (time/timestamp/date,
sender/author/from/name, text/message/content, and an optional kind).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime

from reunite.domain.errors import InvalidInput
from reunite.importers.base import KINDS, Message, ParsedChat, ParseReport, Source, decode_error

_TIME_NAMES = {"time", "timestamp", "date", "datetime", "sent", "sent_at"}
_SENDER_NAMES = {"sender", "author", "from", "name", "user"}
_TEXT_NAMES = {"text", "message", "content", "body"}


def parse(source: Source, **_: object) -> ParsedChat:
    report = ParseReport(format="csv", layout="CSV: timestamp, sender, text")
    return ParsedChat(_messages(source), report)


def _messages(source: Source) -> Iterator[Message]:
    with source.open_text() as handle:
        reader = csv.reader(handle)
        columns = (0, 1, 2, -1)
        first_row = True
        ended = 0  # the line the previous row ended on
        try:
            for row in reader:
                line, ended = ended + 1, reader.line_num
                if not row or not any(cell.strip() for cell in row):
                    continue
                if first_row:
                    first_row = False
                    named = [cell.strip().lower().lstrip("\ufeff") for cell in row]
                    if set(named) & _TIME_NAMES:
                        columns = _columns(named, source)
                        continue
                yield _message(row, line, columns, source)
        except UnicodeDecodeError as error:
            raise decode_error(source, reader.line_num + 1) from error
        except csv.Error as error:
            raise InvalidInput(
                f"{source.name} is not a readable CSV file near line {reader.line_num} ({error})."
            ) from error


def _columns(named: list[str], source: Source) -> tuple[int, int, int, int]:
    def find(names: set[str]) -> int:
        for index, name in enumerate(named):
            if name in names:
                return index
        return -1

    time, sender, text = find(_TIME_NAMES), find(_SENDER_NAMES), find(_TEXT_NAMES)
    if -1 in (time, sender, text):
        raise InvalidInput(
            f"{source.name} needs columns for the time, the sender and the text of each message."
        )
    return time, sender, text, find({"kind", "type"})


def _message(
    row: list[str], line: int, columns: tuple[int, int, int, int], source: Source
) -> Message:
    time_at, sender_at, text_at, kind_at = columns
    if len(row) <= max(time_at, sender_at, text_at):
        raise InvalidInput(
            f"Line {line} of {source.name} has {len(row)} columns; expected timestamp, sender and text."
        )
    stamp = row[time_at].strip().lstrip("\ufeff")
    try:
        time = datetime.fromisoformat(stamp).replace(tzinfo=None)
    except ValueError:
        raise InvalidInput(
            f"Line {line} of {source.name} has the time {stamp!r}; write times like 2024-03-18 14:56:01."
        ) from None
    sender = row[sender_at].strip() or None
    kind = row[kind_at].strip().lower() if 0 <= kind_at < len(row) else ""
    if kind not in KINDS:
        kind = "text" if sender else "system"
    if sender is None:
        kind = "system"
    return Message(time, sender, row[text_at], line, kind)
