"""Small presentation helpers: turning facade results into what a template draws.

Nothing here decides anything about the method; it only shapes numbers for display
(a ring's arc, a chart's points, highlighted spans of a draft).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


def to_dict(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    if hasattr(value, "to_dict"):
        return dict(value.to_dict())
    if hasattr(value, "model_dump"):
        return dict(value.model_dump(mode="json"))
    raise TypeError(f"cannot show {type(value).__name__}")


@dataclass(frozen=True)
class Ring:
    day: int
    days: int
    circumference: float
    dash: float

    @property
    def gap(self) -> float:
        return self.circumference - self.dash


RING_RADIUS = 52.0


def ring(day: int, days: int) -> Ring:
    circumference = 2 * math.pi * RING_RADIUS
    fraction = 0.0 if days <= 0 else max(0.0, min(1.0, day / days))
    return Ring(day, days, round(circumference, 2), round(circumference * fraction, 2))


def text_of(item: Any) -> tuple[str, str | None]:
    """(text, source) from a plain string or a {"text", "source"} mapping."""
    if isinstance(item, Mapping):
        return str(item.get("text", "")), (str(item["source"]) if item.get("source") else None)
    if hasattr(item, "text"):
        return str(item.text), getattr(item, "source", None)
    return str(item), None


@dataclass(frozen=True)
class Segment:
    text: str
    flags: tuple[int, ...]  # indexes into the result's flags
    severity: str | None


def highlight(text: str, flags: Sequence[Mapping[str, Any]]) -> list[Segment]:
    """Cut TEXT at every flag boundary so each piece knows which flags cover it."""
    spans: list[tuple[int, int, int]] = []
    for index, flag in enumerate(flags):
        start, end = flag.get("start"), flag.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.append((start, end, index))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        covering = tuple(i for s, e, i in spans if s <= left and right <= e)
        severity = None
        if covering:
            severity = (
                "block" if any(flags[i].get("severity") == "block" for i in covering) else "warn"
            )
        segments.append(Segment(text[left:right], covering, severity))
    return segments


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    mood: int
    label: str


@dataclass(frozen=True)
class MoodChart:
    width: int
    height: int
    points: tuple[ChartPoint, ...]
    polyline: str
    y_ticks: tuple[tuple[float, int], ...]
    x_labels: tuple[tuple[float, str, str], ...]
    left: int
    bottom: float
    right: float
    summary: str


def mood_chart(
    entries: Sequence[Mapping[str, Any]], width: int = 640, height: int = 220
) -> MoodChart | None:
    """Mood (1-10) over time as SVG coordinates, oldest on the left."""
    dated: list[tuple[datetime, int]] = []
    for entry in entries:
        mood, when = entry.get("mood"), entry.get("at") or entry.get("created_at")
        if mood is None or when is None:
            continue
        moment = when if isinstance(when, datetime) else _parse(when)
        if moment is not None:
            dated.append((moment, int(str(mood))))
    if not dated:
        return None
    dated.sort(key=lambda pair: pair[0])
    left, top, right_pad, bottom_pad = 36, 12, 16, 28
    inner_w, inner_h = width - left - right_pad, height - top - bottom_pad
    first, last = dated[0][0], dated[-1][0]
    span = max((last - first).total_seconds(), 1.0)

    def x_of(moment: datetime, index: int) -> float:
        if len(dated) == 1:
            return left + inner_w / 2
        if last == first:
            return left + inner_w * index / (len(dated) - 1)
        return left + inner_w * (moment - first).total_seconds() / span

    def y_of(mood: int) -> float:
        return top + inner_h * (10 - mood) / 9

    points = tuple(
        ChartPoint(round(x_of(m, i), 1), round(y_of(v), 1), v, f"{m:%d %b}: mood {v}")
        for i, (m, v) in enumerate(dated)
    )
    # The first date hangs right from its point, the last hangs left, so neither is clipped.
    labels = [(points[0].x, f"{first:%d %b}", "start" if len(points) > 1 else "middle")]
    if len(points) > 1 and last.date() != first.date():
        labels.append((points[-1].x, f"{last:%d %b}", "end"))
    moods = [v for _, v in dated]
    summary = (
        f"{len(moods)} entries from {first:%d %b} to {last:%d %b}; mood from {min(moods)} to "
        f"{max(moods)}, most recently {moods[-1]}."
    )
    return MoodChart(
        width,
        height,
        points,
        " ".join(f"{p.x},{p.y}" for p in points),
        tuple((round(y_of(v), 1), v) for v in (1, 4, 7, 10)),
        tuple(labels),
        left,
        top + inner_h,
        width - right_pad,
        summary,
    )


def preview_plan(facade: Any, assessment: Any, now: datetime) -> list[Any]:
    """The dated plan a journey begun now would have, before anything is saved."""
    return list(facade.preview_plan(assessment, now))


def _parse(value: Any) -> datetime | None:
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
