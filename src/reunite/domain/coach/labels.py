"""Detection: which labels a draft carries (what the text *does*), independent of stage.

A hybrid of transparent rules (`rules.py`: exact spans, negation, quotation) and a small
linear model trained on the project's own corpus (`model.py`). The model sees the rule
hits as features, so it learns how far to trust each rule, and covers paraphrases the
rules miss. Every label comes with the span of text that caused it: the rule's words when
a rule fired, else the sentence the model found most telling.
"""

from __future__ import annotations

from dataclasses import dataclass

from reunite.domain.coach.crisis import crisis_span
from reunite.domain.coach.features import features
from reunite.domain.coach.model import LinearHead, load_model
from reunite.domain.coach.rules import LABELS, RuleHit, rule_hits
from reunite.domain.coach.text import sentence_spans

#: A label only negated or quoted rule hits point at needs this much model confidence.
NEGATED_CONFIDENCE = 0.85
#: In "rule_or_sure" mode (chosen per label at training) the model alone needs this much.
SURE = 0.9


@dataclass(frozen=True)
class LabelEvidence:
    """Why a label was given: where in the text, and by what."""

    label: str
    start: int | None
    end: int | None
    by: str  # "rule" or "model"
    probability: float


@dataclass(frozen=True)
class Detection:
    labels: tuple[str, ...]
    evidence: dict[str, LabelEvidence]
    hits: tuple[RuleHit, ...]
    probabilities: dict[str, float]


def rule_features(hits: list[RuleHit] | tuple[RuleHit, ...]) -> set[str]:
    """Rule hits as model features: counted hits and discounted (negated/quoted) ones."""
    feats: set[str] = set()
    for hit in hits:
        feats.add(("r:" if hit.counts else "rn:") + hit.label)
    return feats


def draft_features(
    text: str, hits: list[RuleHit] | tuple[RuleHit, ...], crisis: bool | None = None
) -> set[str]:
    extra = rule_features(hits)
    if crisis if crisis is not None else crisis_span(text) is not None:
        extra.add("r:crisis")
    return features(text, extra)


def detect(
    text: str,
    head: LinearHead | None = None,
    *,
    use_model: bool = True,
    crisis: bool | None = None,
) -> Detection:
    """Labels of a draft, with evidence. `head` overrides the shipped model (for training);
    `crisis` passes on a crisis check already made."""
    hits = rule_hits(text)
    if head is None and use_model:
        head = load_model().drafts
    counted: dict[str, RuleHit] = {}
    discounted: set[str] = set()
    for hit in hits:
        if hit.counts:
            counted.setdefault(hit.label, hit)
        else:
            discounted.add(hit.label)

    probabilities: dict[str, float] = {}
    chosen: list[str] = []
    if head is None:
        chosen = [label for label in LABELS if label in counted]
        probabilities = {label: (1.0 if label in counted else 0.0) for label in LABELS}
    else:
        probabilities = head.probabilities(draft_features(text, hits, crisis))
        for index, label in enumerate(head.classes):
            p = probabilities[label]
            needed = head.thresholds[index]
            if label not in counted and label in discounted:
                needed = max(needed, NEGATED_CONFIDENCE)
            mode = head.modes[index] if index < len(head.modes) else "model"
            if mode == "rule_or_sure":
                needed = max(needed, SURE)
            if p >= needed or (mode != "model" and label in counted):
                chosen.append(label)
        chosen = [label for label in LABELS if label in chosen]

    evidence: dict[str, LabelEvidence] = {}
    for label in chosen:
        p = probabilities.get(label, 1.0)
        if label in counted:
            hit = counted[label]
            evidence[label] = LabelEvidence(label, hit.start, hit.end, "rule", p)
        else:
            start, end = _best_sentence(text, label, head, hits)
            evidence[label] = LabelEvidence(label, start, end, "model", p)
    return Detection(tuple(chosen), evidence, tuple(hits), probabilities)


def _best_sentence(
    text: str, label: str, head: LinearHead | None, hits: tuple[RuleHit, ...] | list[RuleHit]
) -> tuple[int, int]:
    """The sentence the model finds most telling for `label` (the whole text if just one)."""
    spans = sentence_spans(text)
    if not spans:
        return 0, len(text)
    if len(spans) == 1 or head is None:
        return spans[0] if len(spans) == 1 else (spans[0][0], spans[-1][1])
    index = head.classes.index(label)
    best = spans[0]
    best_score = float("-inf")
    for start, end in spans:
        inside = [h for h in hits if start <= h.start and h.end <= end]
        score = head.score_one(features(text[start:end], rule_features(inside)), index)
        if score > best_score:
            best, best_score = (start, end), score
    return best
