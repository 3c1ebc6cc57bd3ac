"""check_draft end to end: the contracts.md result shape, stages, context, suggestions."""

from __future__ import annotations

import pytest

from reunite.domain.coach import DraftContext, check_draft, suggestions
from reunite.domain.errors import InvalidInput
from reunite.domain.model import Stage


def test_result_has_the_contract_shape() -> None:
    data = check_draft("please come back, I can't live without you", Stage.FIRST_CONTACT).to_dict()
    assert ["verdict", "stage", "labels", "flags", "suggestion", "words"] == list(data)[:6]
    assert "hold" == data["verdict"]
    assert "first_contact" == data["stage"]
    assert 8 == data["words"]
    flag = data["flags"][0]
    assert {"code", "severity", "start", "end", "reason", "source"} == set(flag)
    assert "needy" == flag["code"]
    assert "seed 003 §2" == flag["source"]
    assert data["suggestion"]


def test_a_good_first_text_is_sent_without_a_suggestion_seed_000() -> None:
    data = check_draft("you won't believe what happened today", Stage.FIRST_CONTACT).to_dict()
    assert ("send", [], None) == (data["verdict"], data["flags"], data["suggestion"])


def test_the_same_feelings_are_revise_early_and_send_at_talk_seed_001() -> None:
    assert "revise" == check_draft("I still love you", Stage.RAPPORT).verdict
    assert "send" == check_draft("I still love you", Stage.TALK).verdict


def test_during_no_contact_the_hold_gives_the_day_count_and_the_unsent_letter_seed_003_s1() -> None:
    result = check_draft(
        "hey, how are you?",
        Stage.NO_CONTACT,
        DraftContext(no_contact_day=12, no_contact_days=30),
    )
    assert "hold" == result.verdict
    assert "Day 12 of 30" in result.flags[0].reason
    assert result.suggestion is not None
    assert "unsent letter" in result.suggestion


def test_honest_approach_lets_i_miss_you_through_at_meetup_seed_003_s5() -> None:
    assert (
        "send" == check_draft("I miss you", Stage.MEETUP, DraftContext(approach="honest")).verdict
    )


def test_too_long_counts_words_seed_001() -> None:
    text = " ".join(["lovely"] * 70)
    result = check_draft(text, Stage.FIRST_CONTACT)
    assert "too_long" in [f.code for f in result.flags]
    assert 70 == result.words


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("", "empty"), ("   \n ", "empty"), ("a\x00b", "binary"), ("x" * 20_001, "characters long")],
)
def test_bad_text_is_one_clear_sentence(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        check_draft(text, Stage.FIRST_CONTACT)


def test_unknown_stage_is_refused() -> None:
    with pytest.raises(InvalidInput, match="Unknown stage"):
        check_draft("hi", "dating")  # type: ignore[arg-type]


def test_suggestions_are_personalised_with_known_details() -> None:
    context = DraftContext(ex_name="Priya", shared_interest="the cricket", belonging="blue scarf")
    texts = [s.text for s in suggestions(Stage.FIRST_CONTACT, context)]
    assert any("Priya" in t for t in texts)
    assert any("the cricket" in t for t in texts)
    rapport = [s.text for s in suggestions(Stage.RAPPORT, context)]
    assert any("blue scarf" in t for t in rapport)


@pytest.mark.parametrize("stage", list(Stage))
def test_every_stage_has_suggestions_with_sources(stage: Stage) -> None:
    items = suggestions(stage)
    if stage in (Stage.PAUSE, Stage.LET_GO, Stage.SAFETY):
        return
    assert items
    assert all(s.source.startswith("seed") for s in items)


def test_suggested_openers_pass_their_own_check_seed_000() -> None:
    """The coach's own templates must not be flagged at their stage."""
    for stage in (Stage.FIRST_CONTACT, Stage.RAPPORT, Stage.MEETUP, Stage.TRUST):
        for item in suggestions(stage):
            if item.kind in ("opener", "invitation", "memory"):
                assert "send" == check_draft(item.text, stage).verdict, item.text
