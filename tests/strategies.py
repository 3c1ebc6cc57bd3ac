"""Hypothesis strategies for the whole suite: answers, events, event sequences."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import strategies as st

from reunite.domain.model import Boundary, EventKind, Tone
from reunite.domain.situation import MOTIVES, REASONS, Answers

answers = st.builds(
    Answers,
    who_ended=st.sampled_from(["me", "them", "mutual"]),
    reasons=st.lists(st.sampled_from(REASONS), max_size=4, unique=True).map(tuple),
    relationship_months=st.one_of(st.none(), st.integers(0, 240)),
    days_since_breakup=st.one_of(st.none(), st.integers(0, 400)),
    ex_new_partner=st.booleans(),
    ex_asked_no_contact=st.booleans(),
    ex_blocked_me=st.booleans(),
    motives=st.lists(st.sampled_from(MOTIVES), max_size=3, unique=True).map(tuple),
    safety_concern=st.booleans(),
    ex_asked_space=st.booleans(),
    no_contact_since_breakup=st.booleans(),
)


def _data(kind: EventKind) -> st.SearchStrategy[dict[str, Any]]:
    if kind is EventKind.CONTACT:
        return st.fixed_dictionaries({"kind": st.sampled_from(["text", "call", "meetup"])})
    if kind is EventKind.REPLY:
        return st.fixed_dictionaries(
            {
                "boundary": st.one_of(st.none(), st.sampled_from([b.value for b in Boundary])),
                "tone": st.sampled_from([t.value for t in Tone]),
            }
        )
    if kind is EventKind.MEETUP:
        return st.fixed_dictionaries({"went": st.sampled_from(["good", "bad"])})
    if kind is EventKind.TALK:
        return st.fixed_dictionaries({"outcome": st.sampled_from(["yes", "no", "later"])})
    if kind is EventKind.APPEAL:
        return st.fixed_dictionaries({"outcome": st.sampled_from(["yes", "no"])})
    return st.just({})


step = st.sampled_from(list(EventKind)).flatmap(
    lambda kind: st.tuples(
        st.just(kind),
        st.integers(0, 24 * 40).map(lambda hours: timedelta(hours=hours)),
        _data(kind),
    )
)
event_sequences = st.lists(step, max_size=40)
