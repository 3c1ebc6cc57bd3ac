"""The vocabulary of the method: stages, paths, answers, events.

Plain frozen dataclasses and string enums, shared by the engine, the coach, storage
and every face of the product.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Stage(StrEnum):
    """Stages of the journey (method.md), then the exits reachable from any stage."""

    REFLECT = "reflect"
    NO_CONTACT = "no_contact"
    FIRST_CONTACT = "first_contact"
    RAPPORT = "rapport"
    MEETUP = "meetup"
    TRUST = "trust"
    TALK = "talk"
    TOGETHER = "together"
    # exits
    PAUSE = "pause"
    LET_GO = "let_go"
    SAFETY = "safety"


#: The stages of the reconcile path, in order (method.md, "Stages of the journey").
RECONCILE_ORDER: tuple[Stage, ...] = (
    Stage.REFLECT,
    Stage.NO_CONTACT,
    Stage.FIRST_CONTACT,
    Stage.RAPPORT,
    Stage.MEETUP,
    Stage.TRUST,
    Stage.TALK,
    Stage.TOGETHER,
)
#: The stages a draft can be checked against (contracts.md, `reunite check --stage`).
DRAFT_STAGES: tuple[Stage, ...] = RECONCILE_ORDER
EXIT_STAGES: tuple[Stage, ...] = (Stage.PAUSE, Stage.LET_GO, Stage.SAFETY)


class Path(StrEnum):
    RECONCILE = "reconcile"
    PAUSE = "pause"
    LET_GO = "let_go"
    SAFETY = "safety"


class Boundary(StrEnum):
    """A limit the ex set in a reply (contracts.md, read-reply)."""

    NO_CONTACT = "no_contact"
    SPACE = "space"
    REJECTION = "rejection"
    NEW_PARTNER = "new_partner"


class Tone(StrEnum):
    WARM = "warm"
    NEUTRAL = "neutral"
    COLD = "cold"
    HOSTILE = "hostile"


class EventKind(StrEnum):
    """What `reunite log …` records. Names match the CLI words (dash → underscore)."""

    SLIP = "slip"
    URGE = "urge"
    CONTACT = "contact"
    REPLY = "reply"
    NO_REPLY = "no_reply"
    MEETUP = "meetup"
    TALK = "talk"
    APPEAL = "appeal"
    EX_REACHED_OUT = "ex_reached_out"
    LET_GO = "let_go"  # you decided you are better off (004 step 2)


class ContactKind(StrEnum):
    TEXT = "text"
    CALL = "call"
    MEETUP = "meetup"


class Outcome(StrEnum):
    YES = "yes"
    NO = "no"
    LATER = "later"


class Went(StrEnum):
    GOOD = "good"
    BAD = "bad"


@dataclass(frozen=True)
class Event:
    """One thing that happened, at a moment. `data` holds the kind's details:

    - contact: {"kind": "text"|"call"|"meetup"}
    - reply: {"text": str, "boundary": Boundary|None, "tone": Tone|None, "signals": [...]}
    - meetup: {"went": "good"|"bad"}
    - talk: {"outcome": "yes"|"no"|"later"}; appeal: {"outcome": "yes"|"no"}
    - urge / ex_reached_out / let_go: {"note": str} optionally
    """

    kind: EventKind
    at: datetime
    data: dict[str, object] = field(default_factory=dict)

    def get(self, key: str) -> object:
        return self.data.get(key)
