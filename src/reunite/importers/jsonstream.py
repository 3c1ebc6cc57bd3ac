"""Stream the objects of every `"messages": [...]` array in a JSON file.

Chat exports can be hundreds of megabytes; `json.load` would hold all of it as
Python objects. This reader decodes one message object at a time from a sliding
text buffer and remembers the line each object starts on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from reunite.domain.errors import InvalidInput

_KEY = re.compile(r'(?<!\\)"(messages|name)"\s*:\s*')
_CHUNK = 1 << 20


def iter_messages(handle: IO[str], name: str) -> Iterator[tuple[int, str | None, dict[str, Any]]]:
    """(line, chat name or None, message object) for each element of each messages array."""
    decoder = json.JSONDecoder()
    buffer = ""
    pos = 0
    line = 1  # line number of buffer[pos]
    eof = False
    chat: str | None = None
    in_array = False

    def advance(to: int) -> None:
        nonlocal pos, line
        line += buffer.count("\n", pos, to)
        pos = to

    def refill() -> bool:
        nonlocal buffer, pos, eof
        if eof:
            return False
        chunk = handle.read(_CHUNK)
        if not chunk:
            eof = True
            return False
        buffer = buffer[pos:] + chunk
        pos = 0
        return True

    refill()
    if buffer.startswith("\ufeff"):
        buffer = buffer[1:]
    if not buffer.lstrip().startswith(("{", "[")):
        raise InvalidInput(f"{name} is not a JSON chat export.")
    while True:
        if not in_array:
            match = _KEY.search(buffer, pos)
            if match is None or match.end() >= len(buffer) - 1:
                keep = max(pos, len(buffer) - 64)
                advance(keep)
                if not refill():
                    return
                continue
            advance(match.end())
            if match[1] == "name":
                if buffer[pos] == '"':
                    try:
                        value, end = decoder.raw_decode(buffer, pos)
                    except json.JSONDecodeError:
                        if refill():
                            continue
                        raise InvalidInput(f"{name} ends in the middle of a JSON value.") from None
                    chat = value if isinstance(value, str) else chat
                    advance(end)
                continue
            if buffer[pos] != "[":
                continue
            advance(pos + 1)
            in_array = True
            continue
        # inside a messages array: skip separators, then decode one element
        while pos < len(buffer) and buffer[pos] in " \t\r\n,":
            advance(pos + 1)
        if pos >= len(buffer):
            if not refill():
                raise InvalidInput(f"{name} ends in the middle of the messages list.")
            continue
        if buffer[pos] == "]":
            advance(pos + 1)
            in_array = False
            continue
        try:
            value, end = decoder.raw_decode(buffer, pos)
        except json.JSONDecodeError as error:
            if refill():
                continue
            raise InvalidInput(
                f"{name} is not valid JSON near line {line + buffer.count(chr(10), pos, error.pos)}."
            ) from error
        if end >= len(buffer) and not eof and refill():
            continue  # a number or literal may continue in the next chunk
        start_line = line
        advance(end)
        if isinstance(value, dict):
            yield start_line, chat, value
