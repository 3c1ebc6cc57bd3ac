"""The product's clock: `REUNITE_NOW` replaces it everywhere (contracts.md).

All times are naive local wall-clock times: the method counts the user's days.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time

from reunite.domain.errors import InvalidInput


def parse_when(value: str, what: str = "date") -> datetime:
    """An ISO date or date-time → naive local datetime; one clear sentence if it isn't one."""
    raw = value.strip()
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(raw), time(12, 0))
        except ValueError:
            raise InvalidInput(
                f"The {what} '{value}' isn't a real date; use a form like 2026-11-22T09:30."
            ) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone().replace(tzinfo=None)
    return parsed.replace(microsecond=0)


def now() -> datetime:
    override = os.environ.get("REUNITE_NOW")
    if override:
        return parse_when(override, "REUNITE_NOW value")
    return datetime.now().replace(microsecond=0)
