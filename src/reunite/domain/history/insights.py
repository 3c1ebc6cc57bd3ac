"""What a chat history says about the two people in it.

The store computes aggregates (counts per week and month, who starts
conversations, reply delays, lengths, a warmth score from a sample of messages);
these functions turn them into the insights the coach uses: the trends, the
turning points where they broke, and the warmest stretches ("your good times")
offered as candidates for the memory text.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

#: A conversation starts with the first message after this many hours of silence.
CONVERSATION_GAP_HOURS = 6
#: A change counts as a turning point when the three months after differ from the
#: three months before by at least this factor (either way).
TURNING_FACTOR = 1.6
#: Months compared on each side of a turning point.
WINDOW = 3


@dataclass(frozen=True)
class WeekPoint:
    week: date  # the Monday
    me: int
    them: int


@dataclass(frozen=True)
class MonthPoint:
    """One calendar month; None where there was nothing to measure."""

    month: date  # the first day
    me_messages: int = 0
    them_messages: int = 0
    me_started: int = 0  # conversations started (first message after a 6-hour gap)
    them_started: int = 0
    me_reply_minutes: float | None = None  # average delay before answering, capped at 12 h
    them_reply_minutes: float | None = None
    me_length: float | None = None  # average characters per text message
    them_length: float | None = None
    me_warmth: float | None = None  # average VADER compound score, -1 … 1
    them_warmth: float | None = None


@dataclass(frozen=True)
class TurningPoint:
    month: date
    measure: str  # e.g. "them_messages"
    before: float
    after: float
    sentence: str


@dataclass(frozen=True)
class Quote:
    time: datetime
    sender: str
    text: str
    line: int


@dataclass(frozen=True)
class GoodTime:
    start: date
    end: date
    warmth: float
    messages: int
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Insights:
    me: str
    other: str
    total: int
    me_total: int
    them_total: int
    first: datetime | None
    last: datetime | None
    weekly: tuple[WeekPoint, ...] = ()
    monthly: tuple[MonthPoint, ...] = ()
    heatmap: tuple[tuple[int, ...], ...] = ()  # 7 rows (Monday first) x 24 hours
    turning_points: tuple[TurningPoint, ...] = ()
    good_times: tuple[GoodTime, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates as ISO strings) for the CLI, the web page and reports."""
        plain: dict[str, Any] = _plain(asdict(self))
        return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 3)
    return value


_MEASURES: dict[str, tuple[str, str, str]] = {
    # measure: (what, unit, who)
    "them_messages": ("the messages {other} sent each month", "", "them"),
    "me_messages": ("the messages you sent each month", "", "me"),
    "them_started": ("the conversations {other} started each month", "", "them"),
    "me_started": ("the conversations you started each month", "", "me"),
    "them_reply_minutes": ("{other}'s typical reply time", " minutes", "them"),
    "me_reply_minutes": ("your typical reply time", " minutes", "me"),
    "them_warmth": ("the warmth of {other}'s messages", "", "them"),
    "me_warmth": ("the warmth of your messages", "", "me"),
}


def _month_name(month: date) -> str:
    return month.strftime("%B %Y")


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def find_turning_points(
    monthly: tuple[MonthPoint, ...] | list[MonthPoint], other: str, limit: int = 5
) -> tuple[TurningPoint, ...]:
    """The months where a trend broke: the next three months differ sharply from the last three."""
    points = list(monthly)
    found: list[tuple[float, TurningPoint]] = []
    for measure, (what, unit, _who) in _MEASURES.items():
        series: list[float | None] = [getattr(p, measure) for p in points]
        is_warmth = measure.endswith("warmth")
        for index in range(WINDOW, len(points) - WINDOW + 1):
            before = _mean([v for v in series[index - WINDOW : index] if v is not None])
            after = _mean([v for v in series[index : index + WINDOW] if v is not None])
            if before is None or after is None:
                continue
            if is_warmth:
                change = after - before
                if abs(change) < 0.25:
                    continue
                strength = abs(change) * 4
                verb = "rose" if change > 0 else "fell"
            else:
                if max(before, after) < 4:  # too little to speak of
                    continue
                ratio = (after + 1) / (before + 1)
                if max(ratio, 1 / ratio) < TURNING_FACTOR:
                    continue
                strength = abs(math.log(ratio))
                verb = "rose" if ratio > 1 else "fell"
            label = what.format(other=other)
            sentence = (
                f"From {_month_name(points[index].month)}, {label} {verb} "
                f"from {_fmt(before, is_warmth)}{unit} to {_fmt(after, is_warmth)}{unit}."
            )
            found.append(
                (strength, TurningPoint(points[index].month, measure, before, after, sentence))
            )
    found.sort(key=lambda item: -item[0])
    chosen: list[TurningPoint] = []
    for _strength, point in found:
        if any(
            c.measure == point.measure and abs(_months_between(c.month, point.month)) < WINDOW
            for c in chosen
        ):
            continue
        chosen.append(point)
        if len(chosen) == limit:
            break
    return tuple(sorted(chosen, key=lambda p: p.month))


def _fmt(value: float, warmth: bool) -> str:
    if warmth:
        return f"{value:+.2f}"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


@dataclass(frozen=True)
class WeekWarmth:
    """A week's sampled warmth, for choosing the good times."""

    week: date
    warmth: float  # mean VADER compound of the sampled messages
    sampled: int
    messages: int


def pick_good_times(
    weeks: list[WeekWarmth], limit: int = 3, min_sampled: int = 5
) -> tuple[WeekWarmth, ...]:
    """The warmest weeks with enough talk to mean something, at least a month apart."""
    busy = sorted((w.messages for w in weeks), reverse=True)
    floor = max(5, busy[len(busy) // 2] // 2) if busy else 5  # half the median week
    candidates = [w for w in weeks if w.sampled >= min_sampled and w.messages >= floor]
    candidates.sort(key=lambda w: (-w.warmth, -w.messages, w.week))
    chosen: list[WeekWarmth] = []
    for week in candidates:
        if week.warmth <= 0.05:
            break
        if any(abs((week.week - c.week).days) < 28 for c in chosen):
            continue
        chosen.append(week)
        if len(chosen) == limit:
            break
    return tuple(sorted(chosen, key=lambda w: w.week))


def pick_quotes(scored: list[tuple[float, Quote]], limit: int = 3) -> tuple[Quote, ...]:
    """The warmest lines of a stretch: the best of each person first, then the next best.

    Only lines with a positive warmth are quoted; the result is in time order.
    """
    ranked = sorted(
        (item for item in scored if item[0] > 0), key=lambda item: (-item[0], item[1].time)
    )
    chosen: list[Quote] = []
    for _score, quote in ranked:  # one from each person
        if all(quote.sender != c.sender for c in chosen):
            chosen.append(quote)
    chosen = chosen[:limit]
    for _score, quote in ranked:
        if len(chosen) >= limit:
            break
        if quote not in chosen:
            chosen.append(quote)
    return tuple(sorted(chosen, key=lambda q: q.time))


def good_quote(text: str) -> bool:
    """A line worth quoting back: real words, not a link, not too short or long."""
    stripped = text.strip()
    return 12 <= len(stripped) <= 240 and "http" not in stripped and "\n" not in stripped
