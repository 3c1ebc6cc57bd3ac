"""Insights as words (for the terminal) and as a self-contained HTML page with charts.

Both take the plain data of `Insights.as_dict()`, so the CLI, the web app and saved
JSON render the same way. The HTML has no scripts and loads nothing: inline SVG.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _month(iso: str) -> str:
    return date.fromisoformat(iso[:10]).strftime("%b %Y")


def _day(iso: str) -> str:
    return date.fromisoformat(iso[:10]).strftime("%d %b %Y")


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def describe(data: dict[str, Any]) -> str:
    """A few plain paragraphs: the overall picture, the turning points, the good times."""
    other = data["other"]
    total = data["total"]
    if not total:
        return f"Your chat with {other} has no messages from either of you yet.\n"
    lines = [
        f"Your chat with {other}: {total:,} messages from {_day(data['first'])} to {_day(data['last'])}.",
        f"You wrote {_share(data['me_total'], total)} of them, {other} {_share(data['them_total'], total)}.",
    ]
    monthly = data["monthly"]
    me_started = sum(m["me_started"] for m in monthly)
    them_started = sum(m["them_started"] for m in monthly)
    if me_started + them_started:
        lines.append(
            f"You started {_share(me_started, me_started + them_started)} of your conversations "
            f"(a first message after {6} quiet hours), {other} {_share(them_started, me_started + them_started)}."
        )
    heat = data["heatmap"]
    if heat:
        best = max(((d, h) for d in range(7) for h in range(24)), key=lambda dh: heat[dh[0]][dh[1]])
        lines.append(f"You talked most on {_DAY_NAMES[best[0]]}s around {best[1]:02d}:00.")
    text = " ".join(lines) + "\n"
    if data["turning_points"]:
        text += "\nTurning points:\n" + "".join(
            f"- {point['sentence']}\n" for point in data["turning_points"]
        )
    if data["good_times"]:
        text += "\nYour good times (candidates for a memory text):\n"
        for good in data["good_times"]:
            text += f"- The week of {_day(good['start'])} ({good['messages']:,} messages)\n"
            for quote in good["quotes"]:
                text += f'    {_day(quote["time"])}, {quote["sender"]}: "{quote["text"]}" (line {quote["line"]})\n'
    return text


def _bars(points: list[tuple[str, float, float]], width: int = 720, height: int = 160) -> str:
    """Stacked bars (you below, them above) as inline SVG."""
    if not points:
        return "<p>No data.</p>"
    top = max((a + b) for _, a, b in points) or 1
    step = width / len(points)
    parts = [f'<svg viewBox="0 0 {width} {height + 20}" role="img" class="chart">']
    for index, (label, mine, theirs) in enumerate(points):
        x = index * step
        h_me = height * mine / top
        h_them = height * theirs / top
        parts.append(
            f'<rect x="{x:.1f}" y="{height - h_me:.1f}" width="{max(step - 1, 0.5):.1f}" height="{h_me:.1f}" class="me"><title>{escape(label)}: you {mine:g}</title></rect>'
            f'<rect x="{x:.1f}" y="{height - h_me - h_them:.1f}" width="{max(step - 1, 0.5):.1f}" height="{h_them:.1f}" class="them"><title>{escape(label)}: them {theirs:g}</title></rect>'
        )
    parts.append(
        f'<text x="0" y="{height + 15}">{escape(points[0][0])}</text>'
        f'<text x="{width}" y="{height + 15}" text-anchor="end">{escape(points[-1][0])}</text></svg>'
    )
    return "".join(parts)


def _lines(
    points: list[tuple[str, float | None, float | None]],
    width: int = 720,
    height: int = 140,
    digits: int = 0,
) -> str:
    """Two lines (you, them) on a scale from 0 (or the lowest value) to a little above the top."""
    values = [v for _, a, b in points for v in (a, b) if v is not None]
    if not values:
        return "<p>Not enough messages to measure.</p>"
    low = min([*values, 0.0])
    high = max(values) * 1.1 if max(values) > 0 else 1.0
    span = (high - low) or 1.0
    left = 44
    step = (width - left) / max(len(points) - 1, 1)

    def y(value: float) -> float:
        return height - height * (value - low) / span

    def path(which: int, css: str) -> str:
        coords = []
        for index, point in enumerate(points):
            value = point[which]
            if value is not None:
                coords.append(f"{left + index * step:.1f},{y(float(value)):.1f}")
        return (
            f'<polyline points="{" ".join(coords)}" class="{css}" fill="none"/>' if coords else ""
        )

    axis = (
        f'<line x1="{left}" y1="0" x2="{left}" y2="{height}" class="axis"/>'
        f'<line x1="{left}" y1="{y(0.0):.1f}" x2="{width}" y2="{y(0.0):.1f}" class="axis"/>'
        f'<text x="{left - 4}" y="10" text-anchor="end">{high:.{digits}f}</text>'
        f'<text x="{left - 4}" y="{height}" text-anchor="end">{low:.{digits}f}</text>'
    )
    return (
        f'<svg viewBox="0 0 {width} {height + 20}" role="img" class="chart">{axis}'
        f"{path(1, 'me-line')}{path(2, 'them-line')}"
        f'<text x="{left}" y="{height + 15}">{escape(points[0][0])}</text>'
        f'<text x="{width}" y="{height + 15}" text-anchor="end">{escape(points[-1][0])}</text></svg>'
    )


def _heatmap(heat: list[list[int]]) -> str:
    top = max((max(row) for row in heat), default=0) or 1
    cells = []
    for day, row in enumerate(heat):
        for hour, count in enumerate(row):
            shade = 0.08 + 0.92 * count / top if count else 0.03
            cells.append(
                f'<rect x="{40 + hour * 26}" y="{day * 22}" width="24" height="20" fill-opacity="{shade:.2f}" class="heat">'
                f"<title>{_DAYS[day]} {hour:02d}:00 – {count} messages</title></rect>"
            )
        cells.append(f'<text x="0" y="{day * 22 + 15}">{_DAYS[day]}</text>')
    for hour in range(0, 24, 3):
        cells.append(f'<text x="{40 + hour * 26}" y="{7 * 22 + 12}">{hour:02d}:00</text>')
    return f'<svg viewBox="0 0 {40 + 24 * 26} {7 * 22 + 16}" role="img" class="chart">{"".join(cells)}</svg>'


def charts(data: dict[str, Any]) -> dict[str, str]:
    """The report's charts as inline SVG (classes, no inline styles), for a page that brings
    its own layout and stylesheet — the web app's Insights page."""
    weekly = [(_day(w["week"]), w["me"], w["them"]) for w in data["weekly"]]
    monthly = data["monthly"]

    def per_month(me: str, them: str) -> list[tuple[str, Any, Any]]:
        return [(_month(m["month"]), m[me], m[them]) for m in monthly]

    return {
        "weekly": _named(_bars(weekly), "Messages per week, you and them") if weekly else "",
        "started": _named(
            _bars(per_month("me_started", "them_started")), "Who started conversations, per month"
        )
        if monthly
        else "",
        "reply": _named(
            _lines(per_month("me_reply_minutes", "them_reply_minutes"), digits=1),
            "Average reply time in minutes, per month",
        )
        if monthly
        else "",
        "length": _named(
            _lines(per_month("me_length", "them_length")), "Average message length, per month"
        )
        if monthly
        else "",
        "warmth": _named(
            _lines(per_month("me_warmth", "them_warmth"), digits=2),
            "Warmth of the words, per month",
        )
        if monthly
        else "",
        "heatmap": _named(_heatmap(data["heatmap"]), "Messages by weekday and hour"),
    }


def _named(svg: str, name: str) -> str:
    """Give a chart its accessible name (an image needs one for screen readers)."""
    return svg.replace('role="img"', f'role="img" aria-label="{escape(name)}"', 1)


def render_html(data: dict[str, Any]) -> str:
    """A private, self-contained report page (no scripts, nothing loaded from the network)."""
    other = escape(str(data["other"]))
    weekly = [(_day(w["week"]), w["me"], w["them"]) for w in data["weekly"]]
    monthly = data["monthly"]
    started = [(_month(m["month"]), m["me_started"], m["them_started"]) for m in monthly]
    reply = [(_month(m["month"]), m["me_reply_minutes"], m["them_reply_minutes"]) for m in monthly]
    length = [(_month(m["month"]), m["me_length"], m["them_length"]) for m in monthly]
    warm = [(_month(m["month"]), m["me_warmth"], m["them_warmth"]) for m in monthly]
    summary = f"<p>{escape(describe(data).split(chr(10))[0])}</p>"
    turning = (
        "".join(f"<li>{escape(p['sentence'])}</li>" for p in data["turning_points"])
        or "<li>No sharp breaks in the trends.</li>"
    )
    good = ""
    for item in data["good_times"]:
        quotes = "".join(
            f"<blockquote>{escape(q['text'])}<footer>{escape(q['sender'])}, {_day(q['time'])} · line {q['line']}</footer></blockquote>"
            for q in item["quotes"]
        )
        good += f"<section><h3>The week of {_day(item['start'])}</h3><p>{item['messages']:,} messages.</p>{quotes}</section>"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Your chat with {other}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 780px; margin: 2em auto; padding: 0 1em; color: #222; }}
.chart {{ width: 100%; height: auto; font-size: 11px; }}
.me {{ fill: #4a7fb5; }} .them {{ fill: #e08a5c; }} .heat {{ fill: #b5484a; }}
.axis {{ stroke: #bbb; stroke-width: 1; }}
.me-line {{ stroke: #4a7fb5; stroke-width: 2; }} .them-line {{ stroke: #e08a5c; stroke-width: 2; }}
.key span {{ display: inline-block; width: .8em; height: .8em; margin: 0 .3em 0 1em; }}
blockquote {{ border-left: 3px solid #e08a5c; margin: .5em 0; padding-left: 1em; }}
blockquote footer {{ font-size: .85em; color: #666; }}
</style></head><body>
<h1>Your chat with {other}</h1>
<p class="key"><span class="me" style="background:#4a7fb5"></span>you<span style="background:#e08a5c"></span>{other}</p>
{summary}
<h2>Messages per week</h2>{_bars(weekly)}
<h2>Who starts conversations</h2><p>First message after six quiet hours, per month.</p>{_bars(started)}
<h2>Reply times</h2><p>Average minutes before answering, per month.</p>{_lines(reply, digits=1)}
<h2>Message length</h2><p>Average characters per message, per month.</p>{_lines(length)}
<h2>Warmth</h2><p>Sentiment of a sample of messages (VADER, −1 to 1), per month.</p>{_lines(warm, digits=2)}
<h2>When you talked</h2>{_heatmap(data["heatmap"])}
<h2>Turning points</h2><ul>{turning}</ul>
<h2>Your good times</h2><p>The warmest weeks of the chat, with lines you may want to remember.</p>{good or "<p>None stood out.</p>"}
</body></html>
"""
