"""Onboarding: the assessment wizard, its result, and starting the journey."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError

from reunite.clock import now
from reunite.schemas import AnswersIn
from reunite.web import wizard
from reunite.web.pages import journey_mode, redirect, render_page, reunite
from reunite.web.views import preview_plan, to_dict

router = APIRouter()


def _screen(
    request: Request,
    index: int,
    answers: dict[str, Any],
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    return render_page(
        request,
        "start.html",
        {
            "screens": wizard.SCREENS,
            "index": index,
            "screen": wizard.SCREENS[index],
            "answers": answers,
            "hidden": wizard.hidden_fields(answers, index),
            "errors": errors or {},
            "has_journey": journey_mode(request) != "new",
        },
        title=wizard.SCREENS[index].title,
        active="start",
        status_code=status_code,
    )


def _validated(answers: dict[str, Any]) -> tuple[AnswersIn | None, str | None]:
    try:
        return AnswersIn.model_validate(wizard.to_payload(answers)), None
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][-1]).replace("_", " ") if first.get("loc") else "answers"
        return None, f"{field.capitalize()}: {first['msg']}."


@router.get("/start", name="start")
async def start(request: Request) -> Response:
    return _screen(request, 0, {})


@router.post("/start")
async def start_step(request: Request) -> Response:
    form = await request.form()
    answers = wizard.collect(form)
    try:
        index = max(0, min(int(str(form.get("screen", "0"))), len(wizard.SCREENS) - 1))
    except ValueError:
        index = 0
    if form.get("nav") == "back":
        return _screen(request, max(index - 1, 0), answers)
    errors = wizard.missing_required(answers, index)
    if errors:
        return _screen(request, index, answers, errors, status_code=422)
    if index + 1 < len(wizard.SCREENS):
        return _screen(request, index + 1, answers)
    return _result(request, answers)


def _result(request: Request, answers: dict[str, Any]) -> Response:
    parsed, problem = _validated(answers)
    if parsed is None:
        screen = next(
            (i for i, s in enumerate(wizard.SCREENS) if any(q.required for q in s.questions)), 0
        )
        return _screen(request, screen, answers, {"who_ended": problem or ""}, status_code=422)
    facade, moment = reunite(request), now()
    found = facade.assess(parsed.to_domain())
    assessment = to_dict(found)
    return render_page(
        request,
        "result.html",
        {
            "a": assessment,
            "plan": [to_dict(step) for step in preview_plan(facade, found, moment)],
            "answers": answers,
            "hidden": wizard.hidden_fields(answers, None),
            "has_journey": journey_mode(request) != "new",
        },
        title="Your path",
        active="start",
    )


@router.post("/start/begin")
async def begin(request: Request) -> Response:
    form = await request.form()
    answers = wizard.collect(form)
    parsed, _problem = _validated(answers)
    if parsed is None:
        return _screen(request, 1, answers, {"who_ended": "Please choose who ended it."}, 422)
    facade = reunite(request)
    facade.start_journey(parsed.to_domain(), now(), replace=facade.has_journey())
    return redirect("/?done=started")
