"""Policy: from detected labels and the stage to flags and a verdict (contracts.md).

Labels say what a draft does; the policy says what is wrong with sending it *now*.
The table in contracts.md is the whole rule set; each flag carries the span of the words
that caused it, a plain reason in the product's own words, and its source in the seeds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reunite.domain.model import Stage

BEFORE_TALK: frozenset[Stage] = frozenset(
    {
        Stage.REFLECT,
        Stage.NO_CONTACT,
        Stage.FIRST_CONTACT,
        Stage.RAPPORT,
        Stage.MEETUP,
        Stage.TRUST,
    }
)
#: More words than this is `too_long` before the talk stage (001 "brief and sweet").
MAX_WORDS = 60

HOLD_ALWAYS: tuple[str, ...] = ("needy", "pressure", "hostile", "jealousy", "surveillance")
REVISE_BEFORE_TALK: tuple[str, ...] = ("breakup_talk", "reunion_push", "feelings")


@dataclass(frozen=True)
class Rule:
    reason: str
    source: str


#: Why each flag matters, in the product's own words, and where the method says so.
RULES: dict[str, Rule] = {
    "needy": Rule(
        "Begging or pouring out how miserable you are tells them you are needy, and that "
        "pushes them further away. Keep it light and let your own life speak.",
        "seed 003 §2",
    ),
    "pressure": Rule(
        "Demanding an answer, a meeting or a decision, or complaining about their silence, "
        "makes them pull back. If they don't reply, give it a rest and wait.",
        "seed 004 step 1",
    ),
    "hostile": Rule(
        "Blame, insults, guilt-trips and sarcasm close the door you want to open. Hold your "
        "tongue: vent to a friend, not to them.",
        "seed 003 §2",
    ),
    "jealousy": Rule(
        "Asking or hinting about their love life shows you are still hurting and keeping "
        "tabs on them. It is theirs to share if they want to.",
        "seed 003 §2",
    ),
    "surveillance": Rule(
        "This shows you have been following their life (their profiles, their friends, "
        "where they go). No checking up on them and no 'accidental' meetings.",
        "seed 003 §1",
    ),
    "sexual": Rule(
        "Anything sexual now reads as looking for a hookup rather than reconnecting with "
        "them as a person.",
        "seed 001",
    ),
    "own_dating": Rule(
        "Stories about people you have dated since can hurt them or make them jealous; "
        "they are best left untold.",
        "seed 001",
    ),
    "breakup_talk": Rule(
        "Leave the breakup and the fight alone for now; they belong to the honest talk "
        "after a few good meetings. If they raise it, say it can wait.",
        "seed 000",
    ),
    "reunion_push": Rule(
        "Talk of getting back together or of long-term plans comes after the second or "
        "third meeting; earlier it is a red flag that can cost you the next step.",
        "seed 001",
    ),
    "feelings": Rule(
        "Saying you love or miss them belongs to the honest talk after a few meetings; "
        "for now keep it brief and light.",
        "seed 001",
    ),
    "apology": Rule(
        "An apology for the relationship matters, but it belongs early in the real "
        "conversation, face to face or on a call, not in a text now.",
        "seed 003 §5",
    ),
    "too_long": Rule(
        "Long messages feel heavy. Keep it brief and sweet: a line or two.",
        "seed 001",
    ),
    "pause": Rule(
        "They asked for time or space, so no messages until the pause is over. Write it "
        "as an unsent letter instead.",
        "seed 003 §1",
    ),
    "let_go": Rule(
        "They said no to trying again, so this journey has turned to your own recovery. "
        "Write it as an unsent letter instead of sending it.",
        "seed 001",
    ),
    "safety": Rule(
        "This journey is about your safety, so Reunite won't help write to them.",
        "safety (not in the articles; responsible software must)",
    ),
    "no_contact": Rule(
        "You are in no-contact: no texts, calls or messages on any app. Write it as an "
        "unsent letter instead, and keep the days counting.",
        "seed 003 §1",
    ),
}

#: Apologies for small things ("sorry for the late reply") are not about the relationship.
_TRIVIAL_APOLOGY = re.compile(
    r"\b(?:late|slow|delayed|quick|short) (?:reply|response|answer|text|message)|"
    r"\b(?:the|this) delay\b|taking (?:so|this) long|\b(?:double|random|late|drunk|long) (?:text|message)|"
    r"\bmissed (?:your|the|ur) call|\b(?:ringing|calling|texting|messaging|writing) (?:so|this) (?:late|early)|"
    r"\btypos?\b|autocorrect|wrong (?:person|number|chat)|meant for|forgot to (?:send|reply|text|call)|"
    r"\bbother(?:ing)? you\b|\bdisturb|\binterrupt|\bspam|so many (?:messages|texts)|wall of text|"
    r"\bwaking you|out of the blue|\brandom\b|\bbeing short\b|\bthe noise\b|\bthe mess\b|"
    r"\bi'?m late\b|\bwas late\b|\bcancel(?:l?ing|l?ed)?\b|\bblurry\b|\bvoice note\b",
    re.IGNORECASE,
)
_APOLOGY_WORD = re.compile(
    r"\b(?:sorry|sry|soz|apologi[sz]e|apolog(?:y|ies)|forgive me)\b", re.IGNORECASE
)


def relationship_apology(text: str) -> bool:
    """An apology about the relationship, not just for a late reply or a missed call."""
    words = list(_APOLOGY_WORD.finditer(text))
    if not words:
        return True  # "I was wrong", "it was my fault": about what happened between you
    for match in words:
        after = text[match.start() : match.end() + 60]
        if not _TRIVIAL_APOLOGY.search(after):
            return True
    return False


@dataclass(frozen=True)
class DraftContext:
    """Facts about the situation that let the policy relax a `revise` (contracts.md).

    `approach` is "honest" (relationship of 12 months or more, 003 §5) or "casual";
    `first_call` marks the caring first call after a fight (002 step 2-4).
    """

    relationship_months: int | None = None
    approach: str | None = None
    first_call: bool = False
    no_contact_day: int | None = None
    no_contact_days: int | None = None
    ex_name: str | None = None
    user_name: str | None = None
    shared_interest: str | None = None
    place: str | None = None
    belonging: str | None = None
    memory: str | None = None

    @property
    def honest(self) -> bool:
        if self.approach is not None:
            return self.approach == "honest"
        return self.relationship_months is not None and self.relationship_months >= 12


@dataclass(frozen=True)
class Flag:
    code: str
    severity: str  # "warn" | "block"
    start: int | None
    end: int | None
    reason: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
            "source": self.source,
        }


@dataclass(frozen=True)
class Relaxed:
    """A `revise` the situation lifted, kept for the explanation."""

    code: str
    reason: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "reason": self.reason, "source": self.source}


@dataclass(frozen=True)
class Decision:
    verdict: str
    flags: tuple[Flag, ...]
    relaxed: tuple[Relaxed, ...] = field(default=())


Span = tuple[int | None, int | None]


def _flag(code: str, severity: str, span: Span, reason: str | None = None) -> Flag:
    rule = RULES[code]
    return Flag(code, severity, span[0], span[1], reason or rule.reason, rule.source)


def no_contact_reason(context: DraftContext | None) -> str:
    reason = RULES["no_contact"].reason
    if context and context.no_contact_day is not None and context.no_contact_days is not None:
        left = max(0, context.no_contact_days - context.no_contact_day)
        reason = (
            f"Day {context.no_contact_day} of {context.no_contact_days} of no contact "
            f"({left} to go): no texts, calls or messages on any app. Write it as an unsent "
            "letter instead, and keep the days counting."
        )
    return reason


def decide(
    labels: tuple[str, ...] | list[str],
    stage: Stage,
    *,
    text: str = "",
    words: int = 0,
    spans: dict[str, Span] | None = None,
    context: DraftContext | None = None,
) -> Decision:
    """Flags and verdict for a draft with these labels at this stage (contracts.md table)."""
    spans = spans or {}
    present = set(labels)
    counting = context is not None and context.no_contact_day is not None
    if stage == Stage.NO_CONTACT or (stage == Stage.REFLECT and counting):
        # Reflection happens inside the no-contact days when the journey counts them.
        flag = _flag("no_contact", "block", (None, None), no_contact_reason(context))
        return Decision("hold", (flag,))
    if stage in (Stage.PAUSE, Stage.LET_GO, Stage.SAFETY):
        return Decision("hold", (_flag(stage.value, "block", (None, None)),))

    before_talk = stage in BEFORE_TALK
    flags: list[Flag] = []
    relaxed: list[Relaxed] = []

    def span(label: str) -> Span:
        return spans.get(label, (None, None))

    for label in HOLD_ALWAYS:
        if label in present:
            flags.append(_flag(label, "block", span(label)))
    if "sexual" in present and stage != Stage.TOGETHER:
        flags.append(_flag("sexual", "block", span("sexual")))
    if "own_dating" in present:
        flags.append(_flag("own_dating", "warn", span("own_dating")))
    if before_talk:
        for label in REVISE_BEFORE_TALK:
            if label not in present:
                continue
            lift = _relaxation(label, stage, text, span(label), context)
            if lift:
                relaxed.append(lift)
            else:
                flags.append(_flag(label, "warn", span(label)))
        if "apology" in present and relationship_apology(text):
            lift = _relaxation("apology", stage, text, span("apology"), context)
            if lift:
                relaxed.append(lift)
            else:
                flags.append(_flag("apology", "warn", span("apology")))
        if words > MAX_WORDS:
            reason = f"{words} words is a lot for now. " + RULES["too_long"].reason
            flags.append(_flag("too_long", "warn", (None, None), reason))

    flags.sort(key=lambda f: (f.severity != "block", f.start if f.start is not None else 1 << 30))
    if any(f.severity == "block" for f in flags):
        verdict = "hold"
    elif flags:
        verdict = "revise"
    else:
        verdict = "send"
    return Decision(verdict, tuple(flags), tuple(relaxed))


def _relaxation(
    label: str, stage: Stage, text: str, span: Span, context: DraftContext | None
) -> Relaxed | None:
    """The situation may allow more: the honest opener after a long relationship (003 §5),
    and on the caring first call after a fight one short feelings line and an apology for
    the past (002 steps 3-4)."""
    if context is None:
        return None
    if label == "feelings" and context.honest and stage in (Stage.FIRST_CONTACT, Stage.MEETUP):
        return Relaxed(
            "feelings",
            "After a long relationship an honest opener, saying you miss them, can fit.",
            "seed 003 §5",
        )
    if context.first_call and stage == Stage.FIRST_CONTACT:
        if label == "feelings" and _short_line(text, span):
            return Relaxed(
                "feelings",
                "On the first call one short line about how you feel is fine; don't overdo it.",
                "seed 002 step 3",
            )
        if label == "apology":
            return Relaxed(
                "apology",
                "On the first call, a gentle 'I'm sorry for the past' softens things.",
                "seed 002 step 4",
            )
    return None


def _short_line(text: str, span: Span) -> bool:
    """The feelings statement is one short line (its sentence has at most 15 words)."""
    from reunite.domain.coach.text import sentence_spans, word_count

    start = span[0]
    if start is None:
        return word_count(text) <= 15
    for lo, hi in sentence_spans(text):
        if lo <= start < hi:
            return word_count(text[lo:hi]) <= 15
    return word_count(text) <= 15
