"""WhatsApp chat exports (.txt, or the .zip the share sheet makes), Android and iOS.

A message starts on a header line (`[18/03/2022, 14:56:01] Name: text` on iOS,
`18/03/2022, 14:56 - Name: text` on Android, and their many locale variants); any
other line continues the message above it.

The file is read twice. The first pass looks at a sample to learn the layout
(brackets, separators, year width, seconds, 12/24h) and, over the whole file if
needed, whether dates are day-first or month-first. Only lines in the learned
layout count as headers, so a body line that quotes a header from another format
stays in its message. The second pass streams the messages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from reunite.domain.errors import InvalidInput
from reunite.importers.base import Message, ParsedChat, ParseReport, Source, read_lines
from reunite.importers.whatsapp_words import (
    DELETED_PHRASES,
    ENCRYPTION_WORDS,
    FILE_ATTACHED,
    GROUP_EVENT,
    LOCATION,
    MARKS,
    MEDIA_PHRASES,
    NOTICE_TAIL,
    phrase_key,
)

_MK = f"[{MARKS}]*"
_AMPM = r"[AaPp]\.?\s?[Mm]\.?|[مص]"
_DATE = (
    rf"(?P<d1>\d{{1,4}}){_MK}(?P<s>[./\-]){_MK}(?P<d2>\d{{1,2}}){_MK}(?P=s){_MK}"
    rf"(?P<d3>\d{{1,4}}(?:\sBE)?|[MTSHR]\d{{1,2}})"
)
_TIME = (
    rf"(?P<H>\d{{1,2}})(?P<ts>[:.])(?P<Mi>\d{{2}})(?:(?P=ts)(?P<S>\d{{2}}))?"
    rf"(?:[ \u202f\u00a0](?P<ap>{_AMPM}))?"
)
_END = r"(?P<end>\]\s?|\s[-–]\s|:\s)"
_ANY_DATE_FIRST = re.compile(rf"{_MK}(?P<br>\[)?{_MK}{_DATE}{_MK}[,،]?\s{_MK}{_TIME}{_MK}{_END}")
_ANY_TIME_FIRST = re.compile(rf"{_MK}(?P<br>\[){_MK}{_TIME},\s{_MK}{_DATE}{_MK}{_END}")

#: Lines read in the first pass to learn the layout.
SAMPLE_LINES = 20_000
_ERA_BASE = {"M": 1867, "T": 1911, "S": 1925, "H": 1988, "R": 2018}


@dataclass(frozen=True)
class Layout:
    """The header shape of one export."""

    time_first: bool
    bracket: bool
    date_sep: str
    year: str  # "first" (YYYY-MM-DD), "2", "4", "BE" (Buddhist) or "era" (Japanese)
    seconds: bool
    ampm: bool
    colon: bool = False  # old iOS: `7/1/16, 4:56:55 PM: Name: text`

    def describe(self) -> str:
        if self.bracket:
            parts = ["iOS-style [date, time]"]
        elif self.colon:
            parts = ["old iOS-style date, time:"]
        else:
            parts = ["Android-style date, time -"]
        parts.append("time first" if self.time_first else "date first")
        parts.append(f"'{self.date_sep}' between date parts")
        parts.append(
            {
                "first": "year first",
                "2": "2-digit year",
                "4": "4-digit year",
                "BE": "Buddhist-era year",
                "era": "Japanese-era year",
            }[self.year]
        )
        parts.append("12-hour clock" if self.ampm else "24-hour clock")
        if self.seconds:
            parts.append("with seconds")
        return ", ".join(parts)

    def regex(self) -> re.Pattern[str]:
        sep = re.escape(self.date_sep)
        if self.year == "first":
            date = rf"\d{{4}}{_MK}{sep}{_MK}\d{{1,2}}{_MK}{sep}{_MK}\d{{1,2}}"
        else:
            year = {
                "2": r"\d{2}",
                "4": r"\d{4}",
                "BE": r"\d{4}\sBE",
                "era": r"[MTSHR]\d{1,2}",
            }[self.year]
            date = rf"\d{{1,2}}{_MK}{sep}{_MK}\d{{1,2}}{_MK}{sep}{_MK}(?:{year})"
        seconds = r"[:.]\d{2}" if self.seconds else ""
        ampm = rf"[ \u202f\u00a0](?:{_AMPM})" if self.ampm else ""
        time = rf"\d{{1,2}}[:.]\d{{2}}{seconds}{ampm}"
        end = r"\]\s?" if self.bracket else r":\s" if self.colon else r"\s[-–]\s"
        opening = rf"{_MK}\[{_MK}" if self.bracket else _MK
        if self.time_first:
            head = rf"{opening}(?P<time>{time}),\s{_MK}(?P<date>{date}){_MK}{end}"
            return re.compile(head + "(?P<rest>.*)")
        head = rf"{opening}(?P<date>{date}){_MK}[,،]?\s{_MK}(?P<time>{time}){_MK}{end}"
        return re.compile(head + "(?P<rest>.*)")


def _layout_of(match: re.Match[str], time_first: bool) -> Layout:
    d1, d3 = match["d1"], match["d3"]
    if len(d1) >= 3:
        year = "first"
    elif d3[0].isalpha():
        year = "era"
    elif d3.endswith("BE"):
        year = "BE"
    else:
        year = "4" if len(d3) >= 3 else "2"
    return Layout(
        time_first=time_first,
        bracket=bool(match["br"]),
        colon=not match["br"] and match["end"].startswith(":"),
        date_sep=match["s"],
        year=year,
        seconds=match["S"] is not None,
        ampm=match["ap"] is not None,
    )


def sniff_layout(lines: Iterable[str]) -> Layout | None:
    """The most common header layout among these lines, or None when none looks like a header."""
    counts: Counter[Layout] = Counter()
    for line in lines:
        match = _ANY_DATE_FIRST.match(line)
        if match is not None:
            counts[_layout_of(match, time_first=False)] += 1
            continue
        match = _ANY_TIME_FIRST.match(line)
        if match is not None:
            counts[_layout_of(match, time_first=True)] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _year(text: str) -> int:
    if text[0].isalpha():
        return _ERA_BASE[text[0]] + int(text[1:])
    if text.endswith("BE"):
        return int(text[:-2].strip()) - 543
    year = int(text)
    return year + 2000 if year < 100 else year


class _DateParts:
    """Splits a header date into integers once per distinct date string."""

    _SPLIT = re.compile(rf"(\d{{1,4}}){_MK}[./\-]{_MK}(\d{{1,2}}){_MK}[./\-]{_MK}(.+)")

    @classmethod
    def fields(cls, text: str) -> tuple[int, int, str] | None:
        match = cls._SPLIT.match(text)
        if match is None:
            return None
        return int(match[1]), int(match[2]), match[3].strip(MARKS)


@dataclass
class _OrderEvidence:
    first_over_12: int = 0
    second_over_12: int = 0
    back_steps_dmy: int = 0
    back_steps_mdy: int = 0
    unpadded: int = 0
    _last_dmy: tuple[int, ...] = ()
    _last_mdy: tuple[int, ...] = ()

    def add(self, a: int, b: int, year: int, clock: tuple[int, int, int]) -> None:
        if a > 12:
            self.first_over_12 += 1
        if b > 12:
            self.second_over_12 += 1
        key_dmy = (year, b, a, *clock)
        key_mdy = (year, a, b, *clock)
        if self._last_dmy and key_dmy < self._last_dmy:
            self.back_steps_dmy += 1
        if self._last_mdy and key_mdy < self._last_mdy:
            self.back_steps_mdy += 1
        self._last_dmy, self._last_mdy = key_dmy, key_mdy

    def decided(self) -> bool:
        return bool(self.first_over_12 or self.second_over_12)


def _gather(lines: Iterable[str], pattern: re.Pattern[str], evidence: _OrderEvidence) -> None:
    for line in lines:
        match = pattern.match(line)
        if match is None:
            continue
        fields = _DateParts.fields(match["date"])
        if fields is None:
            continue
        a, b, year_text = fields
        if _UNPADDED.match(match["date"]):
            evidence.unpadded += 1
        try:
            year = _year(year_text)
        except (ValueError, KeyError):
            continue
        evidence.add(a, b, year, _parse_clock(match["time"]) or (0, 0, 0))


_UNPADDED = re.compile(rf"{_MK}(?:\d(?!\d)|\d+{_MK}[./\-]{_MK}\d(?!\d))")


def _decide_order(layout: Layout, evidence: _OrderEvidence) -> tuple[str, bool]:
    """("dmy" | "mdy", guessed) from the evidence gathered over the file."""
    first, second = evidence.first_over_12, evidence.second_over_12
    if first and not second:
        return "dmy", False
    if second and not first:
        return "mdy", False
    if first and second:  # a broken file: follow the majority
        return ("dmy" if first >= second else "mdy"), True
    # No day above 12 anywhere: prefer the order that keeps the chat in time order,
    # then the convention of the layout (US exports write 3/7/22, Europe 07.03.22).
    if evidence.back_steps_dmy != evidence.back_steps_mdy:
        return ("dmy" if evidence.back_steps_dmy < evidence.back_steps_mdy else "mdy"), True
    if layout.date_sep == "/" and (layout.ampm or evidence.unpadded):
        return "mdy", True
    return "dmy", True


_PHRASE_KIND: dict[str, str] = {
    **dict.fromkeys(MEDIA_PHRASES, "media"),
    **dict.fromkeys(DELETED_PHRASES, "deleted"),
}


def _kind(sender: str | None, body: str, first: bool, marked: bool) -> tuple[str | None, str]:
    """(sender, kind) for a message body; notices filed under a name lose the name."""
    if sender is None:
        return None, "system"
    head = body if "\n" not in body else body.split("\n", 1)[0]
    size = len(head)
    if size <= 60:  # every placeholder phrase is shorter
        low = head.lower()
        kind = _PHRASE_KIND.get(low)
        if kind is None and low[-1:] in ". ":
            kind = _PHRASE_KIND.get(low.rstrip(". "))
        if kind is not None:
            return sender, kind
    if size <= 200:
        last = head[-1:]
        if (last == ")" or last == ">" or head[:1] == "<") and FILE_ATTACHED.match(head.lower()):
            return sender, "media"
        if "maps.google" in head and LOCATION.match(head):
            return sender, "media"
        if not head.isascii():
            key = phrase_key(head)
            kind = _PHRASE_KIND.get(key)
            if kind is not None:
                return sender, kind
            for mark in "\u200e\u200f":
                if mark in key:
                    tail = phrase_key(key.rsplit(mark, 1)[1])
                    if tail in MEDIA_PHRASES or FILE_ATTACHED.match(tail):
                        return sender, "media"
    if marked or first:
        lowered = head.lower()
        if any(word in lowered for word in ENCRYPTION_WORDS) or (
            marked and NOTICE_TAIL.search(head)
        ):
            return None, "system"
    return sender, "text"


def _split_sender(rest: str) -> tuple[str | None, str]:
    cut = rest.find(": ")
    if cut > 0:
        return rest[:cut].strip(MARKS), rest[cut + 2 :]
    if rest.endswith(":") and len(rest) > 1:
        return rest[:-1].strip(MARKS), ""
    if rest.endswith(":.") and len(rest) > 2 and ": " not in rest:
        return rest[:-2].strip(MARKS), "."
    return None, rest


def parse(source: Source, *, date_order: str | None = None, **_: object) -> ParsedChat:
    """Parse a WhatsApp export; `date_order` ("dmy"/"mdy") overrides the inferred order."""
    report = ParseReport(format="whatsapp")
    sample: list[str] = []
    for count, line in enumerate(read_lines(source)):
        if count >= SAMPLE_LINES:
            break
        sample.append(line)
    layout = sniff_layout(sample)
    if layout is None:
        raise InvalidInput(
            f"{source.name} has no WhatsApp message lines; it does not look like a chat export."
        )
    pattern = layout.regex()
    report.layout = layout.describe()
    if layout.year == "first":
        order = "ymd"
    elif date_order in ("dmy", "mdy"):
        order = date_order
    else:
        evidence = _OrderEvidence()
        _gather(sample, pattern, evidence)
        if not evidence.decided() and len(sample) >= SAMPLE_LINES:
            evidence = _OrderEvidence()
            _gather(read_lines(source), pattern, evidence)
        order, guessed = _decide_order(layout, evidence)
        report.date_order_guessed = guessed
        if guessed:
            report.notes.append(
                "No day above 12 settles whether dates are day-first or month-first; "
                f"read them as {'day/month' if order == 'dmy' else 'month/day'} "
                "(use --date-order to change)."
            )
    report.date_order = order
    del sample
    return ParsedChat(_messages(source, pattern, order, report), report)


def _finish(
    pending: tuple[datetime, str, int], extra: list[str], first: bool, report: ParseReport
) -> Message:
    time, rest, line = pending
    sender, body = _split_sender(rest)
    marked = body[:1] in MARKS
    if marked:
        body = body.lstrip(MARKS)
    if extra:
        body = "\n".join([body, *extra]).rstrip("\n")
    sender, kind = _kind(sender, body, first, marked)
    if kind == "system" and GROUP_EVENT.search(body):
        report.group_events += 1
    return Message(time, sender, body, line, kind)


def _messages(
    source: Source, pattern: re.Pattern[str], order: str, report: ParseReport
) -> Iterator[Message]:
    # date text -> midnight, clock text -> time since midnight (None: not a real date/time)
    dates: dict[str, datetime | None] = {}
    clocks: dict[str, timedelta | None] = {}
    match_header = pattern.match
    pending: tuple[datetime, str, int] | None = None
    extra: list[str] = []
    first = True
    finish = _finish
    date_first = pattern.groupindex["date"] == 1
    with source.open_text() as handle:
        for number, line in enumerate(handle, 1):
            match = match_header(line)
            if match is not None:
                if date_first:
                    date_text, clock_text, rest = match.groups()
                else:
                    clock_text, date_text, rest = match.groups()
                if date_text in dates:
                    day = dates[date_text]
                else:
                    parts = _parse_date(date_text, order)
                    day = dates[date_text] = datetime(*parts) if parts else None
                if clock_text in clocks:
                    clock = clocks[clock_text]
                else:
                    hms = _parse_clock(clock_text)
                    clock = clocks[clock_text] = (
                        timedelta(hours=hms[0], minutes=hms[1], seconds=hms[2]) if hms else None
                    )
                if day is not None and clock is not None:
                    if pending is not None:
                        yield finish(pending, extra, first, report)
                        first = False
                        if extra:
                            extra = []
                    pending = (day + clock, rest, number)
                    continue
            if pending is not None:
                extra.append(line[:-1] if line[-1:] == "\n" else line)
    if pending is not None:
        yield finish(pending, extra, first, report)


def _parse_date(text: str, order: str) -> tuple[int, int, int] | None:
    fields = _DateParts.fields(text)
    if fields is None:
        return None
    a, b, rest = fields
    try:
        if order == "ymd":
            year, month, day = a, b, int(rest)
        else:
            year = _year(rest)
            day, month = (a, b) if order == "dmy" else (b, a)
        datetime(year, month, day)
    except (ValueError, KeyError):
        return None
    return year, month, day


_CLOCK = re.compile(rf"(\d{{1,2}})[:.](\d{{2}})(?:[:.](\d{{2}}))?(?:[ \u202f\u00a0]({_AMPM}))?")


def _parse_clock(text: str) -> tuple[int, int, int] | None:
    match = _CLOCK.match(text)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    second = int(match[3]) if match[3] else 0
    meridiem = match[4]
    if meridiem:
        pm = meridiem[0] in "pPم"
        if pm and hour < 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second
