"""Journal: private entries with mood and tags, search, and mood over time."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reunite.clock import now
from reunite.domain.errors import InvalidInput
from reunite.web.pages import redirect, render_page, reunite
from reunite.web.views import mood_chart, to_dict

router = APIRouter()

SUGGESTED_TAGS = ("urge-to-text", "unsent-letter", "reflection", "gratitude", "sad", "hopeful")


def _page(
    request: Request,
    *,
    text: str = "",
    mood: str = "",
    tags: str = "",
    error: str | None = None,
    crisis: bool = False,
    notice: str | None = None,
    status_code: int = 200,
) -> Response:
    query = request.query_params.get("q", "").strip()[:200]
    tag = request.query_params.get("tag", "").strip()[:60]
    facade = reunite(request)
    entries = [to_dict(e) for e in facade.journal(query or None, tag or None)]
    everything = entries if not (query or tag) else [to_dict(e) for e in facade.journal()]
    return render_page(
        request,
        "journal.html",
        {
            "entries": entries,
            "chart": mood_chart(everything),
            "q": query,
            "tag": tag,
            "text": text,
            "mood": mood,
            "tags": tags,
            "error": error,
            "crisis": crisis,
            "notice": notice,
            "suggested": SUGGESTED_TAGS,
        },
        title="Journal",
        active="journal",
        status_code=status_code,
    )


#: For the coach: show the journal with a notice and the user's words already in the form.
journal_page = _page


@router.get("/journal", name="journal")
async def journal(request: Request) -> Response:
    return _page(request)


@router.post("/journal")
async def journal_add(request: Request) -> Response:
    form = await request.form()
    text, mood, tags = (str(form.get(k, "")) for k in ("text", "mood", "tags"))
    chosen = [str(t) for t in form.getlist("tag")]
    tag_list = [t for t in (*tags.replace(";", ",").split(","), *chosen) if t.strip()]
    try:
        mood_value: Any = int(mood) if mood.strip() else None
    except ValueError:
        return _page(
            request,
            text=text,
            mood=mood,
            tags=tags,
            error="Mood is a number from 1 to 10.",
            status_code=422,
        )
    try:
        entry = reunite(request).add_journal(text, mood_value, tag_list, now())
    except InvalidInput as error:
        return _page(request, text=text, mood=mood, tags=tags, error=error.message, status_code=422)
    if entry.crisis:
        return _page(request, crisis=True)
    return redirect("/journal?done=journal-added")
