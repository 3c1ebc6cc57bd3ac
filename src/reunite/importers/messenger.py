"""Facebook Messenger and Instagram JSON exports (`message_N.json`).

Both write text as UTF-8 bytes escaped as Latin-1 code points ("BuzÃ¡s" for
"Buzás"); this is undone. Both list messages newest first; they are returned
oldest first. Facebook splits long chats into files of at most 10,000 messages,
so one file's messages may be held in memory to reverse them.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from reunite.importers.base import Message, ParsedChat, ParseReport, Source
from reunite.importers.jsonstream import iter_messages
from reunite.importers.telegram import local_time

_MEDIA_KEYS = ("photos", "videos", "audio_files", "files", "gifs", "sticker", "share")


def fix_mojibake(text: str) -> str:
    """Undo Facebook's Latin-1 escaping of UTF-8 text; leave proper text as it is."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def parse(source: Source, *, tz: tzinfo | None = None, **_: object) -> ParsedChat:
    report = ParseReport(format="messenger", layout="Messenger/Instagram JSON")
    messages: list[Message] = []
    with source.open_text() as handle:
        for line, _chat, item in iter_messages(handle, source.name):
            message = _message(line, item, tz)
            if message is not None:
                messages.append(message)
    if len(messages) > 1 and not messages[0].time < messages[-1].time:
        messages.reverse()
    return ParsedChat(iter(messages), report)


def _message(line: int, item: dict[str, Any], tz: tzinfo | None) -> Message | None:
    stamp = item.get("timestamp_ms")
    if not isinstance(stamp, int | float):
        return None
    time = local_time(stamp / 1000, tz)
    sender_raw = item.get("sender_name")
    sender = fix_mojibake(sender_raw) if isinstance(sender_raw, str) else None
    content = item.get("content")
    text = fix_mojibake(content) if isinstance(content, str) else ""
    if item.get("is_unsent"):
        return Message(time, sender, text, line, "deleted")
    if sender is None:
        return Message(time, None, text, line, "system")
    for key in _MEDIA_KEYS:
        if key in item:
            return Message(time, sender, text or f"<{key}>", line, "media")
    return Message(time, sender, text, line, "text")
