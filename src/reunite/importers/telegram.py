"""Telegram Desktop JSON exports: one chat, or the whole account (`chats.list`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, tzinfo
from typing import Any

from reunite.importers.base import Message, ParsedChat, ParseReport, Source
from reunite.importers.jsonstream import iter_messages

_MEDIA_KEYS = (
    "photo",
    "file",
    "media_type",
    "sticker_emoji",
    "poll",
    "location_information",
    "contact_information",
    "live_location_period_seconds",
    "game_title",
    "invoice_information",
)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in value)
    return ""


def local_time(stamp: float, tz: tzinfo | None) -> datetime:
    """A Unix time as wall-clock time in `tz` (the computer's zone when None), without zone."""
    return (
        datetime.fromtimestamp(stamp, tz).replace(tzinfo=None)
        if tz
        else datetime.fromtimestamp(stamp)
    )


def _time(message: dict[str, Any], tz: tzinfo | None) -> datetime | None:
    written = message.get("date")
    if isinstance(written, str):
        try:
            return datetime.fromisoformat(written).replace(tzinfo=None)
        except ValueError:
            pass
    stamp = message.get("date_unixtime")
    if stamp is not None:
        try:
            return local_time(int(stamp), tz)
        except (TypeError, ValueError, OverflowError, OSError):
            return None
    return None


def parse(source: Source, *, tz: tzinfo | None = None, **_: object) -> ParsedChat:
    report = ParseReport(format="telegram", layout="Telegram Desktop JSON")
    return ParsedChat(_messages(source, tz, report), report)


def _messages(source: Source, tz: tzinfo | None, report: ParseReport) -> Iterator[Message]:
    chats: set[str | None] = set()
    with source.open_text() as handle:
        for line, chat, item in iter_messages(handle, source.name):
            time = _time(item, tz)
            if time is None:
                continue
            chats.add(chat)
            if len(chats) > 1 and report.group_events == 0:
                report.notes.append("This is a whole-account export with several chats.")
                report.group_events += 1
            text = _text(item.get("text"))
            if item.get("type") == "service":
                actor = item.get("actor")
                action = str(item.get("action", "event")).replace("_", " ")
                described = f"{actor} {action}" if actor else action
                if text:
                    described = f"{described}: {text}"
                yield Message(time, None, described, line, "system")
                continue
            sender = item.get("from")
            sender = str(sender) if sender is not None else "Deleted Account"
            if any(key in item for key in _MEDIA_KEYS):
                label = item.get("media_type") or next(k for k in _MEDIA_KEYS if k in item)
                yield Message(time, sender, text or f"<{label}>", line, "media")
            else:
                yield Message(time, sender, text, line, "text")
