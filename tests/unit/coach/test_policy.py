"""Policy: from labels and stage to flags and verdict (contracts.md policy table)."""

from __future__ import annotations

import pytest

from reunite.domain.coach.policy import (
    BEFORE_TALK,
    DraftContext,
    decide,
    relationship_apology,
)
from reunite.domain.model import DRAFT_STAGES, Stage

LATER = [Stage.TALK, Stage.TOGETHER]
EARLY = [s for s in DRAFT_STAGES if s in BEFORE_TALK and s != Stage.NO_CONTACT]


@pytest.mark.parametrize("stage", [s for s in DRAFT_STAGES if s != Stage.NO_CONTACT])
@pytest.mark.parametrize("label", ["needy", "pressure", "hostile", "jealousy", "surveillance"])
def test_hold_labels_hold_at_every_stage(label: str, stage: Stage) -> None:
    """Seeds 003 §1-2 and 004 step 1: begging, pressure, hostility, jealousy, watching."""
    decision = decide([label], stage, spans={label: (0, 5)})
    assert "hold" == decision.verdict
    assert [(label, "block", 0, 5)] == [
        (f.code, f.severity, f.start, f.end) for f in decision.flags
    ]


@pytest.mark.parametrize("stage", [*EARLY, Stage.TALK])
def test_sexual_content_holds_until_together_seed_001(stage: Stage) -> None:
    assert "hold" == decide(["sexual"], stage).verdict


def test_sexual_content_is_fine_together_seed_001() -> None:
    assert "send" == decide(["sexual"], Stage.TOGETHER).verdict


@pytest.mark.parametrize("stage", EARLY)
@pytest.mark.parametrize("label", ["breakup_talk", "reunion_push", "feelings"])
def test_revise_labels_before_talk_seed_001(label: str, stage: Stage) -> None:
    decision = decide([label], stage)
    assert "revise" == decision.verdict
    assert [(label, "warn")] == [(f.code, f.severity) for f in decision.flags]


@pytest.mark.parametrize("stage", LATER)
@pytest.mark.parametrize("label", ["breakup_talk", "reunion_push", "feelings"])
def test_revise_labels_are_fine_from_talk_on_seed_001(label: str, stage: Stage) -> None:
    assert "send" == decide([label], stage).verdict


@pytest.mark.parametrize("stage", [s for s in DRAFT_STAGES if s != Stage.NO_CONTACT])
def test_own_dating_is_always_revise_seed_001(stage: Stage) -> None:
    assert "revise" == decide(["own_dating"], stage).verdict


@pytest.mark.parametrize("stage", [s for s in DRAFT_STAGES if s != Stage.NO_CONTACT])
def test_checkins_invitations_memories_and_hooks_are_fine_seed_000(stage: Stage) -> None:
    """Seeds 000, 001 and 002 step 2 recommend exactly these."""
    labels = ["checkin", "invitation", "memory", "curiosity_hook"]
    assert "send" == decide(labels, stage).verdict


def test_relationship_apology_is_revise_before_talk_seed_003_s5() -> None:
    text = "I'm sorry for how I treated you"
    assert "revise" == decide(["apology"], Stage.RAPPORT, text=text).verdict
    assert "send" == decide(["apology"], Stage.TALK, text=text).verdict


@pytest.mark.parametrize(
    "text",
    ["Sorry for the late reply, work is mental", "sorry I missed your call!", "sorry for the typo"],
)
def test_small_apologies_are_not_about_the_relationship(text: str) -> None:
    """Contracts policy row (seed 003 §5): only an apology for the relationship waits."""
    assert not relationship_apology(text)
    assert "send" == decide(["apology"], Stage.FIRST_CONTACT, text=text).verdict


@pytest.mark.parametrize("stage", EARLY)
def test_more_than_60_words_is_too_long_before_talk_seed_001(stage: Stage) -> None:
    decision = decide([], stage, words=61)
    assert "revise" == decision.verdict
    assert ["too_long"] == [f.code for f in decision.flags]
    assert "send" == decide([], stage, words=60).verdict


def test_long_messages_are_fine_from_talk_on() -> None:
    """Seed 001: the honest talk may take more words."""
    assert "send" == decide([], Stage.TALK, words=200).verdict


@pytest.mark.parametrize("labels", [[], ["checkin"], ["needy", "feelings"]])
def test_anything_during_no_contact_is_held_with_the_day_count_seed_003_s1(
    labels: list[str],
) -> None:
    context = DraftContext(no_contact_day=3, no_contact_days=30)
    decision = decide(labels, Stage.NO_CONTACT, context=context)
    assert "hold" == decision.verdict
    assert ["no_contact"] == [f.code for f in decision.flags]
    assert "Day 3 of 30" in decision.flags[0].reason
    assert "seed 003 §1" == decision.flags[0].source


@pytest.mark.parametrize("stage", [Stage.PAUSE, Stage.LET_GO, Stage.SAFETY])
def test_exit_stages_hold_every_draft(stage: Stage) -> None:
    """Seed 003 §1 (the space they asked for) and seed 001 (respect a final no)."""
    assert "hold" == decide(["checkin"], stage).verdict


@pytest.mark.parametrize("stage", [Stage.FIRST_CONTACT, Stage.MEETUP])
def test_honest_opener_after_long_relationship_relaxes_feelings_seed_003_s5(stage: Stage) -> None:
    honest = DraftContext(relationship_months=18)
    decision = decide(["feelings"], stage, text="I miss you", context=honest)
    assert "send" == decision.verdict
    assert ["seed 003 §5"] == [r.source for r in decision.relaxed]
    assert "revise" == decide(["feelings"], stage, context=DraftContext(approach="casual")).verdict


def test_one_short_feelings_line_on_the_first_call_is_fine_seed_002_step_3() -> None:
    call = DraftContext(first_call=True, approach="casual")
    text = "It's good to hear your voice again, I've missed you."
    assert "send" == decide(["feelings"], Stage.FIRST_CONTACT, text=text, context=call).verdict


def test_a_long_feelings_speech_on_the_first_call_still_needs_revising_seed_002_step_3() -> None:
    call = DraftContext(first_call=True, approach="casual")
    text = (
        "I have missed you every single day and I love you more than I can say and I think "
        "about you from the moment I wake up until I fall asleep"
    )
    assert "revise" == decide(["feelings"], Stage.FIRST_CONTACT, text=text, context=call).verdict


def test_apology_for_the_past_on_the_first_call_is_fine_seed_002_step_4() -> None:
    call = DraftContext(first_call=True)
    text = "I'm sorry for the past."
    assert "send" == decide(["apology"], Stage.FIRST_CONTACT, text=text, context=call).verdict


def test_relaxing_never_lifts_a_hold() -> None:
    """Seeds 003 §5 and 002 step 3 relax a revise only; begging still holds (003 §2)."""
    honest = DraftContext(approach="honest", first_call=True)
    assert "hold" == decide(["feelings", "needy"], Stage.FIRST_CONTACT, context=honest).verdict


def test_blocks_come_before_warnings_and_every_flag_cites_a_seed() -> None:
    """Seed 003 §2 (needy) is the first thing to fix; seed 001 (feelings) comes after."""
    decision = decide(
        ["feelings", "needy"],
        Stage.RAPPORT,
        spans={"feelings": (0, 10), "needy": (12, 20)},
    )
    assert ["needy", "feelings"] == [f.code for f in decision.flags]
    assert all(f.source.startswith("seed ") for f in decision.flags)
    assert all(f.reason for f in decision.flags)


def test_reflecting_inside_the_no_contact_count_holds_seed_003_s1() -> None:
    """The journey counts no-contact days from the start; reflection happens inside them."""
    counting = DraftContext(no_contact_day=2, no_contact_days=30)
    decision = decide(["checkin"], Stage.REFLECT, context=counting)
    assert "hold" == decision.verdict
    assert "Day 2 of 30" in decision.flags[0].reason
    assert "send" == decide(["checkin"], Stage.REFLECT).verdict
