"""The coach: check a draft (flags highlighted at their spans), read their reply and log it,
and "I want to text them": write it out, see the coach's reading, keep it unsent."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reunite.clock import now
from reunite.domain.model import DRAFT_STAGES, EventKind
from reunite.web import coaching
from reunite.web.pages import current_status, htmx, journey_mode, redirect, render_page, reunite
from reunite.web.views import highlight

router = APIRouter()

MAX_TEXT = 5000


def _stage_choices() -> list[str]:
    return [stage.value for stage in DRAFT_STAGES]


def _current_stage(request: Request) -> str:
    status = getattr(request.state, "status", None)
    if journey_mode(request) == "journey" and status is None:
        status = current_status(request)
    stage = (status or {}).get("stage")
    return str(stage) if stage in _stage_choices() else "first_contact"


def _too_long(text: str) -> str | None:
    if len(text) > MAX_TEXT:
        return f"That's longer than {MAX_TEXT} characters. Please shorten it; your words are still here."
    return None


def _check_view(text: str, stage: str, facts: coaching.JourneyFacts) -> dict[str, Any]:
    result = coaching.check(text, stage, facts)
    return {"result": result, "segments": highlight(text, result.get("flags") or [])}


def _coach_page(request: Request, **context: Any) -> Response:
    if journey_mode(request) == "recovery":
        return redirect("/journal")
    values: dict[str, Any] = {
        "draft": "",
        "reply": "",
        "stage": _current_stage(request),
        "stages": _stage_choices(),
        "check": None,
        "reading": None,
        "error": None,
        "reply_error": None,
    }
    values.update(context)
    values["ideas"] = coaching.ideas(values["stage"])
    return render_page(
        request,
        "coach.html",
        values,
        title="Coach",
        active="coach",
        status_code=422 if values["error"] or values["reply_error"] else 200,
    )


@router.get("/coach", name="coach")
async def coach(request: Request) -> Response:
    return _coach_page(request)


def _refuse_drafting(request: Request, text: str, facts: coaching.JourneyFacts) -> Response | None:
    """After a no_contact boundary (or on the safety path) the coach won't help write to
    them: it says why, shows crisis help first if the words call for it, and keeps the
    words in a journal entry — nothing typed is lost (issue 5)."""
    closed = facts.closed
    if not closed:
        return None
    from reunite.domain.coach import detect_crisis
    from reunite.web.routes.journal import journal_page

    return journal_page(
        request,
        text=text,
        tags="unsent-letter",
        notice=closed,
        crisis=bool(text.strip()) and detect_crisis(text),
        status_code=409,
    )


@router.post("/coach/check")
async def coach_check(request: Request) -> Response:
    form = await request.form()
    text = str(form.get("draft", "") or form.get("text", ""))
    facts = coaching.journey_facts(reunite(request), now())  # one read for both uses
    refused = _refuse_drafting(request, text, facts)
    if refused is not None:
        return refused
    stage = str(form.get("stage", "")) or _current_stage(request)
    if stage not in _stage_choices():
        stage = _current_stage(request)
    error = _too_long(text) or (
        None if text.strip() else "Write the message you have in mind first."
    )
    check = None if error else _check_view(text, stage, facts)
    if htmx(request) and not error:
        return render_page(request, "_partials/check_result.html", {"check": check, "draft": text})
    return _coach_page(request, draft=text, stage=stage, check=check, error=error)


@router.post("/coach/read")
async def coach_read(request: Request) -> Response:
    form = await request.form()
    text = str(form.get("reply", ""))
    error = _too_long(text) or (None if text.strip() else "Paste or type their message first.")
    reading = None if error else coaching.read(text)
    if htmx(request) and not error:
        return render_page(
            request, "_partials/reply_result.html", {"reading": reading, "reply": text}
        )
    return _coach_page(request, reply=text, reading=reading, reply_error=error)


@router.post("/coach/reply/log")
async def coach_log_reply(request: Request) -> Response:
    form = await request.form()
    text = str(form.get("reply", ""))
    if not text.strip() or _too_long(text):
        return _coach_page(request, reply=text, reply_error="Paste or type their message first.")
    reunite(request).log_reply(text, now())
    return redirect("/?done=reply-logged")


# ------------------------------------------------------------------ the urge


@router.get("/urge", name="urge")
async def urge(request: Request) -> Response:
    if journey_mode(request) == "new":
        return redirect("/start")
    return _urge_page(request)


def _urge_page(request: Request, **context: Any) -> Response:
    values: dict[str, Any] = {
        "letter": "",
        "mood": "",
        "check": None,
        "error": None,
        "kept": False,
        "crisis": False,
    }
    values.update(context)
    return render_page(
        request,
        "urge.html",
        values,
        title="Write it out",
        active="today",
        status_code=422 if values["error"] else 200,
    )


@router.post("/urge")
async def urge_action(request: Request) -> Response:
    form = await request.form()
    text = str(form.get("letter", ""))
    mood = str(form.get("mood", "")).strip()
    action = str(form.get("action", "read"))
    if action == "read" and journey_mode(request) == "recovery":
        action = "keep"  # contact is closed: the letter is kept, never coached toward sending
    if action == "log":
        reunite(request).log(EventKind.URGE, now())
        return redirect("/?done=urge-logged")
    error = _too_long(text) or (
        None if text.strip() else "Write what you want to say first. Nobody will see it."
    )
    if mood and (not mood.isdigit() or not 1 <= int(mood) <= 10):
        error = "Mood is a number from 1 to 10."
    if error:
        return _urge_page(request, letter=text, mood=mood, error=error)
    if action == "keep":
        # Tagged urge-to-text, the entry also logs the urge (never a slip: nothing was sent).
        entry = reunite(request).add_journal(
            text, int(mood) if mood else None, ["unsent-letter", "urge-to-text"], now()
        )
        if entry.crisis:  # help first, before anything else (contracts.md)
            return _urge_page(request, kept=True, crisis=True)
        return redirect("/?done=urge-kept")
    status = current_status(request)
    # While contact is closed any draft is read as during no-contact: it waits.
    stage = str(status["stage"]) if status.get("contact_allowed") else "no_contact"
    if stage not in _stage_choices():
        stage = "no_contact"
    facts = coaching.journey_facts(reunite(request), now())
    return _urge_page(request, letter=text, mood=mood, check=_check_view(text, stage, facts))
