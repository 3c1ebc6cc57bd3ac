"""Reading their reply: boundaries (safety-critical), tone, signals, advice (contracts.md)."""

from __future__ import annotations

import pytest

from reunite.domain.coach import read_reply
from reunite.domain.coach.reply_rules import boundary_hits
from reunite.domain.model import Boundary, Tone

BOUNDARY_POSITIVES: dict[Boundary, list[str]] = {
    Boundary.NO_CONTACT: [
        "please stop texting me",
        "Please stop texting me.",
        "Don't contact me again.",
        "leave me alone",
        "I'm blocking you now.",
        "lose my number",
        "I don't want to hear from you. Ever.",
        "If you message me one more time I'm blocking you everywhere.",
        "stop messaging me or I'll block you",
    ],
    Boundary.SPACE: [
        "I need some time to myself",
        "I need space right now, please respect that",
        "I'm not ready to talk yet",
        "Give me a few weeks, ok?",
        "I'll reach out when I'm ready",
    ],
    Boundary.REJECTION: [
        "I don't see us getting back together",
        "I don't have feelings for you anymore",
        "We're not getting back together. I've moved on.",
        "It's over between us, I'm sorry",
    ],
    Boundary.NEW_PARTNER: [
        "I'm seeing someone now",
        "I have a boyfriend",
        "My girlfriend and I just moved in together",
        "I met someone, it's getting serious",
    ],
}

#: Mentions space, stopping or someone else in another sense: no boundary (contracts.md).
HARD_NEGATIVES = [
    "don't stop sending memes",
    "my new job eats all my time",
    "haha stop it, you're so funny 😂",
    "I need space in my closet, I've bought way too many shoes",
    "my sister's new boyfriend is lovely",
    "The renovation is finally over 🎉",
    "I'm seeing the new Marvel film on Friday, have you seen it?",
    "Sure, coffee on Saturday sounds good!",
]


@pytest.mark.parametrize(
    ("kind", "text"),
    [(kind, text) for kind, texts in BOUNDARY_POSITIVES.items() for text in texts],
)
def test_each_boundary_kind_is_seen(kind: Boundary, text: str) -> None:
    """Seed 001 (honour their wishes) and 003 §1: a boundary applies at once."""
    assert kind == read_reply(text).boundary


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_words_in_another_sense_are_no_boundary(text: str) -> None:
    """Contracts.md (read-reply): "don't stop sending memes" sets no limit (seed 001)."""
    assert read_reply(text).boundary is None


def test_a_missed_please_stop_texting_me_is_the_worst_defect() -> None:
    """Boundary detection errs on the side of seeing one, even misspelt and shouted."""
    for text in ["plz stop txting me", "STOP TEXTING ME", "pls stop", "stop contacting me!!"]:
        assert Boundary.NO_CONTACT == read_reply(text).boundary, text


def test_no_contact_wins_over_a_softer_boundary_in_the_same_reply() -> None:
    """Seed 003 §1 / seed 001: the strictest wish is the one to honour."""
    reading = read_reply("I'm seeing someone, so please stop texting me.")
    assert Boundary.NO_CONTACT == reading.boundary


def test_a_boundary_reply_points_at_the_words() -> None:
    """Seed 001 (honour their wishes): the reading shows which words set the limit."""
    text = "Hey. I wish you well, but please stop texting me."
    reading = read_reply(text)
    assert reading.span is not None
    words = text[reading.span[0] : reading.span[1]]
    assert "stop" in words
    assert words in "please stop texting me"
    spans = {text[h.start : h.end] for h in boundary_hits(text) if h.kind == "no_contact"}
    assert spans
    assert all(s in "please stop texting me" for s in spans)


def test_negated_space_is_no_space() -> None:
    """Seed 003 §1: "I don't need space" asks for none."""
    assert not any(
        h.kind == "space" and h.counts
        for h in boundary_hits("I don't need space, I'm glad you texted")
    )


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("how have you been?", "asks_question"),
        ("haha that's so you 😂", "laughter"),
        ("I got the job at the museum!", "shares_news"),
        ("we should grab a coffee sometime", "suggests_meeting"),
        ("aww I miss you too ❤️", "affection"),
        ("ok", "short_reply"),
    ],
)
def test_interest_signals_seed_001(text: str, signal: str) -> None:
    """Seed 001: questions back, news, laughing, willingness to meet are good signs."""
    assert signal in read_reply(text).signals


def test_a_long_reply_is_not_short_and_has_no_question_without_a_question_mark() -> None:
    """Seed 001 signals: a question back needs a question."""
    signals = read_reply(
        "It was nice to hear from you, the new flat is lovely and work is good"
    ).signals
    assert "short_reply" not in signals
    assert "asks_question" not in signals


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        ("haha I missed you too, it's so good to hear from you ❤️", Tone.WARM),
        ("Fine. Whatever.", Tone.COLD),
        ("You're a pathetic liar and I hate you", Tone.HOSTILE),
    ],
)
def test_tone(text: str, tone: Tone) -> None:
    """Seed 000: an angry reply means give it a rest; a warm one is a good sign (001)."""
    assert tone == read_reply(text).tone


def test_advice_follows_the_boundary_and_cites_a_seed() -> None:
    reading = read_reply("please stop texting me")
    assert "stop contacting" in reading.advice
    assert reading.source.startswith("seed 001")


def test_a_warm_reply_with_a_meeting_gets_the_short_public_meetup_advice_seed_001() -> None:
    reading = read_reply("haha yes! coffee on Saturday?")
    assert reading.boundary is None
    assert "brief, public" in reading.advice


def test_to_dict_matches_the_contract_shape() -> None:
    """Contracts.md read-reply shape (seed 003 §1 for space)."""
    data = read_reply("I need some time to myself").to_dict()
    assert {"boundary", "tone", "signals", "advice", "source"} <= set(data)
    assert "space" == data["boundary"]
    assert data["tone"] in {"warm", "neutral", "cold", "hostile"}


@pytest.mark.parametrize(
    "text",
    [
        "please stop texting me",
        "leave me alone",
        "lose my number",
        "I need some space",
        "I don't see us getting back together",
        "I'm seeing someone now",
    ],
)
def test_an_unambiguous_boundary_phrase_decides_without_the_model(text: str) -> None:
    """Seed 001 (honour their wishes): the plain phrases never wait on a learned score."""
    assert any(h.decisive for h in boundary_hits(text)), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("we might go away for Easter, fancy the cat-sitting?", "no_contact"),
        ("my partner at work is useless, I'm doing everything", "new_partner"),
        ("maybe later, I'm in a meeting", "space"),
        ("I'm moving on to the next season now, no spoilers!", "rejection"),
    ],
)
def test_a_phrase_with_an_innocent_sense_is_only_a_hint(text: str, kind: str) -> None:
    """Contracts.md (read-reply): words used in another sense set no boundary, so these
    rules only point the model at a kind instead of deciding."""
    hits = [h for h in boundary_hits(text) if h.kind == kind]
    assert hits
    assert not any(h.decisive for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        "my partner at work is useless, I'm doing everything",
        "I'm moving on to the next season now, no spoilers!",
    ],
)
def test_the_model_overrules_a_weak_hint_it_is_sure_of(text: str) -> None:
    """Contracts.md (read-reply): "my new job eats all my time" is no boundary; a weak
    hint never outweighs a model that is sure (docs/coach.md)."""
    assert read_reply(text).boundary is None


def test_a_weak_hint_still_gives_the_span_when_the_model_agrees() -> None:
    """Seed 001: a boundary the model reads shows the words that hinted at it."""
    text = "Please just go away."
    reading = read_reply(text)
    assert Boundary.NO_CONTACT == reading.boundary
    assert reading.span is not None
    assert "go away" in text[reading.span[0] : reading.span[1]]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Honestly? That ship has sailed.", "rejection"),
        ("I think we've run our course, and that's ok.", "rejection"),
        ("That chapter is closed for me.", "rejection"),
        ("We're history. Please accept it.", "rejection"),
        ("The spark just isn't there any more.", "rejection"),
        ("I have no feelings left for you.", "rejection"),
        ("I'd like a few months off from talking.", "space"),
        ("I never want to hear from you again.", "no_contact"),
        ("quit texting me", "no_contact"),
        ("there's a new person in my life", "new_partner"),
        ("I'm off the market, sorry", "new_partner"),
    ],
)
def test_idioms_for_a_boundary_decide_on_their_own(text: str, kind: str) -> None:
    """Seed 001 (honour their wishes): boundaries said in an idiom are still boundaries."""
    assert any(h.decisive and h.kind == kind for h in boundary_hits(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to block you, don't be daft 😂",
        "I wasn't going to block you, relax",
        "I don't want you to stop messaging, I just reply slowly",
        "I don't want to stop talking to you",
        "haha don't you dare stop texting me",
        "why'd you stop texting me back in March?",
        "If you need time, take it. I'll be here.",
        "It's not that I don't have feelings. I do.",
        "If you'd asked me a month ago I'd have said leave me alone. Now I'm not sure.",
        "I was going to say I need space, but honestly I don't.",
        "I'll need a bit of time to find the paperwork",
        "No feelings were hurt, honestly",
        "I don't think we're over. I think we were just tired.",
        "My sister just got engaged!!",
        "stop guilt-tripping me",
    ],
)
def test_negated_hypothetical_or_other_senses_do_not_decide(text: str) -> None:
    """Contracts.md (read-reply): a withdrawn, negated or borrowed boundary phrase sets no
    boundary by itself (seed 001 still wants the real ones honoured at once)."""
    assert not any(h.decisive for h in boundary_hits(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "I need more space in my wardrobe, honestly",
        "my work partner quit so I'm doing two jobs",
        "I'm moving on to the next season now, no spoilers!",
        "love that for you",
        "don't stop sending memes",
    ],
)
def test_a_recognised_innocent_sense_needs_the_model_to_lean_towards_a_boundary(
    text: str,
) -> None:
    """Contracts.md (read-reply): a reply that merely mentions space, stopping or someone
    else in another sense is no boundary; the gate's recall-first bar does not apply."""
    assert read_reply(text).boundary is None


def test_an_innocent_phrase_never_hides_a_decisive_boundary() -> None:
    """Seed 001 (honour their wishes): "please stop texting me" wins over any look-alike."""
    assert (
        Boundary.NO_CONTACT == read_reply("love that for you. but please stop texting me").boundary
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("plz dont call or txt me again, i mean it this time", "no_contact"),
        ("Please don't call, don't text, don't turn up.", "no_contact"),
        ("Stop. Texting. Me.", "no_contact"),
        ("why do you keep messaging me?? stop.", "no_contact"),
        ("I've asked you not to reach out. I meant it.", "no_contact"),
        ("We agreed not to talk. Please stick to it.", "no_contact"),
        ("Kindly refrain from messaging me further.", "no_contact"),
        ("leave me alonee pls", "no_contact"),
        ("I think we should stop talking completely.", "no_contact"),
        ("Don't come to my house again.", "no_contact"),
        ("I just need some space for a bit, ok", "space"),
        ("I need some distance from you for now", "space"),
        ("I'm taking a month off from us being in contact.", "space"),
        ("it's better if we don't talk over the summer", "space"),
        ("im not ready 2 talk sorry", "space"),
        ("It's over between us.", "rejection"),
        ("haha no. we're done, remember", "rejection"),
        ("honestly I'm done with us", "rejection"),
        ("I don't think of you that way anymore.", "rejection"),
        ("I don't want a relationship with you again.", "rejection"),
        ("Reconciliation isn't something I'm open to.", "rejection"),
        ("What we had is in the past.", "rejection"),
        ("I literally just got engaged last weekend", "new_partner"),
        ("I've been with Tom since March.", "new_partner"),
        ("I've fallen for someone else.", "new_partner"),
        ("It's not that I don't care, it's that I'm in a relationship now.", "new_partner"),
    ],
)
def test_boundaries_built_from_general_parts_decide_on_their_own(text: str, kind: str) -> None:
    """Seed 001 (honour their wishes): a list of contact verbs, words split by full stops,
    "done with us" or "got engaged" are read as the boundary they are, typos included."""
    assert any(h.decisive and h.kind == kind for h in boundary_hits(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Don't call, text. I'm in the library.",
        "we're through to the final round of interviews!",
        "Need some me-time this weekend, been a hectic week",
        "lol who told you I have a boyfriend?? there's no one",
        "I need space for a sofa bed, any ideas?",
        "I've been seeing a therapist since March, it helps",
        "I'm done with the dishes finally",
        "stop by whenever, I keep texting Sam to come too. stop by!",
    ],
)
def test_the_general_parts_leave_other_senses_alone(text: str) -> None:
    """Contracts.md (read-reply): the same words in another sense decide nothing."""
    assert not any(h.decisive for h in boundary_hits(text)), text
