"""Detection: each label with positives and hard negatives, spans and negation (contracts.md)."""

from __future__ import annotations

import pytest

from reunite.domain.coach.labels import detect
from reunite.domain.coach.rules import LABELS, rule_hits

POSITIVES: dict[str, list[str]] = {
    "needy": [
        "please come back, I can't live without you",
        "I'm begging you, just answer me once",
        "I'm a mess without you, I can't sleep or eat",
    ],
    "pressure": [
        "why are you ignoring me? answer me",
        "You owe me an answer by Friday or I'm done",
        "I've texted you 5 times, the least you could do is reply",
    ],
    "hostile": [
        "after everything I did for you, you're so selfish",
        "you ruined my life",
        "Sorry you feel that way.",
    ],
    "jealousy": [
        "who's the guy in your photos?",
        "are you seeing someone?",
        "hope he makes you happy lol",
    ],
    "surveillance": [
        "saw you at Luigi's on Friday",
        "your brother said you got the job",
        "I noticed you were online at 3am",
    ],
    "own_dating": [
        "I went on a date last week but it was boring",
        "I've been seeing someone from work",
    ],
    "sexual": ["I miss your body", "what are you wearing right now 😏"],
    "breakup_talk": ["why did you break up with me?", "I keep thinking about the fight"],
    "reunion_push": [
        "let's give us another chance",
        "I want us to get back together",
        "please take me back",
    ],
    "feelings": ["I still love you", "I miss you so much", "I'm not over you"],
    "apology": [
        "I'm sorry for how I treated you",
        "I apologise for the things I said when I was angry",
        "sorry I was late",
    ],
    "invitation": [
        "coffee on Saturday?",
        "would you be up for a call this week?",
        "I found your scarf, can we meet for a coffee so I can give it back?",
    ],
    "memory": [
        "remember the concert in the rain?",
        "found this photo of us in Rome, great day wasn't it",
        "walked past the café where we used to get breakfast",
    ],
    "curiosity_hook": [
        "you won't believe what happened today",
        "guess who I just saw at the airport",
    ],
    "checkin": ["how's your sister doing?", "how are you doing these days?"],
}

#: Trigger words used innocently: the label must not be given at all (contracts.md notes).
HARD_NEGATIVES: dict[str, list[str]] = {
    "needy": ["please send the wifi password for the storage unit when you can"],
    "pressure": ["answer the door, the pizza is here lol"],
    "hostile": ["7am meetings should be illegal", "this weather is the absolute worst"],
    "jealousy": ["your sister's new boyfriend seems lovely, how's she doing?"],
    "surveillance": ["see you at the market on Sunday then"],
    "own_dating": ["I went on a long walk last week, the hills were gorgeous"],
    "sexual": ["the body shop on the high street finally closed"],
    "breakup_talk": [
        "The breakup of Oasis still makes me sad tbh",
        "the fight last night was unreal, Usyk is a machine",
    ],
    "reunion_push": ["Blur are back together for a tour!! Wembley in July"],
    "feelings": ["saw this and thought of you", "I love this song", "miss barcelona so much"],
    "apology": ["I'm sorry to hear about your gran", "So sorry to hear the shop is closing"],
    "invitation": ["I'll leave your books with the concierge on Thursday, no need to come by"],
    "memory": ["remember to renew the car insurance, it's still in your name"],
    "curiosity_hook": ["hope you're well"],
    "checkin": ["hope you're good"],
}


#: Where the method speaks of each label (method.md); the test ids carry it.
SOURCES: dict[str, str] = {
    "needy": "seed 003 §2",
    "pressure": "seed 004 step 1",
    "hostile": "seed 003 §2",
    "jealousy": "seed 003 §2",
    "surveillance": "seed 003 §1",
    "own_dating": "seed 001",
    "sexual": "seed 001",
    "breakup_talk": "seed 000",
    "reunion_push": "seed 001",
    "feelings": "seed 001",
    "apology": "seed 003 §5",
    "invitation": "seed 004 step 3",
    "memory": "seed 000",
    "curiosity_hook": "seed 000",
    "checkin": "seed 002 step 2",
}


def _cases(table: dict[str, list[str]]) -> list[object]:
    return [
        pytest.param(label, text, id=f"{label} ({SOURCES[label]}): {text[:40]}")
        for label, texts in table.items()
        for text in texts
    ]


@pytest.mark.parametrize(("label", "text"), _cases(POSITIVES))
def test_each_label_is_detected(label: str, text: str) -> None:
    """Contracts.md label table (the id names the seed each label comes from)."""
    assert label in detect(text).labels


@pytest.mark.parametrize(("label", "text"), _cases(HARD_NEGATIVES))
def test_hard_negatives_do_not_get_the_label(label: str, text: str) -> None:
    """Contracts.md label notes: trigger words used innocently carry no label."""
    assert label not in detect(text).labels


def test_every_label_has_positives_and_hard_negatives() -> None:
    assert set(LABELS) == set(SOURCES)
    assert set(LABELS) == set(POSITIVES) == set(HARD_NEGATIVES)


def test_negation_im_not_asking_you_to_come_back_is_no_reunion_push() -> None:
    """Seed 001 (no long-term plans early): a negated proposal is not a proposal."""
    text = "I'm not asking you to come back, I just saw the match and thought you'd laugh"
    assert "reunion_push" not in detect(text).labels
    hit = next(h for h in rule_hits(text) if h.label == "reunion_push")
    assert hit.negated
    assert "come back" == text[hit.start : hit.end]


def test_negated_feelings_are_not_feelings() -> None:
    """Seed 001: feelings need an explicit statement; "I don't miss…" is not one."""
    assert "feelings" not in detect("I don't miss the commute at all since I moved").labels


def test_double_negation_still_counts() -> None:
    """ "I can't stop missing you" states feelings (seed 001): can't-stop affirms."""
    assert "feelings" in detect("I can't stop missing you").labels


def test_quoted_words_are_reported_speech_not_the_writer() -> None:
    """Seed 004 step 1: pressure is the writer's own demand, not someone else's words."""
    hits = rule_hits('my boss literally said "answer me now" in the meeting lol')
    pressure = [h for h in hits if h.label == "pressure"]
    assert pressure
    assert all(h.quoted and not h.counts for h in pressure)


@pytest.mark.parametrize(
    ("text", "label", "words"),
    [
        ("Hey! please come back, I can't live without you", "needy", "please come back"),
        ("Great weekend. saw you at Luigi's on Friday", "surveillance", "saw you"),
        ("so… who's the guy in your photos?", "jealousy", "who's the guy"),
        ("Anyway, I still love you", "feelings", "I still love you"),
    ],
)
def test_spans_point_at_the_words_that_caused_the_label(text: str, label: str, words: str) -> None:
    """Flags show the exact words (seeds 003 §1-2, 001): the span is the rule's match."""
    evidence = detect(text).evidence[label]
    assert evidence.start is not None
    assert evidence.end is not None
    assert words == text[evidence.start : evidence.end]


def test_typographic_apostrophes_keep_spans_exact() -> None:
    """Seed 003 §2 (begging): curly quotes don't shift the span."""
    text = "I’m begging you, please"
    evidence = detect(text).evidence["needy"]
    assert evidence.start is not None
    assert "begging" == text[evidence.start : evidence.end]


def test_a_model_only_label_points_at_the_most_telling_sentence() -> None:
    """Seed 003 §2: sorrow dumped on them is needy; the span is the sentence that says it."""
    text = "Work is fine. The flat is so quiet without you and I just sit there crying every night."
    detection = detect(text)
    assert "needy" in detection.labels
    evidence = detection.evidence["needy"]
    assert evidence.start is not None
    assert evidence.start >= text.index("The flat")


def test_detection_is_independent_of_stage() -> None:
    """Labels describe the text; only the policy knows the stage (contracts.md)."""
    assert detect("coffee on Saturday?").labels == ("invitation",)


def test_rules_alone_work_without_a_model() -> None:
    """Seed 001 (feelings) still detected by the rules when no trained file is shipped."""
    assert "feelings" in detect("I still love you", use_model=False).labels
