"""The stage machine of the method: (journey, event) → (journey, effects), with time passed in.

The journey is event-sourced: storage keeps the answers and the events; the current
journey is `replay(...)` of them. Nothing here reads a clock, a file or a database.

Rules (method.md): reflect → no_contact → first_contact → rapport → meetup → trust →
talk → together, with the exits pause, let_go and safety reachable from any stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TypeVar

from reunite.domain.errors import InvalidInput, NotAllowed
from reunite.domain.model import (
    RECONCILE_ORDER,
    Boundary,
    ContactKind,
    Event,
    EventKind,
    Outcome,
    Path,
    Stage,
    Tone,
    Went,
)
from reunite.domain.playbook import Playbook, Sourced
from reunite.domain.situation import Assessment

#: Stages in which the user may, in principle, initiate contact.
OPEN_STAGES = frozenset(
    {Stage.FIRST_CONTACT, Stage.RAPPORT, Stage.MEETUP, Stage.TRUST, Stage.TALK, Stage.TOGETHER}
)
#: Stages of the no-contact stretch.
QUIET_STAGES = frozenset({Stage.REFLECT, Stage.NO_CONTACT})
#: Stages where a meetup or the talk can be logged.
MEETING_STAGES = frozenset(
    {Stage.FIRST_CONTACT, Stage.RAPPORT, Stage.MEETUP, Stage.TRUST, Stage.TALK}
)


@dataclass(frozen=True)
class Journey:
    """Everything the engine needs to know about where the user is."""

    path: Path
    stage: Stage
    started: datetime
    stage_since: datetime
    no_contact_days: int
    no_contact_start: datetime | None
    approach: str = "casual"
    pause_until: datetime | None = None  # None in pause = until they reach out
    boundary: Boundary | None = None
    closed_reason: str | None = None  # why contact tools are closed (let_go / pause)
    last_contact: datetime | None = None
    awaiting_reply: bool = False
    rest_until: datetime | None = None
    extra_attempt_pending: bool = False
    extra_attempt_used: bool = False
    meetups: int = 0
    good_meetups: int = 0
    talk_declined: bool = False
    appeal_used: bool = False
    slips: int = 0
    urges: int = 0
    last_event_at: datetime | None = None
    stage_log: tuple[tuple[Stage, datetime], ...] = ()  # every stage entered, with when

    @property
    def no_contact_end(self) -> datetime | None:
        if self.no_contact_start is None:
            return None
        return self.no_contact_start + timedelta(days=self.no_contact_days)


@dataclass(frozen=True)
class Decision:
    """The journey after an event, and what to tell the user about it."""

    journey: Journey
    effects: tuple[Sourced, ...] = field(default=())


@dataclass(frozen=True)
class NextStep:
    text: str
    date: date
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "date": self.date.isoformat(), "source": self.source}


@dataclass(frozen=True)
class NoContactProgress:
    day: int
    days: int
    ends: date

    def to_dict(self) -> dict[str, object]:
        return {"day": self.day, "days": self.days, "ends": self.ends.isoformat()}


@dataclass(frozen=True)
class Status:
    path: Path
    stage: Stage
    no_contact: NoContactProgress | None
    contact_allowed: bool
    contact_reason: str | None
    next_step: NextStep
    today: tuple[str, ...]
    title: str
    summary: str
    boundary: Boundary | None
    slips: int
    urges: int
    started: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path.value,
            "stage": self.stage.value,
            "no_contact": self.no_contact.to_dict() if self.no_contact else None,
            "contact_allowed": self.contact_allowed,
            "next_step": self.next_step.to_dict(),
            # additions beyond the contract
            "contact_reason": self.contact_reason,
            "title": self.title,
            "summary": self.summary,
            "today": list(self.today),
            "boundary": self.boundary.value if self.boundary else None,
            "slips": self.slips,
            "urges": self.urges,
            "started": self.started.isoformat(),
        }


@dataclass(frozen=True)
class PlanStep:
    stage: Stage
    title: str
    date: date
    text: str
    source: str
    done: bool
    current: bool
    estimated: bool
    skipped: bool = False  # passed over (e.g. they reached out and rapport began at once)

    def to_dict(self) -> dict[str, object]:
        return {
            "stage": self.stage.value,
            "title": self.title,
            "date": self.date.isoformat(),
            "text": self.text,
            "source": self.source,
            "done": self.done,
            "current": self.current,
            "estimated": self.estimated,
            "skipped": self.skipped,
        }


# ---------------------------------------------------------------- beginning


def begin(assessment: Assessment, now: datetime) -> Journey:
    """Start a journey at `now` on the assessment's path (method.md, stages and exits)."""
    start_nc = now - timedelta(days=assessment.already_apart_days)
    base = Journey(
        path=assessment.path,
        stage=Stage.REFLECT,
        started=now,
        stage_since=now,
        no_contact_days=assessment.no_contact_days,
        no_contact_start=start_nc,
        approach=assessment.approach,
        last_event_at=now,
    )
    base = replace(base, stage_log=((Stage.REFLECT, now),))
    if assessment.path is Path.SAFETY:
        return replace(
            base,
            stage=Stage.SAFETY,
            no_contact_start=None,
            closed_reason="safety",
            stage_log=((Stage.SAFETY, now),),
        )
    if assessment.path is Path.LET_GO:
        return replace(
            base,
            stage=Stage.LET_GO,
            no_contact_start=None,
            boundary=Boundary.NO_CONTACT,
            closed_reason="asked_no_contact",
            stage_log=((Stage.LET_GO, now),),
        )
    if assessment.path is Path.PAUSE:
        return replace(
            base,
            stage=Stage.PAUSE,
            boundary=Boundary.SPACE,
            closed_reason="space",
            pause_until=start_nc + timedelta(days=assessment.no_contact_days),
            stage_log=((Stage.PAUSE, now),),
        )
    return base


# ---------------------------------------------------------------- time


def _to_stage(j: Journey, stage: Stage, at: datetime, path: Path | None = None) -> Journey:
    if path is None:
        path = {
            Stage.PAUSE: Path.PAUSE,
            Stage.LET_GO: Path.LET_GO,
            Stage.SAFETY: Path.SAFETY,
        }.get(stage, Path.RECONCILE)
    return replace(j, stage=stage, stage_since=at, path=path, stage_log=(*j.stage_log, (stage, at)))


def advance(j: Journey, now: datetime, pb: Playbook) -> Journey:
    """Apply every time-based transition due by `now` (no-contact end, pause end, silence)."""
    for _ in range(8):  # each pass moves at most one step; a handful always suffices
        nxt = _advance_once(j, now, pb)
        if nxt == j:
            return j
        j = nxt
    return j


def _advance_once(j: Journey, now: datetime, pb: Playbook) -> Journey:
    t = pb.timing
    end = j.no_contact_end
    if j.stage is Stage.REFLECT:
        reflect_end = j.started + timedelta(days=t.reflect_days)
        if end is not None and now >= end and end <= reflect_end:
            return _to_stage(j, Stage.FIRST_CONTACT, end)
        if now >= reflect_end:
            return _to_stage(j, Stage.NO_CONTACT, reflect_end)
    if j.stage is Stage.NO_CONTACT and end is not None and now >= end:
        # seed 003 §1: the stretch is over; open on your terms with one light text.
        return _to_stage(j, Stage.FIRST_CONTACT, end)
    if j.stage is Stage.PAUSE and j.pause_until is not None and now >= j.pause_until:
        # seed 003 §1: the space they asked for has been given.
        return replace(
            _to_stage(j, Stage.FIRST_CONTACT, j.pause_until),
            pause_until=None,
            boundary=None,
            closed_reason=None,
            awaiting_reply=False,
            rest_until=None,
        )
    if (
        j.stage in OPEN_STAGES
        and j.awaiting_reply
        and j.last_contact is not None
        and now >= j.last_contact + timedelta(days=t.no_reply_wait_days)
    ):
        # seed 000: a couple of weeks of silence allows one more try, and only one.
        return _silence(j, j.last_contact + timedelta(days=t.no_reply_wait_days), pb)
    return j


def _silence(j: Journey, at: datetime, pb: Playbook) -> Journey:
    if j.extra_attempt_used:
        return replace(
            _to_stage(j, Stage.PAUSE, at),
            pause_until=None,
            closed_reason="silence",
            awaiting_reply=False,
        )
    return replace(j, awaiting_reply=False, extra_attempt_pending=True)


# ---------------------------------------------------------------- contact rule


def contact_rule(j: Journey, now: datetime) -> tuple[bool, str | None]:
    """May the user initiate contact now? If not, the plain reason (contracts: contact_allowed)."""
    if j.stage is Stage.SAFETY:
        return False, "This journey is about your safety; Reunite doesn't help contact them."
    if j.stage is Stage.LET_GO:
        if j.closed_reason in ("asked_no_contact", "boundary_no_contact"):
            return False, "They asked you not to contact them. Only they can reopen the door."
        if j.closed_reason == "final_no":
            return False, "They said no twice. Honour it; contact tools are closed."
        if j.closed_reason == "rejection":
            return False, "They said they don't want to get back together. Honour it."
        return False, "You chose to let go. Contact tools are closed."
    if j.stage is Stage.PAUSE:
        if j.pause_until is not None:
            return False, f"They asked for space; give it until {j.pause_until.date().isoformat()}."
        if j.closed_reason == "silence":
            return False, "Two tries went unanswered; the next move is theirs."
        return False, "They're with someone else; the next move is theirs."
    if j.stage in (Stage.REFLECT, Stage.NO_CONTACT):
        end = j.no_contact_end
        when = end.date().isoformat() if end else "the end of no-contact"
        return False, f"No contact until {when} (seed 003 §1). Log a slip if you already did."
    if j.rest_until is not None and now < j.rest_until:
        return False, f"Give it a rest until {j.rest_until.date().isoformat()} (seed 000)."
    if j.awaiting_reply:
        return (
            False,
            "You're waiting for their answer; don't send another before they reply (seed 000).",
        )
    if j.stage is Stage.TALK and j.talk_declined and j.appeal_used:
        return False, "They said no twice. Honour it."
    return True, None


def drafting_refusal(j: Journey) -> str | None:
    """Why the coach won't help write to them at all: they asked for no contact (seed 001),
    or the journey is about safety. None when drafting is allowed."""
    if j.stage is Stage.SAFETY:
        return "This journey is about your safety, so Reunite won't help write to them."
    if j.stage is Stage.LET_GO and j.closed_reason in ("asked_no_contact", "boundary_no_contact"):
        return (
            "They asked you not to contact them, so Reunite won't help write to them. "
            "Your journal is here for anything you need to say."
        )
    return None


# ---------------------------------------------------------------- events


def apply(j: Journey, event: Event, pb: Playbook) -> Decision:
    """Apply one event at its time. Raises NotAllowed / InvalidInput with a plain reason."""
    if j.last_event_at is not None and event.at < j.last_event_at:
        raise InvalidInput(
            f"That date ({event.at.isoformat(timespec='minutes')}) is before the last thing "
            f"logged ({j.last_event_at.isoformat(timespec='minutes')}); events go in order."
        )
    j = advance(j, event.at, pb)
    decision = _HANDLERS[event.kind](j, event, pb)
    return Decision(replace(decision.journey, last_event_at=event.at), decision.effects)


_E = TypeVar("_E", ContactKind, Went, Outcome)


def _choice(kind: type[_E], value: object, what: str) -> _E:
    """An event's choice, or one clear sentence naming the allowed values."""
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidInput(f"{what} must be one of: {allowed}.") from None


def _effect(pb: Playbook, code: str, **values: object) -> tuple[Sourced, ...]:
    return (pb.effect(code, **values),)


def _on_slip(j: Journey, e: Event, pb: Playbook) -> Decision:
    if j.stage in OPEN_STAGES:
        allowed, _ = contact_rule(j, e.at)
        if allowed:
            raise InvalidInput(
                "A slip is contact when contact isn't advised; right now it is, "
                "so log it with 'log contact' instead."
            )
        # a double text while waiting or resting: recorded, and the wait starts again
        j = replace(j, slips=j.slips + 1, last_contact=e.at, awaiting_reply=True)
        return Decision(j, _effect(pb, "contact_first"))
    j = replace(j, slips=j.slips + 1)
    if j.stage in (Stage.REFLECT, Stage.NO_CONTACT):
        # seed 003 §1: a slip restarts the count; the running period is never shortened.
        start = max(e.at, j.no_contact_start or e.at)
        return Decision(replace(j, no_contact_start=start), _effect(pb, "slip"))
    if j.stage is Stage.PAUSE and j.pause_until is not None:
        until = max(j.pause_until, e.at + timedelta(days=pb.timing.space_pause_days))
        return Decision(replace(j, pause_until=until), _effect(pb, "slip"))
    return Decision(j, _effect(pb, "slip_closed"))


def _on_urge(j: Journey, e: Event, pb: Playbook) -> Decision:
    # An urge is never a slip: nothing was sent (issue 2; seed 004 step 1).
    return Decision(replace(j, urges=j.urges + 1), _effect(pb, "urge"))


def _on_contact(j: Journey, e: Event, pb: Playbook) -> Decision:
    allowed, reason = contact_rule(j, e.at)
    if not allowed:
        raise NotAllowed(reason or "Contact isn't allowed now.")
    kind = _choice(ContactKind, e.get("kind") or ContactKind.TEXT.value, "A contact's kind")
    first = j.stage is Stage.FIRST_CONTACT
    j = replace(
        j,
        last_contact=e.at,
        awaiting_reply=True,
        rest_until=None,
        extra_attempt_used=j.extra_attempt_used or j.extra_attempt_pending,
        extra_attempt_pending=False,
    )
    if j.stage is Stage.TALK and j.talk_declined:
        return Decision(j, _effect(pb, "contact"))
    if kind is ContactKind.MEETUP and j.stage in (Stage.FIRST_CONTACT, Stage.RAPPORT):
        return Decision(_to_stage(j, Stage.MEETUP, e.at), _effect(pb, "invitation"))
    return Decision(j, _effect(pb, "contact_first" if first else "contact"))


def _boundary(j: Journey, e: Event, boundary: Boundary, pb: Playbook) -> Decision:
    """A boundary applies at once, and boundaries only ever tighten (seed 001, 003 §1)."""
    if j.stage is Stage.LET_GO:
        if boundary is Boundary.NO_CONTACT:
            j = replace(j, boundary=boundary, closed_reason="boundary_no_contact")
            return Decision(j, _effect(pb, "boundary_no_contact"))
        return Decision(j, _effect(pb, "reply_closed"))
    if j.stage is Stage.PAUSE and j.pause_until is None and boundary is Boundary.SPACE:
        # an open-ended pause never turns into a dated one
        return Decision(j, _effect(pb, "reply_closed"))
    j = replace(j, boundary=boundary, awaiting_reply=False)
    if boundary is Boundary.NO_CONTACT:
        # seed 001 "honor their wishes": closed until they reach out.
        closed = replace(_to_stage(j, Stage.LET_GO, e.at), closed_reason="boundary_no_contact")
        return Decision(closed, _effect(pb, "boundary_no_contact"))
    if boundary is Boundary.SPACE:
        until = e.at + timedelta(days=pb.timing.space_pause_days)
        for later in (j.pause_until, j.no_contact_end if j.stage in QUIET_STAGES else None):
            if later is not None:
                until = max(until, later)
        paused = replace(_to_stage(j, Stage.PAUSE, e.at), pause_until=until, closed_reason="space")
        return Decision(paused, _effect(pb, "boundary_space", date=until.date().isoformat()))
    if boundary is Boundary.NEW_PARTNER:
        paused = replace(
            _to_stage(j, Stage.PAUSE, e.at), pause_until=None, closed_reason="new_partner"
        )
        return Decision(paused, _effect(pb, "boundary_new_partner"))
    # rejection
    if j.stage is Stage.TALK and not j.talk_declined:
        return Decision(replace(j, talk_declined=True), _effect(pb, "boundary_rejection_talk"))
    if j.stage is Stage.TALK and j.talk_declined and j.appeal_used is False:
        closed = replace(
            _to_stage(j, Stage.LET_GO, e.at), closed_reason="final_no", appeal_used=True
        )
        return Decision(closed, _effect(pb, "appeal_no"))
    closed = replace(_to_stage(j, Stage.LET_GO, e.at), closed_reason="rejection")
    return Decision(closed, _effect(pb, "boundary_rejection"))


def _on_reply(j: Journey, e: Event, pb: Playbook) -> Decision:
    raw_boundary = e.get("boundary")
    boundary = Boundary(str(raw_boundary)) if raw_boundary else None
    if j.stage is Stage.SAFETY:
        return Decision(j, _effect(pb, "reached_out_safety"))
    if boundary is not None:
        return _boundary(j, e, boundary, pb)
    if j.stage in (Stage.LET_GO, Stage.PAUSE, Stage.REFLECT, Stage.NO_CONTACT):
        return Decision(j, _effect(pb, "reply_closed"))
    tone = Tone(str(e.get("tone"))) if e.get("tone") else Tone.NEUTRAL
    j = replace(j, awaiting_reply=False, extra_attempt_pending=False)
    if tone is Tone.HOSTILE:
        rest = e.at + timedelta(days=pb.timing.hostile_reply_rest_days)
        return Decision(replace(j, rest_until=rest), _effect(pb, "reply_hostile"))
    if j.stage is Stage.FIRST_CONTACT:
        return Decision(_to_stage(j, Stage.RAPPORT, e.at), _effect(pb, "reply_warm"))
    return Decision(j, _effect(pb, "reply_warm"))


def _on_no_reply(j: Journey, e: Event, pb: Playbook) -> Decision:
    if j.last_contact is None or j.stage not in OPEN_STAGES:
        raise InvalidInput("There is no contact of yours logged that could go unanswered.")
    if j.extra_attempt_used:
        return Decision(_silence(j, e.at, pb), _effect(pb, "silence_final"))
    rest = j.last_contact + timedelta(days=pb.timing.no_reply_wait_days)
    j = replace(j, awaiting_reply=False, extra_attempt_pending=True, rest_until=rest)
    return Decision(j, _effect(pb, "no_reply", date=rest.date().isoformat()))


def _require_open(j: Journey, what: str, stages: frozenset[Stage]) -> None:
    if j.stage not in stages:
        raise NotAllowed(f"A {what} can't be logged while the journey is at '{j.stage.value}'.")


def _on_meetup(j: Journey, e: Event, pb: Playbook) -> Decision:
    _require_open(j, "meetup", MEETING_STAGES | {Stage.TOGETHER})
    went = _choice(Went, e.get("went") or Went.GOOD.value, "How the meetup went")
    j = replace(j, meetups=j.meetups + 1, awaiting_reply=False, extra_attempt_pending=False)
    if j.stage is Stage.TOGETHER:
        return Decision(j, _effect(pb, "meetup_good"))
    if went is Went.BAD:
        rest = e.at + timedelta(days=pb.timing.bad_meetup_rest_days)
        stage = Stage.RAPPORT if j.stage in (Stage.MEETUP, Stage.FIRST_CONTACT) else j.stage
        return Decision(
            replace(_to_stage(j, stage, e.at), rest_until=rest), _effect(pb, "meetup_bad")
        )
    j = replace(j, good_meetups=j.good_meetups + 1)
    if j.good_meetups >= pb.timing.good_meetups_before_talk and j.stage is not Stage.TALK:
        # seed 001: feelings and the talk after the 2nd or 3rd meeting.
        return Decision(_to_stage(j, Stage.TALK, e.at), _effect(pb, "meetup_good_talk"))
    if j.stage in (Stage.FIRST_CONTACT, Stage.RAPPORT, Stage.MEETUP):
        return Decision(_to_stage(j, Stage.TRUST, e.at), _effect(pb, "meetup_good"))
    return Decision(j, _effect(pb, "meetup_good"))


def _on_talk(j: Journey, e: Event, pb: Playbook) -> Decision:
    _require_open(j, "talk", MEETING_STAGES - {Stage.FIRST_CONTACT})
    if j.talk_declined:
        raise InvalidInput("You've had the talk; asking again is the one final appeal: log appeal.")
    outcome = _choice(Outcome, e.get("outcome"), "The talk's outcome")
    early: tuple[Sourced, ...] = ()
    if j.good_meetups < pb.timing.good_meetups_before_talk:
        early = _effect(pb, "talk_early")
    j = replace(j, awaiting_reply=False)
    if outcome is Outcome.YES:
        return Decision(_to_stage(j, Stage.TOGETHER, e.at), _effect(pb, "talk_yes") + early)
    if outcome is Outcome.NO:
        j = replace(_to_stage(j, Stage.TALK, e.at), talk_declined=True)
        return Decision(j, _effect(pb, "talk_no") + early)
    return Decision(_to_stage(j, Stage.TRUST, e.at), _effect(pb, "talk_later") + early)


def _on_appeal(j: Journey, e: Event, pb: Playbook) -> Decision:
    if not (j.stage is Stage.TALK and j.talk_declined):
        raise NotAllowed("The final appeal only follows a 'no' at the honest talk (seed 001).")
    if j.appeal_used:
        raise NotAllowed("The one final appeal has been made; honour their answer (seed 001).")
    outcome = _choice(Outcome, e.get("outcome"), "The appeal's outcome")
    if outcome is Outcome.LATER:
        raise InvalidInput("An appeal's outcome is yes or no.")
    j = replace(j, appeal_used=True, awaiting_reply=False)
    if outcome is Outcome.YES:
        return Decision(_to_stage(j, Stage.TOGETHER, e.at), _effect(pb, "appeal_yes"))
    closed = replace(_to_stage(j, Stage.LET_GO, e.at), closed_reason="final_no")
    return Decision(closed, _effect(pb, "appeal_no"))


def _on_ex_reached_out(j: Journey, e: Event, pb: Playbook) -> Decision:
    if j.stage is Stage.SAFETY:
        return Decision(j, _effect(pb, "reached_out_safety"))
    reopened = replace(
        j,
        boundary=None,
        closed_reason=None,
        pause_until=None,
        awaiting_reply=False,
        rest_until=None,
        extra_attempt_pending=False,
        extra_attempt_used=False,
        talk_declined=False,
        appeal_used=False,
    )
    if j.stage in (Stage.TRUST, Stage.TALK, Stage.TOGETHER, Stage.MEETUP, Stage.RAPPORT):
        return Decision(reopened, _effect(pb, "reached_out"))
    # They opened the door: from a closed, paused or quiet journey straight into rapport.
    return Decision(_to_stage(reopened, Stage.RAPPORT, e.at), _effect(pb, "reached_out"))


def _on_let_go(j: Journey, e: Event, pb: Playbook) -> Decision:
    if j.stage is Stage.SAFETY:
        return Decision(j, _effect(pb, "let_go"))
    closed = replace(_to_stage(j, Stage.LET_GO, e.at), closed_reason="your_choice")
    return Decision(closed, _effect(pb, "let_go"))


_HANDLERS = {
    EventKind.SLIP: _on_slip,
    EventKind.URGE: _on_urge,
    EventKind.CONTACT: _on_contact,
    EventKind.REPLY: _on_reply,
    EventKind.NO_REPLY: _on_no_reply,
    EventKind.MEETUP: _on_meetup,
    EventKind.TALK: _on_talk,
    EventKind.APPEAL: _on_appeal,
    EventKind.EX_REACHED_OUT: _on_ex_reached_out,
    EventKind.LET_GO: _on_let_go,
}


def replay(start: Journey, events: Iterable[Event], now: datetime, pb: Playbook) -> Journey:
    """The journey as of `now`: every stored event applied in order, then time."""
    j = start
    for event in events:
        j = apply(j, event, pb).journey
    return advance(j, now, pb)


# ---------------------------------------------------------------- views


def no_contact_progress(j: Journey, now: datetime) -> NoContactProgress | None:
    """Day N of M while the no-contact stretch runs (day 1 is the day it started)."""
    if j.stage not in (Stage.REFLECT, Stage.NO_CONTACT) or j.no_contact_start is None:
        return None
    end = j.no_contact_end
    assert end is not None
    day = (now.date() - j.no_contact_start.date()).days + 1
    return NoContactProgress(
        day=max(1, min(day, j.no_contact_days)), days=j.no_contact_days, ends=end.date()
    )


def next_step(j: Journey, now: datetime, pb: Playbook) -> NextStep:
    text = pb.stages[j.stage]
    today = now.date()
    if j.stage is Stage.REFLECT:
        when = (j.started + timedelta(days=pb.timing.reflect_days)).date()
        n = text.next.format(date=when.isoformat())
        return NextStep(n.text, when, n.source)
    if j.stage is Stage.NO_CONTACT:
        end = j.no_contact_end
        when = end.date() if end else today
        n = text.next.format(date=when.isoformat())
        return NextStep(n.text, when, n.source)
    if j.stage is Stage.PAUSE:
        if j.pause_until is None:
            s = text.extra["indefinite"]
            return NextStep(s.text, today, s.source)
        when = j.pause_until.date()
        n = text.next.format(date=when.isoformat())
        return NextStep(n.text, when, n.source)
    if j.stage is Stage.TALK and j.talk_declined and not j.appeal_used:
        s = text.extra["appeal"]
        return NextStep(s.text, today, s.source)
    if j.stage in OPEN_STAGES and (j.awaiting_reply or j.rest_until is not None):
        if j.awaiting_reply and j.last_contact is not None:
            when = (j.last_contact + timedelta(days=pb.timing.no_reply_wait_days)).date()
        else:
            when = max(today, j.rest_until.date()) if j.rest_until else today
        waiting = text.extra.get("waiting") or pb.stages[Stage.RAPPORT].extra["waiting"]
        s = waiting.format(date=when.isoformat())
        return NextStep(s.text, when, s.source)
    return NextStep(text.next.text, today, text.next.source)


def status(j: Journey, now: datetime, pb: Playbook) -> Status:
    j = advance(j, now, pb)
    allowed, reason = contact_rule(j, now)
    text = pb.stages[j.stage]
    return Status(
        path=j.path,
        stage=j.stage,
        no_contact=no_contact_progress(j, now),
        contact_allowed=allowed,
        contact_reason=reason,
        next_step=next_step(j, now, pb),
        today=text.today,
        title=text.title,
        summary=text.summary,
        boundary=j.boundary,
        slips=j.slips,
        urges=j.urges,
        started=j.started,
    )


EXIT_ONLY = frozenset({Stage.LET_GO, Stage.SAFETY})


def _expected_end(j: Journey, now: datetime, pb: Playbook) -> datetime:
    """When the current stage is expected to end, for dating the steps after it."""
    if j.stage is Stage.REFLECT:
        return j.started + timedelta(days=pb.timing.reflect_days)
    if j.stage is Stage.NO_CONTACT:
        return j.no_contact_end or now
    if j.stage is Stage.PAUSE:
        return j.pause_until or now + timedelta(days=pb.stages[Stage.PAUSE].typical_days)
    typical = timedelta(days=pb.stages[j.stage].typical_days)
    return max(now, j.stage_since + typical)


def plan(j: Journey, now: datetime, pb: Playbook) -> list[PlanStep]:
    """The dated plan: stages reached with their real dates, the rest estimated."""
    j = advance(j, now, pb)
    if j.stage in EXIT_ONLY:
        text = pb.stages[j.stage]
        step = next_step(j, now, pb)
        return [
            PlanStep(j.stage, text.title, step.date, step.text, step.source, False, True, False)
        ]
    order = list(RECONCILE_ORDER)
    if j.stage is Stage.PAUSE:
        order = [Stage.PAUSE, *order[2:]]
    reached = dict(j.stage_log)
    current = order.index(j.stage)
    quiet = j.stage in QUIET_STAGES
    steps: list[PlanStep] = []
    cursor = _expected_end(j, now, pb)
    for index, stage in enumerate(order):
        text = pb.stages[stage]
        done = skipped = estimated = False
        if index < current:
            if stage in reached:
                when, done = reached[stage], True
            else:  # never entered: dated when the journey moved past it, and said so
                later = [reached[s] for s in order[index + 1 :] if s in reached]
                when, skipped = (min(later) if later else j.stage_since), True
        elif index == current:
            when = j.stage_since
        else:
            when = cursor
            if stage is Stage.FIRST_CONTACT and quiet:
                when = j.no_contact_end or cursor
            # the end of no-contact is a fixed date; what follows depends on how it goes
            estimated = not (stage in (Stage.NO_CONTACT, Stage.FIRST_CONTACT) and quiet)
            if stage is Stage.NO_CONTACT:
                cursor = j.no_contact_end or cursor
            else:
                cursor = when + timedelta(days=text.typical_days)
        steps.append(
            PlanStep(
                stage,
                text.title,
                when.date(),
                text.summary,
                text.source,
                done,
                index == current,
                estimated,
                skipped,
            )
        )
    return steps
