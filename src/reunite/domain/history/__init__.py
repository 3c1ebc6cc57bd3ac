"""Chat-history analytics: pure functions over aggregate rows (no file or database I/O)."""

from reunite.domain.history.insights import (
    GoodTime,
    Insights,
    MonthPoint,
    Quote,
    TurningPoint,
    WeekPoint,
    find_turning_points,
    pick_good_times,
    pick_quotes,
)

__all__ = [
    "GoodTime",
    "Insights",
    "MonthPoint",
    "Quote",
    "TurningPoint",
    "WeekPoint",
    "find_turning_points",
    "pick_good_times",
    "pick_quotes",
]
