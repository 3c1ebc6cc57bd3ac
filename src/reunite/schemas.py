"""Validation at the edges: pydantic models for what users and files hand us."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reunite.domain.errors import InvalidInput
from reunite.domain.situation import Answers

Reason = Literal[
    "boredom", "better_options", "jealousy", "suspected_cheating", "cheating_by_me",
    "cheating_by_them", "big_fight", "distance", "housework", "work_hours", "money",
    "religion", "children", "where_to_live", "hurtful_words", "family", "other",
]  # fmt: skip
Motive = Literal["love", "miss_them", "lonely", "cant_live_without", "habit", "jealous"]


class AnswersIn(BaseModel):
    """The assessment answers (contracts.md); all optional except `who_ended`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    who_ended: Literal["me", "them", "mutual"]
    reasons: list[Reason] = Field(default_factory=list)
    relationship_months: int | None = Field(default=None, ge=0, le=1200)
    days_since_breakup: int | None = Field(default=None, ge=0, le=36500)
    ex_new_partner: bool = False
    ex_asked_no_contact: bool = False
    ex_blocked_me: bool = False
    motives: list[Motive] = Field(default_factory=list)
    safety_concern: bool = False
    ex_asked_space: bool = False
    no_contact_since_breakup: bool = False

    def to_domain(self) -> Answers:
        return Answers(
            who_ended=self.who_ended,
            reasons=tuple(dict.fromkeys(self.reasons)),
            relationship_months=self.relationship_months,
            days_since_breakup=self.days_since_breakup,
            ex_new_partner=self.ex_new_partner,
            ex_asked_no_contact=self.ex_asked_no_contact,
            ex_blocked_me=self.ex_blocked_me,
            motives=tuple(dict.fromkeys(self.motives)),
            safety_concern=self.safety_concern,
            ex_asked_space=self.ex_asked_space,
            no_contact_since_breakup=self.no_contact_since_breakup,
        )


def explain(error: ValidationError, where: str) -> str:
    """The first problem of a pydantic error as one plain sentence."""
    first = error.errors()[0]
    loc = ".".join(str(part) for part in first["loc"]) or "the input"
    kind = first["type"]
    if kind == "missing":
        return f"{where}: '{loc}' is required."
    if kind == "extra_forbidden":
        return f"{where}: '{loc}' is not a question Reunite asks."
    if kind in ("literal_error", "enum"):
        allowed = first.get("ctx", {}).get("expected", "")
        return f"{where}: '{loc}' must be one of {allowed}."
    return f"{where}: '{loc}' {first['msg'].lower()}."


def parse_answers(data: object, where: str = "answers") -> Answers:
    if not isinstance(data, dict):
        raise InvalidInput(f"{where}: expected a JSON object with your answers.")
    try:
        return AnswersIn.model_validate(data).to_domain()
    except ValidationError as error:
        raise InvalidInput(explain(error, where)) from None
