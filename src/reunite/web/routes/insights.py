"""Insights: the user's own chat history with their ex, imported here and read back as
trends, turning points and good times (issue 4). The work is the history service's; this
route only takes the upload and renders."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from reunite.clock import now
from reunite.domain.errors import ReuniteError
from reunite.web.pages import redirect, render_page, reunite

router = APIRouter()

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
ACCEPTED = (".txt", ".zip", ".json", ".csv")


def _page(
    request: Request, *, me: str = "", error: str | None = None, status_code: int = 200
) -> Response:
    from reunite.domain.history.report import charts, describe

    history = reunite(request).history()
    data: dict[str, Any] | None = None
    if history.chats():
        data = history.insights().as_dict()
    return render_page(
        request,
        "insights.html",
        {
            "data": data,
            "summary": describe(data).split("\n")[:1] if data else [],
            "charts": charts(data) if data else {},
            "me": me,
            "error": error,
        },
        title="Your chat history",
        active="timeline",
        status_code=status_code,
    )


@router.get("/insights", name="insights")
async def insights(request: Request) -> Response:
    return _page(request)


@router.post("/insights/import")
async def import_chat(request: Request) -> Response:
    form = await request.form()
    me = str(form.get("me", "")).strip()[:200]
    upload = form.get("chat")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _page(request, me=me, error="Choose the exported chat file first.", status_code=422)
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in ACCEPTED:
        return _page(
            request,
            me=me,
            error="That file type isn't a chat export: use the .txt or .zip from WhatsApp, "
            "or a Telegram, Messenger or Instagram .json, or a .csv.",
            status_code=422,
        )
    with tempfile.TemporaryDirectory(prefix="reunite-import-") as folder:
        path = Path(folder) / f"chat{suffix}"
        with path.open("wb") as out:
            shutil.copyfileobj(upload.file, out, length=1024 * 1024)
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            return _page(request, me=me, error="That file is larger than 50 MB.", status_code=413)
        try:
            reunite(request).history().import_file(path, me=me or None, now=now())
        except ReuniteError as error:
            return _page(request, me=me, error=error.message, status_code=422)
    return redirect("/insights?done=chat-imported")
