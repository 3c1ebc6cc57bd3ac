"""Property: any chat written in any supported layout parses back to the same messages."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reunite.importers import parse_file

Chat = list[tuple[datetime, str, str]]

_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_RLM = "\u200f"

names = (
    st.text(alphabet=st.sampled_from("ABCDEFGHIJabcdefghij ÄéøßДжק李🙂+"), min_size=1, max_size=12)
    .map(str.strip)
    .filter(lambda s: bool(s) and not s.startswith("+"))
)
line_text = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Cf"), blacklist_characters="\r\n\x85"
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
bodies = st.lists(line_text, min_size=1, max_size=3).map(lambda lines: "m " + "\n".join(lines))


@st.composite
def chats(draw: st.DrawFn, seconds: bool = True) -> Chat:
    """Two people, times going forward; one day above 12 so the date order is knowable."""
    people = draw(st.lists(names, min_size=2, max_size=2, unique=True))
    start = datetime(draw(st.integers(2001, 2030)), draw(st.integers(1, 12)), 25, 9, 0, 0)
    time = start
    chat: Chat = []
    for _ in range(draw(st.integers(1, 12))):
        chat.append((time, draw(st.sampled_from(people)), draw(bodies)))
        step = draw(st.integers(0, 60 * 24 * 40))
        time += timedelta(minutes=step, seconds=draw(st.integers(0, 59)) if seconds else 0)
    return chat


def _clock(t: datetime, seconds: bool, ampm: str | None) -> str:
    if ampm is None:
        return t.strftime("%H:%M:%S" if seconds else "%H:%M")
    hour = t.hour % 12 or 12
    am, pm = ampm.split("|")
    text = f"{hour}:{t.minute:02d}" + (f":{t.second:02d}" if seconds else "")
    return text + (pm if t.hour >= 12 else am)


def _date(t: datetime, order: str, sep: str, year: str) -> str:
    y = {
        "4": f"{t.year}",
        "2": f"{t.year % 100:02d}",
        "BE": f"{t.year + 543} BE",
        "era": f"R{t.year - 2018}",
    }[year]
    if order == "ymd":
        return f"{t.year}{sep}{t.month:02d}{sep}{t.day:02d}"
    first, second = (t.day, t.month) if order == "dmy" else (t.month, t.day)
    return f"{first}{sep}{second}{sep}{y}"


Writer = Callable[[datetime], str]

#: name -> (header writer, whether it keeps seconds, year range)
LAYOUTS: dict[str, tuple[Writer, bool]] = {
    "ios-dmy": (lambda t: f"[{_date(t, 'dmy', '/', '4')}, {_clock(t, True, None)}] ", True),
    "ios-mdy-2y": (lambda t: f"[{_date(t, 'mdy', '/', '2')}, {_clock(t, True, None)}] ", True),
    "ios-dots-no-comma": (
        lambda t: f"[{_date(t, 'dmy', '.', '2')} {_clock(t, True, None)}] ",
        True,
    ),
    "ios-12h-nnbsp": (
        lambda t: (
            f"[{_date(t, 'mdy', '/', '2')}, {_clock(t, True, chr(0x202F) + 'AM|' + chr(0x202F) + 'PM')}] "
        ),
        True,
    ),
    "ios-year-first": (lambda t: f"[{_date(t, 'ymd', '-', '4')} {_clock(t, False, None)}] ", False),
    "ios-buddhist": (lambda t: f"[{_date(t, 'mdy', '/', 'BE')}, {_clock(t, True, None)}] ", True),
    "ios-time-first": (lambda t: f"[{_clock(t, True, None)}, {_date(t, 'mdy', '/', '2')}] ", True),
    "ios-dot-clock": (
        lambda t: f"[{_date(t, 'mdy', '/', '2')} {_clock(t, True, None).replace(':', '.')}] ",
        True,
    ),
    "ios-arabic": (
        lambda t: (
            f"{_RLM}[{_date(t, 'dmy', _RLM + '/', '4').translate(_ARABIC)}، "
            f"{_clock(t, True, chr(0xA0) + 'ص|' + chr(0xA0) + 'م').translate(_ARABIC)}] "
        ),
        True,
    ),
    "ios-old-colon": (
        lambda t: f"{_date(t, 'mdy', '/', '2')}, {_clock(t, True, ' AM| PM')}: ",
        True,
    ),
    "android-dmy": (lambda t: f"{_date(t, 'dmy', '/', '4')}, {_clock(t, False, None)} - ", False),
    "android-us-12h": (
        lambda t: f"{_date(t, 'mdy', '/', '2')}, {_clock(t, False, ' AM| PM')} - ",
        False,
    ),
    "android-spanish-12h": (
        lambda t: f"{_date(t, 'mdy', '/', '4')}, {_clock(t, False, ' a. m.| p. m.')} - ",
        False,
    ),
    "android-dots": (lambda t: f"{_date(t, 'dmy', '.', '2')}, {_clock(t, False, None)} - ", False),
    "android-dashes-no-comma": (
        lambda t: f"{_date(t, 'dmy', '-', '4')} {_clock(t, False, None)} - ",
        False,
    ),
    "android-year-first": (
        lambda t: f"{_date(t, 'ymd', '/', '4')}, {_clock(t, False, None)} - ",
        False,
    ),
    "android-en-dash": (
        lambda t: f"{_date(t, 'mdy', '/', '2')}, {_clock(t, True, ' AM| PM')} – ",
        True,
    ),
}
ERA_LAYOUT: Writer = lambda t: f"[{_date(t, 'mdy', '/', 'era')}, {_clock(t, True, None)}] "  # noqa: E731


def _parsed(content: bytes, suffix: str) -> list[tuple[datetime, str | None, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"chat{suffix}"
        path.write_bytes(content)
        return [(m.time, m.sender, m.text) for m in parse_file(path, tz=UTC)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    layout=st.sampled_from(sorted(LAYOUTS)),
    data=st.data(),
    crlf=st.booleans(),
    bom=st.booleans(),
)
def test_whatsapp_layouts_round_trip(
    layout: str, data: st.DataObject, crlf: bool, bom: bool
) -> None:
    header, seconds = LAYOUTS[layout]
    chat = data.draw(chats(seconds=seconds))
    newline = "\r\n" if crlf else "\n"
    text = "".join(
        f"{header(t)}{who}: {body}".replace("\n", newline) + newline for t, who, body in chat
    )
    content = ("\ufeff" if bom else "") + text
    assert _parsed(content.encode(), ".txt") == chat


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_japanese_era_round_trip(data: st.DataObject) -> None:
    chat = [c for c in data.draw(chats()) if c[0].year >= 2019] or [
        (datetime(2020, 5, 25, 9), "Ann", "m hi")
    ]
    text = "".join(f"{ERA_LAYOUT(t)}{who}: {body}\n" for t, who, body in chat)
    assert _parsed(text.encode(), ".txt") == chat


@settings(max_examples=30, deadline=None)
@given(chat=chats())
def test_csv_round_trip(chat: Chat) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["timestamp", "sender", "text"])
    for t, who, body in chat:
        writer.writerow([t.isoformat(sep=" "), who, body])
    assert _parsed(out.getvalue().encode(), ".csv") == chat


@settings(max_examples=30, deadline=None)
@given(chat=chats(), unixtime=st.booleans())
def test_telegram_round_trip(chat: Chat, unixtime: bool) -> None:
    def item(t: datetime, who: str, body: str) -> dict[str, object]:
        when = (
            {"date_unixtime": str(int(t.replace(tzinfo=UTC).timestamp()))}
            if unixtime
            else {"date": t.isoformat()}
        )
        return {"type": "message", **when, "from": who, "text": [{"type": "plain", "text": body}]}

    export = {"name": "x", "type": "personal_chat", "messages": [item(*c) for c in chat]}
    assert _parsed(json.dumps(export, indent=1).encode(), ".json") == chat


@settings(max_examples=30, deadline=None)
@given(chat=chats())
def test_messenger_round_trip_undoes_mojibake_and_newest_first(chat: Chat) -> None:
    def garble(text: str) -> str:
        return text.encode("utf-8").decode("latin-1")

    items = [
        {
            "sender_name": garble(who),
            "timestamp_ms": int(t.replace(tzinfo=UTC).timestamp() * 1000),
            "content": garble(body),
        }
        for t, who, body in reversed(chat)
    ]
    export = {"participants": [], "messages": items}
    content = "\ufeff" + json.dumps(export)
    assert _parsed(content.encode(), ".json") == chat
