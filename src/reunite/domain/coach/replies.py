"""Reading the ex's reply: a boundary, the tone, interest signals, and what to do next.

Boundaries are safety-critical and detection errs on the side of seeing one: a rule hit
is enough, and so is a model that is only fairly sure the reply is *not* boundary-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reunite.domain.coach.features import features
from reunite.domain.coach.model import LinearHead, load_model
from reunite.domain.coach.reply_rules import (
    BOUNDARIES,
    SIGNALS,
    ReplyHit,
    boundary_hits,
    innocent_sense,
    signal_hits,
)
from reunite.domain.coach.text import word_count
from reunite.domain.model import Boundary, Tone

#: Most serious first: which boundary wins when several are present.
_PRIORITY: tuple[str, ...] = ("no_contact", "rejection", "new_partner", "space")
SHORT_REPLY_WORDS = 4
#: With an innocent sense recognised, the gate reads a boundary only when it leans that
#: way (P(none) under one half), not merely when it is unsure.
INNOCENT_NONE_BELOW = 0.5


@dataclass(frozen=True)
class ReplyReading:
    boundary: Boundary | None
    tone: Tone
    signals: list[str]
    advice: str
    source: str
    span: tuple[int, int] | None = None
    probabilities: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "boundary": self.boundary.value if self.boundary else None,
            "tone": self.tone.value,
            "signals": list(self.signals),
            "advice": self.advice,
            "source": self.source,
        }
        if self.span is not None:
            out["start"], out["end"] = self.span
        return out


def reply_features(text: str, hits: list[ReplyHit], sig: list[ReplyHit]) -> set[str]:
    extra = {("rb:" if h.decisive else "rbw:" if h.counts else "rbn:") + h.kind for h in hits}
    extra.update("rs:" + h.kind for h in sig)
    return features(text, extra)


def read_reply(text: str) -> ReplyReading:
    """Boundary, tone, signals and advice for a reply from the ex."""
    from reunite.domain.coach.draft import validate_text

    text = validate_text(text)
    hits = boundary_hits(text)
    sig = signal_hits(text)
    feats = reply_features(text, hits, sig)
    model = load_model()

    counted = [h for h in hits if h.counts]
    # A decisive hit reads a boundary by itself; a weak one ("go away", "my partner")
    # only points the model at a kind.
    rule_kinds = {h.kind for h in counted if h.decisive}
    hinted = {h.kind for h in counted}
    probs: dict[str, float] = {}
    boundary: str | None = None
    if model.boundary is not None:
        probs = model.boundary.probabilities(feats)
        ranked = sorted(
            BOUNDARIES,
            key=lambda k: (
                -(probs.get(k, 0.0) + (0.25 if k in rule_kinds else 0.1 if k in hinted else 0.0))
            ),
        )
        if rule_kinds or _gate_says_boundary(
            model.gate, feats, hinted=bool(hinted), innocent=innocent_sense(text)
        ):
            boundary = ranked[0]
    elif rule_kinds:
        boundary = next(k for k in _PRIORITY if k in rule_kinds)

    span: tuple[int, int] | None = None
    if boundary is not None:
        same = sorted((h.start, h.end) for h in counted if h.kind == boundary)
        if same:
            start, end = same[0]
            for lo, hi in same[1:]:  # overlapping hits widen the span to the whole phrase
                if lo <= end:
                    end = max(end, hi)
            span = (start, end)

    tone = _tone(feats, text, model.tone is not None)
    signals = _signals(text, sig, feats)
    advice, source = advise(boundary, tone, signals)
    return ReplyReading(
        boundary=Boundary(boundary) if boundary else None,
        tone=tone,
        signals=signals,
        advice=advice,
        source=source,
        span=span,
        probabilities=probs,
    )


def _gate_says_boundary(
    gate: LinearHead | None, feats: set[str], *, hinted: bool, innocent: bool = False
) -> bool:
    """Whether the model reads a boundary no decisive rule saw. The bar is lower (the
    model only has to be less sure it is *not* one) when a weak rule hinted at one, and
    the model must lean towards a boundary when a rule recognised an innocent sense."""
    if gate is None:
        return False
    p_none = 1.0 - gate.probabilities(feats)["boundary"]
    if innocent:
        return p_none < INNOCENT_NONE_BELOW
    return p_none < (gate.weak_none_below if hinted else gate.none_below)


def _tone(feats: set[str], text: str, has_model: bool) -> Tone:
    model = load_model()
    if has_model and model.tone is not None:
        probs = model.tone.probabilities(feats)
        return Tone(max(probs, key=lambda k: probs[k]))
    lowered = text.lower()
    if any(w in lowered for w in ("❤", "miss you", "love", "haha", "lol", "xx", "glad")):
        return Tone.WARM
    if word_count(text) <= SHORT_REPLY_WORDS:
        return Tone.COLD
    return Tone.NEUTRAL


def _signals(text: str, sig: list[ReplyHit], feats: set[str]) -> list[str]:
    found = {h.kind for h in sig}
    model = load_model()
    head = model.signals
    if head is not None:
        probs = head.probabilities(feats)
        for index, kind in enumerate(head.classes):
            if probs[kind] >= head.thresholds[index]:
                found.add(kind)
    if "?" in text:
        found.add("asks_question")
    else:
        found.discard("asks_question")
    if word_count(text) <= SHORT_REPLY_WORDS:
        found.add("short_reply")
    else:
        found.discard("short_reply")
    return [s for s in SIGNALS if s in found]


_ADVICE: dict[str, tuple[str, str]] = {
    "no_contact": (
        "They asked you to stop contacting them. Respect it at once and completely: no "
        "messages, no calls, no new accounts, no asking friends to pass things on. Contact "
        "is closed; only they can reopen it. Turn to your own recovery now.",
        "seed 001 (honour their wishes), seed 003 §1",
    ),
    "space": (
        "They asked for time or space. Give it fully: don't start any contact until the "
        "pause is over, and spend the time on your own life.",
        "seed 003 §1",
    ),
    "rejection": (
        "They said they don't want to get back together. Honour it. If you haven't yet, "
        "one calm final appeal is the most the method allows; if the answer is still no, "
        "let go and give them the space they want.",
        "seed 001",
    ),
    "new_partner": (
        "They are with someone else. Step back: no competing, no questions about the new "
        "person. They may have moved on; your own recovery comes first now.",
        "seed 001, seed 004 comment 4",
    ),
}


def advise(boundary: str | None, tone: Tone, signals: list[str]) -> tuple[str, str]:
    """What to do next, in plain words, and where the method says so."""
    if boundary is not None:
        return _ADVICE[boundary]
    if tone == Tone.HOSTILE:
        return (
            "They are angry. Don't argue or defend yourself; let it rest for a while. If you "
            "reply at all, keep it short and calm.",
            "seed 000",
        )
    if "suggests_meeting" in signals:
        return (
            "A good sign: they suggested meeting or talking. Say yes to something brief, "
            "public and in daytime, with a natural end.",
            "seed 001, seed 000",
        )
    if (
        "asks_question" in signals
        or "shares_news" in signals
        or "laughter" in signals
        or tone == Tone.WARM
    ):
        return (
            "A good sign: they are engaging. Answer warmly and briefly, ask their opinion on "
            "something you share, and let the conversation breathe.",
            "seed 001, seed 000",
        )
    if tone == Tone.COLD or "short_reply" in signals:
        return (
            "A short or cool reply. Don't chase: reply lightly once at most, then give it a "
            "few days.",
            "seed 000",
        )
    return (
        "They replied, which is something. Keep it light and short, and don't push for more "
        "than they offer.",
        "seed 001",
    )
