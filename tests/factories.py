"""Builders for answers, journeys and events, so tests say only what matters to them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from reunite.domain import journey as engine
from reunite.domain.journey import Journey
from reunite.domain.model import Event, EventKind
from reunite.domain.situation import Answers, assess
from reunite.playbook import Playbook, load_playbook


def answers(**overrides: Any) -> Answers:
    base: dict[str, Any] = {"who_ended": "them", "relationship_months": 18}
    base.update(overrides)
    for key in ("reasons", "motives"):
        if key in base:
            base[key] = tuple(base[key])
    return Answers(**base)


def journey(now: datetime, pb: Playbook | None = None, **overrides: Any) -> Journey:
    pb = pb or load_playbook()
    return engine.begin(assess(answers(**overrides), pb), now)


def event(event_kind: EventKind, at: datetime, **data: Any) -> Event:
    return Event(
        event_kind, at, {k: (v.value if hasattr(v, "value") else v) for k, v in data.items()}
    )


def days(n: float) -> timedelta:
    return timedelta(days=n)


def run(
    j: Journey, *steps: tuple[EventKind, datetime, dict[str, Any]], pb: Playbook | None = None
) -> Journey:
    pb = pb or load_playbook()
    for kind, at, data in steps:
        j = engine.apply(j, event(kind, at, **data), pb).journey
    return j


def at_first_contact(
    now: datetime, pb: Playbook | None = None, **overrides: Any
) -> tuple[Journey, datetime]:
    """A journey whose no-contact stretch is over, and the moment it ended."""
    pb = pb or load_playbook()
    j = journey(now, pb, **overrides)
    end = j.no_contact_end
    assert end is not None
    return engine.advance(j, end, pb), end


def in_rapport(now: datetime, pb: Playbook | None = None) -> tuple[Journey, datetime]:
    pb = pb or load_playbook()
    j, t = at_first_contact(now, pb)
    j = run(
        j,
        (EventKind.CONTACT, t, {}),
        (EventKind.REPLY, t + days(0.1), {"tone": "warm"}),
        pb=pb,
    )
    return j, t + days(0.1)
