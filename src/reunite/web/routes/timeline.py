"""Timeline: the dated plan and every logged event on one line, with a form for each event."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reunite.clock import now, parse_when
from reunite.domain.errors import ReuniteError
from reunite.domain.model import EventKind
from reunite.web.events import EVENT_FORMS, FORMS_BY_KIND, describe
from reunite.web.pages import current_status, journey_mode, redirect, render_page, reunite
from reunite.web.views import to_dict

router = APIRouter()

CLOSED_STAGES = frozenset({"reflect", "no_contact", "pause", "let_go", "safety"})


def _moment(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time.min)
    return datetime.fromisoformat(str(value))


def _items(request: Request) -> list[dict[str, Any]]:
    facade, moment = reunite(request), now()
    items: list[dict[str, Any]] = []
    for step in facade.plan(moment):
        s = to_dict(step)
        items.append(
            {"type": "plan", "at": _moment(s["date"]), "step": s, "past": bool(s.get("done"))}
        )
    for event in facade.events():
        e = to_dict(event)
        headline, quoted = describe(str(e["kind"]), e.get("data") or {})
        items.append(
            {
                "type": "event",
                "at": _moment(e["at"]),
                "headline": headline,
                "quoted": quoted,
                "kind": e["kind"],
            }
        )
    items.sort(key=lambda item: (item["at"], item["type"] == "plan"))
    return items


def _page(
    request: Request,
    *,
    error: str | None = None,
    failed: str | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    mode = journey_mode(request)
    status = current_status(request)
    # Contact tools show only while the journey is open to contact at all; the engine still
    # refuses, with its reason, anything the method does not allow at this moment.
    open_contact = mode == "journey" and status.get("stage") not in CLOSED_STAGES
    forms = [
        f
        for f in EVENT_FORMS
        if (open_contact or not f.contact_tool)
        and not (mode == "recovery" and f.kind == "let_go")
        and not (f.kind == "slip" and status.get("stage") not in ("reflect", "no_contact", "pause"))
    ]
    return render_page(
        request,
        "timeline.html",
        {
            "items": _items(request),
            "forms": forms,
            "status": status,
            "error": error,
            "failed": failed,
            "values": values or {},
            "max_at": now().strftime("%Y-%m-%dT%H:%M"),
        },
        title="Timeline",
        active="timeline",
        status_code=status_code,
    )


@router.get("/timeline", name="timeline")
async def timeline(request: Request) -> Response:
    if journey_mode(request) == "new":
        return redirect("/start")
    return _page(request)


@router.post("/timeline/log/{kind}")
async def log_event(request: Request, kind: str) -> Response:
    if journey_mode(request) == "new":
        return redirect("/start")
    form_spec = FORMS_BY_KIND.get(kind)
    if form_spec is None:
        return _page(request, error="That isn't something Reunite can log.", status_code=404)
    form = await request.form()
    values = {k: str(v) for k, v in form.items()}
    missing = [
        f.label for f in form_spec.fields if f.required and not values.get(f.name, "").strip()
    ]
    if missing:
        return _page(
            request,
            error=f"Please fill in: {missing[0]}.",
            failed=kind,
            values=values,
            status_code=422,
        )
    facade, moment = reunite(request), now()
    try:
        at = parse_when(values["at"], "date and time") if values.get("at") else None
        if kind == "reply":
            result = facade.log_reply(values["text"], moment, at)
        else:
            data: dict[str, Any] = {}
            for f in form_spec.fields:
                if f.name != "note" and values.get(f.name):
                    data["kind" if f.name == "contact_kind" else f.name] = values[f.name]
            result = _log(facade, EventKind(kind), moment, at, values.get("note") or None, data)
    except ReuniteError as error:
        return _page(request, error=error.message, failed=kind, values=values, status_code=409)
    outcome = to_dict(result)
    request.state.journey_mode = None  # the stage may have changed: work out the nav again
    return render_page(
        request,
        "logged.html",
        {"result": outcome, "headline": describe(kind, {})[0]},
        title="Logged",
        active="timeline",
    )


def _log(
    facade: Any,
    kind: EventKind,
    moment: datetime,
    at: datetime | None,
    note: str | None,
    data: dict[str, Any],
) -> Any:
    # A contact's own kind (text/call/meetup) travels as data["kind"], as the engine reads it.
    return facade.log(kind, moment, at, note=note, **data)
