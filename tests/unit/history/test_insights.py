"""The pure analytics: turning points, good times, and the reports built from them."""

from __future__ import annotations

from datetime import date, datetime

from reunite.domain.history.insights import (
    GoodTime,
    Insights,
    MonthPoint,
    Quote,
    WeekPoint,
    WeekWarmth,
    find_turning_points,
    good_quote,
    pick_good_times,
    pick_quotes,
)
from reunite.domain.history.report import describe, render_html


def _months(counts: list[int]) -> list[MonthPoint]:
    return [
        MonthPoint(month=date(2022 + i // 12, i % 12 + 1, 1), them_messages=c, me_messages=100)
        for i, c in enumerate(counts)
    ]


def test_a_sharp_drop_is_a_turning_point_at_the_month_it_starts() -> None:
    points = find_turning_points(_months([400, 420, 410, 400, 120, 110, 100, 105]), "Sam")
    assert [p.measure for p in points] == ["them_messages"]
    assert points[0].month == date(2022, 5, 1)
    assert points[0].sentence == (
        "From May 2022, the messages Sam sent each month fell from 410 to 110."
    )


def test_steady_trends_have_no_turning_points() -> None:
    assert find_turning_points(_months([400, 380, 410, 395, 405, 390, 400]), "Sam") == ()


def test_small_numbers_are_not_turning_points() -> None:
    assert find_turning_points(_months([1, 0, 1, 3, 3, 3, 3]), "Sam") == ()


def test_warmth_change_is_measured_in_points_not_ratios() -> None:
    months = [
        MonthPoint(month=date(2022, i + 1, 1), them_warmth=w)
        for i, w in enumerate([0.6, 0.55, 0.6, 0.1, 0.05, 0.1])
    ]
    [point] = find_turning_points(months, "Sam")
    assert point.measure == "them_warmth"
    assert "fell from +0.58 to +0.08" in point.sentence


def test_good_times_are_warm_busy_and_a_month_apart() -> None:
    monday = date(2023, 1, 2)
    weeks = [
        WeekWarmth(date.fromordinal(monday.toordinal() + 7 * i), warmth, 20, messages)
        for i, (warmth, messages) in enumerate(
            [(0.9, 200), (0.95, 210), (0.2, 200), (0.1, 190), (-0.5, 200), (0.99, 3), (0.8, 205)]
        )
    ]
    chosen = pick_good_times(weeks)
    assert [w.warmth for w in chosen] == [0.95, 0.8]  # 0.9 is too close, 0.99 too quiet


def test_cold_weeks_are_never_good_times() -> None:
    weeks = [
        WeekWarmth(date(2023, 1, 2), -0.2, 20, 100),
        WeekWarmth(date(2023, 3, 6), 0.01, 20, 100),
    ]
    assert pick_good_times(weeks) == ()


def test_only_plain_sentences_are_quoted() -> None:
    assert good_quote("I loved our day at the lake")
    assert not good_quote("ok")
    assert not good_quote("look https://example.com it's lovely")
    assert not good_quote("first line\nsecond line of it")


def _insights() -> Insights:
    quote = Quote(datetime(2023, 1, 3, 21, 5), "Sam", "That was the best <day> ever", 1234)
    return Insights(
        me="Alex",
        other="Sam",
        total=30,
        me_total=20,
        them_total=10,
        first=datetime(2023, 1, 2, 9, 0),
        last=datetime(2023, 1, 30, 9, 0),
        weekly=(WeekPoint(date(2023, 1, 2), 20, 10),),
        monthly=(MonthPoint(date(2023, 1, 1), 20, 10, 3, 1, 4.0, 9.5, 30.0, 12.0, 0.3, 0.6),),
        heatmap=tuple(tuple(5 if (d, h) == (1, 21) else 0 for h in range(24)) for d in range(7)),
        good_times=(GoodTime(date(2023, 1, 2), date(2023, 1, 8), 0.6, 30, (quote,)),),
    )


def test_summary_in_words() -> None:
    text = describe(_insights().as_dict())
    assert "Your chat with Sam: 30 messages from 02 Jan 2023 to 30 Jan 2023." in text
    assert "You wrote 67% of them, Sam 33%." in text
    assert "You started 75% of your conversations" in text
    assert "You talked most on Tuesdays around 21:00." in text
    assert 'Sam: "That was the best <day> ever" (line 1234)' in text


def test_html_report_is_self_contained_and_escaped() -> None:
    html = render_html(_insights().as_dict())
    assert html.startswith("<!doctype html>")
    assert "<script" not in html
    assert "http" not in html
    assert "That was the best &lt;day&gt; ever" in html
    assert html.count("<svg") == 6


def test_as_dict_is_plain_json_data() -> None:
    data = _insights().as_dict()
    assert data["first"] == "2023-01-02T09:00:00"
    assert data["good_times"][0]["quotes"][0]["line"] == 1234
    assert data["monthly"][0]["me_reply_minutes"] == 4.0


def test_quotes_give_each_person_a_line_then_the_warmest() -> None:
    def quote(minute: int, sender: str) -> Quote:
        return Quote(datetime(2023, 1, 3, 21, minute), sender, f"line {minute}", minute)

    scored = [
        (0.9, quote(1, "Sam")),
        (0.8, quote(2, "Sam")),
        (0.7, quote(3, "Sam")),
        (0.3, quote(4, "Alex")),
        (-0.5, quote(5, "Alex")),
    ]
    assert [q.line for q in pick_quotes(scored)] == [1, 2, 4]
    assert pick_quotes([(-0.2, quote(6, "Sam"))]) == ()
