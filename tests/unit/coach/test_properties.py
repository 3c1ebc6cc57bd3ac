"""Properties of the coach on any text: it never crashes, spans stay inside the text, and
the verdict always follows from the flags (contracts.md: hold = any block or no_contact)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reunite.domain.coach import check_draft, read_reply
from reunite.domain.errors import InvalidInput
from reunite.domain.model import DRAFT_STAGES, Boundary, Stage, Tone

WORDS = st.sampled_from(
    [
        "please", "come", "back", "I", "miss", "you", "not", "asking", "coffee", "Saturday?",
        "sorry", "for", "the", "late", "reply", "stop", "texting", "me", "who's", "guy",
        "saw", "your", "story", "lol", "😂", "remember", "Rome", "kill", "myself", "commute",
        "is", "killing", "\"answer", "me\"", "space", "need", "time", "my", "new", "job",
    ]
)  # fmt: skip
MESSAGES = st.one_of(
    st.lists(WORDS, min_size=1, max_size=40).map(" ".join),
    st.text(min_size=1, max_size=300),
)


@settings(max_examples=300, deadline=None)
@given(MESSAGES, st.sampled_from(DRAFT_STAGES))
def test_check_is_total_and_consistent(text: str, stage: Stage) -> None:
    try:
        result = check_draft(text, stage)
    except InvalidInput:
        return
    data = result.to_dict()
    assert data["verdict"] in {"send", "revise", "hold"}
    for flag in result.flags:
        if flag.start is not None:
            assert flag.end is not None
            assert 0 <= flag.start < flag.end <= len(text)
        assert flag.severity in {"warn", "block"}
        assert flag.reason
        assert flag.source
    blocked = any(f.severity == "block" for f in result.flags)
    if blocked or stage == Stage.NO_CONTACT:
        assert "hold" == result.verdict
    elif result.flags:
        assert "revise" == result.verdict
    else:
        assert "send" == result.verdict
    assert (result.suggestion is None) == (result.verdict == "send" or result.crisis)


@settings(max_examples=300, deadline=None)
@given(MESSAGES)
def test_read_reply_is_total(text: str) -> None:
    try:
        reading = read_reply(text)
    except InvalidInput:
        return
    assert reading.boundary is None or isinstance(reading.boundary, Boundary)
    assert isinstance(reading.tone, Tone)
    assert reading.advice
    assert reading.source.startswith("seed")
    if reading.span is not None:
        assert 0 <= reading.span[0] < reading.span[1] <= len(text)
