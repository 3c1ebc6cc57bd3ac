"""What every importer yields, and the shared plumbing for reading export files.

A parser turns one export file into a stream of `Message` tuples without holding
the whole file in memory. `Source` hides whether the chat text sits in a plain
file or inside a zip, and can be opened more than once (the WhatsApp parser reads
a file twice: once to learn its layout, once to parse it).
"""

from __future__ import annotations

import codecs
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, NamedTuple

from reunite.domain.errors import InvalidInput

READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error)

#: The four kinds of parsed message (contract of `reunite history parse`).
KINDS = ("text", "media", "system", "deleted")

#: Export files larger than this are refused (a phone export of many years of
#: daily chatting is a few hundred megabytes at most).
MAX_FILE_BYTES = 1 << 30


class Message(NamedTuple):
    """One parsed message. `time` is the local time as written in the export."""

    time: datetime
    sender: str | None
    text: str
    line: int
    kind: str

    def as_json(self) -> dict[str, object]:
        return {
            "time": self.time.isoformat(),
            "sender": self.sender,
            "text": self.text,
            "line": self.line,
            "kind": self.kind,
        }


@dataclass
class ParseReport:
    """What a parser learned about the file while reading it (filled as it goes)."""

    format: str = ""
    layout: str = ""
    date_order: str = ""  # "dmy", "mdy", "ymd" or "" when the format has no dates to order
    date_order_guessed: bool = False
    group_events: int = 0  # system lines that only group chats have (created group, added…)
    notes: list[str] = field(default_factory=list)


class ParsedChat:
    """A lazily parsed chat: iterate it once to get the messages in file order."""

    def __init__(self, messages: Iterator[Message], report: ParseReport) -> None:
        self._messages = messages
        self.report = report

    def __iter__(self) -> Iterator[Message]:
        return self._messages


class Source:
    """A chat export on disk: a text/JSON/CSV file or a zip holding one."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise InvalidInput(f"There is no file at {self.path}.")
        if self.path.is_dir():
            raise InvalidInput(f"{self.path} is a folder; give the exported chat file itself.")
        size = self.path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput(
                f"{self.path.name} is {size / 1e9:.1f} GB; Reunite reads chat exports up to "
                f"{MAX_FILE_BYTES / 1e9:.1f} GB, so export a shorter period and import it."
            )
        if size == 0:
            raise InvalidInput(f"{self.path.name} is empty.")
        self.member: str | None = None
        if zipfile.is_zipfile(self.path) or self._looks_zipped():
            self.member = self._pick_member()

    def _looks_zipped(self) -> bool:
        with self.path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"

    def _pick_member(self) -> str:
        try:
            with zipfile.ZipFile(self.path) as archive:
                infos = [
                    info
                    for info in archive.infolist()
                    if not info.is_dir()
                    and not info.filename.startswith("__MACOSX/")
                    and not Path(info.filename).name.startswith("._")
                ]
                chats = [i for i in infos if i.filename.lower().endswith((".txt", ".json", ".csv"))]
                if not chats:
                    raise InvalidInput(
                        f"{self.path.name} is a zip without a chat text inside (expected _chat.txt)."
                    )
                chats.sort(key=lambda i: (Path(i.filename).name != "_chat.txt", -i.file_size))
                chosen = chats[0]
                if chosen.file_size > MAX_FILE_BYTES:
                    raise InvalidInput(
                        f"The chat inside {self.path.name} is larger than Reunite can read; export a shorter period."
                    )
                archive.getinfo(chosen.filename)  # validates the central directory entry
                return chosen.filename
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
            raise InvalidInput(
                f"{self.path.name} is a damaged zip file ({error}); export the chat again."
            ) from error

    @property
    def name(self) -> str:
        return self.member or self.path.name

    def open_binary(self) -> IO[bytes]:
        if self.member is None:
            return self.path.open("rb")
        try:
            archive = zipfile.ZipFile(self.path)
            return archive.open(self.member)
        except READ_ERRORS as error:
            raise InvalidInput(
                f"{self.path.name} is a damaged zip file ({error}); export the chat again."
            ) from error

    def head(self, size: int = 65536) -> bytes:
        with self.open_binary() as handle:
            try:
                return handle.read(size)
            except READ_ERRORS as error:
                raise InvalidInput(
                    f"{self.path.name} is a damaged zip file ({error}); export the chat again."
                ) from error

    def encoding(self) -> str:
        head = self.head(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        return "utf-8-sig"

    def open_text(self) -> IO[str]:
        """The file as text with universal newlines; decoding errors surface as InvalidInput."""
        return io.TextIOWrapper(self.open_binary(), encoding=self.encoding(), newline=None)


def check_not_binary(source: Source) -> None:
    head = source.head(8192)
    if source.encoding() == "utf-16":
        return
    if b"\x00" in head:
        raise InvalidInput(
            f"{source.name} looks like a binary file, not a chat export (WhatsApp .txt/.zip, "
            "Telegram, Messenger or Instagram .json, or .csv)."
        )


def _first_undecodable_line(source: Source) -> int:
    encoding = source.encoding().replace("-sig", "")
    if encoding != "utf-8":
        return 1
    try:
        with source.open_binary() as handle:
            for number, raw in enumerate(handle, 1):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    return number
    except READ_ERRORS:
        pass
    return 1


def decode_error(source: Source, line: int | None = None) -> InvalidInput:
    line = _first_undecodable_line(source)
    return InvalidInput(
        f"{source.name} is not valid UTF-8 text near line {line} (it seems to mix text encodings); "
        "export the chat again from the app, or save it as UTF-8."
    )


def read_lines(source: Source) -> Iterator[str]:
    """Every line of the text, newline removed, turning decoding failures into a clear error."""
    line = 0
    with source.open_text() as handle:
        try:
            for line, text in enumerate(handle, 1):  # noqa: B007 - `line` is used after the loop
                yield text[:-1] if text.endswith("\n") else text
        except UnicodeDecodeError as error:
            raise decode_error(source, line + 1) from error
        except READ_ERRORS as error:
            raise InvalidInput(
                f"{source.name} could not be read to the end ({error}); export the chat again."
            ) from error


def guarded(source: Source, messages: Iterator[Message]) -> Iterator[Message]:
    """Turn decoding and zip failures met while streaming into one clear sentence."""
    try:
        yield from messages
    except UnicodeDecodeError as error:
        raise decode_error(source) from error
    except READ_ERRORS as error:
        raise InvalidInput(
            f"{source.name} could not be read to the end ({error}); export the chat again."
        ) from error


Parser = Callable[..., ParsedChat]
