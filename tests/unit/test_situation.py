"""Assessment rules (method.md: no-contact table, approach, assessment outputs, exits)."""

from __future__ import annotations

import pytest

from factories import answers
from reunite.domain.model import Path
from reunite.domain.situation import assess
from reunite.playbook import Playbook


def test_default_no_contact_is_30_days_seed_003_s1(pb: Playbook) -> None:
    """seed 003 §1: thirty days when no other row applies."""
    assert 30 == assess(answers(who_ended="them", reasons=["money"]), pb).no_contact_days


def test_single_fight_after_short_relationship_is_a_week_seed_002_step_1(pb: Playbook) -> None:
    """seed 002 step 1: dumped after one heated fight, short relationship, no betrayal → 7 days."""
    result = assess(answers(who_ended="them", reasons=["big_fight"], relationship_months=5), pb)
    assert (7, "single_fight") == (result.no_contact_days, result.no_contact_rule)


def test_single_fight_rule_needs_a_short_relationship_seed_002_step_1(pb: Playbook) -> None:
    """seed 002 step 1 is about a short relationship; a long one falls back to the default."""
    result = assess(answers(who_ended="them", reasons=["big_fight"], relationship_months=40), pb)
    assert 30 == result.no_contact_days


def test_single_fight_rule_does_not_apply_when_i_ended_it_seed_000(pb: Playbook) -> None:
    """seed 000: you ended it → at least three weeks, even after a single fight."""
    result = assess(answers(who_ended="me", reasons=["big_fight"], relationship_months=5), pb)
    assert (21, "you_ended_it") == (result.no_contact_days, result.no_contact_rule)


def test_betrayal_means_a_month_or_two_seed_001(pb: Playbook) -> None:
    """seed 001: betrayal (cheating by either) → 45-60 days; Reunite uses 60."""
    for reason in ("cheating_by_me", "cheating_by_them"):
        result = assess(answers(reasons=[reason, "big_fight"], relationship_months=5), pb)
        assert (60, "betrayal") == (result.no_contact_days, result.no_contact_rule)


def test_deep_hurt_means_a_month_and_a_half_seed_001(pb: Playbook) -> None:
    """seed 001: deep hurt → within 45-60 days."""
    assert 45 == assess(answers(reasons=["hurtful_words"]), pb).no_contact_days


def test_longest_applicable_row_wins_and_is_capped_at_60_method_md(pb: Playbook) -> None:
    """method.md: where several rows apply the longest wins; cap at 60."""
    result = assess(answers(who_ended="me", reasons=["hurtful_words", "cheating_by_me"]), pb)
    assert 60 == result.no_contact_days
    assert all(r.source for r in result.reasons)


@pytest.mark.parametrize(
    ("months", "approach"), [(11, "casual"), (12, "honest"), (60, "honest"), (None, "casual")]
)
def test_approach_follows_relationship_length_seed_003_s5(
    pb: Playbook, months: int | None, approach: str
) -> None:
    """seed 003 §5: 12 months or more → honest opener; shorter → casual coffee."""
    assert approach == assess(answers(relationship_months=months), pb).approach


@pytest.mark.parametrize("reason", ["religion", "children", "where_to_live"])
def test_intangible_values_are_a_concern_seed_003_s4(pb: Playbook, reason: str) -> None:
    """seed 003 §4: values and incompatible futures are usually not fixable."""
    result = assess(answers(reasons=[reason]), pb)
    assert "intangible_values" in result.concerns
    assert any(r.source == "seed 003 §4" for r in result.reasons)


def test_tangible_issues_are_not_a_concern_seed_003_s4(pb: Playbook) -> None:
    """seed 003 §4: housework or working hours can be fixed by sacrifice."""
    result = assess(answers(reasons=["housework", "work_hours"]), pb)
    assert [] == list(result.concerns)
    assert Path.RECONCILE == result.path


def test_cant_live_without_them_is_need_not_want_seed_003_s3_4(pb: Playbook) -> None:
    """seed 003 §3-4: "I can't live without them" → concern needy_motive."""
    result = assess(answers(motives=["love", "cant_live_without"]), pb)
    assert "needy_motive" in result.concerns


def test_love_alone_is_no_concern_seed_003_s3_4(pb: Playbook) -> None:
    assert "needy_motive" not in assess(answers(motives=["love", "miss_them"]), pb).concerns


def test_new_partner_is_a_concern_seed_001_004(pb: Playbook) -> None:
    """seed 001, seed 004 comment 4: they may have moved on."""
    result = assess(answers(ex_new_partner=True), pb)
    assert "new_partner" in result.concerns
    assert Path.RECONCILE == result.path


def test_cheating_is_a_possible_deal_breaker_seed_004_comment_4(pb: Playbook) -> None:
    assert "deal_breaker" in assess(answers(reasons=["cheating_by_them"]), pb).concerns


@pytest.mark.parametrize(
    ("overrides", "needed"),
    [
        ({"who_ended": "me"}, True),
        ({"who_ended": "them", "reasons": ["hurtful_words"]}, True),
        ({"who_ended": "them", "reasons": ["cheating_by_me"]}, True),
        ({"who_ended": "them", "reasons": ["distance"]}, False),
        ({"who_ended": "mutual"}, False),
    ],
)
def test_apology_when_you_ended_it_or_said_hurtful_things_seed_001(
    pb: Playbook, overrides: dict[str, object], needed: bool
) -> None:
    """seed 001: you ended it or said hurtful things → the plan includes an explicit apology."""
    assert needed == assess(answers(**overrides), pb).apology_needed


def test_you_ended_it_asks_for_analysing_why_seed_000(pb: Playbook) -> None:
    result = assess(answers(who_ended="me"), pb)
    assert any("seed 000" in r.source and "why you ended it" in r.text for r in result.reasons)


def test_safety_concern_wins_over_everything_contracts(pb: Playbook) -> None:
    """contracts.md: safety_concern → safety, whatever else holds; help, not a plan."""
    result = assess(
        answers(safety_concern=True, ex_asked_no_contact=True, motives=["cant_live_without"]), pb
    )
    assert Path.SAFETY == result.path
    assert ("safety",) == result.steps
    assert [] == list(result.concerns)
    assert "help" in result.reasons[0].text


@pytest.mark.parametrize("flag", ["ex_asked_no_contact", "ex_blocked_me"])
def test_their_no_contact_wish_means_let_go_seed_001(pb: Playbook, flag: str) -> None:
    """contracts.md, seed 001: the door is theirs to open."""
    result = assess(answers(**{flag: True}), pb)
    assert Path.LET_GO == result.path
    assert "let_go" in result.steps
    assert "no_contact" not in result.steps


def test_asked_for_space_means_pause_first_seed_003_s1(pb: Playbook) -> None:
    result = assess(answers(ex_asked_space=True), pb)
    assert Path.PAUSE == result.path
    assert "pause" == result.steps[1]


def test_reconcile_steps_follow_the_method_order_method_md(pb: Playbook) -> None:
    expected = [
        "reflect",
        "no_contact",
        "first_contact",
        "rapport",
        "meetup",
        "trust",
        "talk",
        "together",
    ]
    assert expected == list(assess(answers(), pb).steps)


def test_days_already_apart_count_toward_no_contact_seed_003_s1(pb: Playbook) -> None:
    result = assess(answers(days_since_breakup=10, no_contact_since_breakup=True), pb)
    assert 10 == result.already_apart_days


def test_recent_breakup_mentions_bargaining_seed_004_step_2(pb: Playbook) -> None:
    result = assess(answers(days_since_breakup=3), pb)
    assert any(r.source == "seed 004 step 2" for r in result.reasons)


def test_json_shape_matches_contracts(pb: Playbook) -> None:
    data = assess(answers(), pb).to_dict()
    assert {
        "path",
        "no_contact_days",
        "approach",
        "concerns",
        "steps",
        "apology_needed",
        "reasons",
    } <= set(data)
    assert all(set(r) == {"text", "source"} for r in data["reasons"])  # type: ignore[attr-defined]
