"""Chat-history importers: one module per export format, a registry and detection.

`parse_file(path)` detects the format (or takes `format=`), and returns a lazily
parsed chat: iterate it for `Message` tuples in file order; its `report` says what
was learned about the file (layout, date order and whether that was a guess).
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from reunite.domain.errors import InvalidInput
from reunite.importers import csv_format, messenger, telegram, whatsapp
from reunite.importers.base import (
    KINDS,
    READ_ERRORS,
    Message,
    ParsedChat,
    Parser,
    ParseReport,
    Source,
    check_not_binary,
    decode_error,
    guarded,
)

#: name -> parser. Each parser takes a Source and keyword options.
PARSERS: dict[str, Parser] = {
    "whatsapp": whatsapp.parse,
    "telegram": telegram.parse,
    "messenger": messenger.parse,
    "instagram": messenger.parse,
    "csv": csv_format.parse,
}

__all__ = [
    "KINDS",
    "PARSERS",
    "Message",
    "ParseReport",
    "ParsedChat",
    "Source",
    "detect",
    "parse_file",
]


def detect(source: Source) -> str:
    """The export format, judged from the file's first bytes (and its name as a tie-break)."""
    check_not_binary(source)
    head_bytes = source.head(65536)
    try:
        head = head_bytes.decode(source.encoding(), errors="ignore").lstrip("\ufeff \t\r\n")
    except LookupError:  # pragma: no cover - encodings are fixed above
        head = ""
    first_lines = head.splitlines()[:50]
    if whatsapp.sniff_layout(first_lines) is not None:
        return "whatsapp"
    if head.startswith(("{", "[")):
        if '"sender_name"' in head or '"timestamp_ms"' in head:
            return "messenger"
        if '"date_unixtime"' in head or '"from"' in head or '"chats"' in head or '"date"' in head:
            return "telegram"
        raise InvalidInput(
            f"{source.name} is JSON, but not a Telegram, Messenger or Instagram chat export."
        )
    first = first_lines[0].lower() if first_lines else ""
    if source.name.lower().endswith(".csv") or (
        "," in first and any(word in first for word in ("time", "date")) and "sender" in first
    ):
        return "csv"
    raise InvalidInput(
        f"{source.name} does not look like a chat export Reunite can read (WhatsApp .txt or .zip, "
        "Telegram, Messenger or Instagram .json, or a CSV of timestamp, sender, text)."
    )


def parse_file(
    path: Path | str,
    format: str | None = None,
    *,
    date_order: str | None = None,
    tz: tzinfo | None = None,
) -> ParsedChat:
    """Open and start parsing a chat export; errors are InvalidInput with one clear sentence."""
    source = Source(Path(path))
    if format is None:
        format = detect(source)
    else:
        check_not_binary(source)
    parser = PARSERS.get(format)
    if parser is None:
        raise InvalidInput(f"Unknown format {format!r}; choose one of {', '.join(PARSERS)}.")
    if date_order not in (None, "dmy", "mdy"):
        raise InvalidInput("--date-order must be dmy (day first) or mdy (month first).")
    try:
        chat = parser(source, date_order=date_order, tz=tz)
    except UnicodeDecodeError as error:
        raise decode_error(source) from error
    except READ_ERRORS as error:
        raise InvalidInput(
            f"{source.name} could not be read ({error}); export the chat again."
        ) from error
    return ParsedChat(guarded(source, iter(chat)), chat.report)
