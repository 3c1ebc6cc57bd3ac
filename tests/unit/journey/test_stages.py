"""The stage machine, rule by rule (method.md "Stages of the journey" and "Exits")."""

from __future__ import annotations

from datetime import datetime

import pytest

from factories import at_first_contact, days, event, in_rapport, journey, run
from reunite.domain import journey as engine
from reunite.domain.errors import InvalidInput, NotAllowed
from reunite.domain.model import RECONCILE_ORDER, Boundary, EventKind, Path, Stage
from reunite.playbook import Playbook

E = EventKind


def stage_at(j: engine.Journey, when: datetime, pb: Playbook) -> Stage:
    return engine.advance(j, when, pb).stage


# ------------------------------------------------------------------ reflect & no contact


def test_journey_starts_by_reflecting_seed_004_step_2(now: datetime, pb: Playbook) -> None:
    """method.md stage 1, seed 004 step 2: soul searching before anything else."""
    j = journey(now, pb)
    assert Stage.REFLECT == j.stage
    status = engine.status(j, now, pb)
    assert not status.contact_allowed
    assert any("why it ended" in item for item in status.today)


def test_reflection_gives_way_to_no_contact_after_three_days_seed_003_s3(
    now: datetime, pb: Playbook
) -> None:
    j = journey(now, pb)
    assert Stage.REFLECT == stage_at(j, now + days(2.9), pb)
    assert Stage.NO_CONTACT == stage_at(j, now + days(3), pb)


def test_no_contact_counts_days_and_ends_on_schedule_seed_003_s1(
    now: datetime, pb: Playbook
) -> None:
    """seed 003 §1: thirty days; contracts: day N of M and the end date."""
    j = journey(now, pb)
    status = engine.status(j, now + days(2), pb)
    assert status.no_contact is not None
    assert (3, 30, "2026-12-21") == (
        status.no_contact.day,
        status.no_contact.days,
        status.no_contact.ends.isoformat(),
    )
    assert Stage.NO_CONTACT == stage_at(j, now + days(29.9), pb)
    assert Stage.FIRST_CONTACT == stage_at(j, now + days(30), pb)


def test_no_contact_forbids_contact_with_the_reason_seed_003_s1(
    now: datetime, pb: Playbook
) -> None:
    """seed 003 §1: no calls or texts; contracts: a refused contact names the reason."""
    j = journey(now, pb)
    with pytest.raises(NotAllowed, match="No contact until 2026-12-21"):
        engine.apply(j, event(E.CONTACT, now + days(5)), pb)


def test_a_slip_restarts_the_no_contact_count_seed_003_s1(now: datetime, pb: Playbook) -> None:
    """seed 003 §1 / method.md table: a slip restarts the count."""
    j = journey(now, pb)
    j = run(j, (E.SLIP, now + days(10), {}), pb=pb)
    assert now + days(40) == j.no_contact_end
    assert 1 == j.slips
    status = engine.status(j, now + days(10), pb)
    assert status.no_contact is not None
    assert 1 == status.no_contact.day


def test_an_urge_is_recorded_but_never_a_slip_seed_004_step_1(now: datetime, pb: Playbook) -> None:
    """Issue 2: an urge is first-class; it offers the unsent letter and never restarts the count."""
    j = journey(now, pb)
    decision = engine.apply(j, event(E.URGE, now + days(4)), pb)
    assert (1, 0) == (decision.journey.urges, decision.journey.slips)
    assert j.no_contact_end == decision.journey.no_contact_end
    assert "unsent letter" in decision.effects[0].text


def test_days_already_apart_shorten_nothing_but_count_seed_003_s1(
    now: datetime, pb: Playbook
) -> None:
    j = journey(now, pb, days_since_breakup=20, no_contact_since_breakup=True)
    assert now + days(10) == j.no_contact_end


# ------------------------------------------------------------------ first contact & rapport


def test_first_contact_allows_one_light_text_then_waits_seed_000(
    now: datetime, pb: Playbook
) -> None:
    """seed 000/001: one short text, then wait; no second text before they answer."""
    j, t = at_first_contact(now, pb)
    assert engine.status(j, t, pb).contact_allowed
    j = run(j, (E.CONTACT, t, {}), pb=pb)
    allowed, reason = engine.contact_rule(j, t + days(1))
    assert not allowed
    assert reason is not None
    assert "waiting for their answer" in reason


def test_a_warm_reply_opens_rapport_seed_001(now: datetime, pb: Playbook) -> None:
    """seed 001: a reply at all is a good sign; the conversation moves to rapport."""
    j, _ = in_rapport(now, pb)
    assert Stage.RAPPORT == j.stage


def test_silence_for_two_weeks_allows_one_more_try_seed_000(now: datetime, pb: Playbook) -> None:
    """seed 000: no reply → rest a couple of weeks, then one more attempt at most."""
    j, t = at_first_contact(now, pb)
    j = run(j, (E.CONTACT, t, {}), pb=pb)
    assert not engine.contact_rule(engine.advance(j, t + days(13), pb), t + days(13))[0]
    later = engine.advance(j, t + days(14), pb)
    assert engine.contact_rule(later, t + days(14))[0]
    assert later.extra_attempt_pending


def test_a_second_silence_pauses_contact_seed_000(now: datetime, pb: Playbook) -> None:
    """seed 000: after the one extra attempt also goes unanswered, the next move is theirs."""
    j, t = at_first_contact(now, pb)
    j = run(j, (E.CONTACT, t, {}), (E.CONTACT, t + days(15), {}), pb=pb)
    later = engine.advance(j, t + days(30), pb)
    assert (Stage.PAUSE, "silence") == (later.stage, later.closed_reason)
    assert not engine.contact_rule(later, t + days(30))[0]


def test_logging_no_reply_sets_a_rest_until_two_weeks_after_contact_seed_000(
    now: datetime, pb: Playbook
) -> None:
    j, t = at_first_contact(now, pb)
    decision = engine.apply(run(j, (E.CONTACT, t, {}), pb=pb), event(E.NO_REPLY, t + days(3)), pb)
    assert t + days(14) == decision.journey.rest_until
    assert not engine.contact_rule(decision.journey, t + days(5))[0]
    assert engine.contact_rule(decision.journey, t + days(14))[0]


def test_no_reply_without_a_contact_is_invalid(now: datetime, pb: Playbook) -> None:
    j, t = at_first_contact(now, pb)
    with pytest.raises(InvalidInput):
        engine.apply(j, event(E.NO_REPLY, t), pb)


def test_a_hostile_reply_means_give_it_a_rest_seed_000(now: datetime, pb: Playbook) -> None:
    j, t = at_first_contact(now, pb)
    j = run(j, (E.CONTACT, t, {}), (E.REPLY, t + days(1), {"tone": "hostile"}), pb=pb)
    assert not engine.contact_rule(j, t + days(7))[0]
    assert engine.contact_rule(j, t + days(15))[0]


# ------------------------------------------------------------------ meetup, trust, talk


def test_inviting_to_meet_moves_to_meetup_seed_000(now: datetime, pb: Playbook) -> None:
    j, t = in_rapport(now, pb)
    j = run(j, (E.CONTACT, t + days(2), {"kind": "meetup"}), pb=pb)
    assert Stage.MEETUP == j.stage


def test_a_good_meetup_builds_trust_seed_000(now: datetime, pb: Playbook) -> None:
    """seed 000: if the first meetup went well, keep texting; seed 001: propose another outing."""
    j, t = in_rapport(now, pb)
    j = run(j, (E.MEETUP, t + days(5), {"went": "good"}), pb=pb)
    assert Stage.TRUST == j.stage


def test_the_talk_comes_after_the_second_good_meeting_seed_001(now: datetime, pb: Playbook) -> None:
    """seed 001: feelings and trying again only after the 2nd or 3rd meeting."""
    j, t = in_rapport(now, pb)
    j = run(
        j,
        (E.MEETUP, t + days(5), {"went": "good"}),
        (E.MEETUP, t + days(12), {"went": "good"}),
        pb=pb,
    )
    assert Stage.TALK == j.stage


def test_a_bad_meetup_means_a_rest_seed_000(now: datetime, pb: Playbook) -> None:
    j, t = in_rapport(now, pb)
    j = run(j, (E.MEETUP, t + days(5), {"went": "bad"}), pb=pb)
    assert Stage.RAPPORT == j.stage
    assert not engine.contact_rule(j, t + days(6))[0]


def test_meetup_during_no_contact_is_refused_seed_003_s1(now: datetime, pb: Playbook) -> None:
    """seed 003 §1: no engineered meetings during no-contact."""
    with pytest.raises(NotAllowed):
        engine.apply(journey(now, pb), event(E.MEETUP, now + days(4), went="good"), pb)


def test_talk_yes_means_together_seed_001(now: datetime, pb: Playbook) -> None:
    j, t = in_rapport(now, pb)
    j = run(
        j,
        (E.MEETUP, t + days(5), {"went": "good"}),
        (E.MEETUP, t + days(12), {"went": "good"}),
        (E.TALK, t + days(13), {"outcome": "yes"}),
        pb=pb,
    )
    assert (Stage.TOGETHER, Path.RECONCILE) == (j.stage, j.path)
    assert "seed 003 §6" == engine.next_step(j, t + days(13), pb).source


def test_talk_later_means_back_to_building_trust_seed_001(now: datetime, pb: Playbook) -> None:
    j, t = in_rapport(now, pb)
    j = run(
        j,
        (E.MEETUP, t + days(5), {"went": "good"}),
        (E.TALK, t + days(6), {"outcome": "later"}),
        pb=pb,
    )
    assert Stage.TRUST == j.stage


def _declined(now: datetime, pb: Playbook) -> tuple[engine.Journey, datetime]:
    j, t = in_rapport(now, pb)
    j = run(
        j,
        (E.MEETUP, t + days(5), {"went": "good"}),
        (E.MEETUP, t + days(12), {"went": "good"}),
        (E.TALK, t + days(13), {"outcome": "no"}),
        pb=pb,
    )
    return j, t + days(13)


def test_a_no_at_the_talk_allows_one_final_appeal_seed_001(now: datetime, pb: Playbook) -> None:
    """seed 001: a single final appeal is allowed after a "no"."""
    j, t = _declined(now, pb)
    assert Stage.TALK == j.stage
    assert engine.contact_rule(j, t)[0]
    assert "final appeal" in engine.next_step(j, t, pb).text


def test_a_second_no_closes_contact_seed_001(now: datetime, pb: Playbook) -> None:
    """seed 001: if they decline again, move on; contact tools close."""
    j, t = _declined(now, pb)
    j = run(j, (E.APPEAL, t + days(3), {"outcome": "no"}), pb=pb)
    assert (Stage.LET_GO, Path.LET_GO, "final_no") == (j.stage, j.path, j.closed_reason)
    with pytest.raises(NotAllowed):
        engine.apply(j, event(E.CONTACT, t + days(4)), pb)
    with pytest.raises(NotAllowed):
        engine.apply(j, event(E.APPEAL, t + days(4), outcome="yes"), pb)


def test_an_appeal_accepted_means_together_seed_001(now: datetime, pb: Playbook) -> None:
    j, t = _declined(now, pb)
    assert Stage.TOGETHER == run(j, (E.APPEAL, t + days(3), {"outcome": "yes"}), pb=pb).stage


def test_an_appeal_without_a_no_is_refused_seed_001(now: datetime, pb: Playbook) -> None:
    j, t = in_rapport(now, pb)
    with pytest.raises(NotAllowed, match="final appeal"):
        engine.apply(j, event(E.APPEAL, t + days(1), outcome="yes"), pb)


def test_a_second_talk_after_a_no_must_be_the_appeal_seed_001(now: datetime, pb: Playbook) -> None:
    j, t = _declined(now, pb)
    with pytest.raises(InvalidInput, match="appeal"):
        engine.apply(j, event(E.TALK, t + days(1), outcome="yes"), pb)


# ------------------------------------------------------------------ boundaries and exits


def test_a_no_contact_boundary_closes_everything_seed_001(now: datetime, pb: Playbook) -> None:
    """seed 001 "honor their wishes", 003 §1: a no_contact boundary → let_go, contact closed."""
    j, t = in_rapport(now, pb)
    j = run(j, (E.REPLY, t + days(1), {"boundary": "no_contact", "tone": "cold"}), pb=pb)
    assert (Stage.LET_GO, Boundary.NO_CONTACT) == (j.stage, j.boundary)
    for kind, data in ((E.CONTACT, {}), (E.MEETUP, {"went": "good"}), (E.TALK, {"outcome": "yes"})):
        with pytest.raises(NotAllowed):
            engine.apply(j, event(kind, t + days(2), **data), pb)
    assert not engine.status(j, t + days(400), pb).contact_allowed


def test_a_space_boundary_pauses_for_thirty_days_seed_003_s1(now: datetime, pb: Playbook) -> None:
    """seed 003 §1: give them the space they asked for, then open again gently."""
    j, t = in_rapport(now, pb)
    j = run(j, (E.REPLY, t + days(1), {"boundary": "space"}), pb=pb)
    assert (Stage.PAUSE, Path.PAUSE) == (j.stage, j.path)
    assert not engine.status(j, t + days(20), pb).contact_allowed
    after = engine.advance(j, t + days(31), pb)
    assert Stage.FIRST_CONTACT == after.stage
    assert engine.status(after, t + days(31), pb).contact_allowed


def test_a_rejection_before_the_talk_means_let_go_seed_001(now: datetime, pb: Playbook) -> None:
    j, t = in_rapport(now, pb)
    j = run(j, (E.REPLY, t + days(1), {"boundary": "rejection"}), pb=pb)
    assert (Stage.LET_GO, "rejection") == (j.stage, j.closed_reason)


def test_a_rejection_at_the_talk_counts_as_the_first_no_seed_001(
    now: datetime, pb: Playbook
) -> None:
    j, t = in_rapport(now, pb)
    j = run(
        j,
        (E.MEETUP, t + days(5), {"went": "good"}),
        (E.MEETUP, t + days(12), {"went": "good"}),
        (E.REPLY, t + days(13), {"boundary": "rejection"}),
        pb=pb,
    )
    assert (Stage.TALK, True) == (j.stage, j.talk_declined)


def test_a_new_partner_pauses_until_they_reach_out_seed_001(now: datetime, pb: Playbook) -> None:
    """seed 001 / 004 comment 4: they may have moved on; don't come between them."""
    j, t = in_rapport(now, pb)
    j = run(j, (E.REPLY, t + days(1), {"boundary": "new_partner"}), pb=pb)
    assert (Stage.PAUSE, None) == (j.stage, j.pause_until)
    assert Stage.PAUSE == engine.advance(j, t + days(365), pb).stage


def test_the_ex_reaching_out_reopens_a_closed_journey_seed_001(now: datetime, pb: Playbook) -> None:
    """Issue 2: only the ex reaching out reopens after a no_contact boundary."""
    j, t = in_rapport(now, pb)
    j = run(
        j,
        (E.REPLY, t + days(1), {"boundary": "no_contact"}),
        (E.EX_REACHED_OUT, t + days(90), {}),
        pb=pb,
    )
    assert (Stage.RAPPORT, None, Path.RECONCILE) == (j.stage, j.boundary, j.path)
    assert engine.contact_rule(j, t + days(90))[0]


def test_deciding_to_let_go_turns_to_recovery_seed_004_step_2(now: datetime, pb: Playbook) -> None:
    """seed 004 step 2 / 003 §3: you may decide you are better off."""
    j = run(journey(now, pb), (E.LET_GO, now + days(5), {}), pb=pb)
    status = engine.status(j, now + days(5), pb)
    assert (Stage.LET_GO, False) == (status.stage, status.contact_allowed)
    assert any("kind to yourself" in item for item in status.today)


def test_safety_path_offers_help_not_a_plan(now: datetime, pb: Playbook) -> None:
    """method.md exits: safety → no reconciliation plan; point to help."""
    j = journey(now, pb, safety_concern=True)
    status = engine.status(j, now, pb)
    assert (Stage.SAFETY, Path.SAFETY, False) == (status.stage, status.path, status.contact_allowed)
    assert 1 == len(engine.plan(j, now, pb))
    assert Stage.SAFETY == run(j, (E.EX_REACHED_OUT, now + days(3), {}), pb=pb).stage
    with pytest.raises(NotAllowed):
        engine.apply(j, event(E.CONTACT, now + days(1)), pb)


def test_let_go_path_from_assessment_is_closed_from_day_one_seed_001(
    now: datetime, pb: Playbook
) -> None:
    j = journey(now, pb, ex_blocked_me=True)
    assert (Stage.LET_GO, False) == (j.stage, engine.status(j, now, pb).contact_allowed)


def test_events_must_be_logged_in_order(now: datetime, pb: Playbook) -> None:
    j = run(journey(now, pb), (E.URGE, now + days(5), {}), pb=pb)
    with pytest.raises(InvalidInput, match="before the last thing logged"):
        engine.apply(j, event(E.URGE, now + days(4)), pb)


# ------------------------------------------------------------------ plan


def test_the_plan_is_dated_from_the_no_contact_end_seed_003_s1(now: datetime, pb: Playbook) -> None:
    steps = engine.plan(journey(now, pb), now, pb)
    by_stage = {s.stage: s for s in steps}
    assert [s.value for s in RECONCILE_ORDER] == [s.stage.value for s in steps]
    assert "2026-12-21" == by_stage[Stage.FIRST_CONTACT].date.isoformat()
    assert not by_stage[Stage.FIRST_CONTACT].estimated
    assert by_stage[Stage.TOGETHER].estimated
    dates = [s.date for s in steps]
    assert dates == sorted(dates)


def test_status_json_matches_contracts(now: datetime, pb: Playbook) -> None:
    data = engine.status(journey(now, pb), now + days(2), pb).to_dict()
    assert {"path": "reconcile", "stage": "reflect", "contact_allowed": False} == {
        k: data[k] for k in ("path", "stage", "contact_allowed")
    }
    assert {"day": 3, "days": 30, "ends": "2026-12-21"} == data["no_contact"]
    assert {"text", "date", "source"} == set(data["next_step"])  # type: ignore[arg-type]


def test_boundaries_only_tighten_after_a_no_contact_boundary_seed_001(
    now: datetime, pb: Playbook
) -> None:
    """Found by the property test: a later "I need space" must not turn a closed journey into a
    pause that reopens by itself."""
    j, t = in_rapport(now, pb)
    j = run(
        j,
        (E.REPLY, t + days(1), {"boundary": "no_contact"}),
        (E.REPLY, t + days(2), {"boundary": "space"}),
        pb=pb,
    )
    later = engine.advance(j, t + days(90), pb)
    assert (Stage.LET_GO, False) == (later.stage, engine.contact_rule(later, t + days(90))[0])


def test_a_space_reply_during_no_contact_never_ends_it_sooner_seed_003_s1(
    now: datetime, pb: Playbook
) -> None:
    j = journey(now, pb, reasons=["cheating_by_me"])  # 60 days
    j = run(
        j, (E.SLIP, now + days(5), {}), (E.REPLY, now + days(5.1), {"boundary": "space"}), pb=pb
    )
    assert j.pause_until is not None
    assert j.pause_until >= now + days(65)


def test_a_stage_passed_over_is_shown_as_skipped_not_done(now: datetime, pb: Playbook) -> None:
    """They reached out during no-contact: rapport began at once; first contact never happened."""
    j = run(journey(now, pb), (E.EX_REACHED_OUT, now + days(10), {}), pb=pb)
    steps = {s.stage: s for s in engine.plan(j, now + days(11), pb)}
    assert (False, True) == (steps[Stage.FIRST_CONTACT].done, steps[Stage.FIRST_CONTACT].skipped)
    assert (now + days(10)).date() == steps[Stage.FIRST_CONTACT].date
    assert steps[Stage.REFLECT].done
    assert steps[Stage.RAPPORT].current


@pytest.mark.parametrize(
    ("kind", "data", "what"),
    [
        (E.TALK, {}, "talk's outcome"),
        (E.TALK, {"outcome": "maybe"}, "talk's outcome"),
        (E.MEETUP, {"went": "amazing"}, "meetup went"),
    ],
)
def test_a_missing_or_unknown_choice_is_one_clear_sentence(
    now: datetime, pb: Playbook, kind: EventKind, data: dict[str, str], what: str
) -> None:
    j, t = in_rapport(now, pb)
    j = run(j, (E.MEETUP, t + days(5), {"went": "good"}), pb=pb)
    with pytest.raises(InvalidInput, match=what):
        engine.apply(j, event(kind, t + days(6), **data), pb)
