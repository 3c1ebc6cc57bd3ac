"""The message coach, as the web calls it: the same pure functions the CLI uses.

The coach (reunite.domain.coach) is pure and needs no storage, so pages and the API
call it directly; the journey's stage comes from the services facade.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reunite.domain.model import DRAFT_STAGES, Stage
from reunite.web.views import to_dict


@dataclass(frozen=True)
class JourneyFacts:
    """What the coach needs from the journey: its stage and its approach (003 §5)."""

    stage: str | None = None
    approach: str | None = None
    closed: str | None = None  # why drafting to them is refused (their no-contact ask, safety)
    no_contact: tuple[int, int] | None = None  # day N of M while the stretch runs


def journey_facts(facade: Any, now: datetime) -> JourneyFacts:
    """One read of the journey (one transaction, one replay); none yet → no facts."""
    facts = facade.draft_facts(now)
    if facts is None:
        return JourneyFacts()
    return JourneyFacts(
        str(facts.stage.value), str(facts.approach), facts.closed_reason, facts.no_contact
    )


def draft_stage(facts: JourneyFacts) -> str:
    """contracts.md: the journey's stage when there is one, else first_contact."""
    if facts.stage in {s.value for s in DRAFT_STAGES}:
        return str(facts.stage)
    return "first_contact" if facts.stage is None else "no_contact"


def check(text: str, stage: str, facts: JourneyFacts | None = None) -> dict[str, Any]:
    """The coach's reading of a draft; the journey's approach may relax a `revise`."""
    from reunite.domain.coach import DraftContext, check_draft

    context = None
    if facts and facts.stage is not None:
        # the day count belongs to the journey's own stage, not one picked by hand
        day, days = (facts.no_contact if stage == facts.stage else None) or (None, None)
        context = DraftContext(approach=facts.approach, no_contact_day=day, no_contact_days=days)
    return to_dict(check_draft(text, Stage(stage), context))


def ideas(stage: str) -> list[dict[str, Any]]:
    """The coach's stage templates: a few things that fit this stage, with their source."""
    from reunite.domain.coach import suggestions

    return [to_dict(item) for item in suggestions(Stage(stage))]


def read(text: str) -> dict[str, Any]:
    from reunite.domain.coach import read_reply

    return to_dict(read_reply(text))


def warm_up() -> None:
    """Load the coach (rules, model) at start-up rather than on someone's first draft."""
    check("Hope you're well!", "first_contact")
    read("Thanks, you too!")
