"""The method as typed, immutable objects, parsed from the playbook document.

Pure: `parse_playbook()` takes the TOML document as a dict. Reading the packaged file is
`reunite.playbook.load_playbook()`'s job, so the domain never touches a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reunite.domain.model import Stage


@dataclass(frozen=True)
class Sourced:
    """A sentence of the product with the article it paraphrases."""

    text: str
    source: str

    def format(self, **values: object) -> Sourced:
        return Sourced(self.text.format(**values), self.source)

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "source": self.source}


@dataclass(frozen=True)
class NoContactRule:
    id: str
    days: int
    source: str
    text: str


@dataclass(frozen=True)
class StageText:
    stage: Stage
    title: str
    summary: str
    source: str
    typical_days: int
    today: tuple[str, ...]
    next: Sourced
    extra: dict[str, Sourced]


@dataclass(frozen=True)
class Timing:
    reflect_days: int
    no_reply_wait_days: int
    space_pause_days: int
    good_meetups_before_talk: int
    bad_meetup_rest_days: int
    hostile_reply_rest_days: int
    long_relationship_months: int


@dataclass(frozen=True)
class Playbook:
    version: int
    timing: Timing
    no_contact_default: NoContactRule
    no_contact_rules: tuple[NoContactRule, ...]
    no_contact_max_days: int
    assessment: dict[str, tuple[str, ...]]
    reasons: dict[str, Sourced]
    steps: dict[str, tuple[str, ...]]
    stages: dict[Stage, StageText]
    help: dict[str, str]
    effects: dict[str, Sourced]

    def rule(self, rule_id: str) -> NoContactRule:
        for rule in self.no_contact_rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def effect(self, code: str, **values: object) -> Sourced:
        return self.effects[code].format(**values)

    def reason(self, code: str) -> Sourced:
        return self.reasons[code]


def _sourced(raw: dict[str, Any]) -> Sourced:
    return Sourced(text=str(raw["text"]), source=str(raw["source"]))


def _stage_text(stage: Stage, raw: dict[str, Any]) -> StageText:
    extra: dict[str, Sourced] = {}
    for key in ("waiting", "appeal", "indefinite"):
        if key in raw:
            extra[key] = Sourced(str(raw[key]), str(raw[f"{key}_source"]))
    return StageText(
        stage=stage,
        title=str(raw["title"]),
        summary=str(raw["summary"]),
        source=str(raw["source"]),
        typical_days=int(raw["typical_days"]),
        today=tuple(str(t) for t in raw["today"]),
        next=Sourced(str(raw["next"]), str(raw["next_source"])),
        extra=extra,
    )


def parse_playbook(raw: dict[str, Any]) -> Playbook:
    """Turn the TOML document into a Playbook; a missing key is a KeyError (a packaging bug)."""
    nc = raw["no_contact"]
    default = nc["default"]
    stages = {stage: _stage_text(stage, raw["stages"][stage.value]) for stage in Stage}
    assessment = {
        key: tuple(str(v) for v in value)
        for key, value in raw["assessment"].items()
        if isinstance(value, list)
    }
    return Playbook(
        version=int(raw["version"]),
        timing=Timing(**{k: int(v) for k, v in raw["timing"].items()}),
        no_contact_default=NoContactRule(
            "default", int(default["days"]), default["source"], default["text"]
        ),
        no_contact_rules=tuple(
            NoContactRule(str(r["id"]), int(r["days"]), str(r["source"]), str(r["text"]))
            for r in nc["rules"]
        ),
        no_contact_max_days=int(nc["max_days"]),
        assessment=assessment,
        reasons={k: _sourced(v) for k, v in raw["assessment"]["reasons"].items()},
        steps={k: tuple(v) for k, v in raw["assessment"]["steps"].items()},
        stages=stages,
        help={k: str(v) for k, v in raw["help"].items()},
        effects={k: _sourced(v) for k, v in raw["effects"].items()},
    )
