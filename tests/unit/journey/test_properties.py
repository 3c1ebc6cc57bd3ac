"""Properties of the engine over random event sequences (issue 2, "Done when")."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import strategies
from reunite.domain import journey as engine
from reunite.domain.errors import ReuniteError
from reunite.domain.model import Boundary, Event, EventKind, Stage
from reunite.domain.situation import assess
from reunite.playbook import load_playbook

PB = load_playbook()
START = datetime(2026, 11, 21, 9, 0)


def _walk(answers, steps):  # type: ignore[no-untyped-def]
    """Apply each step if the engine accepts it; yield (event, before, after, accepted)."""
    j = engine.begin(assess(answers, PB), START)
    t = START
    for kind, delta, data in steps:
        t = t + delta
        before = engine.advance(j, t, PB)
        try:
            after = engine.apply(j, Event(kind, t, dict(data)), PB).journey
        except ReuniteError:
            yield Event(kind, t, dict(data)), before, before, False
            j = before
            continue
        yield Event(kind, t, dict(data)), before, after, True
        j = after


@settings(max_examples=int(os.environ.get("REUNITE_PROPERTY_EXAMPLES", "300")), deadline=None)
@given(strategies.answers, strategies.event_sequences)
def test_the_engine_never_leaves_the_known_stages(answers, steps) -> None:  # type: ignore[no-untyped-def]
    for _event, _before, after, _ok in _walk(answers, steps):
        assert after.stage in set(Stage)
        status = engine.status(after, after.last_event_at or START, PB)
        assert status.stage in set(Stage)
        assert status.next_step.text


@settings(max_examples=int(os.environ.get("REUNITE_PROPERTY_EXAMPLES", "300")), deadline=None)
@given(strategies.answers, strategies.event_sequences, st.integers(0, 24 * 90))
def test_no_contact_boundary_blocks_initiating_until_they_reach_out_seed_001(  # type: ignore[no-untyped-def]
    answers, steps, probe_hours
) -> None:
    """seed 001 "honor their wishes": after a no_contact boundary the user can never initiate
    contact, at any later time, unless the ex reached out first."""
    closed = answers.ex_asked_no_contact or answers.ex_blocked_me
    for event, _before, after, ok in _walk(answers, steps):
        if (
            ok
            and event.kind is EventKind.REPLY
            and event.data.get("boundary") == Boundary.NO_CONTACT.value
        ):
            closed = True
        if ok and event.kind is EventKind.EX_REACHED_OUT and after.stage is not Stage.SAFETY:
            closed = False
        if closed:
            probe = event.at + timedelta(hours=probe_hours)
            assert not engine.status(after, probe, PB).contact_allowed
            if event.kind is EventKind.CONTACT:
                assert not ok, "a contact was accepted after a no_contact boundary"


@settings(max_examples=int(os.environ.get("REUNITE_PROPERTY_EXAMPLES", "300")), deadline=None)
@given(strategies.answers, strategies.event_sequences)
def test_a_running_no_contact_period_is_never_shortened_seed_003_s1(answers, steps) -> None:  # type: ignore[no-untyped-def]
    """seed 003 §1: nothing the user logs makes a running no-contact stretch end sooner
    (the ex reaching out ends it: that is their choice, not a shortcut)."""
    for event, before, after, _ok in _walk(answers, steps):
        if (
            before.stage in (Stage.REFLECT, Stage.NO_CONTACT)
            and event.kind is not EventKind.EX_REACHED_OUT
        ):
            if after.stage in (Stage.REFLECT, Stage.NO_CONTACT):
                assert after.no_contact_end is not None
                assert before.no_contact_end is not None
                assert after.no_contact_end >= before.no_contact_end
            else:
                # leaving no-contact early is only ever for an exit, never into contact stages
                assert after.stage in (Stage.LET_GO, Stage.PAUSE, Stage.SAFETY)


@settings(max_examples=int(os.environ.get("REUNITE_PROPERTY_EXAMPLES", "200")), deadline=None)
@given(strategies.answers, strategies.event_sequences)
def test_replaying_stored_events_gives_the_same_journey(answers, steps) -> None:  # type: ignore[no-untyped-def]
    """Event sourcing: the journey after the accepted events equals a replay of them."""
    accepted = []
    last = None
    for event, _before, after, ok in _walk(answers, steps):
        if ok:
            accepted.append(event)
            last = after
    if last is None:
        return
    start = engine.begin(assess(answers, PB), START)
    when = accepted[-1].at
    assert engine.advance(last, when, PB) == engine.replay(start, accepted, when, PB)
