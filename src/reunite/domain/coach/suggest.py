"""Suggestions by stage: openers, memory texts, invitations and apologies.

Written in the product's own words after the method (method.md), personalised with
what the user told us (their ex's name, a shared interest, a place, a belonging).
"""

from __future__ import annotations

from dataclasses import dataclass

from reunite.domain.coach.policy import DraftContext
from reunite.domain.model import Stage

UNSENT_LETTER = (
    "Don't send it. Write it as an unsent letter in your journal: say everything, then "
    "close the page. The urge passes, and the no-contact days keep counting."
)

UNSENT_LETTER_LATER = (
    "Don't send it. Write it as an unsent letter in your journal instead: say everything, "
    "then close the page. It is for you, not for them."
)


@dataclass(frozen=True)
class Suggestion:
    kind: str  # opener | memory | invitation | apology | talk | together | unsent_letter
    text: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text, "source": self.source}


def _fill(template: str, context: DraftContext | None) -> str:
    ctx = context or DraftContext()
    name = f", {ctx.ex_name}" if ctx.ex_name else ""
    values = {
        "name": name,
        "interest": ctx.shared_interest or "the match",
        "place": ctx.place or "the gallery in town",
        "belonging": ctx.belonging or "your scarf",
        "memory": ctx.memory or "that day at the coast",
    }
    return template.format(**values)


_BY_STAGE: dict[Stage, list[tuple[str, str, str]]] = {
    Stage.NO_CONTACT: [("unsent_letter", UNSENT_LETTER, "seed 003 §1")],
    Stage.REFLECT: [
        (
            "unsent_letter",
            "Not yet: first work out why it ended and whether it can be fixed. Write the "
            "message as an unsent letter and keep it for later.",
            "seed 003 §4",
        )
    ],
    Stage.FIRST_CONTACT: [
        ("opener", "Hey{name}, you won't believe what happened to me today 😄", "seed 000"),
        (
            "opener",
            "Heard some news about {interest} today and thought you'd have an opinion. Hope you're well{name}!",
            "seed 000",
        ),
        (
            "opener",
            "Walked past our old café today and it made me smile. Hope you're doing well{name}.",
            "seed 001",
        ),
    ],
    Stage.RAPPORT: [
        (
            "opener",
            "What did you make of the news about {interest}? I'm curious what you think.",
            "seed 000",
        ),
        ("memory", "Just found this photo from {memory}, such a fun day, wasn't it?", "seed 000"),
        (
            "invitation",
            "I just found {belonging} of yours. Could we meet for a quick coffee so I can give it back?",
            "seed 000",
        ),
    ],
    Stage.MEETUP: [
        (
            "invitation",
            "There's a new exhibition at {place}; it only takes about an hour. Fancy coming along on Saturday morning?",
            "seed 001",
        ),
        ("invitation", "Coffee before work on Thursday? Just a quick one.", "seed 003 §5"),
        (
            "invitation",
            "That was fun. There's a farmers' market on Sunday, want to go?",
            "seed 001",
        ),
    ],
    Stage.TRUST: [
        (
            "opener",
            "How did the week go{name}? Did the thing at work turn out alright?",
            "seed 000",
        ),
        ("memory", "Remember {memory}? I still laugh about it.", "seed 000"),
        (
            "invitation",
            "I had a really good time last time. Up for another walk this weekend?",
            "seed 001",
        ),
    ],
    Stage.TALK: [
        (
            "talk",
            "These months apart showed me how much I miss you. I'd like us to try again, slowly, and do it better this time. How do you feel about that?",
            "seed 001",
        ),
        (
            "apology",
            "I'm sorry for how I treated you at the end. I've thought about what went wrong, and I want to own my part and change it.",
            "seed 001",
        ),
    ],
    Stage.TOGETHER: [
        (
            "together",
            "Let's try somewhere neither of us has been: new place, new memories. Saturday?",
            "seed 001",
        ),
        (
            "together",
            "Can we talk about what we each need this time, likes and dislikes, so the old problems don't come back?",
            "seed 003 §6",
        ),
    ],
}

_APOLOGY_BY_STAGE = (
    "apology",
    "Keep the apology for the real conversation: 'I'm sorry for the hurtful things I said. "
    "You didn't deserve that, and I've been working on why I did it.'",
    "seed 001",
)


def suggestions(stage: Stage, context: DraftContext | None = None) -> list[Suggestion]:
    """A few templates for this stage, personalised where details are known."""
    items = list(_BY_STAGE.get(stage, []))
    if stage in (Stage.MEETUP, Stage.TRUST):
        items.append(_APOLOGY_BY_STAGE)
    return [Suggestion(kind, _fill(text, context), source) for kind, text, source in items]


#: For a flagged draft: what to offer instead, keyed by the most serious flag.
_INSTEAD: dict[str, str] = {
    "needy": "Leave out the pleading. Share something light from your own life instead, e.g. ",
    "pressure": "Don't ask for a reply or a decision. If they are quiet, wait; later try something easy, e.g. ",
    "hostile": "Vent to a friend, not to them. If you write at all, keep it kind and light, e.g. ",
    "jealousy": "Leave their love life out of it. Talk about something you share, e.g. ",
    "surveillance": "Don't mention what you saw or heard about them. Start fresh, e.g. ",
    "sexual": "Keep it friendly and light for now, e.g. ",
    "own_dating": "Leave your dates out of it. Share something else from your life, e.g. ",
    "breakup_talk": "Save the breakup for the real talk. For now, e.g. ",
    "reunion_push": "Let the future wait until you've met a few times. For now, e.g. ",
    "feelings": "Save the feelings for the honest talk. For now, e.g. ",
    "apology": "Save the apology for the real conversation. For now, e.g. ",
    "too_long": "Cut it down to a line or two, e.g. ",
}


def suggestion_for(
    codes: list[str], stage: Stage, context: DraftContext | None = None
) -> str | None:
    """A better way to say it, for the first flag's code; None when nothing is flagged."""
    if not codes:
        return None
    if stage == Stage.REFLECT and context is not None and context.no_contact_day is not None:
        return UNSENT_LETTER
    if stage in (Stage.NO_CONTACT, Stage.REFLECT):
        return suggestions(stage, context)[0].text
    if stage in (Stage.PAUSE, Stage.LET_GO):
        return UNSENT_LETTER_LATER
    if stage == Stage.SAFETY:
        return None
    templates = suggestions(stage, context)
    if not templates:
        return None
    preferred = [t for t in templates if t.kind in ("opener", "invitation", "memory")]
    example = (preferred or templates)[0].text
    lead = _INSTEAD.get(codes[0], "Try something lighter, e.g. ")
    return f"{lead}“{example}”"
