"""Answers about the breakup → an assessment: path, no-contact length, approach, concerns.

Pure: every rule comes from the playbook (the method as data) and cites its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reunite.domain.model import Path
from reunite.domain.playbook import Playbook, Sourced

WhoEnded = Literal["me", "them", "mutual"]

REASONS: tuple[str, ...] = (
    "boredom", "better_options", "jealousy", "suspected_cheating", "cheating_by_me",
    "cheating_by_them", "big_fight", "distance", "housework", "work_hours", "money",
    "religion", "children", "where_to_live", "hurtful_words", "family", "other",
)  # fmt: skip
MOTIVES: tuple[str, ...] = ("love", "miss_them", "lonely", "cant_live_without", "habit", "jealous")
CONCERNS: tuple[str, ...] = ("intangible_values", "needy_motive", "new_partner", "deal_breaker")


@dataclass(frozen=True)
class Answers:
    """What the user told us (contracts.md, `reunite assess`). Validated at the edge."""

    who_ended: WhoEnded
    reasons: tuple[str, ...] = ()
    relationship_months: int | None = None
    days_since_breakup: int | None = None
    ex_new_partner: bool = False
    ex_asked_no_contact: bool = False
    ex_blocked_me: bool = False
    motives: tuple[str, ...] = ()
    safety_concern: bool = False
    # extensions (contracts allow added fields)
    ex_asked_space: bool = False
    no_contact_since_breakup: bool = False  # no contact at all since the breakup: those days count


@dataclass(frozen=True)
class Assessment:
    path: Path
    no_contact_days: int
    approach: Literal["honest", "casual"]
    concerns: tuple[str, ...]
    steps: tuple[str, ...]
    apology_needed: bool
    reasons: tuple[Sourced, ...]
    no_contact_rule: str = "default"
    already_apart_days: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path.value,
            "no_contact_days": self.no_contact_days,
            "approach": self.approach,
            "concerns": list(self.concerns),
            "steps": list(self.steps),
            "apology_needed": self.apology_needed,
            "reasons": [r.to_dict() for r in self.reasons],
            "no_contact_rule": self.no_contact_rule,
        }


def no_contact_length(answers: Answers, pb: Playbook) -> tuple[int, str, tuple[Sourced, ...]]:
    """How many days apart, which rule decided it, and the reasons of every row that applied.

    Where several rows apply the longest wins, capped at the playbook's maximum (method.md).
    """
    reasons = set(answers.reasons)
    short = (
        answers.relationship_months is not None
        and answers.relationship_months < pb.timing.long_relationship_months
    )
    betrayal = bool(reasons & set(pb.assessment["betrayal_reasons"]))
    deep_hurt = bool(reasons & set(pb.assessment["deep_hurt_reasons"]))
    applied = []
    if answers.who_ended == "them" and reasons == {"big_fight"} and short and not betrayal:
        applied.append(pb.rule("single_fight"))
    if answers.who_ended == "me":
        applied.append(pb.rule("you_ended_it"))
    if deep_hurt:
        applied.append(pb.rule("deep_hurt"))
    if betrayal:
        applied.append(pb.rule("betrayal"))
    if not applied:
        applied.append(pb.no_contact_default)
    winner = max(applied, key=lambda rule: rule.days)
    days = min(winner.days, pb.no_contact_max_days)
    return days, winner.id, tuple(Sourced(rule.text, rule.source) for rule in applied)


def assess(answers: Answers, pb: Playbook) -> Assessment:
    """The situation as the articles read it (method.md, "Assessment outputs")."""
    reasons_given = set(answers.reasons)
    motives = set(answers.motives)
    why: list[Sourced] = []
    concerns: list[str] = []

    if reasons_given & set(pb.assessment["intangible_reasons"]):
        concerns.append("intangible_values")
        why.append(pb.reason("intangible_values"))
    elif reasons_given & set(pb.assessment["tangible_reasons"]):
        why.append(pb.reason("tangible_fixable"))
    if motives & set(pb.assessment["needy_motives"]):
        concerns.append("needy_motive")
        why.append(pb.reason("needy_motive"))
    elif motives and motives <= set(pb.assessment["weak_motives"]):
        why.append(pb.reason("weak_motive"))
    if answers.ex_new_partner:
        concerns.append("new_partner")
        why.append(pb.reason("new_partner"))
    if reasons_given & set(pb.assessment["deal_breaker_reasons"]):
        concerns.append("deal_breaker")
        why.append(pb.reason("deal_breaker"))

    apology = False
    if answers.who_ended == "me":
        apology = True
        why.append(pb.reason("apology_you_ended"))
    if "hurtful_words" in reasons_given:
        apology = True
        why.append(pb.reason("apology_hurtful"))
    if "cheating_by_me" in reasons_given:
        apology = True
        why.append(pb.reason("apology_betrayal"))
    if answers.who_ended == "them":
        why.append(pb.reason("who_ended_them"))
    elif answers.who_ended == "mutual":
        why.append(pb.reason("who_ended_mutual"))
    if answers.days_since_breakup is not None and answers.days_since_breakup < 14:
        why.append(pb.reason("bargaining"))

    months = answers.relationship_months
    approach: Literal["honest", "casual"] = (
        "honest"
        if months is not None and months >= pb.timing.long_relationship_months
        else "casual"
    )
    why.append(pb.reason(f"approach_{approach}"))

    days, rule_id, nc_reasons = no_contact_length(answers, pb)

    if answers.safety_concern:
        path = Path.SAFETY
        why = [pb.reason("safety")]
        concerns = []
        apology = False
    elif answers.ex_asked_no_contact or answers.ex_blocked_me:
        path = Path.LET_GO
        key = "ex_asked_no_contact" if answers.ex_asked_no_contact else "ex_blocked_me"
        why.insert(0, pb.reason(key))
    elif answers.ex_asked_space:
        path = Path.PAUSE
        why.insert(0, pb.reason("ex_asked_space"))
        why[1:1] = list(nc_reasons)
    else:
        path = Path.RECONCILE
        why[0:0] = list(nc_reasons)
        if not concerns:
            why.insert(0, pb.reason("reconcile"))

    apart = 0
    if answers.no_contact_since_breakup and answers.days_since_breakup:
        apart = min(answers.days_since_breakup, days)

    return Assessment(
        path=path,
        no_contact_days=days,
        approach=approach,
        concerns=tuple(concerns),
        steps=pb.steps[path.value],
        apology_needed=apology,
        reasons=tuple(why),
        no_contact_rule=rule_id,
        already_apart_days=apart,
    )
