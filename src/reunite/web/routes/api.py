"""The JSON API under /api: the same facade and coach as the pages, validated by pydantic.

Shapes follow contracts.md (check, read-reply, assess, status) with additions allowed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from reunite.clock import now
from reunite.domain.errors import InvalidInput, NotAllowed
from reunite.domain.model import EventKind
from reunite.schemas import AnswersIn
from reunite.web import coaching
from reunite.web.pages import reunite
from reunite.web.views import to_dict

router = APIRouter(tags=["api"])

DraftStage = Literal[
    "reflect", "no_contact", "first_contact", "rapport", "meetup", "trust", "talk", "together"
]
AnyStage = Literal[
    "reflect", "no_contact", "first_contact", "rapport", "meetup", "trust", "talk", "together",
    "pause", "let_go", "safety",
]  # fmt: skip
PathName = Literal["reconcile", "pause", "let_go", "safety"]
BoundaryName = Literal["no_contact", "space", "rejection", "new_partner"]


#: Words, not binary: no control characters (tab and newlines are fine), at least one
#: visible character. The coach refuses anything else, so the schema says so up front.
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd"
TEXT_PATTERN = rf"^[^{_CONTROL}]*[^\s{_CONTROL}][^{_CONTROL}]*$"
NOTE_PATTERN = rf"^[^{_CONTROL}]*$"


class Problem(BaseModel):
    detail: Any


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The body is not JSON"},
    404: {"model": Problem, "description": "No journey yet"},
    409: {"model": Problem, "description": "The method or the journey does not allow this now"},
    422: {"model": Problem, "description": "The input cannot be used"},
}


class Sourced(BaseModel):
    text: str
    source: str


class Flag(BaseModel):
    code: str
    severity: Literal["warn", "block"]
    start: int | None
    end: int | None
    reason: str
    source: str


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    text: str = Field(min_length=1, max_length=5000, pattern=TEXT_PATTERN)
    stage: DraftStage | None = Field(
        default=None, description="Defaults to the journey's stage, else first_contact."
    )


class CheckOut(BaseModel):
    verdict: Literal["send", "revise", "hold"]
    stage: DraftStage
    labels: list[str]
    flags: list[Flag]
    suggestion: str | None
    words: int
    crisis: bool = False


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=5000, pattern=TEXT_PATTERN)


class ReadingOut(BaseModel):
    boundary: BoundaryName | None
    tone: Literal["warm", "neutral", "cold", "hostile"]
    signals: list[str]
    advice: str
    source: str


class AssessmentOut(BaseModel):
    path: PathName
    no_contact_days: int
    approach: Literal["honest", "casual"]
    concerns: list[str]
    steps: list[str]
    apology_needed: bool
    reasons: list[Sourced]


class NoContactOut(BaseModel):
    day: int
    days: int
    ends: str


class NextStepOut(BaseModel):
    text: str
    date: str
    source: str


class StatusOut(BaseModel):
    path: PathName
    stage: AnyStage
    no_contact: NoContactOut | None
    contact_allowed: bool
    next_step: NextStepOut
    contact_reason: str | None = None
    title: str | None = None
    summary: str | None = None
    today: list[str] = []
    boundary: BoundaryName | None = None


def _not_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    return value


#: JSON numbers only (6.0 is 6; true is not 1), and true/false only for yes/no.
Months = Annotated[int, Field(ge=0, le=1200), BeforeValidator(_not_bool)]
Days = Annotated[int, Field(ge=0, le=36500), BeforeValidator(_not_bool)]
Mood = Annotated[int, Field(ge=1, le=10), BeforeValidator(_not_bool)]


class Answers(AnswersIn):
    """The assessment answers (contracts.md), typed as strictly as the schema says."""

    relationship_months: Months | None = None
    days_since_breakup: Days | None = None
    ex_new_partner: StrictBool = False
    ex_asked_no_contact: StrictBool = False
    ex_blocked_me: StrictBool = False
    safety_concern: StrictBool = False
    ex_asked_space: StrictBool = False
    no_contact_since_breakup: StrictBool = False


class StartIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answers: Answers
    replace: StrictBool = Field(
        default=False, description="Start over even if a journey is under way."
    )


class _EventBase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    at: datetime | None = Field(default=None, description="When it happened; default now.")
    note: str | None = Field(default=None, max_length=20000, pattern=NOTE_PATTERN)


class PlainEvent(_EventBase):
    """An event with nothing more to say than when (and an optional note)."""

    kind: Literal["slip", "urge", "no_reply", "ex_reached_out", "let_go"]


class ContactEvent(_EventBase):
    kind: Literal["contact"]
    contact_kind: Literal["text", "call", "meetup"] = "text"


class ReplyEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["reply"]
    at: datetime | None = Field(default=None, description="When it came; default now.")
    text: str = Field(
        min_length=1, max_length=5000, pattern=TEXT_PATTERN, description="Their reply."
    )


class MeetupEvent(_EventBase):
    kind: Literal["meetup"]
    went: Literal["good", "bad"]


class TalkEvent(_EventBase):
    kind: Literal["talk"]
    outcome: Literal["yes", "no", "later"]


class AppealEvent(_EventBase):
    kind: Literal["appeal"]
    outcome: Literal["yes", "no"]


#: One shape per kind (the schema says exactly what each kind needs).
EventIn = Annotated[
    PlainEvent | ContactEvent | ReplyEvent | MeetupEvent | TalkEvent | AppealEvent,
    Field(discriminator="kind"),
]


class EventOut(BaseModel):
    id: int
    kind: str
    at: str
    data: dict[str, Any]
    note: str | None


class LogOut(BaseModel):
    event: str
    at: str
    effects: list[Sourced]
    status: StatusOut
    reading: ReadingOut | None = None


class PlanStepOut(BaseModel):
    stage: AnyStage
    title: str
    date: str
    text: str
    source: str
    done: bool
    current: bool
    estimated: bool


class JournalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=20000, pattern=TEXT_PATTERN)
    mood: Mood | None = None
    tags: list[Annotated[str, Field(max_length=60, pattern=NOTE_PATTERN)]] = Field(
        default_factory=list, max_length=20
    )


class JournalOut(BaseModel):
    id: int
    created_at: str
    text: str
    mood: int | None
    tags: list[str]
    crisis: bool


def _when(value: datetime | None) -> datetime | None:
    """The product counts naive local wall-clock time (reunite.clock)."""
    if value is None or value.tzinfo is None:
        return value
    try:
        return value.astimezone().replace(tzinfo=None)
    except (OverflowError, ValueError, OSError):
        raise NotAllowed("That date and time can't be used for your journey.") from None


@router.post("/check", response_model=CheckOut, responses=_ERRORS, summary="Check a draft message")
async def api_check(request: Request, body: CheckIn) -> dict[str, Any]:
    facts = coaching.journey_facts(reunite(request), now())
    if facts.closed:  # as `reunite check`: no help writing to someone who asked for none
        raise NotAllowed(facts.closed)
    return coaching.check(body.text, body.stage or coaching.draft_stage(facts), facts)


@router.post(
    "/read-reply", response_model=ReadingOut, responses=_ERRORS, summary="Read their reply"
)
async def api_read_reply(body: ReplyIn) -> dict[str, Any]:
    return coaching.read(body.text)


@router.post(
    "/assess", response_model=AssessmentOut, responses=_ERRORS, summary="Assess the situation"
)
async def api_assess(request: Request, body: Answers) -> dict[str, Any]:
    return to_dict(reunite(request).assess(body.to_domain()))


@router.get(
    "/journey", response_model=StatusOut, responses=_ERRORS, summary="Where the journey stands"
)
async def api_journey(request: Request) -> dict[str, Any]:
    return to_dict(reunite(request).status(now()))


@router.post(
    "/journey",
    response_model=StatusOut,
    status_code=201,
    responses=_ERRORS,
    summary="Start a journey",
)
async def api_start(request: Request, body: StartIn) -> dict[str, Any]:
    try:
        _assessment, status = reunite(request).start_journey(
            body.answers.to_domain(), now(), replace=body.replace
        )
    except InvalidInput as error:  # the request was fine; a journey is already under way
        raise NotAllowed(error.message) from None
    return to_dict(status)


@router.get("/plan", response_model=list[PlanStepOut], responses=_ERRORS, summary="The dated plan")
async def api_plan(request: Request) -> list[dict[str, Any]]:
    return [to_dict(step) for step in reunite(request).plan(now())]


@router.get(
    "/events", response_model=list[EventOut], responses=_ERRORS, summary="Every logged event"
)
async def api_events(request: Request) -> list[dict[str, Any]]:
    return [to_dict(event) for event in reunite(request).events()]


@router.post(
    "/events", response_model=LogOut, status_code=201, responses=_ERRORS, summary="Log an event"
)
async def api_log(request: Request, body: EventIn) -> dict[str, Any]:
    facade, moment, at = reunite(request), now(), _when(body.at)
    try:
        if isinstance(body, ReplyEvent):
            return to_dict(facade.log_reply(body.text, moment, at))
        details = body.model_dump(exclude={"kind", "at", "note"})
        if "contact_kind" in details:  # the engine reads a contact's own kind as "kind"
            details["kind"] = details.pop("contact_kind")
        return to_dict(facade.log(EventKind(body.kind), moment, at, note=body.note, **details))
    except InvalidInput as error:
        # A well-formed event that doesn't fit the journey now (a date before it began,
        # a no-reply with no contact of yours logged): a conflict with its state.
        raise NotAllowed(error.message) from None


@router.get(
    "/journal", response_model=list[JournalOut], responses=_ERRORS, summary="Journal entries"
)
async def api_journal(
    request: Request,
    q: str | None = Query(default=None, max_length=200),
    tag: str | None = Query(default=None, max_length=60),
) -> list[dict[str, Any]]:
    return [to_dict(e) for e in reunite(request).journal(q or None, tag or None)]


@router.post(
    "/journal",
    response_model=JournalOut,
    status_code=201,
    responses=_ERRORS,
    summary="Add a journal entry",
)
async def api_journal_add(request: Request, body: JournalIn) -> dict[str, Any]:
    return to_dict(reunite(request).add_journal(body.text, body.mood, body.tags, now()))
