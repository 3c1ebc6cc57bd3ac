"""Checking a draft: detection, then policy, then a suggestion (contracts.md `check`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reunite.domain.coach.crisis import CRISIS_HELP, CRISIS_SOURCE, crisis_span
from reunite.domain.coach.labels import Detection, detect
from reunite.domain.coach.policy import DraftContext, Flag, Relaxed, decide
from reunite.domain.coach.suggest import suggestion_for
from reunite.domain.coach.text import word_count
from reunite.domain.errors import InvalidInput
from reunite.domain.model import DRAFT_STAGES, EXIT_STAGES, Stage

_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: Longest text the coach reads; a message to an ex is far shorter.
MAX_CHARS = 20_000


@dataclass(frozen=True)
class DraftCheck:
    verdict: str
    stage: Stage
    labels: tuple[str, ...]
    flags: tuple[Flag, ...]
    suggestion: str | None
    words: int
    crisis: bool = False
    help: str | None = None
    relaxed: tuple[Relaxed, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "stage": self.stage.value,
            "labels": list(self.labels),
            "flags": [f.to_dict() for f in self.flags],
            "suggestion": self.suggestion,
            "words": self.words,
        }
        if self.crisis:
            out["crisis"] = True
            out["help"] = self.help
        if self.relaxed:
            out["relaxed"] = [r.to_dict() for r in self.relaxed]
        return out


def validate_text(text: object) -> str:
    """The text, or InvalidInput with one plain sentence saying what is wrong."""
    if not isinstance(text, str):
        raise InvalidInput("The text must be a string.")
    if not text.strip():
        raise InvalidInput("The text is empty; write the message you want checked.")
    if len(text) > MAX_CHARS:
        raise InvalidInput(
            f"The text is {len(text):,} characters long; the coach reads at most {MAX_CHARS:,}."
        )
    if "\x00" in text or "\ufffd" in text:
        raise InvalidInput("The text looks like binary data, not a message.")
    if len(_CONTROL.findall(text)) > max(2, len(text) // 20):
        raise InvalidInput("The text looks like binary data, not a message.")
    return text


def parse_stage(value: str | Stage) -> Stage:
    try:
        stage = Stage(value)
    except ValueError:
        stage = None
    if stage is None or stage not in DRAFT_STAGES:
        names = " ".join(s.value for s in DRAFT_STAGES)
        raise InvalidInput(f"Unknown stage {str(value)!r}; use one of: {names}.")
    return stage


def check_draft(text: str, stage: Stage, context: DraftContext | None = None) -> DraftCheck:
    """Verdict, labels, flags with spans, and a suggestion for a draft at this stage.

    `stage` is one of the draft stages; the exits (pause, let_go, safety) hold every draft.
    """
    text = validate_text(text)
    stage = stage if stage in EXIT_STAGES else parse_stage(stage)
    crisis = crisis_span(text)
    detection: Detection = detect(text, crisis=crisis is not None)
    words = word_count(text)
    spans = {label: (ev.start, ev.end) for label, ev in detection.evidence.items()}
    decision = decide(detection.labels, stage, text=text, words=words, spans=spans, context=context)
    flags = decision.flags
    if crisis is not None:
        crisis_flag = Flag("crisis", "block", crisis[0], crisis[1], CRISIS_HELP, CRISIS_SOURCE)
        return DraftCheck(
            verdict="hold",
            stage=stage,
            labels=detection.labels,
            flags=(crisis_flag, *flags),
            suggestion=None,
            words=words,
            crisis=True,
            help=CRISIS_HELP,
            relaxed=decision.relaxed,
        )
    suggestion = suggestion_for([f.code for f in flags], stage, context)
    return DraftCheck(
        verdict=decision.verdict,
        stage=stage,
        labels=detection.labels,
        flags=flags,
        suggestion=suggestion,
        words=words,
        relaxed=decision.relaxed,
    )
