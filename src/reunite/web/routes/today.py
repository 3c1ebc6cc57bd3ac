"""Today: the stage, the no-contact counter, the next step and what to do today."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reunite.web.pages import current_status, journey_mode, redirect, render_page
from reunite.web.views import ring, text_of

router = APIRouter()


@router.get("/", name="today")
async def today(request: Request) -> Response:
    if journey_mode(request) == "new":
        return redirect("/start")
    status = current_status(request)
    counter = status.get("no_contact") or None
    tasks = [text_of(item) for item in status.get("today") or status.get("tasks") or []]
    return render_page(
        request,
        "today.html",
        {
            "status": status,
            "ring": ring(int(counter["day"]), int(counter["days"])) if counter else None,
            "tasks": tasks,
            "next_step": status.get("next_step") or {},
        },
        title="Today",
        active="today",
    )
